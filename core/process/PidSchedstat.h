// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/PID/schedstat: three numbers of the task's scheduling (Documentation/scheduler/
// sched-stats.rst). The collector uses it to tell whether a process can have changed its command
// line since the last refresh: a task that has not run cannot have written its argv or exec'd.

#include "core/base/Result.h"

#include <cstdint>
#include <string_view>

namespace pg {

struct PidSchedstat
{
    std::uint64_t runNs = 0; // (1) time spent on the cpu
    std::uint64_t waitNs = 0; // (2) time spent waiting on a runqueue
    std::uint64_t timeslices = 0; // (3) # of timeslices run on this cpu (pcount); 0 = not kept
};

Result<PidSchedstat> parsePidSchedstat(std::string_view text);

} // namespace pg
