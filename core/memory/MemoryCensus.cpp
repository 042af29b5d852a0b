// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/memory/MemoryCensus.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace pg {

ProcessMemory processMemoryFrom(
    int pid, std::uint32_t uid, std::string comm, const SmapsMapping& rollup)
{
    ProcessMemory m;
    m.pid = pid;
    m.uid = uid;
    m.comm = std::move(comm);
    m.rssKib = rollup.valueOr0(SmapsField::Rss);
    m.pssKib = rollup.valueOr0(SmapsField::Pss);
    m.ussKib
        = rollup.valueOr0(SmapsField::Private_Clean) + rollup.valueOr0(SmapsField::Private_Dirty);
    m.swapKib = rollup.valueOr0(SmapsField::Swap);
    m.swapPssKnown = rollup.has(SmapsField::SwapPss);
    m.swapPssKib = rollup.valueOr0(SmapsField::SwapPss);
    return m;
}

MemoryCensus readMemoryCensus(
    const std::string& procRoot, const std::atomic<bool>* stop, const CensusProgress& progress)
{
    MemoryCensus out;
    ProcessWalk walk;
    walk.procRoot = procRoot;
    walk.file = "smaps_rollup";
    walk.stop = stop;
    walk.progress = [&](std::size_t done, std::size_t total) {
        // One allocation for the rows, not a doubling series whose freed steps leave holes in
        // the heap of a long-running caller (the Memory usage page reads every few seconds).
        if (done == 0)
            out.processes.reserve(total);
        if (progress)
            progress(done, total);
    };
    static_cast<CensusCoverage&>(out)
        = walkProcesses(walk, [&out](int pid, const PidStatus& status, std::string_view text) {
              auto rollup = parseSmapsRollup(text);
              if (!rollup)
                  return rollup.error();
              const std::uint32_t uid = status.hasIds ? status.uid[0] : 0;
              out.processes.push_back(processMemoryFrom(pid, uid, status.name, *rollup));
              return Error::None;
          });
    return out;
}

std::vector<UserMemory> memoryByUser(const std::vector<ProcessMemory>& processes)
{
    std::map<std::uint32_t, UserMemory> byUid;
    for (const ProcessMemory& p : processes) {
        UserMemory& u = byUid[p.uid];
        u.uid = p.uid;
        ++u.processes;
        u.rssKib += p.rssKib;
        u.pssKib += p.pssKib;
        u.ussKib += p.ussKib;
        u.swapKib += p.swapKib;
    }
    std::vector<UserMemory> out;
    out.reserve(byUid.size());
    for (auto& [uid, u] : byUid)
        out.push_back(u);
    std::stable_sort(out.begin(), out.end(),
        [](const UserMemory& a, const UserMemory& b) { return a.pssKib > b.pssKib; });
    return out;
}

} // namespace pg
