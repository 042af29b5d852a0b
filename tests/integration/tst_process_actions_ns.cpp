// SPDX-License-Identifier: GPL-3.0-or-later
// ProcessActions and PID namespaces, against real processes in PID namespaces this test creates
// (as root; skipped with the reason where unshare(CLONE_NEWPID) is not permitted):
// (a) Procglass code in a child PID namespace that still sees the parent's /proc (`unshare -fp`
//     without --mount-proc) knows it, and refuses to signal or renice: a process of that namespace
//     whose number collides with the confirmed one is neither killed nor reniced;
// (b) renice of a ProcessKey whose pid was reused after the identity check leaves the newcomer's
//     nice value alone (the pid is reused deterministically: ns_last_pid in a fresh namespace);
// (c) the same for a signal;
// (d) in a namespace with its own /proc the normal path works: renice every thread, STOP, KILL.
// Each namespace is run by a forked child of this test (pid 1 there), which reports back through a
// pipe; everything it starts dies with it. Also: the pure classification of a /proc root.

#include "core/base/ParseUtil.h"
#include "core/base/ProcFs.h"
#include "core/process/PidStat.h"
#include "core/process/ProcRootScope.h"
#include "core/process/ProcessActions.h"
#include "tests/support/ChildProcess.h"

#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace pg;

namespace {

constexpr int kSkip = 77; // the child's exit code for "not possible here"

// What the namespace's pid 1 says about itself; written to the pipe, shown by the parent.
class Report final
{
public:
    explicit Report(int fd)
        : m_fd(fd)
    { }
    void say(const std::string& line)
    {
        const std::string text = line + "\n";
        [[maybe_unused]] const ssize_t n = ::write(m_fd, text.data(), text.size());
    }
    // Records a failed expectation; returns `ok`.
    bool check(bool ok, const std::string& what)
    {
        if (!ok) {
            say("FAILED: " + what);
            m_failed = true;
        }
        return ok;
    }
    bool failed() const { return m_failed; }

private:
    int m_fd;
    bool m_failed = false;
};

std::uint64_t startTimeOf(const std::string& procRoot, int pid)
{
    auto text = readWholeFile(procRoot + "/" + std::to_string(pid) + "/stat");
    if (!text)
        return 0;
    auto stat = parsePidStat(*text);
    return stat ? stat->startTimeTicks : 0;
}

using pgtest::stateOf;

std::vector<int> threadsOf(int pid)
{
    std::vector<int> tids;
    DIR* d = ::opendir(("/proc/" + std::to_string(pid) + "/task").c_str());
    if (!d)
        return tids;
    while (const dirent* e = ::readdir(d)) {
        int tid = 0;
        if (parse::toInt(std::string_view(e->d_name), tid))
            tids.push_back(tid);
    }
    ::closedir(d);
    return tids;
}

void* parkThread(void*)
{
    for (;;)
        ::pause();
    return nullptr;
}

// A child that waits for signals with `threads` extra threads, killed when its parent dies.
// Returns once the child is ready (its signal handlers are the defaults, its threads started).
pid_t spawnSleeper(int threads = 0)
{
    int ready[2];
    if (::pipe2(ready, O_CLOEXEC) != 0)
        return -1;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        // Not QTest's crash handlers (a stack trace on SIGTERM): die as a plain process would.
        for (int sig = 1; sig < NSIG; ++sig)
            ::signal(sig, SIG_DFL);
        for (int i = 0; i < threads; ++i) {
            pthread_t t;
            ::pthread_create(&t, nullptr, parkThread, nullptr);
        }
        [[maybe_unused]] const ssize_t n = ::write(ready[1], "r", 1);
        for (;;)
            ::pause();
    }
    ::close(ready[1]);
    char byte = 0;
    while (pid > 0 && ::read(ready[0], &byte, 1) < 0 && errno == EINTR) { }
    ::close(ready[0]);
    return pid;
}

