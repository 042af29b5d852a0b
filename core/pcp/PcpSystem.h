// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The System overview's figures from pmdalinux (mem.*, mem.vmstat.*, kernel.all.*,
// kernel.percpu.cpu.*, kernel.uname.*, disk.dev.*, network.interface.*), in the same
// SystemOverview the /proc reader fills. One fetch: the rates (CPU "now", context switches/s, ...)
// are left to SystemOverviewCollector::withRates over two fetches. PCP has no metric for
// /proc/modules or the whole /proc/version line (builder, compiler): those say notAvailable.

#include "core/pcp/PcpFetch.h"
#include "core/system/SystemOverview.h"

#include <string>
#include <utility>
#include <vector>

namespace pg {

// meminfo's key and the mem.util metric that carries it (Kbyte, as the file).
inline constexpr std::pair<const char*, const char*> kPcpMemoryMetrics[] = {
    { "MemTotal", "mem.physmem" },
    { "MemFree", "mem.util.free" },
    { "MemAvailable", "mem.util.available" },
    { "Buffers", "mem.util.bufmem" },
    { "Cached", "mem.util.cached" },
    { "SReclaimable", "mem.util.slabReclaimable" },
    { "SwapTotal", "mem.util.swapTotal" },
    { "SwapFree", "mem.util.swapFree" },
};

// /proc/vmstat's keys the page shows; pmdalinux gives each as mem.vmstat.KEY, the file's value.
inline constexpr const char* kPcpVmstatKeys[] = { "pgpgin", "pgpgout", "pgfault", "pgmajfault",
    "pswpin", "pswpout", "pgactivate", "pgdeactivate" };

// /proc/diskstats's counters and the disk.dev metric that carries each (disk.dev holds whole
// disks only: partitions are disk.partitions.*, device-mapper disk.dm.*).
inline constexpr std::pair<std::uint64_t DiskStat::*, const char*> kPcpDiskCounters[] = {
    { &DiskStat::readsCompleted, "disk.dev.read" },
    { &DiskStat::readsMerged, "disk.dev.read_merge" },
    { &DiskStat::sectorsRead, "disk.dev.blkread" },
    { &DiskStat::readMs, "disk.dev.read_rawactive" },
    { &DiskStat::writesCompleted, "disk.dev.write" },
    { &DiskStat::writesMerged, "disk.dev.write_merge" },
    { &DiskStat::sectorsWritten, "disk.dev.blkwrite" },
    { &DiskStat::writeMs, "disk.dev.write_rawactive" },
    { &DiskStat::inFlight, "disk.dev.inflight" },
    { &DiskStat::ioMs, "disk.dev.avactive" },
    { &DiskStat::weightedIoMs, "disk.dev.aveq" },
};

// /proc/net/dev's counters and their network.interface metrics.
inline constexpr std::pair<std::uint64_t NetDevStat::*, const char*> kPcpNetCounters[] = {
    { &NetDevStat::rxBytes, "network.interface.in.bytes" },
    { &NetDevStat::rxPackets, "network.interface.in.packets" },
    { &NetDevStat::rxErrors, "network.interface.in.errors" },
    { &NetDevStat::rxDropped, "network.interface.in.drops" },
    { &NetDevStat::rxFifo, "network.interface.in.fifo" },
    { &NetDevStat::rxFrame, "network.interface.in.frame" },
    { &NetDevStat::rxCompressed, "network.interface.in.compressed" },
    { &NetDevStat::rxMulticast, "network.interface.in.mcasts" },
    { &NetDevStat::txBytes, "network.interface.out.bytes" },
    { &NetDevStat::txPackets, "network.interface.out.packets" },
    { &NetDevStat::txErrors, "network.interface.out.errors" },
    { &NetDevStat::txDropped, "network.interface.out.drops" },
    { &NetDevStat::txFifo, "network.interface.out.fifo" },
    { &NetDevStat::txCollisions, "network.interface.collisions" },
    { &NetDevStat::txCarrier, "network.interface.out.carrier" },
    { &NetDevStat::txCompressed, "network.interface.out.compressed" },
};

// /proc/stat's CPU states and the metric suffix pmdalinux gives them under (milliseconds).
inline constexpr std::pair<std::uint64_t CpuTimes::*, const char*> kPcpCpuStates[] = {
    { &CpuTimes::user, "user" },
    { &CpuTimes::nice, "nice" },
    { &CpuTimes::system, "sys" },
    { &CpuTimes::idle, "idle" },
    { &CpuTimes::iowait, "wait.total" },
    { &CpuTimes::irq, "irq.hard" },
    { &CpuTimes::softirq, "irq.soft" },
    { &CpuTimes::steal, "steal" },
};

struct PcpSystemTable
{
    SystemOverview overview;
    std::string error; // non-empty: no table
    std::vector<std::string> notes;
};

const std::vector<PcpMetricRequest>& pcpSystemMetrics();

PcpSystemTable systemFromPcp(const PcpFetch& fetch, const std::string& host);

} // namespace pg
