// SPDX-License-Identifier: GPL-3.0-or-later
// The process collector on a fake /proc tree: processes appear, vanish, re-use a pid, change their
// program; CPU % from tick deltas over the elapsed time; unreadable and malformed files.

#include "core/process/ProcessCollector.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/FakeProc.h"

#include <QTest>
#include <algorithm>
#include <csignal>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace pg;

class TestProcessCollector : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void listsProcesses_data();
    void listsProcesses();
    void cpuPercentFromDeltas_data();
    void cpuPercentFromDeltas();
    void vanishedProcessDropped_data();
    void vanishedProcessDropped();
    void pidReuseIsNewProcess_data();
    void pidReuseIsNewProcess();
    void cmdlineFollowsRewrites();
    void identicalProcessesShareNames();
    void commFollowsTheStatJustRead();
    void cmdlineReadOnlyAfterRunning_data();
    void cmdlineReadOnlyAfterRunning();
    void cmdlineReadWithoutUsableSchedstat_data();
    void cmdlineReadWithoutUsableSchedstat();
    void ownerReadOnlyAfterRunning();
    void statReadOnlyAfterRunning();
    void statReadAtLeastEveryFewRefreshes();
    void carriedOverFiguresStayWithTheirProcess();
    void releasedListStorageIsReused();
    void largeListStorageIsNotKept();
    void unchangedForkCountWalksTheLastProcesses();
    void liveChildSeenAtTheNextRefresh();
    void statReadWhenAskedOrOrphaned();
    void statmOfIdleProcessKeptOnQuietRefresh();
    void statmReadAfterReclaim_data();
    void statmReadAfterReclaim();
    void statmSweepReachesEveryProcess();
    void statmReadWhenRanOrStatRead();
    void malformedStatSkipped();
    void unreadableStatmIsUnknown();
    void missingRoot();
    void fdBudgetFallsBack();
    void fdBudgetKeepsSchedstatOfEveryProcess();

private:
    const ProcessInfo* find(const ProcessSnapshot& s, int pid)
    {
        for (const auto& p : s.processes)
            if (p.key.pid == pid)
                return &p;
        return nullptr;
    }
    ProcessCollector::Options options(const pgtest::FakeProc& fake, bool keep)
    {
        ProcessCollector::Options o;
        o.procRoot = fake.root().toStdString();
        o.keepFilesOpen = keep;
        o.monotonicNs = [this] { return m_clockNs; };
        return o;
    }
    std::int64_t m_clockNs = 1000000000;
};

void TestProcessCollector::init()
{
    m_clockNs = 1000000000;
}

void TestProcessCollector::listsProcesses_data()
{
    QTest::addColumn<bool>("keep");
    QTest::newRow("kept descriptors") << true;
    QTest::newRow("open/read/close") << false;
}

void TestProcessCollector::listsProcesses()
{
    QFETCH(bool, keep);
    pgtest::FakeProc fake;
    fake.addProcess(1, "init", 10, 5, std::string("/sbin/init\0splash\0", 18));
    fake.addProcess(2, "kthreadd", 0, 5, "", true);
    fake.addProcess(300, "a) (b", 7, 900, std::string("./a) (b\0", 8));
    fake.writeFile("self/stat", "not a process dir"); // non-numeric entries are ignored
    ProcessCollector collector(options(fake, keep));
    const ProcessSnapshot s = collector.sample();
    QVERIFY(s.listError.empty());
    QCOMPARE(s.processes.size(), std::size_t(3));
    QCOMPARE(s.processes[0].key.pid, 1); // ordered by pid
    const ProcessInfo* init = find(s, 1);
    QVERIFY(init);
    QCOMPARE(QString::fromStdString(init->names->cmdline), QStringLiteral("/sbin/init splash"));
    QCOMPARE(init->uid, static_cast<std::uint32_t>(::getuid())); // owner of the directory
    QVERIFY(init->uidKnown);
    QVERIFY(init->user && !init->user->empty());
    QCOMPARE(init->virtKib, 1000ull * 4);
    QCOMPARE(init->resKib, 250ull * 4);
    QCOMPARE(init->shrKib, 100ull * 4);
    QCOMPARE(init->startTimeUnixMs.value_or(-1), 1700000000LL * 1000 + 50);
    QVERIFY(std::isnan(init->cpuPercent)); // the first sample cannot know CPU %
    const ProcessInfo* kthread = find(s, 2);
    QVERIFY(kthread->kernelThread);
    QVERIFY(kthread->names->cmdline.empty());
    QVERIFY(!init->kernelThread);
    QCOMPARE(QString::fromStdString(find(s, 300)->names->comm), QStringLiteral("a) (b"));
    QCOMPARE(s.system.memInfo->get("MemTotal").value_or(0), 1000ull);
    QCOMPARE(s.system.loadAvg->total, 20ull);
    // stat, statm and cmdline for each of two processes; a kernel thread has no cmdline to keep.
    QCOMPARE(collector.keptFdCount(), keep ? std::size_t(8) : std::size_t(0));
}

void TestProcessCollector::cpuPercentFromDeltas_data()
{
    listsProcesses_data();
}

