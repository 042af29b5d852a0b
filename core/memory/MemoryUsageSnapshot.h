// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the "Memory usage" page shows: one memory census (every process's smaps_rollup) with the
// /proc/meminfo read right after it, so that the processes' Pss can be set against what the kernel
// says is in use, and the names of the users the census met. Immutable once published.

#include "core/memory/MappingCensus.h"
#include "core/memory/MemoryCensus.h"
#include "core/system/MemInfo.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pg {

struct MemoryUsageSnapshot
{
    MemoryCensus census;
    // One row per file and kind of anonymous memory, when this read was of every process's whole
    // smaps (the page's By mapping tab); census then holds each process's sums of its smaps.
    std::optional<std::vector<MappingMemory>> mappings;
    std::optional<MemInfo> memInfo; // nullopt when /proc/meminfo could not be read
    std::vector<std::pair<std::uint32_t, std::string>> userNames; // each uid of the census, once
    std::uint64_t sequence = 0;
    std::int64_t readMs = 0; // how long the census took

    // The name of `uid` as the census resolved it, or the number.
    std::string userName(std::uint32_t uid) const;
};

// Reads the census (checking `stop` between processes, reporting `progress`), then meminfo, then
// the user names. Runs on the caller's thread. `withMappings`: from every process's whole smaps
// instead of its smaps_rollup, with the rows by mapping (about 2.5 times the time).
MemoryUsageSnapshot readMemoryUsage(const std::string& procRoot,
    const std::atomic<bool>* stop = nullptr, const CensusProgress& progress = {},
    bool withMappings = false);

} // namespace pg
