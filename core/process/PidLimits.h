// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/PID/limits, proc(5): a header line and one row per resource limit, in fixed-width columns:
//   Limit                     Soft Limit           Hard Limit           Units
//   Max cpu time              unlimited            unlimited            seconds
// Limit names contain single spaces ("Max open files"), so rows are cut at the header's column
// positions; when a row does not line up with them, it is split on runs of two or more spaces.

#include "core/base/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

struct LimitValue
{
    bool unlimited = false;
    std::uint64_t value = 0; // meaningful when !unlimited
    bool operator==(const LimitValue&) const = default;
};

struct PidLimit
{
    std::string name; // "Max open files"
    LimitValue soft;
    LimitValue hard;
    std::string units; // "files", "bytes", "seconds", "us", or empty
};

Result<std::vector<PidLimit>> parsePidLimits(std::string_view text);

} // namespace pg