void TestProcessCollector::cpuPercentFromDeltas()
{
    QFETCH(bool, keep);
    pgtest::FakeProc fake;
    fake.addProcess(10, "busy", 100, 5, std::string("busy\0", 5));
    ProcessCollector collector(options(fake, keep));
    (void)collector.sample();
    // One second later it has used 50 more ticks (100 per second): 50 % of one CPU.
    m_clockNs += 1000000000;
    fake.writeFile("10/stat", pgtest::FakeProc::statLine(10, "busy", 'R', 1, 150, 0, 5));
    ProcessSnapshot s = collector.sample();
    QCOMPARE(s.elapsedSeconds, 1.0);
    QCOMPARE(s.processes[0].cpuPercent, 50.0);
    // Two seconds later: 300 more ticks split user/system over 2 s with 4 threads = 150 %.
    m_clockNs += 2000000000;
    fake.writeFile(
        "10/stat", pgtest::FakeProc::statLine(10, "busy", 'R', 1, 350, 100, 5, false, 4));
    s = collector.sample();
    QCOMPARE(s.processes[0].cpuPercent, 150.0);
    QCOMPARE(s.threadCount, 4ull);
    // Never more than 100 % per CPU (two in the fake): 500 ticks in one second is clamped.
    m_clockNs += 1000000000;
    fake.writeFile(
        "10/stat", pgtest::FakeProc::statLine(10, "busy", 'R', 1, 850, 100, 5, false, 4));
    s = collector.sample();
    QCOMPARE(s.processes[0].cpuPercent, 200.0);
    // A process that started since the last sample: all its ticks fall in this interval.
    m_clockNs += 1000000000;
    fake.addProcess(11, "newborn", 20, 500, std::string("newborn\0", 8));
    s = collector.sample();
    QCOMPARE(s.processes[1].key.pid, 11);
    QCOMPARE(s.processes[1].cpuPercent, 20.0);
    // Counters never go backwards for the same process; if a fake does, no negative CPU %.
    m_clockNs += 1000000000;
    fake.writeFile("10/stat", pgtest::FakeProc::statLine(10, "busy", 'R', 1, 1, 0, 5));
    s = collector.sample();
    QVERIFY(std::isnan(s.processes[0].cpuPercent) || s.processes[0].cpuPercent >= 0.0);
}

void TestProcessCollector::vanishedProcessDropped_data()
{
    listsProcesses_data();
}

void TestProcessCollector::vanishedProcessDropped()
{
    QFETCH(bool, keep);
    pgtest::FakeProc fake;
    fake.addProcess(1, "init", 10, 5, std::string("init\0", 5));
    fake.addProcess(20, "shortlived", 1, 600, std::string("x\0", 2));
    ProcessCollector collector(options(fake, keep));
    QCOMPARE(collector.sample().processes.size(), std::size_t(2));
    fake.removeProcess(20);
    m_clockNs += 1000000000;
    const ProcessSnapshot s = collector.sample();
    QCOMPARE(s.processes.size(), std::size_t(1));
    QCOMPARE(s.processes[0].key.pid, 1);
    QCOMPARE(
        collector.keptFdCount(), keep ? std::size_t(3) : std::size_t(0)); // descriptors released
    // A directory listed but whose stat has gone (exited between readdir and read): dropped
    // silently.
    fake.writeFile("21/cmdline", "");
    m_clockNs += 1000000000;
    QCOMPARE(collector.sample().processes.size(), std::size_t(1));
}

void TestProcessCollector::pidReuseIsNewProcess_data()
{
    listsProcesses_data();
}

void TestProcessCollector::pidReuseIsNewProcess()
{
    QFETCH(bool, keep);
    pgtest::FakeProc fake;
    fake.addProcess(42, "old", 50000, 100, std::string("old\0", 4));
    ProcessCollector collector(options(fake, keep));
    const ProcessSnapshot first = collector.sample();
    QCOMPARE(first.processes[0].key, (ProcessKey { 42, 100 }));
    // The old process exits and a new one gets pid 42 with a later start time and few ticks.
    fake.addProcess(42, "new", 3, 700, std::string("new\0", 4));
    m_clockNs += 1000000000;
    const ProcessSnapshot second = collector.sample();
    QCOMPARE(second.processes.size(), std::size_t(1));
    QCOMPARE(second.processes[0].key, (ProcessKey { 42, 700 }));
    QCOMPARE(QString::fromStdString(second.processes[0].names->cmdline), QStringLiteral("new"));
    // Its CPU % comes from its own 3 ticks, not from the 50000 of the old process.
    QCOMPARE(second.processes[0].cpuPercent, 3.0);
}

void TestProcessCollector::cmdlineFollowsRewrites()
{
    pgtest::FakeProc fake;
    fake.addProcess(7, "bash", 1, 5, std::string("bash\0", 5));
    ProcessCollector collector(options(fake, true));
    const ProcessSnapshot a = collector.sample();
    // Unchanged: the very same shared strings.
    QCOMPARE(collector.sample().processes[0].names.get(), a.processes[0].names.get());
    // Rewritten in place (setproctitle, or an exec into the same name): seen in one refresh.
    fake.writeFile("7/cmdline", std::string("bash\0--changed\0", 15));
    const ProcessSnapshot b = collector.sample();
    QVERIFY(b.processes[0].names.get() != a.processes[0].names.get());
    QCOMPARE(
        QString::fromStdString(b.processes[0].names->cmdline), QStringLiteral("bash --changed"));
    // exec changes comm: then the command line is read again.
    fake.writeFile("7/stat", pgtest::FakeProc::statLine(7, "sleep", 'S', 1, 1, 0, 5));
    fake.writeFile("7/cmdline",
        std::string("sleep\0"
                    "100\0",
            10));
    const ProcessSnapshot c = collector.sample();
    QVERIFY(c.processes[0].names.get() != a.processes[0].names.get());
    QCOMPARE(QString::fromStdString(c.processes[0].names->cmdline), QStringLiteral("sleep 100"));
    QCOMPARE(c.processes[0].key, a.processes[0].key); // same process
}

