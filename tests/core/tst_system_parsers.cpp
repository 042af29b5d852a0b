// SPDX-License-Identifier: GPL-3.0-or-later
// Parsers of /proc/stat, /proc/meminfo, /proc/loadavg and /proc/uptime.

#include "core/system/LoadAvg.h"
#include "core/system/MemInfo.h"
#include "core/system/SystemStat.h"
#include "tests/support/TestUtil.h"

#include <QTest>

using namespace pg;

class TestSystemParsers : public QObject
{
    Q_OBJECT
private slots:
    void statLive();
    void statCpuGaps();
    void statErrors();
    void memInfo();
    void memInfoLive();
    void memInfoErrors();
    void loadAvg();
    void uptime();
};

void TestSystemParsers::statLive()
{
    auto stat = parseSystemStat(pgtest::fixture("system-basic/stat-live.txt"));
    QVERIFY(stat.ok());
    QCOMPARE(stat->total.user, 7438ull);
    QCOMPARE(stat->total.system, 2843ull);
    QCOMPARE(stat->total.idle, 85481ull);
    QCOMPARE(stat->total.iowait, 1308ull);
    QCOMPARE(stat->total.softirq, 68ull);
    QCOMPARE(stat->total.steal, 95ull);
    QCOMPARE(stat->cpus.size(), std::size_t(2));
    QCOMPARE(stat->cpus[1].cpu, 1);
    QCOMPARE(stat->cpus[1].user, 4247ull);
    QCOMPARE(stat->interruptsTotal.value_or(0), 171327ull);
    QVERIFY(stat->contextSwitches.has_value());
    QVERIFY(stat->bootTimeUnix.has_value());
    QVERIFY(stat->processesCreated.has_value());
    QVERIFY(stat->procsRunning.has_value());
    QVERIFY(stat->procsBlocked.has_value());
    // The per-CPU lines add up to the machine line.
    QCOMPARE(stat->cpus[0].user + stat->cpus[1].user, stat->total.user);
}

void TestSystemParsers::statCpuGaps()
{
    auto stat = parseSystemStat(pgtest::fixture("system-basic/stat-gaps.txt"));
    QVERIFY(stat.ok());
    QCOMPARE(stat->cpus.size(), std::size_t(2));
    QCOMPARE(stat->cpus[0].cpu, 0);
    QCOMPARE(stat->cpus[1].cpu, 2); // CPU1 offline: ids keep their gap
    QCOMPARE(stat->contextSwitches.value_or(0), 101698ull);
    QCOMPARE(stat->bootTimeUnix.value_or(0), 1551376475ull);
    QCOMPARE(stat->processesCreated.value_or(0), 2345ull);
    QCOMPARE(stat->procsRunning.value_or(99), 1ull);
    QCOMPARE(stat->procsBlocked.value_or(99), 0ull);
    QCOMPARE(stat->softirqsTotal.value_or(0), 98765ull);
    QCOMPARE(stat->total.total(), 1000ull + 20 + 300 + 50000 + 60 + 0 + 7 + 0);
    QCOMPARE(stat->total.idleAll(), 50060ull);
}

void TestSystemParsers::statErrors()
{
    QCOMPARE(int(parseSystemStat(pgtest::fixture("system-basic/stat-truncated.txt")).error()),
        int(Error::Truncated));
    QCOMPARE(int(parseSystemStat("").error()), int(Error::Empty));
    QCOMPARE(int(parseSystemStat("ctxt 5\n").error()), int(Error::BadFormat)); // no cpu line
    QCOMPARE(int(parseSystemStat("cpu 1 2 x 4\n").error()), int(Error::BadNumber));
    QCOMPARE(int(parseSystemStat("cpu 1 2 3 4\nctxt many\n").error()), int(Error::BadNumber));
}

void TestSystemParsers::memInfo()
{
    auto mem = parseMemInfo(pgtest::fixture("system-basic/meminfo-procinfo.txt"));
    QVERIFY(mem.ok());
    QCOMPARE(mem->get("MemTotal").value_or(0), 1008940ull);
    QCOMPARE(mem->get("HugePages_Total").value_or(99), 0ull);
    QVERIFY(!mem->get("NoSuchKey").has_value());
    QCOMPARE(mem->cacheKib().value_or(0), 320000ull);
    // used = total - free - buffers - (cached + sreclaimable)
    QCOMPARE(mem->usedKib().value_or(0), 1008940ull - 487412 - 16084 - 320000);
}

void TestSystemParsers::memInfoLive()
{
    auto mem = parseMemInfo(pgtest::fixture("system-basic/meminfo-live.txt"));
    QVERIFY(mem.ok());
    QVERIFY(mem->fields.size() > 20);
    QVERIFY(mem->usedKib().has_value());
    QVERIFY(*mem->usedKib() < *mem->get("MemTotal"));
}

void TestSystemParsers::memInfoErrors()
{
    QCOMPARE(int(parseMemInfo(pgtest::fixture("system-basic/meminfo-bad.txt")).error()),
        int(Error::BadNumber));
    QCOMPARE(int(parseMemInfo("").error()), int(Error::Empty));
    QCOMPARE(int(parseMemInfo("MemFree: 5 kB\n").error()), int(Error::Truncated));
    QCOMPARE(int(parseMemInfo("no colon here\n").error()), int(Error::BadFormat));
}

void TestSystemParsers::loadAvg()
{
    auto load = parseLoadAvg(pgtest::fixture("system-basic/loadavg-seed.txt"));
    QVERIFY(load.ok());
    QCOMPARE(load->load1, 0.12);
    QCOMPARE(load->load5, 0.03);
    QCOMPARE(load->load15, 0.01);
    QCOMPARE(load->runnable, 1ull);
    QCOMPARE(load->total, 123ull);
    QCOMPARE(load->lastPid, 2345ull);
    QCOMPARE(int(parseLoadAvg(pgtest::fixture("system-basic/loadavg-truncated.txt")).error()),
        int(Error::Truncated));
    QCOMPARE(int(parseLoadAvg("0.1 0.2 0.3 5 10\n").error()), int(Error::BadFormat));
    QCOMPARE(int(parseLoadAvg("0.1 x 0.3 1/5 10\n").error()), int(Error::BadNumber));
    QVERIFY(parseLoadAvg(pgtest::fixture("system-basic/loadavg-live.txt")).ok());
}

void TestSystemParsers::uptime()
{
    auto up = parseUptime(pgtest::fixture("system-basic/uptime-seed.txt"));
    QVERIFY(up.ok());
    QCOMPARE(up->upSeconds, 1246.53);
    QCOMPARE(up->idleSeconds, 4883.51);
    QCOMPARE(int(parseUptime("12.5").error()), int(Error::Truncated));
    QCOMPARE(int(parseUptime("").error()), int(Error::Empty));
    QCOMPARE(int(parseUptime("abc def").error()), int(Error::BadNumber));
    QVERIFY(parseUptime(pgtest::fixture("system-basic/uptime-live.txt")).ok());
}

QTEST_GUILESS_MAIN(TestSystemParsers)
#include "tst_system_parsers.moc"
