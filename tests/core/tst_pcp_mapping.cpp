// SPDX-License-Identifier: GPL-3.0-or-later
// The mapping from fetched PCP values to Procglass's snapshots (core/pcp/), without a pmcd: pid as
// the instance id, start_time as identity (a reused pid has no CPU %), CPU % and io rates over the
// host's timestamps, kernel threads without a command line, what the host refuses or leaves out
// as empty (never 0), IRQ instances "NAME::cpuN" into rows and CPU columns plus ERR and MIS, and
// the system figures (MemTotal, CPUs, load).

#include "core/export/InterruptsCsv.h"
#include "core/export/ProcessCsv.h"
#include "core/export/SystemCsv.h"
#include "core/pcp/PcpInterrupts.h"
#include "core/pcp/PcpProcesses.h"
#include "core/pcp/PcpSystem.h"

#include <QTest>
#include <cmath>

using namespace pg;

namespace {

PcpMetricValues& metric(PcpFetch& f, const std::string& name)
{
    for (PcpMetricValues& m : f.metrics) {
        if (m.name == name)
            return m;
    }
    f.metrics.push_back({ name, {}, false, {} });
    return f.metrics.back();
}

void put(PcpFetch& f, const std::string& name, int inst, PcpValue v, std::string instName = {},
    std::string label = {})
{
    metric(f, name).values.push_back({ inst, std::move(instName), std::move(v), std::move(label) });
}

struct Proc
{
    int pid;
    std::string comm;
    std::uint64_t startMs;
    std::uint64_t utimeMs, stimeMs;
    std::uint64_t readBytes;
    std::uint64_t flags = 0;
    std::string args = "prog --flag";
};

// A fetch as pmdaproc gives it for `procs`, taken at `time` (seconds since the epoch).
PcpFetch processFetch(double time, const std::vector<Proc>& procs)
{
    PcpFetch f;
    f.timestampSec = time;
    // Every metric the table asks for exists, even with no instance (as pmFetch gives them).
    for (const PcpMetricRequest& r : pcpProcessMetrics())
        metric(f, r.name);
    put(f, "kernel.all.boottime", -1, std::int64_t(1700000000));
    for (const Proc& p : procs) {
        put(f, "proc.psinfo.cmd", p.pid, p.comm);
        put(f, "proc.psinfo.psargs", p.pid, p.args);
        put(f, "proc.psinfo.sname", p.pid, std::string("S"));
        put(f, "proc.psinfo.ppid", p.pid, std::uint64_t(1));
        put(f, "proc.psinfo.flags", p.pid, p.flags);
        put(f, "proc.psinfo.nice", p.pid, std::int64_t(-5));
        put(f, "proc.psinfo.priority", p.pid, std::int64_t(15));
        put(f, "proc.psinfo.threads", p.pid, std::uint64_t(3));
        put(f, "proc.psinfo.utime", p.pid, p.utimeMs);
        put(f, "proc.psinfo.stime", p.pid, p.stimeMs);
        put(f, "proc.psinfo.start_time", p.pid, p.startMs);
        put(f, "proc.psinfo.processor", p.pid, std::uint64_t(1));
        put(f, "proc.id.uid", p.pid, std::uint64_t(1000));
        put(f, "proc.id.uid_nm", p.pid, std::string("alice"));
        put(f, "proc.psinfo.vsize", p.pid, std::uint64_t(4000));
        put(f, "proc.memory.rss", p.pid, std::uint64_t(1000));
        put(f, "proc.memory.share", p.pid, std::uint64_t(500));
        put(f, "proc.io.read_bytes", p.pid, p.readBytes);
        put(f, "proc.io.write_bytes", p.pid, std::uint64_t(0));
    }
    return f;
}

const ProcessInfo* find(const ProcessSnapshot& s, int pid)
{
    for (const ProcessInfo& p : s.processes) {
        if (p.key.pid == pid)
            return &p;
    }
    return nullptr;
}

std::vector<std::string> column(const CsvTable& t, const std::string& name)
{
    std::vector<std::string> out;
    const auto at = std::find(t.header.begin(), t.header.end(), name) - t.header.begin();
    for (const auto& row : t.rows)
        out.push_back(row.at(static_cast<std::size_t>(at)));
    return out;
}

std::string systemValue(const CsvTable& t, const std::string& metricName)
{
    for (const auto& row : t.rows) {
        if (row.at(0) == metricName)
            return row.at(1);
    }
    return "(absent)";
}

} // namespace

