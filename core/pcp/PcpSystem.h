// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The System overview's figures from pmdalinux (mem.*, kernel.all.*, kernel.percpu.cpu.*,
// kernel.uname.*), in the same SystemOverview the /proc reader fills. One fetch: the rates (CPU
// "now", context switches/s, ...) are empty in this version; vmstat, disks, network, modules and
// /proc/version are not fetched (their rows are left out).

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
