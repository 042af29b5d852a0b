// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pcp/PcpSystem.h"

#include "core/pcp/PcpValueIndex.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace pg {

namespace {

std::optional<std::uint64_t> u64(const PcpFetch& f, std::string_view name)
{
    const PcpValue* v = pcpSingle(f, name);
    return v ? pcpUnsigned(*v) : std::nullopt;
}

std::optional<double> number(const PcpFetch& f, std::string_view name)
{
    const PcpValue* v = pcpSingle(f, name);
    return v ? pcpNumber(*v) : std::nullopt;
}

std::string text(const PcpFetch& f, std::string_view name)
{
    const PcpValue* v = pcpSingle(f, name);
    const std::string* s = v ? std::get_if<std::string>(v) : nullptr;
    return s ? *s : std::string();
}

// "cpu3" -> 3
std::optional<int> cpuNumber(std::string_view name)
{
    if (!name.starts_with("cpu"))
        return std::nullopt;
    int n = -1;
    const auto [end, ec] = std::from_chars(name.data() + 3, name.data() + name.size(), n);
    if (ec != std::errc() || end != name.data() + name.size() || n < 0)
        return std::nullopt;
    return n;
}

template <typename T> Sourced<T> missing(const std::string& path)
{
    Sourced<T> s;
    s.error = Error::FileMissing;
    s.path = path;
    return s;
}

template <typename T> Sourced<T> notInPcp(const std::string& path, std::string why)
{
    Sourced<T> s;
    s.path = path;
    s.notAvailable = std::move(why);
    return s;
}

// A table of one row per instance name of the metrics `counters` (per-instance counters of one
// indom), in the order the host first lists them; a counter the host gave none of for an instance
// stays 0 there (the row is still listed: its other counters are real). Missing (`path` says what)
// when the host gave none of the metrics at all.
template <typename Table, typename Row, std::size_t N>
Sourced<Table> perInstanceTable(const PcpFetch& f, const std::string& path,
    const std::pair<std::uint64_t Row::*, const char*> (&counters)[N],
    std::vector<Row> Table::*rowsOf)
{
    Table table;
    std::vector<Row>& rows = table.*rowsOf;
    bool found = false;
    for (const auto& [member, metric] : counters) {
        const PcpMetricValues* m = f.find(metric);
        if (!m)
            continue;
        found = true;
        for (const PcpInstanceValue& v : m->values) {
            const auto n = pcpUnsigned(v.value);
            if (v.instanceName.empty() || !n)
                continue;
            auto it = std::find_if(
                rows.begin(), rows.end(), [&](const Row& r) { return r.name == v.instanceName; });
            if (it == rows.end()) {
                rows.push_back(Row {});
                it = rows.end() - 1;
                it->name = v.instanceName;
            }
            (*it).*member = *n;
        }
    }
    if (!found)
        return missing<Table>(path);
    return { std::move(table), Error::None, path };
}

} // namespace

const std::vector<PcpMetricRequest>& pcpSystemMetrics()
{
    static const std::vector<PcpMetricRequest> metrics = [] {
        std::vector<PcpMetricRequest> m;
        for (const auto& [key, metric] : kPcpMemoryMetrics)
            m.push_back({ metric, false });
        for (const auto& [member, suffix] : kPcpCpuStates) {
            m.push_back({ std::string("kernel.all.cpu.") + suffix, false });
            m.push_back({ std::string("kernel.percpu.cpu.") + suffix, true });
        }
        for (const char* name : { "kernel.all.boottime", "kernel.all.uptime", "kernel.all.intr",
                 "kernel.all.pswitch", "kernel.all.sysfork", "kernel.all.running",
                 "kernel.all.blocked", "kernel.all.runnable", "kernel.all.nprocs",
                 "kernel.uname.sysname", "kernel.uname.nodename", "kernel.uname.release",
                 "kernel.uname.version", "kernel.uname.machine" })
            m.push_back({ name, false });
        m.push_back({ "kernel.all.load", true });
        // Optional: an older pmdalinux lacks some (disk.dev.inflight); the page then says which
        // table it has no figures for, and the rest of the fetch stands.
        auto optional = [&m](std::string name, bool instanceNames) {
            PcpMetricRequest r { std::move(name), instanceNames };
            r.optional = true;
            m.push_back(std::move(r));
        };
        for (const char* key : kPcpVmstatKeys)
            optional(std::string("mem.vmstat.") + key, false);
        for (const auto& [member, metric] : kPcpDiskCounters)
            optional(metric, true);
        for (const auto& [member, metric] : kPcpNetCounters)
            optional(metric, true);
        return m;
    }();
    return metrics;
}