class TestPcpMapping : public QObject
{
    Q_OBJECT

private slots:
    void processesAreKeyedByPidAndStartTime()
    {
        // 42 used 500 ms of CPU in 2 s (25 %); 43 exited and its pid was reused by another
        // process (new start time): no CPU % for it, not a spike; 44 is new.
        const PcpFetch before = processFetch(
            1000.0, { { 42, "worker", 5000, 1000, 200, 4096 }, { 43, "old", 6000, 50, 0, 0 } });
        const PcpFetch now = processFetch(1002.0,
            { { 42, "worker", 5000, 1300, 400, 4096 + 8192 }, { 43, "new", 9000, 10, 0, 0 },
                { 44, "fresh", 9500, 0, 0, 0 } });
        const PcpProcessTable table = processTableFromPcp(now, &before, "unix:/x");
        QVERIFY2(table.error.empty(), table.error.c_str());
        const ProcessSnapshot& s = table.snapshot;
        QCOMPARE(s.processes.size(), std::size_t(3));
        const ProcessInfo* w = find(s, 42);
        QVERIFY(w);
        QCOMPARE(w->names->comm, std::string("worker"));
        QCOMPARE(w->key.startTimeTicks, std::uint64_t(5000));
        QCOMPARE(w->cpuPercent, 25.0);
        QCOMPARE(w->ioReadBytesPerS, 4096.0);
        QCOMPARE(*w->user, std::string("alice"));
        QCOMPARE(w->uid, 1000u);
        QCOMPARE(w->resKib, std::uint64_t(1000));
        QCOMPARE(*w->startTimeUnixMs, std::int64_t(1700000000) * 1000 + 5000);
        QCOMPARE(w->names->cmdline, std::string("prog --flag"));
        const ProcessInfo* reused = find(s, 43);
        QVERIFY(reused);
        QCOMPARE(reused->names->comm, std::string("new"));
        QVERIFY(std::isnan(reused->cpuPercent));
        QVERIFY(std::isnan(find(s, 44)->cpuPercent));

        // The CSV: cpu_time_s from milliseconds (1.7 s), the reused pid's CPU % empty.
        const CsvTable csv = processesToCsv(s);
        QCOMPARE(column(csv, "cpu_time_s").at(0), std::string("1.70"));
        QCOMPARE(column(csv, "cpu_percent").at(0), std::string("25.00"));
        QCOMPARE(column(csv, "cpu_percent").at(1), std::string());
        QCOMPARE(column(csv, "start_time").at(0), std::string("2023-11-14T22:13:25Z"));
        // psargs' limits are said, once.
        QVERIFY(std::any_of(table.notes.begin(), table.notes.end(),
            [](const std::string& n) { return n.find("psargs") != std::string::npos; }));
    }

    void kernelThreadHasNoCommandLine()
    {
        Proc k { 2, "kthreadd", 10, 0, 0, 0, 0x00200040 };
        k.args = "(kthreadd)";
        const PcpProcessTable table = processTableFromPcp(processFetch(5.0, { k }), nullptr, "h");
        const ProcessInfo& p = table.snapshot.processes.at(0);
        QVERIFY(p.kernelThread);
        QCOMPARE(p.names->cmdline, std::string());
        QCOMPARE(column(processesToCsv(table.snapshot), "kernel_thread").at(0), std::string("1"));
    }