// In a PID namespace where only we start processes, the next fork gets ns_last_pid + 1.
pid_t spawnSleeperWithPid(pid_t wanted, std::string& why)
{
    UniqueFd f(::open("/proc/sys/kernel/ns_last_pid", O_WRONLY | O_CLOEXEC));
    const std::string last = std::to_string(wanted - 1);
    if (!f.valid() || ::write(f.get(), last.data(), last.size()) != ssize_t(last.size())) {
        why = std::string("cannot write /proc/sys/kernel/ns_last_pid: ") + std::strerror(errno);
        return -1;
    }
    f.reset();
    const pid_t pid = spawnSleeper();
    if (pid != wanted) {
        why = "ns_last_pid did not give pid " + std::to_string(wanted) + " but "
            + std::to_string(pid);
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
        return -1;
    }
    return pid;
}

// Ends a sleeper with SIGTERM and returns the signal it died of: SIGTERM if nothing killed it
// before (a SIGKILL sent earlier would have been decided at once, and wins).
int endSleeper(pid_t pid)
{
    ::kill(pid, SIGTERM);
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid)
        return -1;
    return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

// Runs `body` as pid 1 of a new PID namespace (and a new mount namespace when `ownProc`, with a
// fresh procfs mounted on /proc there). Returns the child's exit code (0 pass, kSkip, 1 fail) and
// its report. The child and everything it started are gone when this returns.
template <typename Body> int inPidNamespace(bool ownProc, Body body, std::string& report)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return -1;
    UniqueFd readEnd(fds[0]);
    UniqueFd writeEnd(fds[1]);
    const pid_t outer = ::fork();
    if (outer == 0) {
        ::setpgid(0, 0);
        Report out(writeEnd.get());
        const int flags = CLONE_NEWPID | (ownProc ? CLONE_NEWNS : 0);
        if (::unshare(flags) != 0) {
            out.say(std::string("unshare(CLONE_NEWPID") + (ownProc ? "|CLONE_NEWNS" : "")
                + ") is not permitted here: " + std::strerror(errno));
            ::_exit(kSkip);
        }
        const pid_t init = ::fork(); // pid 1 of the new namespace
        if (init == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (ownProc
                && (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
                    || ::mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr)
                        != 0)) {
                out.say(std::string("cannot mount a procfs in the new namespaces: ")
                    + std::strerror(errno));
                ::_exit(kSkip);
            }
            ::_exit(body(out));
        }
        int status = 0;
        if (init < 0 || ::waitpid(init, &status, 0) != init)
            ::_exit(1);
        ::_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
    }
    writeEnd.reset();
    if (outer < 0)
        return -1;
    // The namespace normally takes well under a second; a minute means it hangs.
    int status = 0;
    pid_t done = 0;
    for (int waited = 0; waited < 60000 && done == 0; waited += 10) {
        done = ::waitpid(outer, &status, WNOHANG);
        if (done == 0)
            ::usleep(10000);
    }
    if (done != outer) {
        ::kill(-outer, SIGKILL);
        ::waitpid(outer, &status, 0);
        report = "the namespace did not finish within a minute";
        return 1;
    }
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(readEnd.get(), buffer, sizeof buffer)) > 0)
        report.append(buffer, static_cast<std::size_t>(n));
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

} // namespace

// Runs `body` in a new PID namespace and turns its report into the test's outcome. QSKIP and
// QVERIFY2 return from here only: call it as the last statement of a test.
template <typename Body> void runInNamespace(bool ownProc, Body body)
{
    if (::getuid() != 0)
        QSKIP("needs root to create PID namespaces");
    std::string report;
    const int code = inPidNamespace(ownProc, body, report);
    if (code == kSkip)
        QSKIP(report.c_str());
    QVERIFY2(code == 0, report.c_str());
}

