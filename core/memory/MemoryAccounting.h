// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// VIRT, RES and SHR of one process, and how they square with smaps and status: the figures the
// memory-map page's summary shows, with each figure's source and, where two sources give the same
// quantity, whether they agree and why not. Plain C++, no Qt; the page only formats this.
//
// The kernel keeps two books. statm (proc(5) /proc/PID/statm) and status (VmSize, RssAnon,
// RssFile, RssShmem, VmSwap) read the mm's counters, kept per CPU and folded in lazily; smaps walks
// the page tables now. So:
// - VIRT = statm size = VmSize; Σ smaps Size equals it, plus the [vsyscall] page where the kernel
//   lists it (it is not one of the process's own mappings), unless a mapping changed in between.
// - RES = statm resident = RssAnon + RssFile + RssShmem; Σ smaps Rss may drift a few pages.
// - SHR = statm shared = RssFile + RssShmem: resident file and shmem pages, which smaps gives as
//   Σ Rss − Σ Anonymous (shmem pages are not anonymous pages), up to the same drift.
// - VmSwap counts the process's swapped-out anonymous pages; Σ smaps Swap also counts swapped-out
//   shared memory it maps, which VmSwap does not.

#include "core/base/Result.h"
#include "core/memory/MemoryMapGroups.h"
#include "core/memory/Smaps.h"
#include "core/process/PidStatm.h"
#include "core/process/PidStatus.h"

#include <cstdint>
#include <optional>

namespace pg {

struct MemoryMapSnapshot;

enum class MemorySource : std::uint8_t {
    Statm, // /proc/PID/statm × page size
    Status, // /proc/PID/status
    Smaps, // a sum over every mapping of /proc/PID/smaps
};

struct MemoryFigure
{
    std::optional<std::uint64_t> kib; // absent: the source was not read, or lacks the field
    MemorySource source = MemorySource::Statm;
};

// How two sources of one quantity compare.
enum class MemoryMatch : std::uint8_t {
    Unknown, // one side is absent
    Same,
    VsyscallPage, // Σ Size is VIRT plus the [vsyscall] page, which VmSize does not count
    MappingsChanged, // VIRT: a mapping came or went between the two reads
    CounterDrift, // the kernel's lazily folded counters against the page-table walk
    ShmemSwap, // Σ Swap is VmSwap plus swapped-out shared memory, which VmSwap does not count
};

struct MemoryReconciliation
{
    MemoryMatch match = MemoryMatch::Unknown;
    // |a − b|; for VsyscallPage and ShmemSwap, the size that explains it
    std::uint64_t differenceKib = 0;
};

struct MemoryAccounting
{
    std::uint64_t pageKib = 4;
    Error statmError = Error::None; // why the statm figures are absent
    Error smapsError = Error::None; // why the smaps figures are absent

    // statm fields (1) size, (2) resident, (3) shared, in pages, when statm was read.
    std::optional<std::uint64_t> sizePages, residentPages, sharedPages;
    MemoryFigure virt { {}, MemorySource::Statm };
    MemoryFigure res { {}, MemorySource::Statm };
    MemoryFigure shr { {}, MemorySource::Statm };

    MemoryFigure vmSize { {}, MemorySource::Status };
    MemoryFigure rssAnon { {}, MemorySource::Status };
    MemoryFigure rssFile { {}, MemorySource::Status };
    MemoryFigure rssShmem { {}, MemorySource::Status };
    MemoryFigure vmSwap { {}, MemorySource::Status };

    MemoryFigure sizeSum { {}, MemorySource::Smaps };
    MemoryFigure rssSum { {}, MemorySource::Smaps };
    MemoryFigure anonymousSum { {}, MemorySource::Smaps };
    MemoryFigure swapSum { {}, MemorySource::Smaps };
    MemoryFigure sharedClean { {}, MemorySource::Smaps };
    MemoryFigure sharedDirty { {}, MemorySource::Smaps };
    MemoryFigure privateClean { {}, MemorySource::Smaps };
    MemoryFigure privateDirty { {}, MemorySource::Smaps };
    MemoryFigure pss { {}, MemorySource::Smaps };
    MemoryFigure shared { {}, MemorySource::Smaps }; // Shared_Clean + Shared_Dirty
    MemoryFigure uss { {}, MemorySource::Smaps }; // Private_Clean + Private_Dirty
    std::uint64_t vsyscallKib = 0; // Size of [vsyscall], when smaps lists it
    std::uint64_t shmemSwapKib = 0; // Σ Swap of the shared-memory mappings

    MemoryReconciliation virtVsSize; // VIRT against Σ Size
    MemoryReconciliation resVsRss; // RES against Σ Rss
    MemoryReconciliation resVsStatus; // RES against RssAnon + RssFile + RssShmem
    MemoryReconciliation shrVsStatus; // SHR against RssFile + RssShmem
    MemoryReconciliation shrVsSmaps; // SHR against Σ Rss − Σ Anonymous
    MemoryReconciliation swapVsSmaps; // VmSwap against Σ Swap
};

// `grouping` and `smaps` may be null (smaps not read); a statm or status that was not read is
// nullopt.
MemoryAccounting accountMemory(const MemoryMapGrouping* grouping, const Smaps* smaps,
    const std::optional<PidStatm>& statm, const std::optional<PidStatus>& status,
    std::uint64_t pageKib);
MemoryAccounting accountMemory(const MemoryMapSnapshot& snapshot);

} // namespace pg