    void leftOutValuesAreEmptyNotZero()
    {
        PcpFetch f = processFetch(5.0, { { 7, "secret", 10, 1, 1, 0 } });
        // pmdaproc leaves out what the client may not read: memory and io of pid 7.
        for (const char* name : { "proc.memory.rss", "proc.io.read_bytes" })
            metric(f, name).values.clear();
        const PcpProcessTable table = processTableFromPcp(f, nullptr, "h");
        const CsvTable csv = processesToCsv(table.snapshot);
        QCOMPARE(column(csv, "res_kib").at(0), std::string());
        QCOMPARE(column(csv, "virt_kib").at(0), std::string());
        QCOMPARE(column(csv, "io_read_bytes_per_s").at(0), std::string());
        QVERIFY(!processExportWarnings(table.snapshot).empty());
    }

    void processThatExitedDuringTheFetchIsLeftOut()
    {
        // pid 8 has a comm but no stat values: it exited while pmdaproc read it.
        PcpFetch f = processFetch(5.0, { { 7, "stays", 10, 1, 1, 0 } });
        put(f, "proc.psinfo.cmd", 8, std::string("gone"));
        const PcpProcessTable table = processTableFromPcp(f, nullptr, "h");
        QCOMPARE(table.snapshot.processes.size(), std::size_t(1));
        QCOMPARE(table.snapshot.processes.front().key.pid, 7);
    }

    void refusedPerProcessMetricsSayHowToGetThem()
    {
        PcpFetch f = processFetch(5.0, {});
        PcpMetricValues& cmd = metric(f, "proc.psinfo.cmd");
        cmd.error = "No permission to perform requested operation";
        cmd.permissionDenied = true;
        const PcpProcessTable table = processTableFromPcp(f, nullptr, "example.org");
        QVERIFY(table.error.find("PM_ERR_PERMISSION") != std::string::npos);
        QVERIFY(table.error.find("pcps://") != std::string::npos);
        QVERIFY(table.error.find("example.org") != std::string::npos);
    }

    void splitsIrqInstanceNames()
    {
        std::string irq;
        int cpu = -1;
        QVERIFY(splitIrqInstance("24::cpu0", &irq, &cpu));
        QCOMPARE(irq, std::string("24"));
        QCOMPARE(cpu, 0);
        QVERIFY(splitIrqInstance("NMI::cpu17", &irq, &cpu));
        QCOMPARE(irq, std::string("NMI"));
        QCOMPARE(cpu, 17);
        QVERIFY(!splitIrqInstance("24", &irq, &cpu));
        QVERIFY(!splitIrqInstance("24::cpu", &irq, &cpu));
        QVERIFY(!splitIrqInstance("::cpu1", &irq, &cpu));
        QVERIFY(!splitIrqInstance("24::cpu1x", &irq, &cpu));
    }

    void interruptsRowsAndCpuColumns()
    {
        PcpFetch f;
        f.timestampSec = 1;
        // CPU ids with a gap (cpu1 offline), instances not in CPU order.
        put(f, "kernel.percpu.interrupts", 0, std::uint64_t(5), "24::cpu2");
        put(f, "kernel.percpu.interrupts", 1, std::uint64_t(7), "24::cpu0");
        put(f, "kernel.percpu.interrupts", 2, std::uint64_t(1), "NMI::cpu0");
        put(f, "kernel.percpu.interrupts", 3, std::uint64_t(2), "NMI::cpu2");
        put(f, "kernel.percpu.interrupts", 4, std::uint64_t(9), ""); // vanished: no name
        put(f, "kernel.all.interrupts.errors", -1, std::uint64_t(0));
        put(f, "kernel.all.interrupts.missed", -1, std::uint64_t(3));
        const PcpInterruptsTable table = interruptsFromPcp(f, "h");
        QVERIFY(table.error.empty());
        const Interrupts& in = table.interrupts;
        QCOMPARE(in.cpuIds, (std::vector<int> { 0, 2 }));
        QCOMPARE(in.rows.size(), std::size_t(4));
        QCOMPARE(in.rows[0].name, std::string("24"));
        QCOMPARE(in.rows[0].irq, 24);
        QCOMPARE(in.rows[0].counts, (std::vector<std::uint64_t> { 7, 5 }));
        QCOMPARE(in.rows[1].name, std::string("NMI"));
        QCOMPARE(in.rows[1].irq, -1);
        QCOMPARE(in.rows[2].name, std::string("ERR"));
        QVERIFY(in.rows[2].singleCount);
        QCOMPARE(in.rows[3].name, std::string("MIS"));
        QCOMPARE(in.rows[3].counts, (std::vector<std::uint64_t> { 3 }));
        const CsvTable csv = interruptsToCsv(in);
        QCOMPARE(csv.header.at(1), std::string("cpu0"));
        QCOMPARE(csv.header.at(2), std::string("cpu2"));
        QCOMPARE(column(csv, "total").at(0), std::string("12"));
    }

