// SPDX-License-Identifier: GPL-3.0-or-later
// The memory census (core/memory/MemoryCensus): every process's smaps_rollup on a fake /proc whose
// every file the test writes (kernel thread, unreadable, FIFO, malformed, an old kernel without
// SwapPss), the grouping by user, the CSV tables; then the live /proc against a child whose
// private memory is known, and `procglass export memory` end to end.

#include "core/export/MemoryCensusCsv.h"
#include "core/memory/MemoryCensus.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/FakeProc.h"
#include "tests/support/StatusText.h"

#include <QProcess>
#include <QTest>
#include <algorithm>
#include <cstring>
#include <map>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace pg;

namespace {

std::string status(const std::string& name, unsigned uid, bool userMemory)
{
    return pgtest::statusText(name, uid, userMemory);
}

std::string rollup(int rss, int pss, int privateClean, int privateDirty, int swap, int swapPss = -1)
{
    std::string s = "55a0c0000000-7ffc00000000 ---p 00000000 00:00 0          [rollup]\n";
    s += "Rss:  " + std::to_string(rss) + " kB\nPss:  " + std::to_string(pss) + " kB\n";
    s += "Shared_Clean:  " + std::to_string(rss - privateClean - privateDirty) + " kB\n";
    s += "Shared_Dirty:  0 kB\nPrivate_Clean:  " + std::to_string(privateClean) + " kB\n";
    s += "Private_Dirty:  " + std::to_string(privateDirty) + " kB\n";
    s += "Swap:  " + std::to_string(swap) + " kB\n";
    if (swapPss >= 0)
        s += "SwapPss:  " + std::to_string(swapPss) + " kB\n";
    return s + "Locked:  0 kB\n";
}

const ProcessMemory* find(const MemoryCensus& c, int pid)
{
    for (const ProcessMemory& p : c.processes) {
        if (p.pid == pid)
            return &p;
    }
    return nullptr;
}

std::string nameOf(std::uint32_t uid)
{
    return uid == 0 ? "root" : "u" + std::to_string(uid);
}

} // namespace

class TestMemoryCensus : public QObject
{
    Q_OBJECT
private slots:
    void fakeTree();
    void groupsByUser();
    void csvTables();
    void stopsWhenAsked();
    void missingRoot();
    void liveChild();
    void exportCommand();
};

void TestMemoryCensus::fakeTree()
{
    pgtest::FakeProc proc;
    proc.writeFile("100/status", status("app", 1000, true));
    proc.writeFile("100/smaps_rollup", rollup(4000, 2500, 300, 1200, 64, 40));
    proc.writeFile("101/status", status("kworker/0:1", 0, false)); // no Vm lines: no user memory
    proc.writeFile("102/status", status("old", 1000, true)); // smaps_rollup missing: skipped
    proc.writeFile("103/status", status("fifo", 0, true));
    const std::string fifo = proc.root().toStdString() + "/103/smaps_rollup";
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0); // must be refused, never waited on
    proc.writeFile("104/status", status("garbage", 0, true));
    proc.writeFile("104/smaps_rollup", "this is not smaps\n");
    proc.writeFile("105/status", status("oldkernel", 0, true));
    proc.writeFile("105/smaps_rollup", rollup(100, 50, 10, 20, 0)); // no SwapPss line
    proc.writeFile("106/stat", "not a process folder without status\n");
    proc.writeFile("0123/status", status("notapid", 0, true)); // leading zero: not a pid
    proc.writeFile("self/status", status("self", 0, true));

    const MemoryCensus c = readMemoryCensus(proc.root().toStdString());
    QCOMPARE(c.listError, Error::None);
    QVERIFY(!c.stopped);
    QCOMPARE(static_cast<int>(c.processes.size()), 2);
    const ProcessMemory* app = find(c, 100);
    QVERIFY(app);
    QCOMPARE(app->comm, std::string("app"));
    QCOMPARE(app->uid, 1000u);
    QCOMPARE(app->rssKib, 4000u);
    QCOMPARE(app->pssKib, 2500u);
    QCOMPARE(app->ussKib, 1500u); // Private_Clean + Private_Dirty
    QCOMPARE(app->swapKib, 64u);
    QVERIFY(app->swapPssKnown);
    QCOMPARE(app->swapPssKib, 40u);
    const ProcessMemory* old = find(c, 105);
    QVERIFY(old);
    QVERIFY(!old->swapPssKnown);
    QCOMPARE(c.withoutUserMemory, 1);

    // A folder without status is a process that exited while the census ran.
    QCOMPARE(c.vanished, 1);
    // Named, with the reason: the missing file, the FIFO, the garbage.
    std::map<int, Error> skipped;
    for (const CensusSkip& s : c.skipped)
        skipped[s.pid] = s.error;
    QCOMPARE(skipped.size(), std::size_t(3));
    QCOMPARE(skipped[102], Error::FileMissing);
    QCOMPARE(skipped[103], Error::FifoNotFile);
    QCOMPARE(skipped[104], Error::BadFormat);
    const std::string summary = censusSkipSummary(c);
    QVERIFY2(summary.starts_with("3 processes not counted: "), summary.c_str());
    QVERIFY2(summary.find("103 fifo") != std::string::npos, summary.c_str());
}