void TestProcessCollector::identicalProcessesShareNames()
{
    // The workers of one program carry one copy of their names (ProcessNamesPool); any
    // difference in comm or arguments keeps them apart, and a rewrite joins or leaves the group.
    pgtest::FakeProc fake;
    const std::string worker("php-fpm: pool www\0", 18);
    fake.addProcess(10, "php-fpm", 1, 5, worker);
    fake.addProcess(11, "php-fpm", 1, 5, worker);
    fake.addProcess(12, "php-fpm", 1, 5, std::string("php-fpm: pool api\0", 18));
    fake.addProcess(13, "php-fpm8", 1, 5, worker);
    ProcessCollector collector(options(fake, true));
    const ProcessSnapshot a = collector.sample();
    QCOMPARE(a.processes.size(), std::size_t(4));
    QCOMPARE(find(a, 10)->names.get(), find(a, 11)->names.get());
    QVERIFY(find(a, 12)->names.get() != find(a, 10)->names.get());
    QVERIFY(find(a, 13)->names.get() != find(a, 10)->names.get());
    QCOMPARE(
        QString::fromStdString(find(a, 11)->names->cmdline), QStringLiteral("php-fpm: pool www"));
    // 12 rewrites its title to the others': it joins them.
    fake.writeFile("12/cmdline", worker);
    const ProcessSnapshot b = collector.sample();
    QCOMPARE(find(b, 12)->names.get(), find(b, 10)->names.get());
    // 11 rewrites its own: it leaves, and 10 keeps its names.
    fake.writeFile("11/cmdline", std::string("php-fpm: idle\0", 14));
    const ProcessSnapshot c = collector.sample();
    QVERIFY(find(c, 11)->names.get() != find(c, 10)->names.get());
    QCOMPARE(find(c, 10)->names.get(), find(a, 10)->names.get());
    QCOMPARE(QString::fromStdString(find(c, 11)->names->cmdline), QStringLiteral("php-fpm: idle"));
}

void TestProcessCollector::commFollowsTheStatJustRead()
{
    // The entry keeps no comm of its own: a stat read this refresh brings its comm to the names,
    // a process not read keeps the names it has.
    pgtest::FakeProc fake;
    fake.addProcess(2, "kworker/0:1-events", 0, 5, "", true);
    fake.addProcess(7, "bash", 1, 5, std::string("bash\0", 5));
    fake.writeFile("7/schedstat", "1000 50 3\n");
    ProcessCollector collector(options(fake, true));
    const ProcessSnapshot a = collector.sample();
    QCOMPARE(QString::fromStdString(find(a, 2)->names->comm), QStringLiteral("kworker/0:1-events"));
    // A kernel thread's stat is read every refresh: a worker's new name shows at once. pid 7 has
    // not run (same schedstat) and is not due for a full read at refreshes 2 to 4.
    fake.writeFile(
        "2/stat", pgtest::FakeProc::statLine(2, "kworker/0:1-mm_percpu_wq", 'I', 1, 0, 0, 5, true));
    fake.writeFile("7/stat", pgtest::FakeProc::statLine(7, "renamed", 'S', 1, 1, 0, 5));
    const ProcessSnapshot b = collector.sample();
    QCOMPARE(QString::fromStdString(find(b, 2)->names->comm),
        QStringLiteral("kworker/0:1-mm_percpu_wq"));
    QCOMPARE(QString::fromStdString(find(b, 7)->names->comm), QStringLiteral("bash"));
    QCOMPARE(find(b, 7)->names.get(), find(a, 7)->names.get());
    // It runs: its stat is read, and the new comm shows with the command line read again.
    fake.writeFile("7/schedstat", "2000 60 4\n");
    const ProcessSnapshot c = collector.sample();
    QCOMPARE(QString::fromStdString(find(c, 7)->names->comm), QStringLiteral("renamed"));
    QCOMPARE(QString::fromStdString(find(c, 7)->names->cmdline), QStringLiteral("bash"));
}

void TestProcessCollector::cmdlineReadOnlyAfterRunning_data()
{
    QTest::addColumn<bool>("keep");
    QTest::newRow("kept descriptors") << true;
    QTest::newRow("open/read/close") << false;
}

void TestProcessCollector::cmdlineReadOnlyAfterRunning()
{
    QFETCH(bool, keep);
    pgtest::FakeProc fake;
    fake.addProcess(7, "bash", 1, 5, std::string("bash\0", 5));
    fake.writeFile("7/schedstat", "1000 50 3\n");
    ProcessCollector collector(options(fake, keep));
    const ProcessSnapshot a = collector.sample();
    QCOMPARE(QString::fromStdString(a.processes[0].names->cmdline), QStringLiteral("bash"));
    // The fake file changes, but the process has not run (same run time and timeslices): a real
    // cmdline could not have changed, so it is not read.
    fake.writeFile("7/cmdline", std::string("bash\0-x\0", 8));
    const ProcessSnapshot b = collector.sample();
    QCOMPARE(b.processes[0].names.get(), a.processes[0].names.get());
    // It ran once more: read, and the new text shows.
    fake.writeFile("7/schedstat", "1200 50 4\n");
    const ProcessSnapshot c = collector.sample();
    QCOMPARE(QString::fromStdString(c.processes[0].names->cmdline), QStringLiteral("bash -x"));
    // Ran on without being switched out: the run time moved, the count did not.
    fake.writeFile("7/cmdline", std::string("bash\0-y\0", 8));
    fake.writeFile("7/schedstat", "5000 50 4\n");
    const ProcessSnapshot d = collector.sample();
    QCOMPARE(QString::fromStdString(d.processes[0].names->cmdline), QStringLiteral("bash -y"));
    // A second thread is not in the main thread's schedstat: read every time while it exists.
    // (The main thread of a single-threaded process ran to create it.)
    fake.writeFile("7/schedstat", "5100 50 5\n");
    fake.writeFile("7/stat", pgtest::FakeProc::statLine(7, "bash", 'S', 1, 1, 0, 5, false, 2));
    fake.writeFile("7/cmdline", std::string("bash\0-z\0", 8));
    const ProcessSnapshot e = collector.sample();
    QCOMPARE(QString::fromStdString(e.processes[0].names->cmdline), QStringLiteral("bash -z"));
    // ... and once more after it has gone, as it may have written before it exited.
    fake.writeFile("7/stat", pgtest::FakeProc::statLine(7, "bash", 'S', 1, 1, 0, 5));
    fake.writeFile("7/cmdline", std::string("bash\0-w\0", 8));
    const ProcessSnapshot f = collector.sample();
    QCOMPARE(QString::fromStdString(f.processes[0].names->cmdline), QStringLiteral("bash -w"));
    fake.writeFile("7/cmdline", std::string("bash\0-v\0", 8));
    QCOMPARE(collector.sample().processes[0].names.get(), f.processes[0].names.get());
}

