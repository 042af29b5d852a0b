// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/system/SystemOverview.h"

#include "core/base/KernelNumbers.h"
#include "core/base/ProcFs.h"
#include "core/system/CpuBusy.h"

#include <chrono>
#include <unistd.h>

namespace pg {

namespace {

template <typename T, typename Parser>
Sourced<T> readSourced(const std::string& root, const char* name, Parser parser)
{
    Sourced<T> out;
    out.path = root + "/" + name;
    // 4 MiB is far above any real file of these (a 256-CPU /proc/stat is about 40 KiB).
    auto text = readWholeFile(out.path, 4u * 1024u * 1024u);
    if (!text) {
        out.error = text.error();
        return out;
    }
    auto parsed = parser(*text);
    if (!parsed) {
        out.error = parsed.error();
        return out;
    }
    out.value = std::move(parsed).value();
    return out;
}

template <typename T>
Sourced<T> fromSummary(
    const std::string& root, const char* name, const std::optional<T>& value, Error error)
{
    Sourced<T> out;
    out.path = root + "/" + name;
    out.value = value;
    out.error = value ? Error::None : error;
    return out;
}

template <typename A>
std::optional<double> rate(std::optional<A> prev, std::optional<A> cur, double dt)
{
    if (!prev || !cur || dt <= 0 || *cur < *prev)
        return std::nullopt;
    return static_cast<double>(*cur - *prev) / dt;
}

// Rate of a counter that both samples have; nullopt when it went backwards.
bool counterRate(std::uint64_t prev, std::uint64_t cur, double dt, double& out)
{
    if (cur < prev || dt <= 0)
        return false;
    out = static_cast<double>(cur - prev) / dt;
    return true;
}

CpuShare cpuShare(const CpuTimes* prev, const CpuTimes& cur)
{
    CpuShare share;
    share.cpu = cur.cpu;
    if (!prev)
        return share;
    share.busyPercent = cpuBusyPercent(*prev, cur);
    const std::uint64_t CpuTimes::*fields[] = { &CpuTimes::user, &CpuTimes::nice, &CpuTimes::system,
        &CpuTimes::iowait, &CpuTimes::irq, &CpuTimes::softirq, &CpuTimes::steal, &CpuTimes::idle };
    double* out[] = { &share.user, &share.nice, &share.system, &share.iowait, &share.irq,
        &share.softirq, &share.steal, &share.idle };
    std::uint64_t deltas[8] = {};
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        const std::uint64_t a = prev->*fields[i];
        const std::uint64_t b = cur.*fields[i];
        if (b < a)
            return share; // the CPU went offline and came back: its counters restarted
        deltas[i] = b - a;
        total = saturatingAdd(total, deltas[i]);
    }
    if (total == 0 || total == kU64Max)
        return share; // no time passed, or counters no kernel writes (KernelNumbers.h)
    for (std::size_t i = 0; i < 8; ++i)
        *out[i] = 100.0 * static_cast<double>(deltas[i]) / static_cast<double>(total);
    share.valid = true;
    return share;
}

// Virtual block devices stacked on real disks (device mapper, md RAID, loop files): their I/O is
// already counted on the disks below, so the machine-wide sum leaves them out.
bool isStackedDevice(const std::string& name)
{
    return name.rfind("dm-", 0) == 0 || name.rfind("md", 0) == 0 || name.rfind("loop", 0) == 0;
}

} // namespace

SystemOverviewCollector::SystemOverviewCollector(Options options)
    : m_options(std::move(options))
{ }

SystemOverview SystemOverviewCollector::sample()
{
    return sample(readSystemSummary(m_options.procRoot));
}

SystemOverview SystemOverviewCollector::sample(const SystemSummary& fromProcessTick)
{
    using namespace std::chrono;
    const double mono = duration<double>(steady_clock::now().time_since_epoch()).count();
    const auto wall = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    return sampleAt(fromProcessTick, mono, static_cast<std::int64_t>(wall));
}

SystemOverview SystemOverviewCollector::sampleAt(double monotonicSeconds, std::int64_t wallUnixMs)
{
    return sampleAt(readSystemSummary(m_options.procRoot), monotonicSeconds, wallUnixMs);
}