class TestProcessActionsNs final : public QObject
{
    Q_OBJECT
private slots:
    void classify_data();
    void classify();
    void nsPidLevels();
    void rootsOnDisk();
    void parentsProcIsRefused();
    void reniceOfReusedPidIsRefused();
    void signalToReusedPidIsRefused();
    void ownProcNormalPath();
};

void TestProcessActionsNs::classify_data()
{
    QTest::addColumn<bool>("isProcfs");
    QTest::addColumn<int>("selfPid"); // 0: no self
    QTest::addColumn<int>("levels");
    QTest::addColumn<int>("expected");
    const int ours = int(ProcRootScope::Ours), other = int(ProcRootScope::OtherPidNamespace),
              fixture = int(ProcRootScope::Fixture);
    QTest::newRow("our procfs") << true << 100 << 1 << ours;
    QTest::newRow("our procfs, kernel without NSpid") << true << 100 << 0 << ours;
    QTest::newRow("parent's procfs (unshare -fp)") << true << 5000 << 2 << other;
    QTest::newRow("parent's procfs, same number by chance") << true << 100 << 2 << other;
    QTest::newRow("a procfs we are not in") << true << 0 << 0 << other;
    QTest::newRow("fixture tree without self") << false << 0 << 0 << fixture;
    QTest::newRow("fixture tree, self elsewhere") << false << 4242 << 0 << other;
    QTest::newRow("copy of our own tree") << false << 100 << 1 << fixture;
}

void TestProcessActionsNs::classify()
{
    QFETCH(bool, isProcfs);
    QFETCH(int, selfPid);
    QFETCH(int, levels);
    QFETCH(int, expected);
    const std::optional<int> self = selfPid > 0 ? std::optional<int>(selfPid) : std::nullopt;
    QCOMPARE(int(classifyProcRoot(isProcfs, self, 100, levels)), expected);
}

void TestProcessActionsNs::nsPidLevels()
{
    const std::string head = "Name:\tsleep\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t7\n"
                             "Pid:\t7\nPPid:\t1\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n";
    QCOMPARE(countNsPidLevels(head + "NStgid:\t7\nNSpid:\t7\n"), 1);
    QCOMPARE(countNsPidLevels(head + "NStgid:\t10101\t3\nNSpid:\t10101\t3\nNSpgid:\t1\n"), 2);
    QCOMPARE(countNsPidLevels(head), 0);
    QCOMPARE(countNsPidLevels(""), 0);
}

void TestProcessActionsNs::rootsOnDisk()
{
    // Our own /proc (this test is not run inside a PID namespace without its own /proc).
    const ProcRootCheck live = checkProcRoot("/proc");
    QVERIFY2(live.actionsAllowed(), live.reason.c_str());
    QVERIFY(live.reason.empty());

    const ProcRootCheck fixture = checkProcRoot(PROCGLASS_TEST_DATA "/details/proctree");
    QCOMPARE(int(fixture.scope), int(ProcRootScope::Fixture));
    QVERIFY2(
        fixture.reason.find("not the live /proc") != std::string::npos, fixture.reason.c_str());
    const ActionOutcome refused
        = sendSignal(PROCGLASS_TEST_DATA "/details/proctree", ProcessKey { 4242, 200000 }, SIGTERM);
    QCOMPARE(refused.err, EXDEV);
    QCOMPARE(int(refused.scope), int(ProcRootScope::Fixture));

    // A tree whose `self` is another process: what a /proc of another namespace looks like.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string root = dir.path().toStdString();
    QCOMPARE(::symlink(std::to_string(::getpid() + 1).c_str(), (root + "/self").c_str()), 0);
    const ProcRootCheck other = checkProcRoot(root);
    QCOMPARE(int(other.scope), int(ProcRootScope::OtherPidNamespace));
    QVERIFY2(other.reason.find("belongs to another PID namespace: the process numbers it shows are "
                               "not ours, so signals and renice are disabled")
            != std::string::npos,
        other.reason.c_str());
    const ActionOutcome nice = setNice(root, ProcessKey { ::getpid(), 1 }, 5);
    QCOMPARE(nice.err, EXDEV);
    QCOMPARE(int(nice.scope), int(ProcRootScope::OtherPidNamespace));
    QCOMPARE(nice.message, other.reason);
}