void TestProcessCollector::cmdlineReadWithoutUsableSchedstat_data()
{
    QTest::addColumn<bool>("keep");
    QTest::addColumn<QString>("schedstat"); // empty: no file
    QTest::newRow("no schedstat, kept") << true << QString();
    QTest::newRow("no schedstat, open/read/close") << false << QString();
    QTest::newRow("schedstats off, kept") << true << QStringLiteral("0 0 0\n");
    QTest::newRow("schedstats off, open/read/close") << false << QStringLiteral("0 0 0\n");
    QTest::newRow("garbage, kept") << true << QStringLiteral("x y z\n");
}

void TestProcessCollector::cmdlineReadWithoutUsableSchedstat()
{
    QFETCH(bool, keep);
    QFETCH(QString, schedstat);
    pgtest::FakeProc fake;
    fake.addProcess(7, "bash", 1, 5, std::string("bash\0", 5));
    if (!schedstat.isEmpty())
        fake.writeFile("7/schedstat", schedstat.toStdString());
    ProcessCollector collector(options(fake, keep));
    collector.sample();
    // No telling whether it ran: the command line is read every refresh, as before.
    for (const char* arg : { "-a", "-b" }) {
        fake.writeFile("7/cmdline", std::string("bash\0", 5) + arg + '\0');
        const ProcessSnapshot s = collector.sample();
        QCOMPARE(s.processes[0].names->cmdline, std::string("bash ") + arg);
    }
}

void TestProcessCollector::ownerReadOnlyAfterRunning()
{
    if (::geteuid() != 0)
        QSKIP("changing the owner of the fake /proc/PID needs root");
    pgtest::FakeProc fake;
    fake.addProcess(7, "bash", 1, 5, std::string("bash\0", 5));
    fake.writeFile("7/schedstat", "1000 50 3\n");
    const QByteArray dir = QFile::encodeName(fake.root() + "/7");
    QVERIFY(::chown(dir.constData(), 1000, 1000) == 0);
    ProcessCollector collector(options(fake, true));
    QCOMPARE(collector.sample().processes[0].uid, 1000u);
    // Not run since: a real owner could not have changed (setuid is the process's own doing).
    QVERIFY(::chown(dir.constData(), 1001, 1001) == 0);
    QCOMPARE(collector.sample().processes[0].uid, 1000u);
    fake.writeFile("7/schedstat", "1100 50 4\n");
    QCOMPARE(collector.sample().processes[0].uid, 1001u);
}

// The fake's stat changes without schedstat moving (what a real process that has not run cannot
// do, except for the fields checked below): stat is not read, statm is.
void TestProcessCollector::statReadOnlyAfterRunning()
{
    pgtest::FakeProc fake;
    fake.addProcess(7, "bash", 10, 5, std::string("bash\0", 5));
    fake.writeFile("7/schedstat", "1000 50 3\n");
    ProcessCollector collector(options(fake, true));
    collector.sample(); // refresh 1: (7 + 1) % 4 == 0, a full read anyway
    fake.writeFile("7/stat", pgtest::FakeProc::statLine(7, "bash", 'R', 1, 60, 0, 5));
    fake.writeFile("7/statm", "2000 500 100 10 0 200 0\n");
    m_clockNs += 1000000000;
    const ProcessSnapshot b = collector.sample(); // refresh 2: not due
    QCOMPARE(b.processes[0].utimeTicks, 10ull);
    QCOMPARE(b.processes[0].state, 'S');
    QCOMPARE(b.processes[0].cpuPercent, 0.0); // it did not run: 0 %, not unknown
    // No vmstat in this fake: no telling whether memory was reclaimed, so statm is read every
    // refresh (statmReadAfterReclaim).
    QCOMPARE(b.processes[0].resKib, 500ull * 4);
    // It ran: stat is read, and the CPU % covers both intervals' ticks.
    fake.writeFile("7/schedstat", "2000 50 4\n");
    m_clockNs += 1000000000;
    const ProcessSnapshot c = collector.sample(); // refresh 3
    QCOMPARE(b.processes[0].key, c.processes[0].key);
    QCOMPARE(c.processes[0].utimeTicks, 60ull);
    QCOMPARE(c.processes[0].state, 'R');
    QCOMPARE(c.processes[0].cpuPercent, 50.0); // 50 ticks (100 per second) over one second
}

