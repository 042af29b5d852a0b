// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One thread of a process: /proc/PID/task/TID/stat (same format as /proc/PID/stat, so PidStat's
// parser is reused) and /proc/PID/task/TID/status for the context switch counters.

#include "core/base/Result.h"
#include "core/process/PidStat.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pg {

struct ThreadSample
{
    int tid = 0; // (1) of the task's stat
    std::string comm; // (2): the thread's name (pthread_setname_np)
    char state = '?'; // (3)
    std::uint64_t utimeTicks = 0; // (14)
    std::uint64_t stimeTicks = 0; // (15)
    std::int64_t priority = 0; // (18)
    std::int64_t nice = 0; // (19)
    std::uint64_t startTimeTicks = 0; // (22)
    int processor = -1; // (39)
    // From status; unset when status could not be read (the thread exited between the two reads).
    std::optional<std::uint64_t> voluntaryCtxtSwitches;
    std::optional<std::uint64_t> nonvoluntaryCtxtSwitches;

    std::uint64_t cpuTimeTicks() const { return utimeTicks + stimeTicks; }
};

// `statusText` may be empty: the counters then stay unset. A malformed status is ignored the same
// way (the stat fields are the thread's identity; the counters are extra).
Result<ThreadSample> parseThread(std::string_view statText, std::string_view statusText);

} // namespace pg
