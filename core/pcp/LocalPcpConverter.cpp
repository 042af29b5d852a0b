// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pcp/LocalPcpConverter.h"

#include "core/pcp/PcpRecordSet.h"
#include "core/pcp/PcpSystem.h"

namespace pg {

namespace {

constexpr std::uint64_t kPfKthread = 0x00200000; // as pmdaproc's proc.psinfo.flags gives it

std::uint64_t ticksToMs(std::uint64_t ticks, long hz)
{
    return hz > 0 ? ticks * 1000 / static_cast<std::uint64_t>(hz) : 0;
}

PcpMetricValues& metric(PcpFetch& f, const std::string& name)
{
    f.metrics.push_back({ name, {}, false, {} });
    return f.metrics.back();
}

void single(PcpFetch& f, const std::string& name, PcpValue value)
{
    metric(f, name).values.push_back({ -1, {}, std::move(value) });
}

void addProcesses(PcpFetch& f, const ProcessSnapshot& snap)
{
    const long hz = snap.clockTicksPerSecond;
    auto per = [&](const char* name, auto&& valueOf) {
        PcpMetricValues& m = metric(f, name);
        m.values.reserve(snap.processes.size());
        for (const ProcessInfo& p : snap.processes) {
            PcpValue v = valueOf(p);
            if (!std::holds_alternative<std::monostate>(v))
                m.values.push_back({ p.key.pid, {}, std::move(v) });
        }
    };
    auto comm = [](const ProcessInfo& p) { return p.names ? p.names->comm : std::string(); };
    per("proc.psinfo.cmd", [&](const ProcessInfo& p) -> PcpValue { return comm(p); });
    per("proc.psinfo.psargs", [&](const ProcessInfo& p) -> PcpValue {
        // pmdaproc's psargs for a process without a command line: "(comm)"
        return p.names && !p.names->cmdline.empty() ? p.names->cmdline : "(" + comm(p) + ")";
    });
    per("proc.psinfo.sname",
        [](const ProcessInfo& p) -> PcpValue { return std::string(1, p.state); });
    per("proc.psinfo.ppid", [](const ProcessInfo& p) -> PcpValue { return std::int64_t(p.ppid); });
    per("proc.psinfo.flags", [](const ProcessInfo& p) -> PcpValue {
        return std::uint64_t(p.kernelThread ? kPfKthread : 0);
    });
    per("proc.psinfo.nice", [](const ProcessInfo& p) -> PcpValue { return p.nice; });
    per("proc.psinfo.priority", [](const ProcessInfo& p) -> PcpValue { return p.priority; });
    per("proc.psinfo.threads", [](const ProcessInfo& p) -> PcpValue { return p.threads; });
    per("proc.psinfo.utime", [&](const ProcessInfo& p) -> PcpValue {
        return p.cpuTimeKnown ? PcpValue(ticksToMs(p.utimeTicks, hz)) : PcpValue();
    });
    per("proc.psinfo.stime", [&](const ProcessInfo& p) -> PcpValue {
        return p.cpuTimeKnown ? PcpValue(ticksToMs(p.stimeTicks, hz)) : PcpValue();
    });
    per("proc.psinfo.start_time",
        [&](const ProcessInfo& p) -> PcpValue { return ticksToMs(p.key.startTimeTicks, hz); });
    per("proc.psinfo.processor", [](const ProcessInfo& p) -> PcpValue {
        return p.processor >= 0 ? PcpValue(std::int64_t(p.processor)) : PcpValue();
    });
    per("proc.id.uid", [](const ProcessInfo& p) -> PcpValue {
        return p.uidKnown ? PcpValue(std::uint64_t(p.uid)) : PcpValue();
    });
    per("proc.id.uid_nm",
        [](const ProcessInfo& p) -> PcpValue { return p.user ? PcpValue(*p.user) : PcpValue(); });
    using Kib = std::uint64_t ProcessInfo::*;
    for (const auto& [name, field] :
        { std::pair<const char*, Kib> { "proc.psinfo.vsize", &ProcessInfo::virtKib },
            std::pair<const char*, Kib> { "proc.memory.rss", &ProcessInfo::resKib },
            std::pair<const char*, Kib> { "proc.memory.share", &ProcessInfo::shrKib } }) {
        per(name, [field = field](const ProcessInfo& p) -> PcpValue {
            return p.memError == Error::None ? PcpValue(p.*field) : PcpValue();
        });
    }
}

void addSystem(PcpFetch& f, const SystemOverview& o)
{
    if (o.memory.ok()) {
        for (const auto& [key, name] : kPcpMemoryMetrics) {
            if (const auto kib = o.memory.value->get(key))
                single(f, name, *kib);
        }
    }
    if (o.stat.ok()) {
        const SystemStat& s = *o.stat.value;
        const long hz = o.ticksPerSecond;
        for (const auto& [member, suffix] : kPcpCpuStates) {
            single(f, std::string("kernel.all.cpu.") + suffix, ticksToMs(s.total.*member, hz));
            PcpMetricValues& per = metric(f, std::string("kernel.percpu.cpu.") + suffix);
            for (const CpuTimes& c : s.cpus)
                per.values.push_back(
                    { c.cpu, "cpu" + std::to_string(c.cpu), ticksToMs(c.*member, hz) });
        }
        single(f, "hinv.ncpu", std::uint64_t(s.cpus.size()));
        if (s.bootTimeUnix)
            single(f, "kernel.all.boottime", std::int64_t(*s.bootTimeUnix));
        for (const auto& [name, value] : { std::pair { "kernel.all.intr", s.interruptsTotal },
                 std::pair { "kernel.all.pswitch", s.contextSwitches },
                 std::pair { "kernel.all.sysfork", s.processesCreated },
                 std::pair { "kernel.all.running", s.procsRunning },
                 std::pair { "kernel.all.blocked", s.procsBlocked } }) {
            if (value)
                single(f, name, *value);
        }
    }
    if (o.load.ok()) {
        const LoadAvg& l = *o.load.value;
        PcpMetricValues& load = metric(f, "kernel.all.load");
        load.values.push_back({ 1, "1 minute", l.load1 });
        load.values.push_back({ 5, "5 minute", l.load5 });
        load.values.push_back({ 15, "15 minute", l.load15 });
        single(f, "kernel.all.runnable", l.runnable);
        single(f, "kernel.all.nprocs", l.total);
    }
    if (o.uptime.ok())
        single(f, "kernel.all.uptime", o.uptime.value->upSeconds);
    if (o.vmstat.ok()) {
        for (const char* key : kPcpVmstatKeys) {
            if (const auto n = o.vmstat.value->get(key); n && *n >= 0)
                single(f, std::string("mem.vmstat.") + key, std::uint64_t(*n));
        }
    }
    if (o.uname.ok()) {
        const UnameInfo& u = *o.uname.value;
        single(f, "kernel.uname.sysname", u.sysname);
        single(f, "kernel.uname.nodename", u.nodename);
        single(f, "kernel.uname.release", u.release);
        single(f, "kernel.uname.version", u.version);
        single(f, "kernel.uname.machine", u.machine);
    }
}

} // namespace

int LocalPcpConverter::instance(std::unordered_map<std::string, int>& ids, const std::string& name)
{
    const auto [it, added] = ids.emplace(name, static_cast<int>(ids.size()));
    return it->second;
}

void LocalPcpConverter::addDisksAndNetwork(PcpFetch& f, const SystemOverview& o)
{
    if (o.disks.ok()) {
        std::vector<const DiskStat*> disks;
        for (const DiskStat& d : o.disks.value->devices) {
            // What pmdalinux leaves out of disk.dev: device-mapper and md (disk.dm, disk.md),
            // loop and RAM disks.
            const bool virtualDisk = d.name.starts_with("dm-") || d.name.starts_with("md")
                || d.name.starts_with("loop") || d.name.starts_with("ram")
                || d.name.starts_with("zram");
            if (!d.partition && !virtualDisk)
                disks.push_back(&d);
        }
        for (const auto& [member, name] : kPcpDiskCounters) {
            PcpMetricValues& m = metric(f, name);
            for (const DiskStat* d : disks)
                m.values.push_back({ instance(m_diskIds, d->name), d->name, d->*member });
        }
    }
    if (o.net.ok()) {
        for (const auto& [member, name] : kPcpNetCounters) {
            PcpMetricValues& m = metric(f, name);
            for (const NetDevStat& n : o.net.value->interfaces)
                m.values.push_back({ instance(m_netIds, n.name), n.name, n.*member });
        }
    }
}

PcpFetch LocalPcpConverter::convert(const ProcessSnapshot& processes, const Interrupts* interrupts,
    const Softirqs* softirqs, const SystemOverview& system, double timestampSec)
{
    PcpFetch f;
    f.timestampSec = timestampSec;
    addProcesses(f, processes);
    addSystem(f, system);
    addDisksAndNetwork(f, system);
    if (softirqs) {
        PcpMetricValues& percpu = metric(f, "kernel.percpu.softirqs");
        for (const SoftirqRow& row : softirqs->rows) {
            for (std::size_t i = 0; i < row.counts.size() && i < softirqs->cpuIds.size(); ++i) {
                std::string name = row.name + "::cpu" + std::to_string(softirqs->cpuIds[i]);
                percpu.values.push_back({ instance(m_softirqIds, name), name, row.counts[i] });
            }
        }
    }
    if (interrupts) {
        PcpMetricValues& percpu = metric(f, "kernel.percpu.interrupts");
        for (const InterruptRow& row : interrupts->rows) {
            if (row.singleCount) {
                const char* name = row.name == "ERR" ? "kernel.all.interrupts.errors"
                    : row.name == "MIS"              ? "kernel.all.interrupts.missed"
                                                     : nullptr;
                if (name && !row.counts.empty())
                    single(f, name, row.counts.front());
                continue;
            }
            for (std::size_t i = 0; i < row.counts.size() && i < interrupts->cpuIds.size(); ++i) {
                std::string name = row.name + "::cpu" + std::to_string(interrupts->cpuIds[i]);
                const int id = instance(m_interruptIds, name);
                percpu.values.push_back({ id, std::move(name), row.counts[i] });
            }
        }
    }
    namePcpProcessInstances(f);
    return f;
}

} // namespace pg