void TestProcessCollector::carriedOverFiguresStayWithTheirProcess()
{
    // What is not read again (a process that did not run) is carried over from the last
    // snapshot, by the entry's index there; a listing out of pid order (a tree on a file system
    // that does not list by pid) is sorted and the indexes follow. Each process has figures of
    // its own here, so a figure carried to the wrong process would show.
    pgtest::FakeProc fake;
    constexpr int kFirst = 100;
    constexpr int kCount = 40;
    for (int pid = kFirst; pid < kFirst + kCount; ++pid) {
        const std::string comm = "p" + std::to_string(pid);
        fake.addProcess(pid, comm, static_cast<unsigned long long>(pid), 5, comm + '\0');
        fake.writeFile(QString::number(pid) + "/schedstat", "1000 50 3\n");
    }
    std::vector<int> listed; // the order the tree lists them in (this test's file system's)
    if (DIR* dir = ::opendir(fake.root().toLocal8Bit().constData())) {
        while (dirent* d = ::readdir(dir))
            if (d->d_name[0] >= '1' && d->d_name[0] <= '9')
                listed.push_back(std::atoi(d->d_name));
        ::closedir(dir);
    }
    if (std::is_sorted(listed.begin(), listed.end()))
        qInfo("this file system lists the tree in pid order: the re-sorting is not exercised");

    ProcessCollector collector(options(fake, true));
    const std::shared_ptr<const ProcessSnapshot> a = collector.refresh(); // all read
    for (int pid = kFirst; pid < kFirst + kCount; ++pid)
        fake.writeFile(QString::number(pid) + "/stat",
            pgtest::FakeProc::statLine(pid, "p" + std::to_string(pid), 'R', pid - 1,
                static_cast<unsigned long long>(pid) + 1000, 0, 5));
    m_clockNs += 1000000000;
    int carried = 0;
    for (int refresh = 2; refresh <= 3; ++refresh) {
        const std::shared_ptr<const ProcessSnapshot> b = collector.refresh();
        QCOMPARE(b->processes.size(), std::size_t(kCount));
        for (int i = 0; i < kCount; ++i) {
            const ProcessInfo& p = b->processes[static_cast<std::size_t>(i)];
            const int pid = kFirst + i;
            QCOMPARE(p.key.pid, pid);
            QCOMPARE(p.names->comm, "p" + std::to_string(pid));
            // Not run, so read only when its full read is due (or was at refresh 2).
            const bool read = (static_cast<std::uint64_t>(pid) + 2) % 4 == 0
                || (refresh == 3 && (static_cast<std::uint64_t>(pid) + 3) % 4 == 0);
            QCOMPARE(p.utimeTicks, static_cast<std::uint64_t>(read ? pid + 1000 : pid));
            QCOMPARE(p.ppid, read ? pid - 1 : 1);
            QCOMPARE(p.state, read ? 'R' : 'S');
            carried += read ? 0 : 1;
        }
        m_clockNs += 1000000000;
    }
    QVERIFY(carried > kCount); // most were carried over, twice
    // The snapshot handed out before is not touched by the later refreshes.
    for (int i = 0; i < kCount; ++i) {
        QCOMPARE(a->processes[static_cast<std::size_t>(i)].utimeTicks,
            static_cast<std::uint64_t>(kFirst + i));
        QCOMPARE(a->processes[static_cast<std::size_t>(i)].state, 'S');
    }
}

void TestProcessCollector::releasedListStorageIsReused()
{
    pgtest::FakeProc fake;
    for (int pid : { 3, 5, 9 })
        fake.addProcess(pid, "p" + std::to_string(pid), 1, 5, std::string("p\0", 2));
    ProcessCollector collector(options(fake, true));
    std::shared_ptr<const ProcessSnapshot> a = collector.refresh();
    const ProcessInfo* storage = a->processes.data();
    const std::shared_ptr<const ProcessSnapshot> b = collector.refresh();
    // `a` is still held (as the window holds the snapshot it shows): nothing to reuse yet.
    QCOMPARE(collector.spareListCapacity(), std::size_t(0));
    QVERIFY(b->processes.data() != storage);
    a.reset(); // let go: its list's storage waits for the next refresh
    QVERIFY(collector.spareListCapacity() >= 3);
    const std::shared_ptr<const ProcessSnapshot> c = collector.refresh();
    QCOMPARE(c->processes.data(), storage);
    QCOMPARE(collector.spareListCapacity(), std::size_t(0));
    QCOMPARE(c->processes.size(), std::size_t(3));
    QCOMPARE(c->processes[0].key.pid, 3);
    QCOMPARE(c->processes[2].names->comm, std::string("p9"));
}

void TestProcessCollector::largeListStorageIsNotKept()
{
    // Past kMaxSpareListBytes the storage goes back to the system when the snapshot is let go.
    pgtest::FakeProc fake;
    const int count
        = static_cast<int>(ProcessCollector::kMaxSpareListBytes / sizeof(ProcessInfo)) + 10;
    for (int pid = 1; pid <= count; ++pid) {
        const QString dir = QString::number(pid);
        fake.writeFile(dir + "/stat", pgtest::FakeProc::statLine(pid, "w", 'S', 1, 1, 0, 5));
        fake.writeFile(dir + "/statm", "1000 250 100 10 0 200 0\n");
    }
    ProcessCollector collector(options(fake, false));
    std::shared_ptr<const ProcessSnapshot> a = collector.refresh();
    QCOMPARE(a->processes.size(), std::size_t(count));
    a.reset();
    QCOMPARE(collector.spareListCapacity(), std::size_t(0));
}

void TestProcessCollector::unchangedForkCountWalksTheLastProcesses()
{
    // With stat's processes count where it was, the refresh does not list the root: it walks the
    // last snapshot's processes (and its unreadable ones), and notices the ones that exit. A
    // directory that appears without the count moving is only seen once the count moves: on a
    // real /proc no process appears without a fork or clone, which move it.
    pgtest::FakeProc fake;
    auto statWithForks = [](int forks) {
        return "cpu  100 0 50 1000 0 0 0 0 0 0\ncpu0 50 0 25 500 0 0 0 0 0 0\ncpu1 50 0 25 500 "
               "0 0 0 0 0 0\nctxt 10\nbtime 1700000000\nprocesses "
            + std::to_string(forks) + "\nprocs_running 1\nprocs_blocked 0\n";
    };
    fake.writeFile("stat", statWithForks(100));
    fake.addProcess(10, "ten", 1, 5, std::string("ten\0", 4));
    fake.addProcess(20, "twenty", 1, 5, std::string("twenty\0", 7));
    fake.writeFile("30/stat", "garbage\n"); // listed, unreadable
    // Files opened for each read: a kept descriptor of a fake file reads on after the unlink,
    // where one of a real /proc reads ESRCH once the process is gone.
    ProcessCollector::Options o = options(fake, false);
    o.listFromForkCount = true;
    ProcessCollector collector(o);
    auto pidsOf = [](const ProcessSnapshot& s) {
        std::vector<int> pids;
        for (const ProcessInfo& p : s.processes)
            pids.push_back(p.key.pid);
        return pids;
    };
    const std::shared_ptr<const ProcessSnapshot> a = collector.refresh();
    QVERIFY(collector.lastRefreshListed()); // the first refresh always lists
    QCOMPARE(pidsOf(*a), (std::vector<int> { 10, 20 }));
    QCOMPARE(a->unreadable.size(), std::size_t(1));

    fake.addProcess(40, "forty", 1, 5, std::string("forty\0", 6));
    m_clockNs += 1000000000;
    const std::shared_ptr<const ProcessSnapshot> b = collector.refresh();
    QVERIFY(!collector.lastRefreshListed());
    QCOMPARE(pidsOf(*b), (std::vector<int> { 10, 20 }));
    QCOMPARE(b->unreadable.size(), std::size_t(1)); // still tried, still named
    QCOMPARE(b->unreadable[0].pid, 30);
    QCOMPARE(b->processes[1].names->comm, std::string("twenty"));

    fake.removeProcess(20); // exits: its files are gone
    m_clockNs += 1000000000;
    const std::shared_ptr<const ProcessSnapshot> c = collector.refresh();
    QVERIFY(!collector.lastRefreshListed());
    QCOMPARE(pidsOf(*c), (std::vector<int> { 10 }));

    fake.writeFile("stat", statWithForks(101));
    m_clockNs += 1000000000;
    const std::shared_ptr<const ProcessSnapshot> d = collector.refresh();
    QVERIFY(collector.lastRefreshListed());
    QCOMPARE(pidsOf(*d), (std::vector<int> { 10, 40 }));

    // Without the option (a tree that is not the live /proc) every refresh lists.
    ProcessCollector plain(options(fake, false));
    (void)plain.refresh();
    (void)plain.refresh();
    QVERIFY(plain.lastRefreshListed());
}

