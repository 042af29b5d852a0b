// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/loadavg, proc(5): "0.12 0.03 0.01 1/123 2345" and /proc/uptime: "1246.53 4883.51".

#include "core/base/Result.h"

#include <cstdint>
#include <string_view>

namespace pg {

struct LoadAvg
{
    double load1 = 0, load5 = 0, load15 = 0;
    std::uint64_t runnable = 0; // currently runnable scheduling entities
    std::uint64_t total = 0; // scheduling entities (processes and threads)
    std::uint64_t lastPid = 0;
};

struct Uptime
{
    double upSeconds = 0;
    double idleSeconds = 0; // summed over all CPUs
};

Result<LoadAvg> parseLoadAvg(std::string_view text);
Result<Uptime> parseUptime(std::string_view text);

} // namespace pg