SystemOverview SystemOverviewCollector::sampleAt(
    const SystemSummary& fromProcessTick, double monotonicSeconds, std::int64_t wallUnixMs)
{
    const std::string& root = m_options.procRoot;
    SystemOverview s;
    s.sequence = ++m_sequence;
    s.wallUnixMs = wallUnixMs;
    s.procRoot = root;
    const long hz = ::sysconf(_SC_CLK_TCK);
    s.ticksPerSecond = hz > 0 ? hz : 100;
    const SystemSummary& sum = fromProcessTick;
    s.stat = fromSummary(root, "stat", sum.stat, sum.statError);
    s.memory = fromSummary(root, "meminfo", sum.memInfo, sum.memInfoError);
    s.load = fromSummary(root, "loadavg", sum.loadAvg, sum.loadAvgError);
    s.uptime = fromSummary(root, "uptime", sum.uptime, sum.uptimeError);
    s.vmstat = readSourced<VmStat>(root, "vmstat", parseVmStat);
    s.disks = readSourced<DiskStats>(root, "diskstats", parseDiskStats);
    s.net = readSourced<NetDev>(root, "net/dev", parseNetDev);
    s.modules = readSourced<Modules>(root, "modules", parseModules);
    s.version = readSourced<KernelVersion>(root, "version", parseKernelVersion);
    s.uname.path = "uname(2)";
    if (m_options.readUname) {
        auto u = readUname();
        if (u)
            s.uname.value = std::move(u).value();
        else
            s.uname.error = u.error();
    }
    if (s.disks.value)
        refinePartitions(*s.disks.value);
    advance(s, monotonicSeconds);
    return s;
}

SystemOverview SystemOverviewCollector::withRates(SystemOverview made, double timeSeconds)
{
    made.sequence = ++m_sequence;
    advance(made, timeSeconds);
    return made;
}

void SystemOverviewCollector::advance(SystemOverview& s, double timeSeconds)
{
    const double dt = m_prevTime ? timeSeconds - *m_prevTime : 0.0;
    s.elapsedSeconds = dt > 0 ? dt : 0.0;
    s.now.timeSeconds = timeSeconds;
    computeRates(s, dt);

    m_prevTime = timeSeconds;
    // A source that failed this tick has no previous value next tick: no rate across the gap.
    m_prevStat = s.stat.value;
    m_prevVm = s.vmstat.value;
    m_prevDisks = s.disks.value;
    m_prevNet = s.net.value;
}

void SystemOverviewCollector::refinePartitions(DiskStats& disks) const
{
    if (m_options.sysRoot.empty())
        return;
    for (DiskStat& d : disks.devices) {
        std::string name = d.name;
        for (char& c : name) {
            if (c == '/')
                c = '!'; // sysfs spells cciss/c0d0 as cciss!c0d0
        }
        const std::string dir = m_options.sysRoot + "/class/block/" + name;
        if (::access(dir.c_str(), F_OK) == 0)
            d.partition = ::access((dir + "/partition").c_str(), F_OK) == 0;
    }
}

