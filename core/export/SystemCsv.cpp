// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/SystemCsv.h"

#include <cstdio>

namespace pg {

namespace {

class Rows final
{
public:
    explicit Rows(CsvTable& table)
        : m_table(table)
    { }

    void text(std::string metric, std::string value, std::string unit = {})
    {
        m_table.rows.push_back({ std::move(metric), std::move(value), std::move(unit) });
    }
    template <typename Int>
    void integer(std::string metric, std::optional<Int> value, std::string unit)
    {
        text(std::move(metric), value ? std::to_string(*value) : std::string(), std::move(unit));
    }
    void real(std::string metric, std::optional<double> value, std::string unit)
    {
        std::string out;
        if (value) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.3f", *value);
            out = buf;
        }
        text(std::move(metric), std::move(out), std::move(unit));
    }

private:
    CsvTable& m_table;
};

template <typename T, typename F>
auto field(const Sourced<T>& s, F f) -> decltype(std::optional(f(*s.value)))
{
    if (!s.value)
        return std::nullopt;
    return f(*s.value);
}

void cpuRows(
    Rows& rows, const std::string& prefix, const CpuTimes* times, const CpuShare& share, long hz)
{
    struct State
    {
        const char* name;
        std::uint64_t CpuTimes::*ticks;
        double CpuShare::*percent;
    };
    static const State states[] = { { "user", &CpuTimes::user, &CpuShare::user },
        { "nice", &CpuTimes::nice, &CpuShare::nice },
        { "system", &CpuTimes::system, &CpuShare::system },
        { "iowait", &CpuTimes::iowait, &CpuShare::iowait },
        { "irq", &CpuTimes::irq, &CpuShare::irq },
        { "softirq", &CpuTimes::softirq, &CpuShare::softirq },
        { "steal", &CpuTimes::steal, &CpuShare::steal },
        { "idle", &CpuTimes::idle, &CpuShare::idle } };
    for (const State& st : states) {
        const std::string base = prefix + "." + st.name;
        std::optional<double> seconds, sinceBoot, now;
        if (times) {
            seconds = static_cast<double>(times->*st.ticks) / static_cast<double>(hz);
            if (times->total() > 0)
                sinceBoot = 100.0 * static_cast<double>(times->*st.ticks)
                    / static_cast<double>(times->total());
        }
        if (share.valid)
            now = share.*st.percent;
        rows.real(base + ".time", seconds, "s");
        rows.real(base + ".since_boot", sinceBoot, "%");
        rows.real(base + ".now", now, "%");
    }
}

} // namespace

