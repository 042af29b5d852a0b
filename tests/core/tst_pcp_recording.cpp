// SPDX-License-Identifier: GPL-3.0-or-later
// The pure parts of `procglass record` and `export --archive` (core/pcp/), without libpcp: every
// recorded metric has a descriptor with pmdaproc's or pmdalinux's PMID and instance domain; a
// local sample becomes PCP's values (clock ticks as milliseconds, pmdaproc's instance names, the
// same id for an IRQ row and CPU in every sample) that the --host mapping reads back into the
// same pids, comm, CPU time and MemTotal; --at's TIME in each form, and outside the archive.

#include "core/pcp/ArchiveTime.h"
#include "core/pcp/LocalPcpConverter.h"
#include "core/pcp/PcpInterrupts.h"
#include "core/pcp/PcpMetricCatalog.h"
#include "core/pcp/PcpProcesses.h"
#include "core/pcp/PcpRecordSet.h"
#include "core/pcp/PcpSystem.h"

#include <QTest>
#include <cstdlib>
#include <ctime>
#include <map>
#include <set>

using namespace pg;

namespace {

ProcessInfo process(int pid, const char* comm, std::uint64_t utime, std::uint64_t start)
{
    ProcessInfo p;
    p.key = { pid, start };
    p.ppid = 1;
    p.state = 'S';
    p.uid = 1000;
    p.uidKnown = true;
    p.user = std::make_shared<const std::string>("alice");
    auto names = std::make_shared<ProcessNames>();
    names->comm = comm;
    names->cmdline = std::string(comm) + " --flag";
    p.names = names;
    p.threads = 2;
    p.utimeTicks = utime;
    p.stimeTicks = 5;
    p.virtKib = 1000;
    p.resKib = 200;
    p.shrKib = 100;
    return p;
}

SystemOverview overview(std::uint64_t userTicks)
{
    SystemOverview o;
    o.ticksPerSecond = 100;
    MemInfo mem;
    mem.fields = { { "MemTotal", 16384 }, { "MemFree", 4096 } };
    o.memory = { mem, Error::None, "/proc/meminfo" };
    SystemStat stat;
    stat.total.user = userTicks;
    CpuTimes c0;
    c0.cpu = 0;
    c0.user = userTicks;
    stat.cpus = { c0 };
    stat.bootTimeUnix = 1700000000;
    o.stat = { stat, Error::None, "/proc/stat" };
    return o;
}

Interrupts interrupts(std::vector<std::string> names)
{
    Interrupts irqs;
    irqs.cpuIds = { 0, 2 };
    for (const std::string& n : names) {
        InterruptRow row;
        row.name = n;
        row.counts = { 10, 20 };
        irqs.rows.push_back(row);
    }
    InterruptRow err;
    err.name = "ERR";
    err.singleCount = true;
    err.counts = { 3 };
    irqs.rows.push_back(err);
    return irqs;
}

const PcpInstanceValue* valueOf(const PcpFetch& f, const char* metric, int instance)
{
    const PcpMetricValues* m = f.find(metric);
    if (!m)
        return nullptr;
    for (const PcpInstanceValue& v : m->values) {
        if (v.instance == instance)
            return &v;
    }
    return nullptr;
}

} // namespace

class TestPcpRecording : public QObject
{
    Q_OBJECT

private slots:
    void everyRecordedMetricIsInTheCatalog()
    {
        for (const PcpMetricRequest& r : pcpRecordedMetrics()) {
            const PcpMetricDesc* d = findPcpMetric(r.name);
            QVERIFY2(d, r.name.c_str());
            // Names asked for every metric with instances but proc.* (made from pid and comm).
            QCOMPARE(r.instanceNames, !d->indom.null() && !(d->indom == kProcInDom));
            if (r.name.starts_with("proc."))
                QCOMPARE(d->id.domain, 3);
            else
                QCOMPARE(d->id.domain, 60);
        }
        // The PMIDs pmchart's and pmrep's views know (pminfo -m on PCP 6.0.3).
        const PcpMetricDesc* physmem = findPcpMetric("mem.physmem");
        QVERIFY(physmem);
        QCOMPARE(physmem->id.cluster, 1);
        QCOMPARE(physmem->id.item, 0);
        const PcpMetricDesc* irq = findPcpMetric("kernel.percpu.interrupts");
        QVERIFY(irq && irq->indom == kInterruptsInDom);
        QCOMPARE(irq->semantics, PcpSemantics::Counter);
        QCOMPARE(findPcpMetric("proc.psinfo.utime")->units, PcpUnits::Millisec);
        QCOMPARE(findPcpMetric("proc.memory.rss")->semantics, PcpSemantics::Instant);
        QVERIFY(!findPcpMetric("proc.environ"));
    }