void SystemOverviewCollector::computeRates(SystemOverview& s, double dt)
{
    OverviewPoint& p = s.now;
    if (s.stat.value) {
        const SystemStat& cur = *s.stat.value;
        const SystemStat* prev = m_prevStat && dt > 0 ? &*m_prevStat : nullptr;
        p.cpu = cpuShare(prev ? &prev->total : nullptr, cur.total);
        for (const CpuTimes& c : cur.cpus) {
            const CpuTimes* before = nullptr;
            if (prev) {
                // Same position as last time is the common case; search only when CPUs changed.
                const std::size_t i = s.cpuShares.size();
                if (i < prev->cpus.size() && prev->cpus[i].cpu == c.cpu)
                    before = &prev->cpus[i];
                for (std::size_t k = 0; !before && k < prev->cpus.size(); ++k) {
                    if (prev->cpus[k].cpu == c.cpu)
                        before = &prev->cpus[k];
                }
            }
            s.cpuShares.push_back(cpuShare(before, c));
        }
        if (prev) {
            p.contextSwitchesPerSec = rate(prev->contextSwitches, cur.contextSwitches, dt);
            p.forksPerSec = rate(prev->processesCreated, cur.processesCreated, dt);
            p.interruptsPerSec = rate(prev->interruptsTotal, cur.interruptsTotal, dt);
        }
    }
    if (s.vmstat.value && m_prevVm && dt > 0) {
        const VmStat& a = *m_prevVm;
        const VmStat& b = *s.vmstat.value;
        p.pageInKibPerSec = rate(a.pageInKib(), b.pageInKib(), dt);
        p.pageOutKibPerSec = rate(a.pageOutKib(), b.pageOutKib(), dt);
        p.pageFaultsPerSec = rate(a.pageFaults(), b.pageFaults(), dt);
        p.majorFaultsPerSec = rate(a.majorPageFaults(), b.majorPageFaults(), dt);
        p.swapInPagesPerSec = rate(a.swapInPages(), b.swapInPages(), dt);
        p.swapOutPagesPerSec = rate(a.swapOutPages(), b.swapOutPages(), dt);
    }
    if (s.disks.value) {
        const auto& devices = s.disks.value->devices;
        s.diskRates.resize(devices.size());
        double readSum = 0, writeSum = 0;
        bool any = false;
        for (std::size_t i = 0; i < devices.size(); ++i) {
            const DiskStat& cur = devices[i];
            const DiskStat* prev = nullptr;
            if (m_prevDisks && dt > 0) {
                const auto& before = m_prevDisks->devices;
                prev = i < before.size() && before[i].name == cur.name
                    ? &before[i]
                    : m_prevDisks->find(cur.name);
            }
            // Same name, other device (major:minor changed): a new device, not a delta.
            if (!prev || prev->major != cur.major || prev->minor != cur.minor)
                continue;
            DiskRate& r = s.diskRates[i];
            double sectorsRead = 0, sectorsWritten = 0;
            r.valid = counterRate(prev->readsCompleted, cur.readsCompleted, dt, r.readsPerSec)
                && counterRate(prev->writesCompleted, cur.writesCompleted, dt, r.writesPerSec)
                && counterRate(prev->sectorsRead, cur.sectorsRead, dt, sectorsRead)
                && counterRate(prev->sectorsWritten, cur.sectorsWritten, dt, sectorsWritten);
            if (!r.valid) {
                r = DiskRate {};
                continue;
            }
            r.readBytesPerSec = sectorsRead * DiskStat::kSectorBytes;
            r.writeBytesPerSec = sectorsWritten * DiskStat::kSectorBytes;
            if (!cur.partition && !isStackedDevice(cur.name)) {
                readSum += r.readBytesPerSec;
                writeSum += r.writeBytesPerSec;
                any = true;
            }
        }
        if (any) {
            p.diskReadBytesPerSec = readSum;
            p.diskWriteBytesPerSec = writeSum;
        }
    }
    if (s.net.value) {
        const auto& ifaces = s.net.value->interfaces;
        s.netRates.resize(ifaces.size());
        double rxSum = 0, txSum = 0;
        bool any = false;
        for (std::size_t i = 0; i < ifaces.size(); ++i) {
            const NetDevStat& cur = ifaces[i];
            const NetDevStat* prev = nullptr;
            if (m_prevNet && dt > 0) {
                const auto& before = m_prevNet->interfaces;
                prev = i < before.size() && before[i].name == cur.name ? &before[i]
                                                                       : m_prevNet->find(cur.name);
            }
            if (!prev)
                continue;
            NetRate& r = s.netRates[i];
            r.valid = counterRate(prev->rxBytes, cur.rxBytes, dt, r.rxBytesPerSec)
                && counterRate(prev->txBytes, cur.txBytes, dt, r.txBytesPerSec)
                && counterRate(prev->rxPackets, cur.rxPackets, dt, r.rxPacketsPerSec)
                && counterRate(prev->txPackets, cur.txPackets, dt, r.txPacketsPerSec);
            if (!r.valid) {
                r = NetRate {};
                continue;
            }
            if (cur.name != "lo") {
                rxSum += r.rxBytesPerSec;
                txSum += r.txBytesPerSec;
                any = true;
            }
        }
        if (any) {
            p.netRxBytesPerSec = rxSum;
            p.netTxBytesPerSec = txSum;
        }
    }
}

} // namespace pg
