// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one CPU-busy formula: the share of CPU time between two reads of a /proc/stat cpu line
// (proc(5)) spent outside idle and iowait. The process page's summary strip and the System page
// both use it, so one moment shows one number on both.

#include "core/system/SystemStat.h"

#include <algorithm>
#include <optional>

namespace pg {

// Unknown when no time passed or the idle time went backwards (CPU hotplug restarts a CPU's
// counters). iowait alone may dip on NO_HZ kernels; idle + iowait does not, so only the sum is
// checked.
inline std::optional<double> cpuBusyPercent(const CpuTimes& before, const CpuTimes& after)
{
    if (after.total() <= before.total() || after.idleAll() < before.idleAll())
        return std::nullopt;
    const double total = static_cast<double>(after.total() - before.total());
    const double idle = static_cast<double>(after.idleAll() - before.idleAll());
    return std::clamp(100.0 * (total - idle) / total, 0.0, 100.0);
}

} // namespace pg