    // The irqtext label is the text the file prints after the counts: parsed the same way.
    void irqtextLabelsDescribeTheRows()
    {
        PcpFetch f;
        put(f, "kernel.percpu.interrupts", 0, std::uint64_t(1), "26::cpu0", "IO-APIC 4-edge ttyS0");
        put(f, "kernel.percpu.interrupts", 1, std::uint64_t(2), "26::cpu1", "IO-APIC 4-edge ttyS0");
        put(f, "kernel.percpu.interrupts", 2, std::uint64_t(3), "40::cpu0",
            "PCI-MSIX-0000:00:05.0 2-edge virtio4-req.0, virtio4-req.1");
        put(f, "kernel.percpu.interrupts", 3, std::uint64_t(4), "LOC::cpu0",
            "Local timer interrupts");
        put(f, "kernel.percpu.interrupts", 4, std::uint64_t(5), "41::cpu0"); // no label
        const Interrupts in = interruptsFromPcp(f, "h").interrupts;
        QCOMPARE(in.rows.size(), std::size_t(4));
        QCOMPARE(in.rows[0].chip, std::string("IO-APIC"));
        QCOMPARE(in.rows[0].hwirq, std::string("4"));
        QCOMPARE(in.rows[0].trigger, std::string("edge"));
        QCOMPARE(in.rows[0].devices, (std::vector<std::string> { "ttyS0" }));
        QCOMPARE(in.rows[1].chip, std::string("PCI-MSIX-0000:00:05.0"));
        QCOMPARE(
            in.rows[1].devices, (std::vector<std::string> { "virtio4-req.0", "virtio4-req.1" }));
        QCOMPARE(in.rows[2].description, std::string("Local timer interrupts"));
        QVERIFY(in.rows[2].chip.empty());
        QVERIFY(in.rows[3].chip.empty() && in.rows[3].devices.empty());
        // The same text from the file gives the same fields.
        const auto parsed
            = parseInterrupts("           CPU0       CPU1\n"
                              " 26:          1          2   IO-APIC   4-edge      ttyS0\n");
        QVERIFY(parsed);
        QCOMPARE(parsed->rows[0].chip, in.rows[0].chip);
        QCOMPARE(parsed->rows[0].hwirq, in.rows[0].hwirq);
        QCOMPARE(parsed->rows[0].devices, in.rows[0].devices);
    }

    void softirqsRowsAndCpuColumns()
    {
        PcpFetch f;
        put(f, "kernel.percpu.softirqs", 0, std::uint64_t(10), "HI::cpu0");
        put(f, "kernel.percpu.softirqs", 1, std::uint64_t(11), "HI::cpu1");
        put(f, "kernel.percpu.softirqs", 2, std::uint64_t(7), "NET_RX::cpu1");
        put(f, "kernel.percpu.softirqs", 3, std::uint64_t(6), "NET_RX::cpu0");
        const PcpSoftirqsTable table = softirqsFromPcp(f, "h");
        QVERIFY(table.error.empty());
        QCOMPARE(table.softirqs.cpuIds, (std::vector<int> { 0, 1 }));
        QCOMPARE(table.softirqs.rows.size(), std::size_t(2));
        QCOMPARE(table.softirqs.rows[0].name, std::string("HI"));
        QCOMPARE(table.softirqs.rows[1].name, std::string("NET_RX"));
        QCOMPARE(table.softirqs.rows[1].counts, (std::vector<std::uint64_t> { 6, 7 }));
        QVERIFY(!softirqsFromPcp(PcpFetch {}, "h").error.empty());
    }