void TestProcessCollector::liveChildSeenAtTheNextRefresh()
{
    // The live /proc (the option unset: decided by the collector): a child forked between two
    // refreshes is in the second, one killed and reaped is gone from the next.
    ProcessCollector collector;
    (void)collector.refresh();
    pgtest::Child child;
    child.pid = pgtest::forkReadyChild([] { return true; });
    QVERIFY(child.pid > 0);
    auto has = [](const ProcessSnapshot& s, int pid) {
        return std::any_of(s.processes.begin(), s.processes.end(),
            [pid](const ProcessInfo& p) { return p.key.pid == pid; });
    };
    QVERIFY(has(*collector.refresh(), child.pid));
    QVERIFY(has(*collector.refresh(), child.pid));
    const int pid = child.pid;
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    child.pid = -1;
    QVERIFY(!has(*collector.refresh(), pid));
}

void TestProcessCollector::statReadAtLeastEveryFewRefreshes()
{
    // A renice by another process changes nice without the target running: it shows within
    // kFullStatEvery refreshes.
    pgtest::FakeProc fake;
    fake.addProcess(7, "bash", 10, 5, std::string("bash\0", 5));
    fake.writeFile("7/schedstat", "1000 50 3\n");
    ProcessCollector collector(options(fake, true));
    collector.sample();
    fake.writeFile("7/stat", pgtest::FakeProc::statLine(7, "bash", 'S', 1, 10, 0, 5, false, 1, 5));
    std::uint64_t refreshes = 0;
    bool seen = false;
    while (!seen && refreshes < ProcessCollector::kFullStatEvery) {
        ++refreshes;
        seen = collector.sample().processes[0].nice == 5;
    }
    QVERIFY(seen);
    QVERIFY(refreshes > 1); // and not at once: the cost is what this saves
}

void TestProcessCollector::statReadWhenAskedOrOrphaned()
{
    // pid 7 is due at refreshes 1 and 5, pid 11 at 1 and 5 too ((pid + refresh) % 4 == 0): what
    // refreshes 2 to 4 show of them comes from the two rules below.
    pgtest::FakeProc fake;
    fake.addProcess(7, "bash", 10, 5, std::string("bash\0", 5));
    fake.addProcess(11, "child", 10, 6, std::string("child\0", 6));
    fake.writeFile("7/schedstat", "1000 50 3\n");
    fake.writeFile("11/schedstat", "1000 50 3\n");
    fake.writeFile("11/stat", pgtest::FakeProc::statLine(11, "child", 'S', 7, 10, 0, 6));
    ProcessCollector collector(options(fake, true));
    collector.sample(); // refresh 1
    // After a renice of ours: read at the next refresh.
    fake.writeFile("7/stat", pgtest::FakeProc::statLine(7, "bash", 'S', 1, 10, 0, 5, false, 1, 5));
    collector.rereadInFull(7);
    const ProcessSnapshot b = collector.sample(); // refresh 2
    QCOMPARE(find(b, 7)->nice, std::int64_t(5));
    // The parent exits and the child is re-parented without running: its new ppid shows at the
    // refresh after the one that saw the parent go.
    fake.removeProcess(7);
    fake.writeFile("11/stat", pgtest::FakeProc::statLine(11, "child", 'S', 1, 10, 0, 6));
    const ProcessSnapshot c = collector.sample(); // refresh 3
    QVERIFY(!find(c, 7));
    QCOMPARE(find(c, 11)->ppid, 7);
    const ProcessSnapshot d = collector.sample(); // refresh 4
    QCOMPARE(find(d, 11)->ppid, 1);
}

namespace {

// A /proc/vmstat with the event counters ReclaimEvents.h names, all quiet, and one it ignores.
std::string vmstatText(std::uint64_t pgfault = 1000, std::uint64_t pgstealKswapd = 0,
    std::uint64_t pswpout = 0, std::uint64_t thpCollapse = 0)
{
    return "nr_free_pages 123456\npgfault " + std::to_string(pgfault) + "\npswpin 0\npswpout "
        + std::to_string(pswpout) + "\npgsteal_kswapd " + std::to_string(pgstealKswapd)
        + "\npgsteal_direct 0\npgscan_kswapd 0\npgscan_direct 0\nthp_collapse_alloc "
        + std::to_string(thpCollapse) + "\nthp_collapse_alloc_failed 7\nzswpout 0\n";
}

} // namespace