CsvTable systemToCsv(const SystemOverview& o)
{
    CsvTable table;
    table.header = { "metric", "value", "unit" };
    Rows rows(table);
    using U = std::optional<std::uint64_t>;

    const MemInfo* mem = o.memory.value ? &*o.memory.value : nullptr;
    auto memKey = [&](const char* key) { return mem ? mem->get(key) : U {}; };
    rows.integer("memory.total", memKey("MemTotal"), "KiB");
    rows.integer("memory.used", mem ? mem->usedKib() : U {}, "KiB");
    rows.integer("memory.free", memKey("MemFree"), "KiB");
    rows.integer("memory.buffers", memKey("Buffers"), "KiB");
    rows.integer("memory.cached", mem ? mem->cacheKib() : U {}, "KiB");
    rows.integer("memory.available", memKey("MemAvailable"), "KiB");
    const U swapTotal = memKey("SwapTotal");
    const U swapFree = memKey("SwapFree");
    rows.integer("swap.total", swapTotal, "KiB");
    rows.integer("swap.used",
        swapTotal && swapFree && *swapFree <= *swapTotal ? U(*swapTotal - *swapFree) : U {}, "KiB");
    rows.integer("swap.free", swapFree, "KiB");

    const SystemStat* st = o.stat.value ? &*o.stat.value : nullptr;
    rows.integer("boot.time", st ? st->bootTimeUnix : U {}, "unix seconds");
    rows.real("uptime", field(o.uptime, [](const Uptime& u) { return u.upSeconds; }), "s");
    rows.real("load.1min", field(o.load, [](const LoadAvg& l) { return l.load1; }), "");
    rows.real("load.5min", field(o.load, [](const LoadAvg& l) { return l.load5; }), "");
    rows.real("load.15min", field(o.load, [](const LoadAvg& l) { return l.load15; }), "");
    rows.integer(
        "tasks.runnable", field(o.load, [](const LoadAvg& l) { return l.runnable; }), "tasks");
    rows.integer("tasks.total", field(o.load, [](const LoadAvg& l) { return l.total; }), "tasks");
    rows.integer("procs.running", st ? st->procsRunning : U {}, "processes");
    rows.integer("procs.blocked", st ? st->procsBlocked : U {}, "processes");

    cpuRows(rows, "cpu", st ? &st->total : nullptr, o.now.cpu, o.ticksPerSecond);
    if (st) {
        for (std::size_t i = 0; i < st->cpus.size(); ++i) {
            const CpuShare share = i < o.cpuShares.size() ? o.cpuShares[i] : CpuShare {};
            cpuRows(rows, "cpu" + std::to_string(st->cpus[i].cpu), &st->cpus[i], share,
                o.ticksPerSecond);
        }
    }
    rows.integer("context_switches.total", st ? st->contextSwitches : U {}, "switches");
    rows.real("context_switches.rate", o.now.contextSwitchesPerSec, "switches/s");
    rows.integer("forks.total", st ? st->processesCreated : U {}, "processes");
    rows.real("forks.rate", o.now.forksPerSec, "processes/s");
    rows.integer("interrupts.total", st ? st->interruptsTotal : U {}, "interrupts");
    rows.real("interrupts.rate", o.now.interruptsPerSec, "interrupts/s");

    const VmStat* vm = o.vmstat.value ? &*o.vmstat.value : nullptr;
    using I = std::optional<std::int64_t>;
    rows.integer("page_in.total", vm ? vm->pageInKib() : I {}, "KiB");
    rows.real("page_in.rate", o.now.pageInKibPerSec, "KiB/s");
    rows.integer("page_out.total", vm ? vm->pageOutKib() : I {}, "KiB");
    rows.real("page_out.rate", o.now.pageOutKibPerSec, "KiB/s");
    rows.integer("page_activate.total", vm ? vm->pagesActivated() : I {}, "pages");
    rows.integer("page_deactivate.total", vm ? vm->pagesDeactivated() : I {}, "pages");
    rows.integer("page_faults.total", vm ? vm->pageFaults() : I {}, "faults");
    rows.real("page_faults.rate", o.now.pageFaultsPerSec, "faults/s");
    rows.integer("major_faults.total", vm ? vm->majorPageFaults() : I {}, "faults");
    rows.real("major_faults.rate", o.now.majorFaultsPerSec, "faults/s");
    rows.integer("swap_in.total", vm ? vm->swapInPages() : I {}, "pages");
    rows.real("swap_in.rate", o.now.swapInPagesPerSec, "pages/s");
    rows.integer("swap_out.total", vm ? vm->swapOutPages() : I {}, "pages");
    rows.real("swap_out.rate", o.now.swapOutPagesPerSec, "pages/s");

    if (o.disks.value) {
        const auto& devices = o.disks.value->devices;
        for (std::size_t i = 0; i < devices.size(); ++i) {
            const DiskStat& d = devices[i];
            const DiskRate r = i < o.diskRates.size() ? o.diskRates[i] : DiskRate {};
            const std::string b = "disk." + d.name;
            auto valid = [&](double v) { return r.valid ? std::optional(v) : std::nullopt; };
            rows.text(b + ".kind", d.partition ? "partition" : "disk");
            rows.integer(b + ".reads", U(d.readsCompleted), "requests");
            rows.integer(b + ".writes", U(d.writesCompleted), "requests");
            rows.integer(b + ".sectors_read", U(d.sectorsRead), "512-byte sectors");
            rows.integer(b + ".sectors_written", U(d.sectorsWritten), "512-byte sectors");
            rows.real(b + ".reads_rate", valid(r.readsPerSec), "requests/s");
            rows.real(b + ".writes_rate", valid(r.writesPerSec), "requests/s");
            rows.real(b + ".read_rate", valid(r.readBytesPerSec), "bytes/s");
            rows.real(b + ".write_rate", valid(r.writeBytesPerSec), "bytes/s");
            rows.integer(b + ".in_flight", U(d.inFlight), "requests");
        }
    }
    if (o.net.value) {
        const auto& ifaces = o.net.value->interfaces;
        for (std::size_t i = 0; i < ifaces.size(); ++i) {
            const NetDevStat& n = ifaces[i];
            const NetRate r = i < o.netRates.size() ? o.netRates[i] : NetRate {};
            const std::string b = "net." + n.name;
            auto valid = [&](double v) { return r.valid ? std::optional(v) : std::nullopt; };
            rows.integer(b + ".rx_bytes", U(n.rxBytes), "bytes");
            rows.integer(b + ".rx_packets", U(n.rxPackets), "packets");
            rows.integer(b + ".tx_bytes", U(n.txBytes), "bytes");
            rows.integer(b + ".tx_packets", U(n.txPackets), "packets");
            rows.real(b + ".rx_rate", valid(r.rxBytesPerSec), "bytes/s");
            rows.real(b + ".tx_rate", valid(r.txBytesPerSec), "bytes/s");
            rows.real(b + ".rx_packet_rate", valid(r.rxPacketsPerSec), "packets/s");
            rows.real(b + ".tx_packet_rate", valid(r.txPacketsPerSec), "packets/s");
            rows.integer(b + ".rx_errors", U(n.rxErrors), "errors");
            rows.integer(b + ".tx_errors", U(n.txErrors), "errors");
        }
    }

    if (o.version.value) {
        rows.text("kernel.proc_version", o.version.value->text);
        rows.text("kernel.release", o.version.value->release);
        rows.text("kernel.version", o.version.value->version);
        rows.text("kernel.compiler", o.version.value->compiler);
    }
    if (o.uname.value) {
        const UnameInfo& u = *o.uname.value;
        rows.text("uname.sysname", u.sysname);
        rows.text("uname.nodename", u.nodename);
        rows.text("uname.release", u.release);
        rows.text("uname.version", u.version);
        rows.text("uname.machine", u.machine);
    }
    if (o.modules.value) {
        const auto& mods = o.modules.value->modules;
        rows.integer("modules.count", U(mods.size()), "modules");
        for (const ModuleInfo& m : mods) {
            const std::string b = "module." + m.name;
            rows.integer(b + ".size", U(m.sizeBytes), "bytes");
            rows.integer(b + ".use_count", m.useCount, "users");
            rows.text(b + ".used_by", m.usersText());
            rows.text(b + ".state", std::string(moduleStateText(m.state)));
            rows.text(b + ".taints", m.taints);
        }
    }
    return table;
}

} // namespace pg
