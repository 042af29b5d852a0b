// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/memory/MemoryAccounting.h"

#include "core/memory/MemoryMapSnapshot.h"

namespace pg {

namespace {

std::uint64_t distance(std::uint64_t a, std::uint64_t b)
{
    return a > b ? a - b : b - a;
}

// Two readings of one counter: the same, or apart by the kernel's per-CPU drift.
MemoryReconciliation compare(
    const std::optional<std::uint64_t>& a, const std::optional<std::uint64_t>& b)
{
    if (!a || !b)
        return {};
    if (*a == *b)
        return { MemoryMatch::Same, 0 };
    return { MemoryMatch::CounterDrift, distance(*a, *b) };
}

std::optional<std::uint64_t> sum(
    const std::optional<std::uint64_t>& a, const std::optional<std::uint64_t>& b)
{
    if (!a || !b)
        return std::nullopt;
    return *a + *b;
}

MemoryReconciliation compareVirt(std::uint64_t virt, std::uint64_t sizeSum, std::uint64_t vsyscall)
{
    if (sizeSum == virt)
        return { MemoryMatch::Same, 0 };
    if (sizeSum == virt + vsyscall)
        return { MemoryMatch::VsyscallPage, vsyscall };
    return { MemoryMatch::MappingsChanged, distance(sizeSum, virt) };
}

MemoryReconciliation compareSwap(std::uint64_t vmSwap, std::uint64_t swapSum, std::uint64_t shmem)
{
    if (swapSum == vmSwap)
        return { MemoryMatch::Same, 0 };
    if (shmem > 0 && swapSum == vmSwap + shmem)
        return { MemoryMatch::ShmemSwap, shmem };
    return { MemoryMatch::CounterDrift, distance(swapSum, vmSwap) };
}

} // namespace

MemoryAccounting accountMemory(const MemoryMapGrouping* grouping, const Smaps* smaps,
    const std::optional<PidStatm>& statm, const std::optional<PidStatus>& status,
    std::uint64_t pageKib)
{
    MemoryAccounting a;
    a.pageKib = pageKib;
    if (statm) {
        a.sizePages = statm->sizePages;
        a.residentPages = statm->residentPages;
        a.sharedPages = statm->sharedPages;
        a.virt.kib = statm->sizePages * pageKib;
        a.res.kib = statm->residentPages * pageKib;
        a.shr.kib = statm->sharedPages * pageKib;
    }
    if (status) {
        a.vmSize.kib = status->vmSizeKib;
        a.rssAnon.kib = status->rssAnonKib;
        a.rssFile.kib = status->rssFileKib;
        a.rssShmem.kib = status->rssShmemKib;
        a.vmSwap.kib = status->vmSwapKib;
    }
    if (grouping) {
        const SmapsTotals& t = grouping->totals;
        a.sizeSum.kib = t.get(SmapsField::Size);
        a.rssSum.kib = t.get(SmapsField::Rss);
        a.anonymousSum.kib = t.get(SmapsField::Anonymous);
        a.swapSum.kib = t.get(SmapsField::Swap);
        a.sharedClean.kib = t.get(SmapsField::Shared_Clean);
        a.sharedDirty.kib = t.get(SmapsField::Shared_Dirty);
        a.privateClean.kib = t.get(SmapsField::Private_Clean);
        a.privateDirty.kib = t.get(SmapsField::Private_Dirty);
        a.pss.kib = t.get(SmapsField::Pss);
        a.shared.kib = t.sharedKib();
        a.uss.kib = t.privateKib();
        for (const MemoryMapGroup& g : grouping->groups) {
            if (g.kind == MappingKind::SharedMemory)
                a.shmemSwapKib += g.totals.get(SmapsField::Swap);
        }
    }
    if (smaps) {
        for (const SmapsMapping& m : smaps->mappings) {
            if (m.path == "[vsyscall]")
                a.vsyscallKib += m.sizeBytes() / 1024;
        }
    }

    if (a.virt.kib && a.sizeSum.kib)
        a.virtVsSize = compareVirt(*a.virt.kib, *a.sizeSum.kib, a.vsyscallKib);
    a.resVsRss = compare(a.res.kib, a.rssSum.kib);
    a.resVsStatus = compare(a.res.kib, sum(a.rssAnon.kib, sum(a.rssFile.kib, a.rssShmem.kib)));
    a.shrVsStatus = compare(a.shr.kib, sum(a.rssFile.kib, a.rssShmem.kib));
    if (a.rssSum.kib && a.anonymousSum.kib && *a.anonymousSum.kib <= *a.rssSum.kib)
        a.shrVsSmaps = compare(a.shr.kib, *a.rssSum.kib - *a.anonymousSum.kib);
    if (a.vmSwap.kib && a.swapSum.kib)
        a.swapVsSmaps = compareSwap(*a.vmSwap.kib, *a.swapSum.kib, a.shmemSwapKib);
    return a;
}

MemoryAccounting accountMemory(const MemoryMapSnapshot& snapshot)
{
    MemoryAccounting a = accountMemory(snapshot.grouping.get(), snapshot.smaps.get(),
        snapshot.statm, snapshot.status, snapshot.pageKib);
    a.statmError = snapshot.statmError;
    a.smapsError = snapshot.smapsError;
    return a;
}

} // namespace pg
