// SPDX-License-Identifier: GPL-3.0-or-later
// Integration: ProcessDetails and ProcessActions against real child processes this test starts.
// The child gets a known argv (with an empty argument and spaces), a known environment (empty
// value, '=' in a value), a known working directory and open files: a file at a known offset, a
// file opened for appending, a deleted file, a pipe and a socket (their inodes checked with
// fstat). Signals: STOP, CONT, TERM checked through /proc; ESRCH for an exited process and for a
// reused pid; EPERM and a permission-denied environ from a child that drops to user nobody.

#include "core/base/ProcFs.h"
#include "core/process/PidCgroup.h"
#include "core/process/PidStat.h"
#include "core/process/ProcessActions.h"
#include "core/process/ProcessDetails.h"
#include "tests/support/ChildProcess.h"

#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace pg;

namespace {

using pgtest::stateOf;

ProcessKey keyOfPid(int pid)
{
    auto text = readWholeFile("/proc/" + std::to_string(pid) + "/stat");
    if (!text)
        return { pid, 0 };
    auto stat = parsePidStat(*text);
    return { pid, stat ? stat->startTimeTicks : 0 };
}

std::uint64_t inodeOf(int fd)
{
    struct stat st
    {
    };
    return ::fstat(fd, &st) == 0 ? st.st_ino : 0;
}

// fork + exec of argv with envp; `prepare` runs in the child before exec (dup2s only).
template <typename Prepare>
pid_t spawn(
    const std::vector<std::string>& argv, const std::vector<std::string>& envp, Prepare prepare)
{
    std::vector<char*> a;
    for (const auto& s : argv)
        a.push_back(const_cast<char*>(s.c_str()));
    a.push_back(nullptr);
    std::vector<char*> e;
    for (const auto& s : envp)
        e.push_back(const_cast<char*>(s.c_str()));
    e.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        prepare();
        ::execve(a[0], a.data(), e.data());
        ::_exit(127);
    }
    return pid;
}

} // namespace

class TestDetailsIntegration final : public QObject
{
    Q_OBJECT
private slots:
    void detailsOfKnownChild();
    void signalsStopContTerm();
    void signalToExitedOrReusedPid();
    void renice();
    void otherUserIsRefused();
};

