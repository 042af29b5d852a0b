// SPDX-License-Identifier: GPL-3.0-or-later
// Parsers of /proc/PID/stat, statm, status and cmdline on fixtures, hostile ones included.

#include "core/process/PidCmdline.h"
#include "core/process/PidSchedstat.h"
#include "core/process/PidStat.h"
#include "core/process/PidStatm.h"
#include "core/process/PidStatus.h"
#include "tests/support/TestUtil.h"

#include <QTest>

using namespace pg;

class TestPidParsers : public QObject
{
    Q_OBJECT
private slots:
    void stat_data();
    void stat();
    void statErrors_data();
    void statErrors();
    void statm_data();
    void statm();
    void schedstat_data();
    void schedstat();
    void status();
    void statusKernelThread();
    void statusTruncated();
    void cmdline_data();
    void cmdline();
};

void TestPidParsers::stat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("pid");
    QTest::addColumn<QByteArray>("comm");
    QTest::addColumn<char>("state");
    QTest::addColumn<int>("ppid");
    QTest::addColumn<qulonglong>("utime");
    QTest::addColumn<qulonglong>("stime");
    QTest::addColumn<qlonglong>("priority");
    QTest::addColumn<qlonglong>("nice");
    QTest::addColumn<qlonglong>("threads");
    QTest::addColumn<qulonglong>("start");
    QTest::addColumn<bool>("kthread");

    QTest::newRow("init (live capture)")
        << "pid/stat-init.txt" << 1 << QByteArray("process_api") << 'S' << 0 << 48ull << 177ull
        << 10ll << -10ll << 14ll << 21ull << false;
    QTest::newRow("kernel thread") << "pid/stat-kthreadd.txt" << 2 << QByteArray("kthreadd") << 'S'
                                   << 0 << 0ull << 0ull << 20ll << 0ll << 1ll << 21ull << true;
    QTest::newRow("comm 'a) (b'") << "pid/stat-paren.txt" << 4242 << QByteArray("a) (b") << 'R' << 1
                                  << 250ull << 30ull << 20ll << 0ll << 3ll << 98765ull << false;
    QTest::newRow("comm with spaces")
        << "pid/stat-spaces.txt" << 4243 << QByteArray("Web Content") << 'S' << 1 << 7ull << 3ull
        << 20ll << 0ll << 25ll << 99000ull << false;
    QTest::newRow("comm with newline")
        << "pid/stat-newline.txt" << 4244 << QByteArray("two\nlines") << 'S' << 1 << 1ull << 2ull
        << 39ll << 19ll << 1ll << 99100ull << false;
    QTest::newRow("zombie") << "pid/stat-zombie.txt" << 4245 << QByteArray("defunct-child") << 'Z'
                            << 4200 << 3ull << 1ull << 20ll << 0ll << 1ll << 99200ull << false;
    QTest::newRow("real-time") << "pid/stat-realtime.txt" << 4248 << QByteArray("rt-thread") << 'S'
                               << 1 << 1ull << 2ull << -51ll << 0ll << 1ll << 99400ull << false;
}

void TestPidParsers::stat()
{
    QFETCH(QString, file);
    auto parsed = parsePidStat(pgtest::fixture(file));
    QVERIFY2(parsed.ok(), errorText(parsed.error()).data());
    QTEST(parsed->pid, "pid");
    QTEST(QByteArray::fromStdString(parsed->comm), "comm");
    QTEST(parsed->state, "state");
    QTEST(parsed->ppid, "ppid");
    QTEST(static_cast<qulonglong>(parsed->utimeTicks), "utime");
    QTEST(static_cast<qulonglong>(parsed->stimeTicks), "stime");
    QTEST(static_cast<qlonglong>(parsed->priority), "priority");
    QTEST(static_cast<qlonglong>(parsed->nice), "nice");
    QTEST(static_cast<qlonglong>(parsed->numThreads), "threads");
    QTEST(static_cast<qulonglong>(parsed->startTimeTicks), "start");
    QTEST(parsed->isKernelThread(), "kthread");
}