// A process that has not run cannot fault pages in: while nothing reclaims or swaps, its statm is
// not read at a refresh where its stat is not due either (what the fake changes stays unseen).
void TestProcessCollector::statmOfIdleProcessKeptOnQuietRefresh()
{
    pgtest::FakeProc fake;
    fake.writeFile("vmstat", vmstatText());
    fake.addProcess(7, "bash", 10, 5, std::string("bash\0", 5));
    fake.writeFile("7/schedstat", "1000 50 3\n");
    ProcessCollector collector(options(fake, true));
    QCOMPARE(collector.sample().processes[0].resKib, 250ull * 4); // refresh 1: due
    fake.writeFile("7/statm", "2000 500 100 10 0 200 0\n");
    // Page faults elsewhere (pgfault) say nothing about a process that did not run.
    fake.writeFile("vmstat", vmstatText(5000));
    const ProcessSnapshot b = collector.sample(); // refresh 2: (7 + 2) % 4 != 0
    QCOMPARE(b.processes[0].resKib, 250ull * 4);
    QCOMPARE(b.processes[0].virtKib, 1000ull * 4);
    QCOMPARE(int(b.processes[0].memError), int(Error::None));
    const ProcessSnapshot c = collector.sample(); // refresh 3: still quiet
    QCOMPARE(c.processes[0].resKib, 250ull * 4);
}

void TestProcessCollector::statmReadAfterReclaim_data()
{
    QTest::addColumn<QString>("before"); // vmstat at refresh 1; empty: no such file
    QTest::addColumn<QString>("after"); // at refresh 2 and 3
    QTest::addColumn<bool>("keep");
    // Whether refresh 3, with the counters standing still, reads statm again.
    QTest::addColumn<bool>("readWhenQuiet");
    const auto text = [](auto... counts) { return QString::fromStdString(vmstatText(counts...)); };
    QTest::newRow("kswapd took pages") << text() << text(1000, 1) << true << false;
    QTest::newRow("swapped out") << text() << text(1000, 0, 64) << true << false;
    QTest::newRow("huge page collapsed") << text() << text(1000, 0, 0, 1) << true << false;
    // Without kept files there is no telling whether it ran: stat and statm are read every time.
    QTest::newRow("swapped out, open/read/close") << text() << text(1000, 0, 64) << false << true;
    // No way to tell: read every refresh, as before.
    QTest::newRow("no vmstat") << QString() << QString() << true << true;
    const QString gauges = QStringLiteral("nr_free_pages 1\nnr_zone_inactive_anon 2\n");
    QTest::newRow("vmstat without event counters") << gauges << gauges << true << true;
}

void TestProcessCollector::statmReadAfterReclaim()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(bool, keep);
    QFETCH(bool, readWhenQuiet);
    pgtest::FakeProc fake;
    if (!before.isEmpty())
        fake.writeFile("vmstat", before.toStdString());
    fake.addProcess(7, "bash", 10, 5, std::string("bash\0", 5));
    fake.writeFile("7/schedstat", "1000 50 3\n");
    ProcessCollector collector(options(fake, keep));
    collector.sample(); // refresh 1
    fake.writeFile("7/statm", "2000 500 100 10 0 200 0\n");
    if (!after.isEmpty())
        fake.writeFile("vmstat", after.toStdString());
    const ProcessSnapshot b = collector.sample(); // refresh 2: stat not due, it did not run
    QCOMPARE(b.processes[0].resKib, 500ull * 4);
    QCOMPARE(b.processes[0].shrKib, 100ull * 4);
    // One refresh later the counters stand still (or still cannot be read).
    fake.writeFile("7/statm", "3000 600 100 10 0 200 0\n");
    const ProcessSnapshot c = collector.sample(); // refresh 3
    QCOMPARE(c.processes[0].resKib, (readWhenQuiet ? 600ull : 500ull) * 4);
}

// Reclaim of a single process's pages leaves no machine-wide trace when the unmapping is not
// reclaim's (process_madvise, a file truncated under its mapping, a ptrace write): every process's
// statm is read with its stat at least every kFullStatEvery refreshes, staggered by pid.
void TestProcessCollector::statmSweepReachesEveryProcess()
{
    pgtest::FakeProc fake;
    fake.writeFile("vmstat", vmstatText());
    for (int pid = 20; pid < 28; ++pid) {
        fake.addProcess(pid, "sleeper", 10, 5, std::string("sleeper\0", 8));
        fake.writeFile(QString::number(pid) + "/schedstat", "1000 50 3\n");
    }
    ProcessCollector collector(options(fake, true));
    collector.sample(); // refresh 1
    for (int pid = 20; pid < 28; ++pid)
        fake.writeFile(QString::number(pid) + "/statm", "2000 500 100 10 0 200 0\n");
    std::vector<std::uint64_t> seenAt(28, 0);
    for (std::uint64_t refresh = 1; refresh <= ProcessCollector::kFullStatEvery; ++refresh) {
        const ProcessSnapshot s = collector.sample();
        QCOMPARE(s.processes.size(), std::size_t(8));
        for (const ProcessInfo& p : s.processes) {
            if (p.resKib == 500ull * 4 && seenAt[p.key.pid] == 0)
                seenAt[p.key.pid] = refresh;
        }
    }
    std::size_t atFirst = 0;
    for (int pid = 20; pid < 28; ++pid) {
        QVERIFY2(seenAt[pid] > 0, qPrintable(QStringLiteral("pid %1 never read").arg(pid)));
        atFirst += seenAt[pid] == 1 ? 1 : 0;
    }
    QCOMPARE(atFirst, std::size_t(2)); // a quarter at each refresh, not all at once
}

// What a process does itself shows at once: when it ran (schedstat moved) or its stat was read
// for another reason (our renice or signal), statm is read too.
void TestProcessCollector::statmReadWhenRanOrStatRead()
{
    pgtest::FakeProc fake;
    fake.writeFile("vmstat", vmstatText());
    fake.addProcess(7, "bash", 10, 5, std::string("bash\0", 5));
    fake.writeFile("7/schedstat", "1000 50 3\n");
    ProcessCollector collector(options(fake, true));
    collector.sample(); // refresh 1
    fake.writeFile("7/statm", "2000 500 100 10 0 200 0\n");
    fake.writeFile("7/schedstat", "1500 50 4\n");
    QCOMPARE(collector.sample().processes[0].resKib, 500ull * 4); // refresh 2: it ran
    fake.writeFile("7/statm", "3000 600 100 10 0 200 0\n");
    QCOMPARE(collector.sample().processes[0].resKib, 500ull * 4); // refresh 3: it did not
    collector.rereadInFull(7);
    QCOMPARE(collector.sample().processes[0].resKib, 600ull * 4); // refresh 4: asked for
}