void TestMemoryCensus::groupsByUser()
{
    std::vector<ProcessMemory> ps(4);
    ps[0] = { 1, 0, "a", 100, 50, 20, 1, 1, true };
    ps[1] = { 2, 1000, "b", 300, 200, 150, 2, 2, true };
    ps[2] = { 3, 1000, "c", 100, 80, 10, 3, 3, true };
    ps[3] = { 4, 7, "d", 10, 5, 5, 0, 0, true };
    const std::vector<UserMemory> users = memoryByUser(ps);
    QCOMPARE(users.size(), std::size_t(3));
    QCOMPARE(users[0].uid, 1000u); // largest Pss first
    QCOMPARE(users[0].processes, 2);
    QCOMPARE(users[0].rssKib, 400u);
    QCOMPARE(users[0].pssKib, 280u);
    QCOMPARE(users[0].ussKib, 160u);
    QCOMPARE(users[0].swapKib, 5u);
    QCOMPARE(users[1].uid, 0u);
    QCOMPARE(users[2].uid, 7u);
}

void TestMemoryCensus::csvTables()
{
    MemoryCensus c;
    c.processes.push_back({ 42, 1000, "x,y", 10, 8, 6, 4, 2, true });
    c.processes.push_back({ 43, 0, "old", 5, 5, 5, 0, 0, false });
    const CsvTable byProcess = memoryByProcessToCsv(c, nameOf);
    QCOMPARE(byProcess.header,
        (std::vector<std::string> {
            "pid", "user", "comm", "rss_kib", "pss_kib", "uss_kib", "swap_kib", "swap_pss_kib" }));
    QCOMPARE(byProcess.rows.at(0),
        (std::vector<std::string> { "42", "u1000", "x,y", "10", "8", "6", "4", "2" }));
    QCOMPARE(byProcess.rows.at(1).back(), std::string()); // SwapPss not printed: empty, not 0
    const CsvTable byUser = memoryByUserToCsv(c, nameOf);
    QCOMPARE(byUser.header,
        (std::vector<std::string> {
            "user", "processes", "rss_kib", "pss_kib", "uss_kib", "swap_kib" }));
    QCOMPARE(byUser.rows.size(), std::size_t(2));
    QCOMPARE(byUser.rows.at(0), (std::vector<std::string> { "u1000", "1", "10", "8", "6", "4" }));
}

void TestMemoryCensus::stopsWhenAsked()
{
    pgtest::FakeProc proc;
    proc.writeFile("100/status", status("app", 1000, true));
    proc.writeFile("100/smaps_rollup", rollup(4000, 2500, 300, 1200, 64, 40));
    std::atomic<bool> stop { true };
    const MemoryCensus c = readMemoryCensus(proc.root().toStdString(), &stop);
    QVERIFY(c.stopped);
    QVERIFY(c.processes.empty());
}