    void processInstanceNamesAreUniqueByTheirFirstWord()
    {
        QCOMPARE(pcpProcessInstanceName(42, "bash"), std::string("000042 bash"));
        QCOMPARE(pcpProcessInstanceName(1234567, "a\nb"), std::string("1234567 a?b"));
    }

    void localSampleBecomesPcpValues()
    {
        ProcessSnapshot snap;
        snap.clockTicksPerSecond = 100;
        snap.processes = { process(7, "alpha", 150, 300), process(9, "beta", 0, 400) };
        snap.processes[1].kernelThread = true;
        snap.processes[1].memError = Error::PermissionDenied;
        LocalPcpConverter converter;
        const Interrupts irqs = interrupts({ "24", "NMI" });
        const PcpFetch f = converter.convert(snap, &irqs, nullptr, overview(1000), 1700000100.5);
        QCOMPARE(f.timestampSec, 1700000100.5);
        const PcpInstanceValue* cmd = valueOf(f, "proc.psinfo.cmd", 7);
        QVERIFY(cmd);
        QCOMPARE(std::get<std::string>(cmd->value), std::string("alpha"));
        QCOMPARE(cmd->instanceName, std::string("000007 alpha"));
        // 150 ticks at 100 Hz: 1,500 ms; start time likewise
        QCOMPARE(pcpUnsigned(valueOf(f, "proc.psinfo.utime", 7)->value), std::uint64_t(1500));
        QCOMPARE(pcpUnsigned(valueOf(f, "proc.psinfo.start_time", 9)->value), std::uint64_t(4000));
        QCOMPARE(pcpUnsigned(valueOf(f, "proc.psinfo.flags", 9)->value), std::uint64_t(0x00200000));
        // unknown memory is left out, never 0
        QVERIFY(valueOf(f, "proc.memory.rss", 7));
        QVERIFY(!valueOf(f, "proc.memory.rss", 9));
        QCOMPARE(std::get<std::string>(valueOf(f, "proc.psinfo.psargs", 7)->value),
            std::string("alpha --flag"));
        QCOMPARE(pcpUnsigned(valueOf(f, "mem.physmem", -1)->value), std::uint64_t(16384));
        QCOMPARE(pcpUnsigned(valueOf(f, "kernel.all.cpu.user", -1)->value), std::uint64_t(10000));
        QCOMPARE(valueOf(f, "kernel.percpu.cpu.user", 0)->instanceName, std::string("cpu0"));
        QCOMPARE(pcpUnsigned(valueOf(f, "hinv.ncpu", -1)->value), std::uint64_t(1));
        QCOMPARE(
            pcpUnsigned(valueOf(f, "kernel.all.interrupts.errors", -1)->value), std::uint64_t(3));
        const PcpMetricValues* percpu = f.find("kernel.percpu.interrupts");
        QVERIFY(percpu);
        QCOMPARE(percpu->values.size(), std::size_t(4)); // 2 rows x CPUs 0 and 2
        QCOMPARE(percpu->values[1].instanceName, std::string("24::cpu2"));

        // The next sample: a new IRQ row gets a new id, the old ones keep theirs.
        const Interrupts more = interrupts({ "NMI", "25", "24" });
        const PcpFetch g = converter.convert(snap, &more, nullptr, overview(1000), 1700000101.5);
        std::map<std::string, int> before, after;
        for (const PcpInstanceValue& v : percpu->values)
            before[v.instanceName] = v.instance;
        for (const PcpInstanceValue& v : g.find("kernel.percpu.interrupts")->values)
            after[v.instanceName] = v.instance;
        for (const auto& [name, id] : before)
            QCOMPARE(after.at(name), id);
        QCOMPARE(after.size(), std::size_t(6));
        std::set<int> ids;
        for (const auto& [name, id] : after)
            ids.insert(id);
        QCOMPARE(ids.size(), std::size_t(6));
    }