void TestDetailsIntegration::detailsOfKnownChild()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string base = dir.path().toStdString();
    const std::string known = base + "/known file.txt";
    const std::string appended = base + "/appended.log";
    const std::string doomed = base + "/doomed.tmp";
    for (const std::string& path : { known, appended, doomed }) {
        UniqueFd f(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644));
        QVERIFY(f.valid());
        QCOMPARE(::write(f.get(), "0123456789", 10), ssize_t(10));
    }
    UniqueFd knownFd(::open(known.c_str(), O_RDONLY));
    QCOMPARE(::lseek(knownFd.get(), 7, SEEK_SET), off_t(7));
    UniqueFd appendFd(::open(appended.c_str(), O_WRONLY | O_APPEND));
    UniqueFd doomedFd(::open(doomed.c_str(), O_RDWR));
    QCOMPARE(::unlink(doomed.c_str()), 0);
    int pipeFds[2];
    QCOMPARE(::pipe(pipeFds), 0);
    UniqueFd pipeRead(pipeFds[0]);
    UniqueFd pipeWrite(pipeFds[1]);
    int sockets[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM, 0, sockets), 0);
    UniqueFd sockA(sockets[0]);
    UniqueFd sockB(sockets[1]);
    QVERIFY(knownFd.valid() && appendFd.valid() && doomedFd.valid());

    // dash keeps its argv as given and sits in `read` on the pipe until we close it.
    const std::vector<std::string> argv
        = { "/bin/sh", "-c", "read line", "probe name", "", "x=y z" };
    const std::vector<std::string> envp
        = { "PROBE_HOME=/nowhere", "PROBE_EMPTY=", "PROBE_OPTS=a=b=c", "PATH=/usr/bin:/bin" };
    const int k = knownFd.get(), ap = appendFd.get(), dm = doomedFd.get(), pr = pipeRead.get(),
              sk = sockB.get();
    const std::string cwd = base;
    const pid_t pid = spawn(argv, envp, [&] {
        ::dup2(pr, 0);
        ::dup2(k, 5);
        ::dup2(ap, 6);
        ::dup2(dm, 7);
        ::dup2(sk, 8);
        if (::chdir(cwd.c_str()) != 0)
            ::_exit(126);
    });
    QVERIFY(pid > 0);
    auto cleanup = qScopeGuard([&] {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    });
    // Wait until the child has exec'd (its cmdline is the new argv).
    QTRY_VERIFY_WITH_TIMEOUT(readProcessDetails("/proc", pid).cmdline.valueOr({}) == argv, 10000);

    const ProcessDetails d = readProcessDetails("/proc", pid);
    QVERIFY(d.stat.ok());
    QCOMPARE(d.stat->ppid, int(::getpid()));
    QVERIFY(!d.parentComm.valueOr({}).empty());
    QVERIFY(d.environ.ok());
    std::vector<std::string> env;
    for (const EnvVar& v : *d.environ)
        env.push_back(v.hasEquals ? v.name + "=" + v.value : v.name);
    QCOMPARE(env, envp);
    QCOMPARE((*d.environ)[1].value, std::string());
    QCOMPARE((*d.environ)[2].value, std::string("a=b=c"));
    QCOMPARE(d.cwd.valueOr({}), base);
    char shell[4096] = {};
    QVERIFY(::realpath("/bin/sh", shell));
    QCOMPARE(d.exe.valueOr({}), std::string(shell));
    QVERIFY(d.status.ok());
    QCOMPARE(d.status->uid[0], std::uint32_t(::getuid()));
    QVERIFY(d.io.ok());

    QVERIFY(d.files.ok());
    auto fd = [&d](int n) -> const OpenFile* {
        for (const OpenFile& f : *d.files)
            if (f.fd == n)
                return &f;
        return nullptr;
    };
    QVERIFY(fd(0) && fd(5) && fd(6) && fd(7) && fd(8));
    QCOMPARE(fd(0)->what.kind, FdKind::Pipe);
    QCOMPARE(fd(0)->what.inode, inodeOf(pipeRead.get()));
    QCOMPARE(fd(5)->what.kind, FdKind::File);
    QCOMPARE(fd(5)->what.name, known);
    QVERIFY(fd(5)->info);
    QCOMPARE(fd(5)->info->pos, std::uint64_t(7));
    QCOMPARE(fd(5)->info->flags & O_ACCMODE, std::uint32_t(O_RDONLY));
    QVERIFY(fd(6)->info);
    QVERIFY(describeOpenFlags(fd(6)->info->flags).find("O_WRONLY|O_APPEND") == 0);
    QCOMPARE(fd(7)->what.kind, FdKind::DeletedFile);
    QCOMPARE(fd(7)->what.name, doomed);
    QCOMPARE(fd(8)->what.kind, FdKind::Socket);
    QCOMPARE(fd(8)->what.inode, inodeOf(sockB.get()));

    QVERIFY(d.threads.ok());
    QCOMPARE(int(d.threads->size()), 1);
    QCOMPARE(d.threads->front().tid, int(pid));

    // Limits are inherited across fork and exec: compare with getrlimit here.
    rlimit nofile {};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &nofile), 0);
    QVERIFY(d.limits.ok());
    bool sawNofile = false;
    for (const PidLimit& l : *d.limits) {
        if (l.name != "Max open files")
            continue;
        sawNofile = true;
        QCOMPARE(l.soft.value, std::uint64_t(nofile.rlim_cur));
        QCOMPARE(l.units, std::string("files"));
    }
    QVERIFY(sawNofile);
    // Same cgroup as this test process.
    auto mine = readWholeFile("/proc/self/cgroup");
    QVERIFY(mine.ok() && d.cgroup.ok());
    QCOMPARE(d.cgroup->size(), parsePidCgroup(*mine).valueOr({}).size());
    QCOMPARE(d.cgroup->back().path, parsePidCgroup(*mine).valueOr({}).back().path);
}

