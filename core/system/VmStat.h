// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/vmstat, proc(5): one "name value" pair a line, virtual memory counters since boot. Every
// key is kept in file order (the set changes between kernels); the ones procinfo prints have
// accessors.

#include "core/base/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pg {

struct VmStat
{
    // Signed: a few gauges (nr_*) are per-CPU sums that some kernels print below zero.
    std::vector<std::pair<std::string, std::int64_t>> fields;

    std::optional<std::int64_t> get(std::string_view key) const;

    // In KiB since boot (pgpgin/pgpgout count 1 KiB units, not pages, despite the name).
    std::optional<std::int64_t> pageInKib() const { return get("pgpgin"); }
    std::optional<std::int64_t> pageOutKib() const { return get("pgpgout"); }
    std::optional<std::int64_t> pageFaults() const { return get("pgfault"); }
    std::optional<std::int64_t> majorPageFaults() const { return get("pgmajfault"); }
    std::optional<std::int64_t> swapInPages() const { return get("pswpin"); }
    std::optional<std::int64_t> swapOutPages() const { return get("pswpout"); }
    std::optional<std::int64_t> pagesActivated() const { return get("pgactivate"); }
    std::optional<std::int64_t> pagesDeactivated() const { return get("pgdeactivate"); }
};

Result<VmStat> parseVmStat(std::string_view text);

} // namespace pg