    void errAndMisGoBeforeThePostedInterruptRows()
    {
        // x86 prints ... TRM HYP ERR MIS PIN NPI PIW: PCP does not say where ERR and MIS were.
        PcpFetch f;
        int inst = 0;
        for (const char* name : { "LOC", "HYP", "PIN", "NPI" })
            put(f, "kernel.percpu.interrupts", inst++, std::uint64_t(1),
                std::string(name) + "::cpu0");
        put(f, "kernel.all.interrupts.errors", -1, std::uint64_t(0));
        put(f, "kernel.all.interrupts.missed", -1, std::uint64_t(0));
        std::vector<std::string> names;
        for (const InterruptRow& r : interruptsFromPcp(f, "h").interrupts.rows)
            names.push_back(r.name);
        QCOMPARE(names, (std::vector<std::string> { "LOC", "HYP", "ERR", "MIS", "PIN", "NPI" }));
    }

    void interruptsWithoutTheMetricIsAnError()
    {
        PcpFetch f;
        PcpMetricValues m;
        m.name = "kernel.percpu.interrupts";
        m.error = "Unknown metric name";
        f.metrics.push_back(m);
        QVERIFY(!interruptsFromPcp(f, "h").error.empty());
        QVERIFY(!interruptsFromPcp(PcpFetch {}, "h").error.empty());
    }

    void systemFigures()
    {
        PcpFetch f;
        f.timestampSec = 1;
        put(f, "mem.physmem", -1, std::uint64_t(24683652));
        put(f, "mem.util.free", -1, std::uint64_t(1000));
        put(f, "kernel.all.cpu.user", -1, std::uint64_t(2500));
        put(f, "kernel.percpu.cpu.user", 0, std::uint64_t(1000), "cpu0");
        put(f, "kernel.percpu.cpu.user", 1, std::uint64_t(1500), "cpu1");
        put(f, "kernel.percpu.cpu.idle", 1, std::uint64_t(100), "cpu1");
        put(f, "kernel.all.load", 1, 3.9400001, "1 minute");
        put(f, "kernel.all.load", 5, 2.91, "5 minute");
        put(f, "kernel.all.load", 15, 2.39, "15 minute");
        put(f, "kernel.all.runnable", -1, std::uint64_t(5));
        put(f, "kernel.all.nprocs", -1, std::uint64_t(111));
        put(f, "kernel.all.boottime", -1, std::int64_t(1796120027));
        put(f, "kernel.uname.release", -1, std::string("6.1.0"));
        const PcpSystemTable table = systemFromPcp(f, "h");
        QVERIFY(table.error.empty());
        const CsvTable csv = systemToCsv(table.overview);
        QCOMPARE(systemValue(csv, "memory.total"), std::string("24683652"));
        QCOMPARE(systemValue(csv, "memory.free"), std::string("1000"));
        // Not fetched: empty, never 0.
        QCOMPARE(systemValue(csv, "memory.buffers"), std::string());
        QCOMPARE(systemValue(csv, "memory.used"), std::string());
        QCOMPARE(systemValue(csv, "cpu0.user.time"), std::string("1.000"));
        QCOMPARE(systemValue(csv, "cpu1.user.time"), std::string("1.500"));
        QCOMPARE(systemValue(csv, "cpu2.user.time"), std::string("(absent)"));
        QCOMPARE(systemValue(csv, "cpu.user.now"), std::string());
        QCOMPARE(systemValue(csv, "load.1min"), std::string("3.940"));
        QCOMPARE(systemValue(csv, "tasks.total"), std::string("111"));
        QCOMPARE(systemValue(csv, "boot.time"), std::string("1796120027"));
        QCOMPARE(systemValue(csv, "uname.release"), std::string("6.1.0"));
        QVERIFY(!table.notes.empty());
    }

