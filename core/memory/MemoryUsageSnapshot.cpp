// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/memory/MemoryUsageSnapshot.h"

#include "core/base/ProcFs.h"
#include "core/process/ProcessDetails.h"

#include <algorithm>
#include <chrono>

namespace pg {

std::string MemoryUsageSnapshot::userName(std::uint32_t uid) const
{
    for (const auto& [id, name] : userNames) {
        if (id == uid)
            return name;
    }
    return std::to_string(uid);
}

MemoryUsageSnapshot readMemoryUsage(const std::string& procRoot, const std::atomic<bool>* stop,
    const CensusProgress& progress, bool withMappings)
{
    MemoryUsageSnapshot snap;
    const auto started = std::chrono::steady_clock::now();
    if (withMappings) {
        MappingCensus byMapping = readMappingCensus(procRoot, stop, progress, &snap.census);
        snap.mappings = std::move(byMapping.mappings);
    } else {
        snap.census = readMemoryCensus(procRoot, stop, progress);
    }
    snap.readMs = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started)
                      .count();
    // readMemoryCensus reserved a row per pid folder; the kernel threads' few spare rows stay (a
    // copy to fit would be one more large allocation per read).
    snap.census.skipped.shrink_to_fit();
    if (auto text = readWholeFile(procRoot + "/meminfo")) {
        if (auto info = parseMemInfo(*text))
            snap.memInfo = std::move(*info);
    }
    std::vector<std::uint32_t> uids;
    for (const ProcessMemory& p : snap.census.processes)
        uids.push_back(p.uid);
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    for (std::uint32_t uid : uids)
        snap.userNames.emplace_back(uid, userNameOf(uid));
    return snap;
}

} // namespace pg