void TestDetailsIntegration::signalsStopContTerm()
{
    const pid_t pid = spawn({ "/bin/sleep", "1000" }, {}, [] {});
    QVERIFY(pid > 0);
    auto cleanup = qScopeGuard([&] {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, WNOHANG);
    });
    QTRY_VERIFY_WITH_TIMEOUT(
        readProcessDetails("/proc", pid).exe.valueOr({}).find("sleep") != std::string::npos, 10000);
    const ProcessKey key = keyOfPid(pid);

    ActionOutcome stop = sendSignal("/proc", key, SIGSTOP);
    QVERIFY2(stop.ok(), stop.message.c_str());
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(pid), 'T', 10000);
    ActionOutcome cont = sendSignal("/proc", key, SIGCONT);
    QVERIFY2(cont.ok(), cont.message.c_str());
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(pid) == 'S' || stateOf(pid) == 'R', 10000);
    ActionOutcome term = sendSignal("/proc", key, SIGTERM);
    QVERIFY2(term.ok(), term.message.c_str());
    int status = 0;
    QCOMPARE(::waitpid(pid, &status, 0), pid);
    QVERIFY(WIFSIGNALED(status));
    QCOMPARE(WTERMSIG(status), SIGTERM);
}

void TestDetailsIntegration::signalToExitedOrReusedPid()
{
    const pid_t pid = spawn({ "/bin/sleep", "1000" }, {}, [] {});
    QVERIFY(pid > 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        readProcessDetails("/proc", pid).exe.valueOr({}).find("sleep") != std::string::npos, 10000);
    const ProcessKey key = keyOfPid(pid);

    // The same pid with another start time: a different process. Nothing is sent.
    const ActionOutcome wrong
        = sendSignal("/proc", ProcessKey { key.pid, key.startTimeTicks + 1 }, SIGKILL);
    QCOMPARE(wrong.err, ESRCH);
    QVERIFY(stateOf(pid) == 'S' || stateOf(pid) == 'R');

    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    const ActionOutcome gone = sendSignal("/proc", key, SIGTERM);
    QCOMPARE(gone.err, ESRCH);
    QVERIFY2(gone.message.find("ESRCH (No such process)") == 0
            && gone.message.find("exited") != std::string::npos,
        gone.message.c_str());
    const ProcessDetails d = readProcessDetails("/proc", pid);
    QVERIFY(d.gone());

    // A fixture tree's pids are not real processes.
    const ActionOutcome fixture
        = sendSignal(PROCGLASS_TEST_DATA "/details/proctree", ProcessKey { 4242, 200000 }, SIGTERM);
    QCOMPARE(fixture.err, EXDEV);
}

void TestDetailsIntegration::renice()
{
    const pid_t pid = spawn({ "/bin/sleep", "1000" }, {}, [] {});
    QVERIFY(pid > 0);
    auto cleanup = qScopeGuard([&] {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    });
    QTRY_VERIFY_WITH_TIMEOUT(
        readProcessDetails("/proc", pid).exe.valueOr({}).find("sleep") != std::string::npos, 10000);
    const ProcessKey key = keyOfPid(pid);
    const ActionOutcome nice = setNice("/proc", key, 7);
    QVERIFY2(nice.ok(), nice.message.c_str());
    const ProcessDetails d = readProcessDetails("/proc", pid);
    QCOMPARE(d.stat->nice, std::int64_t(7));
    QCOMPARE(setNice("/proc", key, 40).err, EINVAL);
}

void TestDetailsIntegration::otherUserIsRefused()
{
    if (::getuid() != 0)
        QSKIP("needs root to start a child as user nobody");
    const pid_t me = ::getpid();
    const ProcessKey myKey = keyOfPid(me);
    const pid_t child = ::fork();
    if (child == 0) {
        // As nobody: signal the (root-owned) test process, read its environ, renice it.
        if (::setgid(65534) != 0 || ::setuid(65534) != 0)
            ::_exit(100);
        int result = 0;
        if (sendSignal("/proc", myKey, SIGUSR1).err == EPERM)
            result |= 1;
        const ProcessDetails d = readProcessDetails("/proc", me);
        if (!d.environ && d.environ.error() == Error::PermissionDenied
            && explainReadError(d, "environ", d.environ.error()).find("another user")
                != std::string::npos)
            result |= 2;
        if (setNice("/proc", myKey, 5).err == EPERM)
            result |= 4;
        ::_exit(result);
    }
    QVERIFY(child > 0);
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status));
    if (WEXITSTATUS(status) == 100)
        QSKIP("setuid(nobody) is not permitted here");
    QCOMPARE(WEXITSTATUS(status) & 1, 1); // EPERM for the signal
    QCOMPARE(WEXITSTATUS(status) & 2, 2); // environ: permission denied, explained
    QCOMPARE(WEXITSTATUS(status) & 4, 4); // EPERM for renice
}

QTEST_GUILESS_MAIN(TestDetailsIntegration)
#include "tst_details_integration.moc"