void TestPidParsers::statErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("error");
    QTest::newRow("empty") << "pid/stat-empty.txt" << int(Error::Empty);
    QTest::newRow("truncated") << "pid/stat-truncated.txt" << int(Error::Truncated);
    QTest::newRow("bad number") << "pid/stat-badnumber.txt" << int(Error::BadNumber);
}

void TestPidParsers::statErrors()
{
    QFETCH(QString, file);
    auto parsed = parsePidStat(pgtest::fixture(file));
    QVERIFY(!parsed.ok());
    QTEST(int(parsed.error()), "error");
    // No comm parenthesis at all.
    QCOMPARE(int(parsePidStat("123 noparens S 1").error()), int(Error::Truncated));
}

void TestPidParsers::statm_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("error");
    QTest::addColumn<qulonglong>("size");
    QTest::addColumn<qulonglong>("resident");
    QTest::addColumn<qulonglong>("shared");
    QTest::newRow("basic") << "pid/statm-basic.txt" << int(Error::None) << 1234ull << 567ull
                           << 89ull;
    QTest::newRow("kernel thread: all zero")
        << "pid/statm-kthread.txt" << int(Error::None) << 0ull << 0ull << 0ull;
    QTest::newRow("truncated") << "pid/statm-truncated.txt" << int(Error::Truncated) << 0ull << 0ull
                               << 0ull;
    QTest::newRow("empty") << "pid/statm-empty.txt" << int(Error::Empty) << 0ull << 0ull << 0ull;
}

void TestPidParsers::statm()
{
    QFETCH(QString, file);
    QFETCH(int, error);
    auto parsed = parsePidStatm(pgtest::fixture(file));
    QCOMPARE(int(parsed.error()), error);
    if (error != int(Error::None))
        return;
    QTEST(static_cast<qulonglong>(parsed->sizePages), "size");
    QTEST(static_cast<qulonglong>(parsed->residentPages), "resident");
    QTEST(static_cast<qulonglong>(parsed->sharedPages), "shared");
}

void TestPidParsers::schedstat_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("error");
    QTest::addColumn<qulonglong>("runNs");
    QTest::addColumn<qulonglong>("timeslices");
    QTest::newRow("as the kernel writes it") << QByteArray("1979287512 381204921 24977\n")
                                             << int(Error::None) << 1979287512ull << 24977ull;
    QTest::newRow("schedstats not kept")
        << QByteArray("0 0 0\n") << int(Error::None) << 0ull << 0ull;
    QTest::newRow("truncated") << QByteArray("12 34") << int(Error::Truncated) << 0ull << 0ull;
    QTest::newRow("bad number") << QByteArray("12 x 3\n") << int(Error::BadNumber) << 0ull << 0ull;
    QTest::newRow("empty") << QByteArray("") << int(Error::Empty) << 0ull << 0ull;
}

void TestPidParsers::schedstat()
{
    QFETCH(QByteArray, text);
    QFETCH(int, error);
    auto parsed = parsePidSchedstat(std::string_view(text.constData(), text.size()));
    QCOMPARE(int(parsed.error()), error);
    if (error != int(Error::None))
        return;
    QTEST(static_cast<qulonglong>(parsed->runNs), "runNs");
    QTEST(static_cast<qulonglong>(parsed->timeslices), "timeslices");
}