void TestProcessCollector::malformedStatSkipped()
{
    pgtest::FakeProc fake;
    fake.addProcess(1, "init", 10, 5, std::string("init\0", 5));
    fake.addProcess(5, "broken", 1, 5, "");
    fake.writeFile("5/stat", "5 (broken) S 1 2");
    fake.addProcess(6, "badstatm", 1, 5, std::string("x\0", 2), false, "12 abc\n");
    ProcessCollector collector(options(fake, true));
    const ProcessSnapshot s = collector.sample();
    QCOMPARE(s.processes.size(), std::size_t(2)); // a stat that cannot be parsed has no identity
    const ProcessInfo* bad = find(s, 6);
    QVERIFY(bad);
    QCOMPARE(int(bad->memError), int(Error::BadNumber)); // unknown, not 0
}

void TestProcessCollector::unreadableStatmIsUnknown()
{
    pgtest::FakeProc fake;
    fake.addProcess(9, "secret", 1, 5, std::string("secret\0", 7));
    QFile::setPermissions(fake.root() + "/9/statm", QFileDevice::Permissions());
    const bool root = ::geteuid() == 0;
    QVERIFY(::chmod(QFile::encodeName(fake.root()).constData(), 0755)
        == 0); // QTemporaryDir makes it 0700
    // Root reads any file: drop the effective uid for the read so permissions apply as for a user.
    if (root)
        QVERIFY(::seteuid(65534) == 0);
    ProcessCollector collector(options(fake, true));
    const ProcessSnapshot s = collector.sample();
    if (root)
        QVERIFY(::seteuid(0) == 0);
    QVERIFY2(s.listError.empty(), s.listError.c_str());
    QCOMPARE(s.processes.size(), std::size_t(1));
    QCOMPARE(int(s.processes[0].memError), int(Error::PermissionDenied));
}

void TestProcessCollector::missingRoot()
{
    ProcessCollector::Options o;
    o.procRoot = "/nonexistent/proc-root";
    ProcessCollector collector(o);
    const ProcessSnapshot s = collector.sample();
    QVERIFY(s.processes.empty());
    QVERIFY(!s.listError.empty());
    QVERIFY(QString::fromStdString(s.listError).contains("/nonexistent/proc-root"));
    QVERIFY(!s.system.memInfo.has_value());
}

void TestProcessCollector::fdBudgetFallsBack()
{
    pgtest::FakeProc fake;
    for (int pid = 100; pid < 110; ++pid)
        fake.addProcess(pid, "p", 1, 5, std::string("p\0", 2));
    auto o = options(fake, true);
    o.maxKeptFds = 6; // room for three processes
    ProcessCollector collector(o);
    ProcessSnapshot s = collector.sample();
    QCOMPARE(s.processes.size(), std::size_t(10));
    QCOMPARE(collector.keptFdCount(), std::size_t(6));
    // The others are still read, with open/read/close, and still correct.
    fake.writeFile("109/stat", pgtest::FakeProc::statLine(109, "p", 'R', 1, 51, 0, 5));
    m_clockNs += 1000000000;
    s = collector.sample();
    QCOMPARE(s.processes[9].cpuPercent, 50.0);
}

// Ten processes and room for twelve descriptors: one keeps stat, statm and schedstat, the other
// nine schedstat alone, and a process that has not run is still spared its stat and statm.
void TestProcessCollector::fdBudgetKeepsSchedstatOfEveryProcess()
{
    pgtest::FakeProc fake;
    fake.writeFile("vmstat", vmstatText());
    for (int pid = 100; pid < 110; ++pid) {
        fake.addProcess(pid, "p", 1, 5, std::string("p\0", 2));
        fake.writeFile(QString::number(pid) + "/schedstat", "1000 50 3\n");
    }
    auto o = options(fake, true);
    o.maxKeptFds = 12;
    ProcessCollector collector(o);
    ProcessSnapshot s = collector.sample(); // refresh 1
    QCOMPARE(s.processes.size(), std::size_t(10));
    QCOMPARE(collector.keptFdCount(), std::size_t(12));
    // None has run; at refresh 2 only 102 and 106 are due ((pid + 2) % 4 == 0). The others read
    // nothing but schedstat, through the descriptor each keeps (first come, first served would
    // have left six of them with none, read in full every refresh).
    for (int pid = 100; pid < 110; ++pid) {
        fake.writeFile(
            QString::number(pid) + "/stat", pgtest::FakeProc::statLine(pid, "p", 'R', 1, 51, 0, 5));
        fake.writeFile(QString::number(pid) + "/statm", "2000 500 100 10 0 200 0\n");
    }
    m_clockNs += 1000000000;
    s = collector.sample();
    for (const ProcessInfo& p : s.processes) {
        const bool due = p.key.pid == 102 || p.key.pid == 106;
        QCOMPARE(p.utimeTicks, due ? 51ull : 1ull);
        QCOMPARE(p.resKib, (due ? 500ull : 250ull) * 4);
    }
    QCOMPARE(s.processes[9].cpuPercent, 0.0);
    // It ran: stat and statm are opened, read and closed (50 ticks, counted in the last second).
    fake.writeFile("109/schedstat", "9000 50 9\n");
    m_clockNs += 1000000000;
    s = collector.sample();
    QCOMPARE(s.processes[9].state, 'R');
    QCOMPARE(s.processes[9].cpuPercent, 50.0);
    QCOMPARE(s.processes[9].resKib, 500ull * 4);
    QCOMPARE(collector.keptFdCount(), std::size_t(12));
}

QTEST_GUILESS_MAIN(TestProcessCollector)
#include "tst_process_collector.moc"
