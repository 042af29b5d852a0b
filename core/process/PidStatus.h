// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/PID/status, proc(5): "Key:<tab>value" lines. Every line is kept in order; the fields that
// Procglass shows are also pulled out typed. A value the kernel did not print stays unset.

#include "core/base/Result.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pg {

struct PidStatus
{
    std::vector<std::pair<std::string, std::string>> fields; // every line, raw, in file order

    std::string name; // Name: as the kernel escapes it (\n for a newline, \\ for a backslash)
    char state = '?';
    int tgid = 0;
    int pid = 0;
    int ppid = 0;
    int tracerPid = 0;
    std::array<std::uint32_t, 4> uid {}; // real, effective, saved, filesystem
    std::array<std::uint32_t, 4> gid {};
    bool hasIds = false;
    std::optional<std::uint64_t> vmPeakKib, vmSizeKib, vmLckKib, vmPinKib, vmHwmKib, vmRssKib;
    std::optional<std::uint64_t> rssAnonKib, rssFileKib, rssShmemKib;
    std::optional<std::uint64_t> vmDataKib, vmStkKib, vmExeKib, vmLibKib, vmPteKib, vmSwapKib;
    std::optional<std::int64_t> threads;
    std::optional<std::uint64_t> voluntaryCtxtSwitches, nonvoluntaryCtxtSwitches;

    // The raw value of `key`, or nullopt.
    std::optional<std::string_view> value(std::string_view key) const;
};

Result<PidStatus> parsePidStatus(std::string_view text);

} // namespace pg