    // What is recorded from /proc reads back through the --host mapping as the same table.
    void localSampleReadsBackThroughTheMapping()
    {
        ProcessSnapshot first, second;
        first.clockTicksPerSecond = second.clockTicksPerSecond = 100;
        first.processes = { process(7, "alpha", 100, 300) };
        second.processes = { process(7, "alpha", 150, 300) }; // +50 ticks = 500 ms in 1 s
        LocalPcpConverter converter;
        const PcpFetch a = converter.convert(first, nullptr, nullptr, overview(1000), 1000.0);
        const PcpFetch b = converter.convert(second, nullptr, nullptr, overview(1100), 1001.0);
        const PcpProcessTable table = processTableFromPcp(b, &a, "archive x");
        QVERIFY2(table.error.empty(), table.error.c_str());
        QCOMPARE(table.snapshot.processes.size(), std::size_t(1));
        const ProcessInfo& p = table.snapshot.processes.front();
        QCOMPARE(p.key.pid, 7);
        QCOMPARE(p.names->comm, std::string("alpha"));
        QCOMPARE(p.cpuPercent, 50.0);
        QCOMPARE(p.resKib, std::uint64_t(200));
        QCOMPARE(p.startTimeUnixMs.value_or(0), std::int64_t(1700000000) * 1000 + 3000);
        // no proc.io.* from /proc: not sampled, rather than refused for every process
        QVERIFY(!table.snapshot.ioSampled);
        QCOMPARE(p.ioError, Error::None);
        const PcpSystemTable system = systemFromPcp(b, "archive x");
        QVERIFY(system.overview.memory.ok());
        QCOMPARE(system.overview.memory.value->get("MemTotal").value_or(0), std::uint64_t(16384));
    }

    void disksNetworkVmstatAndSoftirqsAreRecordedAndReadBack()
    {
        auto system = [](std::uint64_t vdaReads, bool withSdb) {
            SystemOverview o = overview(1000);
            VmStat vm;
            vm.fields = { { "pgpgin", 5000 }, { "pgfault", 70 }, { "nr_free_pages", 3 } };
            o.vmstat = { vm, Error::None, "/proc/vmstat" };
            DiskStats disks;
            DiskStat vda;
            vda.name = "vda";
            vda.readsCompleted = vdaReads;
            vda.sectorsRead = 64;
            DiskStat part = vda;
            part.name = "vda1";
            part.partition = true;
            DiskStat dm = vda;
            dm.name = "dm-0";
            disks.devices = { vda, part, dm };
            if (withSdb) {
                DiskStat sdb;
                sdb.name = "sdb";
                disks.devices.insert(disks.devices.begin(), sdb);
            }
            o.disks = { disks, Error::None, "/proc/diskstats" };
            NetDev net;
            NetDevStat lo;
            lo.name = "lo";
            lo.rxBytes = 100;
            lo.txCollisions = 2;
            net.interfaces = { lo };
            o.net = { net, Error::None, "/proc/net/dev" };
            return o;
        };
        Softirqs soft;
        soft.cpuIds = { 0, 1 };
        soft.rows = { { "TIMER", { 5, 6 } }, { "NET_RX", { 7, 8 } } };
        ProcessSnapshot snap;
        snap.clockTicksPerSecond = 100;
        LocalPcpConverter converter;
        const PcpFetch a = converter.convert(snap, nullptr, &soft, system(10, false), 1000.0);
        const PcpFetch b = converter.convert(snap, nullptr, &soft, system(20, true), 1001.0);
        // Every value written is of a metric the catalog describes (the recorder needs them all).
        for (const PcpMetricValues& m : b.metrics)
            QVERIFY2(findPcpMetric(m.name), m.name.c_str());
        // Whole disks only, as pmdalinux's disk.dev; an instance keeps its id when another appears.
        const PcpMetricValues* reads = b.find("disk.dev.read");
        QVERIFY(reads);
        QCOMPARE(reads->values.size(), std::size_t(2));
        int vdaId = -1;
        for (const PcpInstanceValue& v : a.find("disk.dev.read")->values)
            vdaId = v.instanceName == "vda" ? v.instance : vdaId;
        for (const PcpInstanceValue& v : reads->values) {
            if (v.instanceName == "vda")
                QCOMPARE(v.instance, vdaId);
            QVERIFY(v.instanceName == "vda" || v.instanceName == "sdb");
        }
        QVERIFY(!b.find("mem.vmstat.nr_free_pages"));
        // Read back through the same mapping a host's values take.
        const PcpSystemTable table = systemFromPcp(b, "archive x");
        const SystemOverview& o = table.overview;
        QVERIFY(o.disks.ok() && o.net.ok() && o.vmstat.ok());
        QCOMPARE(o.disks.value->find("vda")->readsCompleted, std::uint64_t(20));
        QCOMPARE(o.disks.value->find("vda")->sectorsRead, std::uint64_t(64));
        QVERIFY(!o.disks.value->find("vda1"));
        QVERIFY(!o.disks.value->find("dm-0"));
        QCOMPARE(o.net.value->find("lo")->rxBytes, std::uint64_t(100));
        QCOMPARE(o.net.value->find("lo")->txCollisions, std::uint64_t(2));
        QCOMPARE(o.vmstat.value->pageInKib(), std::optional<std::int64_t>(5000));
        QCOMPARE(o.vmstat.value->pageFaults(), std::optional<std::int64_t>(70));
        const PcpSoftirqsTable softirqs = softirqsFromPcp(b, "archive x");
        QVERIFY2(softirqs.error.empty(), softirqs.error.c_str());
        QCOMPARE(softirqs.softirqs.cpuIds, (std::vector<int> { 0, 1 }));
        QCOMPARE(softirqs.softirqs.rows.size(), std::size_t(2));
        QCOMPARE(softirqs.softirqs.rows[1].name, std::string("NET_RX"));
        QCOMPARE(softirqs.softirqs.rows[1].counts, (std::vector<std::uint64_t> { 7, 8 }));
    }