    void systemVmstatDisksAndNetwork()
    {
        PcpFetch f;
        f.timestampSec = 1;
        put(f, "mem.physmem", -1, std::uint64_t(1000));
        put(f, "mem.vmstat.pgpgin", -1, std::uint64_t(16455813));
        put(f, "mem.vmstat.pswpout", -1, std::uint64_t(0));
        // Two disks, counters of each arriving metric by metric (as pmFetch lists them).
        put(f, "disk.dev.read", 0, std::uint64_t(959217), "vda");
        put(f, "disk.dev.read", 1, std::uint64_t(12), "vdb");
        put(f, "disk.dev.blkread", 0, std::uint64_t(32909066), "vda");
        put(f, "disk.dev.inflight", 0, std::uint64_t(3), "vda");
        metric(f, "disk.dev.write"); // asked, no instance: the row keeps what it has
        put(f, "network.interface.in.bytes", 3, std::uint64_t(3792627561), "eth0");
        put(f, "network.interface.out.packets", 3, std::uint64_t(77), "eth0");
        put(f, "network.interface.collisions", 0, std::uint64_t(0), "lo");
        const PcpSystemTable table = systemFromPcp(f, "h");
        QVERIFY(table.error.empty());
        const SystemOverview& o = table.overview;
        QVERIFY(o.vmstat.ok());
        QCOMPARE(o.vmstat.value->pageInKib(), std::optional<std::int64_t>(16455813));
        QCOMPARE(o.vmstat.value->swapOutPages(), std::optional<std::int64_t>(0));
        QVERIFY(!o.vmstat.value->pageFaults()); // not fetched: unknown, not 0
        QVERIFY(o.disks.ok());
        QCOMPARE(o.disks.value->devices.size(), std::size_t(2));
        const DiskStat* vda = o.disks.value->find("vda");
        QVERIFY(vda);
        QCOMPARE(vda->readsCompleted, std::uint64_t(959217));
        QCOMPARE(vda->sectorsRead, std::uint64_t(32909066));
        QCOMPARE(vda->inFlight, std::uint64_t(3));
        QVERIFY(!vda->partition);
        QCOMPARE(o.disks.value->find("vdb")->readsCompleted, std::uint64_t(12));
        QVERIFY(o.net.ok());
        QCOMPARE(o.net.value->interfaces.size(), std::size_t(2));
        QCOMPARE(o.net.value->find("eth0")->rxBytes, std::uint64_t(3792627561));
        QCOMPARE(o.net.value->find("eth0")->txPackets, std::uint64_t(77));
        QVERIFY(o.net.value->find("lo"));
        // PCP has no metric for these: not available, with the reason, and not an error.
        QVERIFY(!o.modules.ok());
        QCOMPARE(o.modules.error, Error::None);
        QVERIFY(QString::fromStdString(o.modules.notAvailable).contains("/proc/modules"));
        QVERIFY(!o.version.ok());
        QVERIFY(!o.version.notAvailable.empty());
        const CsvTable csv = systemToCsv(o);
        QCOMPARE(systemValue(csv, "page_in.total"), std::string("16455813"));
        QCOMPARE(systemValue(csv, "page_faults.total"), std::string());
        QCOMPARE(systemValue(csv, "disk.vda.sectors_read"), std::string("32909066"));
        QCOMPARE(systemValue(csv, "net.eth0.rx_bytes"), std::string("3792627561"));
    }

    void systemWithoutDiskMetricsSaysWhich()
    {
        PcpFetch f;
        f.timestampSec = 1;
        put(f, "mem.physmem", -1, std::uint64_t(1000));
        const PcpSystemTable table = systemFromPcp(f, "h");
        QVERIFY(!table.overview.disks.ok());
        QCOMPARE(table.overview.disks.error, Error::FileMissing);
        QVERIFY(QString::fromStdString(table.overview.disks.path).contains("disk.dev"));
        QVERIFY(QString::fromStdString(table.overview.vmstat.path).contains("mem.vmstat"));
    }

    void systemWithNothingIsAnError() { QVERIFY(!systemFromPcp(PcpFetch {}, "h").error.empty()); }
};

QTEST_GUILESS_MAIN(TestPcpMapping)
#include "tst_pcp_mapping.moc"