void TestMemoryCensus::missingRoot()
{
    const MemoryCensus c = readMemoryCensus("/nonexistent-procglass-root");
    QCOMPARE(c.listError, Error::FileMissing);
    QVERIFY(c.processes.empty());
}

void TestMemoryCensus::liveChild()
{
    // A child that dirties 8 MiB of private anonymous memory, then waits: its USS is at least
    // that, its Pss at least its USS, its Rss at least its Pss; and the census agrees with what
    // its own smaps_rollup says at the same moment (give or take what the kernel touches).
    constexpr std::size_t kBytes = 8u << 20;
    pgtest::Child child;
    child.pid = pgtest::forkReadyChild([&] {
        void* p
            = ::mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return false;
        std::memset(p, 0x5a, kBytes);
        return true;
    });
    QVERIFY(child.pid > 0);

    const MemoryCensus census = readMemoryCensus("/proc");
    QCOMPARE(census.listError, Error::None);
    const ProcessMemory* me = find(census, child.pid);
    QVERIFY(me);
    QCOMPARE(me->uid, static_cast<std::uint32_t>(::getuid()));
    QVERIFY2(me->ussKib >= kBytes / 1024, qPrintable(QString::number(me->ussKib)));
    QVERIFY(me->pssKib >= me->ussKib);
    QVERIFY(me->rssKib >= me->pssKib);
    // This test process itself is counted too.
    QVERIFY(find(census, static_cast<int>(::getpid())));
}

void TestMemoryCensus::exportCommand()
{
    const QString procglass = QStringLiteral(PROCGLASS_BINARY_DIR "/app/procglass");
    QProcess byProcess;
    byProcess.start(procglass, { QStringLiteral("export"), QStringLiteral("memory") });
    QVERIFY(byProcess.waitForFinished(120000));
    QCOMPARE(byProcess.exitCode(), 0);
    // RFC 4180: CRLF after every record.
    const QList<QByteArray> lines = byProcess.readAllStandardOutput().split('\n');
    QCOMPARE(
        lines.first(), QByteArray("pid,user,comm,rss_kib,pss_kib,uss_kib,swap_kib,swap_pss_kib\r"));
    QVERIFY(lines.size() > 2); // this test at least
    bool foundSelf = false;
    for (const QByteArray& line : lines) {
        if (line.startsWith(QByteArray::number(::getpid()) + ","))
            foundSelf = true;
    }
    QVERIFY(foundSelf);

    QProcess byUser;
    byUser.start(procglass,
        { QStringLiteral("export"), QStringLiteral("memory"), QStringLiteral("--by"),
            QStringLiteral("user") });
    QVERIFY(byUser.waitForFinished(120000));
    QCOMPARE(byUser.exitCode(), 0);
    QVERIFY(byUser.readAllStandardOutput().startsWith(
        "user,processes,rss_kib,pss_kib,uss_kib,swap_kib\r\n"));

    // A fake tree with one unreadable process: the table is written and stderr names it.
    pgtest::FakeProc proc;
    proc.writeFile("100/status", status("app", 1000, true));
    proc.writeFile("100/smaps_rollup", rollup(4000, 2500, 300, 1200, 64, 40));
    proc.writeFile("104/status", status("garbage", 0, true));
    proc.writeFile("104/smaps_rollup", "this is not smaps\n");
    QProcess fake;
    fake.start(procglass,
        { QStringLiteral("export"), QStringLiteral("memory"), QStringLiteral("--proc-root"),
            proc.root() });
    QVERIFY(fake.waitForFinished(120000));
    QCOMPARE(fake.exitCode(), 0);
    const QByteArray out = fake.readAllStandardOutput();
    QCOMPARE(out.count('\n'), 2);
    QVERIFY(out.contains("\n100,"));
    const QByteArray err = fake.readAllStandardError();
    QCOMPARE(err.count('\n'), 1);
    QVERIFY2(err.contains("1 process not counted") && err.contains("104 garbage"), err.constData());
}

QTEST_GUILESS_MAIN(TestMemoryCensus)
#include "tst_memory_census.moc"