void TestPidParsers::status()
{
    auto parsed = parsePidStatus(pgtest::fixture("pid/status-escaped.txt"));
    QVERIFY2(parsed.ok(), errorText(parsed.error()).data());
    QCOMPARE(QByteArray::fromStdString(parsed->name),
        QByteArray("two\\nlines")); // kept as the kernel escapes it
    QCOMPARE(parsed->state, 'S');
    QCOMPARE(parsed->pid, 4244);
    QCOMPARE(parsed->ppid, 1);
    QCOMPARE(parsed->uid[0], 1000u);
    QCOMPARE(parsed->uid[1], 1000u);
    QCOMPARE(parsed->vmSizeKib.value_or(0), 9000ull);
    QCOMPARE(parsed->vmRssKib.value_or(0), 1200ull);
    // RES = RssAnon + RssFile + RssShmem; SHR = RssFile + RssShmem.
    QCOMPARE(*parsed->rssAnonKib + *parsed->rssFileKib + *parsed->rssShmemKib, *parsed->vmRssKib);
    QCOMPARE(parsed->voluntaryCtxtSwitches.value_or(0), 12ull);
    QCOMPARE(parsed->nonvoluntaryCtxtSwitches.value_or(0), 3ull);
    QCOMPARE(parsed->value("FDSize").value_or(""), std::string_view("64"));

    auto init = parsePidStatus(pgtest::fixture("pid/status-init.txt"));
    QVERIFY(init.ok());
    QCOMPARE(init->pid, 1);
    QVERIFY(init->vmRssKib.has_value());
}

void TestPidParsers::statusKernelThread()
{
    auto parsed = parsePidStatus(pgtest::fixture("pid/status-kthreadd.txt"));
    QVERIFY(parsed.ok());
    QCOMPARE(QByteArray::fromStdString(parsed->name), QByteArray("kthreadd"));
    QVERIFY(!parsed->vmSizeKib.has_value()); // kernel threads have no Vm* lines: unknown, not 0
}

void TestPidParsers::statusTruncated()
{
    QCOMPARE(int(parsePidStatus(pgtest::fixture("pid/status-truncated.txt")).error()),
        int(Error::Truncated));
    QCOMPARE(int(parsePidStatus("").error()), int(Error::Empty));
    QCOMPARE(int(parsePidStatus("Name:\tx\nUid:\tfoo\n").error()), int(Error::BadNumber));
}

void TestPidParsers::cmdline_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<QString>("joined");
    QTest::newRow("basic") << "pid/cmdline-basic.bin"
                           << QStringList { "bash", "-c", "echo a,b \"c\"" }
                           << "bash -c echo a,b \"c\"";
    QTest::newRow("kernel thread / zombie") << "pid/cmdline-empty.bin" << QStringList {} << "";
    QTest::newRow("setproctitle padding")
        << "pid/cmdline-setproctitle.bin" << QStringList { "sshd: root@pts/0            " }
        << "sshd: root@pts/0            ";
    QTest::newRow("empty argument kept")
        << "pid/cmdline-emptyarg.bin" << QStringList { "prog", "", "after-empty" }
        << "prog  after-empty";
}

void TestPidParsers::cmdline()
{
    QFETCH(QString, file);
    QFETCH(QStringList, argv);
    const auto parsed = parsePidCmdline(pgtest::fixture(file));
    QStringList got;
    for (const auto& a : parsed)
        got << QString::fromStdString(a);
    QCOMPARE(got, argv);
    QTEST(QString::fromStdString(joinCmdline(parsed)), "joined");
    // The sampler's one-pass form gives the same, and tells it apart from any other text.
    const std::string text = pgtest::fixture(file);
    const std::string joined = joinedCmdline(text);
    QCOMPARE(joined, joinCmdline(parsed));
    QVERIFY(joinedCmdlineEquals(joined, text));
    QVERIFY(joinedCmdlineEquals(joined, text + std::string(3, '\0'))); // more padding
    QVERIFY(!joinedCmdlineEquals(joined, text + "x"));
    QVERIFY(!joinedCmdlineEquals(joined + "x", text));
    if (!joined.empty()) {
        std::string changed = text;
        changed[0] = changed[0] == 'q' ? 'r' : 'q';
        QVERIFY(!joinedCmdlineEquals(joined, changed));
    }
}

QTEST_GUILESS_MAIN(TestPidParsers)
#include "tst_pid_parsers.moc"
