// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/stat, proc(5) "/proc/stat": CPU time per state in USER_HZ ticks for the machine ("cpu")
// and each CPU ("cpuN"), plus intr, ctxt, btime, processes, procs_running, procs_blocked, softirq.

#include "core/base/KernelNumbers.h"
#include "core/base/Result.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace pg {

struct CpuTimes
{
    int cpu = -1; // -1 for the machine-wide "cpu" line
    std::uint64_t user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0,
                  steal = 0, guest = 0, guestNice = 0;

    // guest and guest_nice are already counted in user and nice. Saturating (KernelNumbers.h): a
    // hostile file's sums stop at 2^64-1 instead of wrapping to a small number.
    std::uint64_t total() const
    {
        std::uint64_t sum = 0;
        for (std::uint64_t t : { user, nice, system, idle, iowait, irq, softirq, steal })
            sum = saturatingAdd(sum, t);
        return sum;
    }
    std::uint64_t idleAll() const { return saturatingAdd(idle, iowait); }
};

struct SystemStat
{
    CpuTimes total;
    std::vector<CpuTimes> cpus; // online CPUs, by id (ids may have gaps)
    std::optional<std::uint64_t> interruptsTotal; // intr, first number
    std::optional<std::uint64_t> contextSwitches; // ctxt
    std::optional<std::uint64_t> bootTimeUnix; // btime, seconds since the epoch
    std::optional<std::uint64_t> processesCreated; // processes (forks since boot)
    std::optional<std::uint64_t> procsRunning;
    std::optional<std::uint64_t> procsBlocked;
    std::optional<std::uint64_t> softirqsTotal; // softirq, first number
};

Result<SystemStat> parseSystemStat(std::string_view text);

} // namespace pg
