// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/meminfo, proc(5): "Key:   N kB" lines (a few, such as HugePages_Total, have no unit).

#include "core/base/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pg {

struct MemInfo
{
    // Every line in file order: key, value (kB for lines with the unit, a count otherwise).
    std::vector<std::pair<std::string, std::uint64_t>> fields;

    std::optional<std::uint64_t> get(std::string_view key) const;

    // "Used" as procps' free and procinfo compute it: total - free - buffers - cache, where cache
    // is Cached + SReclaimable. nullopt when a needed line is missing.
    std::optional<std::uint64_t> usedKib() const;
    std::optional<std::uint64_t> cacheKib() const;
};

Result<MemInfo> parseMemInfo(std::string_view text);

} // namespace pg