    void archiveTime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("expected"); // -1: refused
        // the archive runs from 1000 s to 1100 s (UTC: 1970-01-01 00:16:40 to 00:18:20)
        QTest::newRow("empty: the end") << "" << 1100.0;
        QTest::newRow("seconds from start") << "30" << 1030.0;
        QTest::newRow("+30s") << "+30s" << 1030.0;
        QTest::newRow("+1m") << "+1m" << 1060.0;
        QTest::newRow("-10s before the end") << "-10s" << 1090.0;
        QTest::newRow("+0.5") << "+0.5" << 1000.5;
        QTest::newRow("local time") << "1970-01-01 00:17:00" << 1020.0;
        QTest::newRow("@ local time") << "@ 1970-01-01 00:17:00.25" << 1020.25;
        QTest::newRow("T between") << "1970-01-01T00:17:00" << 1020.0;
        QTest::newRow("before the start") << "1970-01-01 00:10:00" << -1.0;
        QTest::newRow("after the end") << "+2m" << -1.0;
        QTest::newRow("garbage") << "soon" << -1.0;
        QTest::newRow("bad month") << "1970-13-01 00:17:00" << -1.0;
        QTest::newRow("@ alone") << "@" << -1.0;
        QTest::newRow("unit only") << "+s" << -1.0;
    }

    void archiveTime()
    {
        QFETCH(QString, text);
        QFETCH(double, expected);
        const ArchiveTimeOutcome out = parseArchiveTime(text.toStdString(), 1000.0, 1100.0);
        if (expected < 0) {
            QVERIFY(!out.sec);
            QVERIFY(!out.error.empty());
            QVERIFY(out.error.find('\n') == std::string::npos);
            if (text.startsWith(QLatin1String("1970-01-01")) || text == QLatin1String("+2m"))
                QVERIFY2(out.error.find("1970-01-01 00:16:40.000 to 1970-01-01 00:18:20.000")
                        != std::string::npos,
                    out.error.c_str()); // names the archive's start and end
        } else {
            QVERIFY2(out.sec, out.error.c_str());
            QCOMPARE(*out.sec, expected);
        }
    }

    void initTestCase()
    {
        ::setenv("TZ", "UTC", 1);
        ::tzset();
    }
};

QTEST_APPLESS_MAIN(TestPcpRecording)
#include "tst_pcp_recording.moc"