// (a) `unshare -fp` without --mount-proc: /proc is the parent namespace's. The table would show
// this process (pid 1 here) under its parent-namespace number X; a sleeper of this namespace is
// given the number X too. Signalling or renicing the confirmed "X" must touch neither.
void TestProcessActionsNs::parentsProcIsRefused()
{
    runInNamespace(false, [](Report& out) {
        const ProcRootCheck root = checkProcRoot("/proc");
        out.check(root.scope == ProcRootScope::OtherPidNamespace,
            "the parent's /proc is seen as another PID namespace's; reason: " + root.reason);
        out.check(root.reason.find("another PID namespace") != std::string::npos,
            "the reason names the namespace: " + root.reason);
        auto self = readLink("/proc/self");
        int outside = 0;
        if (!self || !parse::toInt(std::string_view(*self), outside) || outside <= 1) {
            out.say("/proc/self is not readable as a number here");
            return 1;
        }
        const ProcessKey shown { outside, startTimeOf("/proc", outside) };
        out.check(shown.startTimeTicks != 0, "start time of the parent's view of us");
        std::string why;
        const pid_t sleeper = spawnSleeperWithPid(outside, why);
        if (sleeper < 0) {
            out.say("cannot give a process a chosen pid: " + why);
            return kSkip;
        }
        const int niceBefore = ::getpriority(PRIO_PROCESS, static_cast<id_t>(sleeper));
        const int target = niceBefore >= 15 ? 10 : niceBefore + 4;

        const ActionOutcome nice = setNice("/proc", shown, target);
        out.check(nice.err == EXDEV && nice.scope == ProcRootScope::OtherPidNamespace,
            "renice refused as another namespace's; got: " + nice.message);
        out.check(nice.message == root.reason, "renice refusal says why: " + nice.message);
        out.check(::getpriority(PRIO_PROCESS, static_cast<id_t>(sleeper)) == niceBefore,
            "the colliding process of this namespace keeps its nice value");

        const ActionOutcome kill = sendSignal("/proc", shown, SIGKILL);
        out.check(kill.err == EXDEV && kill.scope == ProcRootScope::OtherPidNamespace,
            "signal refused as another namespace's; got: " + kill.message);
        out.check(endSleeper(sleeper) == SIGTERM,
            "the colliding process of this namespace was not killed by the refused SIGKILL");
        return out.failed() ? 1 : 0;
    });
}

namespace {

// Starts A, confirms its key, and reuses A's pid for a new process B right after the identity
// check (the hook); returns what `act` says and B's pid through `newcomer`.
template <typename Act> int withReusedPid(Report& out, Act act)
{
    const ProcRootCheck root = checkProcRoot("/proc");
    if (!out.check(root.actionsAllowed(), "a namespace with its own /proc is ours: " + root.reason))
        return 1;
    const pid_t first = spawnSleeper();
    const ProcessKey confirmed { first, startTimeOf("/proc", first) };
    pid_t newcomer = -1;
    std::string why;
    setActionHookForTests([&](const ProcessKey& key) {
        if (key.pid != first || newcomer > 0)
            return;
        ::kill(first, SIGKILL);
        ::waitpid(first, nullptr, 0);
        newcomer = spawnSleeperWithPid(first, why);
    });
    const int code = act(confirmed, newcomer);
    setActionHookForTests({});
    if (newcomer < 0) {
        ::kill(first, SIGKILL);
        ::waitpid(first, nullptr, 0);
        out.say("the pid was not reused: " + why);
        return why.empty() ? 1 : kSkip;
    }
    return code;
}

} // namespace

