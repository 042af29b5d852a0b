// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Everything the System overview page shows (procinfo's figures, plus disks, network, modules and
// the kernel version), from one /proc root per tick. /proc/stat, meminfo, loadavg and uptime come
// from the process sample of the same tick (SystemSummary) when there is one, so each file is read
// once per tick and both pages show one moment. Rates are deltas over the real time
// between two samples; a counter that went backwards (a reset, a CPU or device that came back) or
// a device seen for the first time has no rate for that tick instead of a bogus spike.

#include "core/base/Result.h"
#include "core/system/DiskStats.h"
#include "core/system/KernelVersion.h"
#include "core/system/LoadAvg.h"
#include "core/system/MemInfo.h"
#include "core/system/Modules.h"
#include "core/system/NetDev.h"
#include "core/system/SystemStat.h"
#include "core/system/SystemSummary.h"
#include "core/system/VmStat.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pg {

// A figure's source file and, when it could not be read or parsed, why.
template <typename T> struct Sourced
{
    std::optional<T> value;
    Error error = Error::None;
    std::string path; // "/proc/vmstat" (under the proc root)
    // Non-empty: the source has no such figure at all (a Performance Co-Pilot host has no metric
    // for /proc/modules): why, in one sentence. Not an error of the file or the host.
    std::string notAvailable = {};

    bool ok() const { return value.has_value(); }
};

// CPU time of one interval, in % of that interval (all states sum to 100). `valid` is false on the
// first sample, when no time passed, or when a counter went backwards (CPU hotplug).
struct CpuShare
{
    int cpu = -1; // -1 for the whole machine
    bool valid = false;
    double user = 0, nice = 0, system = 0, iowait = 0, irq = 0, softirq = 0, steal = 0, idle = 0;
    // Outside idle and iowait (cpuBusyPercent(), CpuBusy.h: what the process page's summary
    // shows). Its own validity: it survives an iowait dip that makes the states above invalid.
    std::optional<double> busyPercent;
};

struct DiskRate
{
    bool valid = false; // false for a device seen for the first time or a counter reset
    double readsPerSec = 0, writesPerSec = 0, readBytesPerSec = 0, writeBytesPerSec = 0;
};

struct NetRate
{
    bool valid = false;
    double rxBytesPerSec = 0, txBytesPerSec = 0, rxPacketsPerSec = 0, txPacketsPerSec = 0;
};

// One tick of the machine-wide figures: what the history charts plot.
struct OverviewPoint
{
    double timeSeconds = 0; // monotonic clock
    CpuShare cpu;
    std::optional<double> contextSwitchesPerSec, forksPerSec, interruptsPerSec;
    std::optional<double> pageInKibPerSec, pageOutKibPerSec, pageFaultsPerSec, majorFaultsPerSec;
    std::optional<double> swapInPagesPerSec, swapOutPagesPerSec;
    // Whole physical disks only: no partitions, no dm-/md/loop (counted on the disks below).
    std::optional<double> diskReadBytesPerSec, diskWriteBytesPerSec;
    std::optional<double> netRxBytesPerSec, netTxBytesPerSec;
};

struct SystemOverview
{
    std::uint64_t sequence = 0;
    double elapsedSeconds = 0; // since the previous sample; 0 for the first
    std::int64_t wallUnixMs = 0;
    long ticksPerSecond = 100; // USER_HZ, for the CPU times
    std::string procRoot;

    Sourced<SystemStat> stat; // /proc/stat
    Sourced<MemInfo> memory; // /proc/meminfo
    Sourced<LoadAvg> load; // /proc/loadavg
    Sourced<Uptime> uptime; // /proc/uptime
    Sourced<VmStat> vmstat; // /proc/vmstat
    Sourced<DiskStats> disks; // /proc/diskstats
    Sourced<NetDev> net; // /proc/net/dev
    Sourced<Modules> modules; // /proc/modules
    Sourced<KernelVersion> version; // /proc/version
    Sourced<UnameInfo> uname; // uname(2), path "uname(2)"

    OverviewPoint now; // this tick's rates
    std::vector<CpuShare> cpuShares; // per CPU, in stat->cpus order
    std::vector<DiskRate> diskRates; // index-aligned with disks->devices
    std::vector<NetRate> netRates; // index-aligned with net->interfaces
    // Non-empty when the source gave nothing at all (a PCP host unreachable or refusing): why, in
    // one line; every Sourced above is then empty.
    std::string sourceError;
    // The Performance Co-Pilot host or recording it came from (modules and /proc/version have no
    // PCP metric: their Sourced say notAvailable); empty for a /proc root.
    std::string remoteHost;
    // A replay jumped in time (a seek, backwards or ahead): the history charts start again here.
    bool timelineRestarted = false;
};

class SystemOverviewCollector final
{
public:
    struct Options
    {
        std::string procRoot = "/proc";
        std::string sysRoot = "/sys"; // partition flags from /sys/class/block; "" to skip
        bool readUname = true; // off for fake trees in tests
    };

    explicit SystemOverviewCollector(Options options);

    // Ten minutes of samples at the given refresh interval: what the page's charts keep. The
    // collector keeps no history itself; each sample's `now` is the charts' next point.
    static constexpr std::size_t historyCapacityFor(int intervalMs)
    {
        return intervalMs > 0 ? static_cast<std::size_t>(600000 / intervalMs) + 1 : 601;
    }

    // Reads stat, meminfo, loadavg and uptime itself: for a caller without a process sample
    // (the export command, fake trees in tests). Uses the monotonic and wall clocks.
    SystemOverview sample();
    // Builds on the process sample of this tick: reads only the files it does not.
    SystemOverview sample(const SystemSummary& fromProcessTick);
    // `monotonicSeconds` drives the rates: tests pass a scripted clock.
    SystemOverview sampleAt(double monotonicSeconds, std::int64_t wallUnixMs);
    SystemOverview sampleAt(
        const SystemSummary& fromProcessTick, double monotonicSeconds, std::int64_t wallUnixMs);
    // An overview made elsewhere (a Performance Co-Pilot host's, core/pcp/PcpSystem.h) given this
    // collector's sequence, elapsed time and rates: `timeSeconds` is that source's clock (the
    // host's timestamps). Nothing is read.
    SystemOverview withRates(SystemOverview made, double timeSeconds);

private:
    void advance(SystemOverview& s, double timeSeconds); // sequence, rates, the previous values
    void refinePartitions(DiskStats& disks) const;
    void computeRates(SystemOverview& s, double dt);

    Options m_options;
    std::uint64_t m_sequence = 0;
    std::optional<double> m_prevTime;
    std::optional<SystemStat> m_prevStat;
    std::optional<VmStat> m_prevVm;
    std::optional<DiskStats> m_prevDisks;
    std::optional<NetDev> m_prevNet;
};

} // namespace pg