PcpSystemTable systemFromPcp(const PcpFetch& f, const std::string& host)
{
    PcpSystemTable table;
    SystemOverview& o = table.overview;
    o.wallUnixMs = static_cast<std::int64_t>(std::llround(f.timestampSec * 1000.0));
    o.ticksPerSecond = 1000; // pmdalinux's CPU times are milliseconds: one "tick" is one ms
    o.procRoot = host;
    const std::string source = pcpSourceName(host);

    MemInfo mem;
    for (const auto& [key, metric] : kPcpMemoryMetrics) {
        if (const auto kib = u64(f, metric))
            mem.fields.emplace_back(key, *kib);
    }
    if (mem.fields.empty())
        o.memory = missing<MemInfo>(source + ": mem.*");
    else
        o.memory = { mem, Error::None, source + ": mem.*" };

    SystemStat stat;
    bool haveCpu = false;
    for (const auto& [member, suffix] : kPcpCpuStates) {
        if (const auto ms = u64(f, std::string("kernel.all.cpu.") + suffix)) {
            stat.total.*member = *ms;
            haveCpu = true;
        }
        const PcpMetricValues* percpu = f.find(std::string("kernel.percpu.cpu.") + suffix);
        if (!percpu)
            continue;
        for (const PcpInstanceValue& v : percpu->values) {
            const auto cpu = cpuNumber(v.instanceName);
            const auto ms = pcpUnsigned(v.value);
            if (!cpu || !ms)
                continue;
            auto it = std::find_if(stat.cpus.begin(), stat.cpus.end(),
                [&](const CpuTimes& c) { return c.cpu == *cpu; });
            if (it == stat.cpus.end()) {
                stat.cpus.push_back(CpuTimes {});
                it = stat.cpus.end() - 1;
                it->cpu = *cpu;
            }
            (*it).*member = *ms;
        }
    }
    std::sort(stat.cpus.begin(), stat.cpus.end(),
        [](const CpuTimes& a, const CpuTimes& b) { return a.cpu < b.cpu; });
    stat.interruptsTotal = u64(f, "kernel.all.intr");
    stat.contextSwitches = u64(f, "kernel.all.pswitch");
    stat.processesCreated = u64(f, "kernel.all.sysfork");
    stat.procsRunning = u64(f, "kernel.all.running");
    stat.procsBlocked = u64(f, "kernel.all.blocked");
    if (const PcpValue* boot = pcpSingle(f, "kernel.all.boottime")) {
        if (const auto sec = pcpUnsigned(*boot))
            stat.bootTimeUnix = *sec;
    }
    if (haveCpu)
        o.stat = { stat, Error::None, source + ": kernel.all.*" };
    else
        o.stat = missing<SystemStat>(source + ": kernel.all.cpu.*");

    const PcpMetricValues* load = f.find("kernel.all.load");
    if (load && load->values.size() >= 3) {
        LoadAvg l;
        for (const PcpInstanceValue& v : load->values) {
            const double x = pcpNumber(v.value).value_or(std::nan(""));
            // Instances "1 minute", "5 minute", "15 minute"; a float on the wire: two decimals, as
            // /proc/loadavg prints.
            const double rounded = std::round(x * 100.0) / 100.0;
            if (v.instanceName.starts_with("15 "))
                l.load15 = rounded;
            else if (v.instanceName.starts_with("5 "))
                l.load5 = rounded;
            else if (v.instanceName.starts_with("1 "))
                l.load1 = rounded;
        }
        const auto runnable = u64(f, "kernel.all.runnable");
        const auto total = u64(f, "kernel.all.nprocs");
        l.runnable = runnable.value_or(0);
        l.total = total.value_or(0);
        if (runnable && total)
            o.load = { l, Error::None, source + ": kernel.all.load" };
        else
            o.load = missing<LoadAvg>(source + ": kernel.all.runnable");
    } else {
        o.load = missing<LoadAvg>(source + ": kernel.all.load");
    }
    if (const auto up = number(f, "kernel.all.uptime"))
        o.uptime = { Uptime { *up, 0 }, Error::None, source + ": kernel.all.uptime" };
    else
        o.uptime = missing<Uptime>(source + ": kernel.all.uptime");

    UnameInfo uname { text(f, "kernel.uname.sysname"), text(f, "kernel.uname.nodename"),
        text(f, "kernel.uname.release"), text(f, "kernel.uname.version"),
        text(f, "kernel.uname.machine") };
    if (!uname.sysname.empty() || !uname.release.empty())
        o.uname = { uname, Error::None, source + ": kernel.uname.*" };

    VmStat vm;
    for (const char* key : kPcpVmstatKeys) {
        if (const auto n = u64(f, std::string("mem.vmstat.") + key))
            vm.fields.emplace_back(key, static_cast<std::int64_t>(*n));
    }
    if (vm.fields.empty())
        o.vmstat = missing<VmStat>(source + ": mem.vmstat.*");
    else
        o.vmstat = { vm, Error::None, source + ": mem.vmstat.*" };

    o.disks = perInstanceTable(f, source + ": disk.dev.*", kPcpDiskCounters, &DiskStats::devices);
    o.net = perInstanceTable(
        f, source + ": network.interface.*", kPcpNetCounters, &NetDev::interfaces);
    o.modules = notInPcp<Modules>(
        source, "Performance Co-Pilot has no metric for /proc/modules (the loaded kernel modules)");
    o.version = notInPcp<KernelVersion>(source,
        "Performance Co-Pilot has no metric for the whole /proc/version line (builder and "
        "compiler); the release and version are under uname");

    if (!o.memory.ok() && !o.stat.ok())
        table.error = source + " gave neither memory nor CPU figures";
    table.notes.push_back("from PCP: the rates (cpu*.now, *.rate) are empty (one fetch); modules "
                          "and /proc/version have no PCP metric; disks are whole disks (disk.dev)");
    return table;
}

} // namespace pg