// (b) The pid is reused between the identity check and setpriority.
void TestProcessActionsNs::reniceOfReusedPidIsRefused()
{
    runInNamespace(true, [](Report& out) {
        const int niceBefore = ::getpriority(PRIO_PROCESS, 0); // inherited by every sleeper
        const int target = niceBefore >= 15 ? 10 : niceBefore + 4;
        const int code = withReusedPid(out, [&](const ProcessKey& confirmed, pid_t& newcomer) {
            const ActionOutcome nice = setNice("/proc", confirmed, target);
            if (newcomer < 0)
                return 1;
            out.check(nice.err == ESRCH,
                "renice of the reused pid fails with ESRCH; got: "
                    + (nice.ok() ? std::string("success") : nice.message));
            out.check(::getpriority(PRIO_PROCESS, static_cast<id_t>(newcomer)) == niceBefore,
                "the new owner of the pid keeps its nice value");
            out.check(endSleeper(newcomer) == SIGTERM, "the new owner is still running");
            return out.failed() ? 1 : 0;
        });
        return code;
    });
}

// (c) The pid is reused between the identity check and the signal.
void TestProcessActionsNs::signalToReusedPidIsRefused()
{
    runInNamespace(true, [](Report& out) {
        return withReusedPid(out, [&](const ProcessKey& confirmed, pid_t& newcomer) {
            const ActionOutcome kill = sendSignal("/proc", confirmed, SIGKILL);
            if (newcomer < 0)
                return 1;
            out.check(kill.err == ESRCH,
                "SIGKILL to the reused pid fails with ESRCH; got: "
                    + (kill.ok() ? std::string("success") : kill.message));
            out.check(endSleeper(newcomer) == SIGTERM, "the new owner of the pid was not killed");
            return out.failed() ? 1 : 0;
        });
    });
}

// (d) A namespace with its own /proc (`unshare -fp --mount-proc`): renice every thread of the
// confirmed process, stop it, kill it.
void TestProcessActionsNs::ownProcNormalPath()
{
    runInNamespace(true, [](Report& out) {
        const ProcRootCheck root = checkProcRoot("/proc");
        if (!out.check(root.actionsAllowed(), "our own /proc is ours: " + root.reason))
            return 1;
        const pid_t pid = spawnSleeper(2);
        std::vector<int> tids;
        for (int waited = 0; waited < 10000 && tids.size() != 3; waited += 10) {
            ::usleep(10000);
            tids = threadsOf(pid);
        }
        if (!out.check(tids.size() == 3, "the sleeper runs three threads"))
            return 1;
        const ProcessKey key { pid, startTimeOf("/proc", pid) };
        const int niceBefore = ::getpriority(PRIO_PROCESS, 0);
        const int target = niceBefore >= 15 ? 10 : niceBefore + 4;
        const ActionOutcome nice = setNice("/proc", key, target);
        out.check(nice.ok(), "renice: " + nice.message);
        for (int tid : tids) {
            out.check(::getpriority(PRIO_PROCESS, static_cast<id_t>(tid)) == target,
                "thread " + std::to_string(tid) + " reniced");
        }
        const ActionOutcome stop = sendSignal("/proc", key, SIGSTOP);
        out.check(stop.ok(), "SIGSTOP: " + stop.message);
        char state = '?';
        for (int waited = 0; waited < 10000 && state != 'T'; waited += 10) {
            state = stateOf(pid);
            if (state != 'T')
                ::usleep(10000);
        }
        out.check(state == 'T', std::string("stopped; state ") + state);
        const ActionOutcome kill = sendSignal("/proc", key, SIGKILL);
        out.check(kill.ok(), "SIGKILL: " + kill.message);
        int status = 0;
        out.check(
            ::waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
            "killed by SIGKILL");
        return out.failed() ? 1 : 0;
    });
}

QTEST_GUILESS_MAIN(TestProcessActionsNs)
#include "tst_process_actions_ns.moc"
