// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The machine-wide files every process sample reads once per tick (proc(5): /proc/stat,
// /proc/meminfo, /proc/loadavg, /proc/uptime), with why each one is missing. The process page's
// summary strip shows them; the System overview builds on the same read instead of reading the
// files a second time.

#include "core/base/Result.h"
#include "core/system/LoadAvg.h"
#include "core/system/MemInfo.h"
#include "core/system/SystemStat.h"

#include <cmath>
#include <optional>
#include <string>

namespace pg {

struct SystemSummary
{
    std::optional<SystemStat> stat;
    std::optional<MemInfo> memInfo;
    std::optional<LoadAvg> loadAvg;
    std::optional<Uptime> uptime;
    // Why a file above is missing (reading or parsing it); None when it is there.
    Error statError = Error::None;
    Error memInfoError = Error::None;
    Error loadAvgError = Error::None;
    Error uptimeError = Error::None;
    double cpuBusyPercent = std::nan(""); // whole machine (cpuBusyPercent()), 100 = all CPUs busy
    int cpuCount = 0;
};

// Reads and parses the four files under `procRoot` (errors kept per file). Fills neither
// cpuBusyPercent nor cpuCount: those need the previous tick (ProcessCollector keeps it).
SystemSummary readSystemSummary(const std::string& procRoot);

} // namespace pg
