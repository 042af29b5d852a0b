// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Who uses the RAM: every process's /proc/PID/smaps_rollup (kernels 4.14 and later), grouped by
// process or by user, as smem(8) counts it:
//   Rss   resident pages, each counted in full by every process that maps it (sums overcount);
//   Pss   each resident page divided by the number of processes that map it (sums to the RAM
//         that user-space mappings hold);
//   USS   Private_Clean + Private_Dirty: the pages only this process maps, what its exit frees;
//   Swap  swapped-out pages of its private and shared anonymous memory; SwapPss shares it out.
//
// Reading smaps_rollup walks the process's page tables under its mmap lock: not free (a few
// milliseconds for a large process). readMemoryCensus() runs on the caller's thread (the command
// line, or a worker) and checks `stop` between processes. What it cannot read is listed with the
// reason, never left out silently: another user's process without root, a process that is gone.

#include "core/base/Result.h"
#include "core/memory/ProcessWalk.h"
#include "core/memory/Smaps.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace pg {

struct ProcessMemory
{
    int pid = 0;
    std::uint32_t uid = 0; // real uid, from status
    std::string comm; // status Name:, as the kernel escapes it
    std::uint64_t rssKib = 0;
    std::uint64_t pssKib = 0;
    std::uint64_t ussKib = 0;
    std::uint64_t swapKib = 0;
    std::uint64_t swapPssKib = 0;
    bool swapPssKnown = false; // SwapPss is printed by kernels 4.3 and later
};

struct MemoryCensus : CensusCoverage
{
    std::vector<ProcessMemory> processes; // in pid order
};

// One process's figures from its parsed smaps_rollup. Fields the kernel did not print count 0,
// except SwapPss, whose absence is recorded in swapPssKnown.
ProcessMemory processMemoryFrom(
    int pid, std::uint32_t uid, std::string comm, const SmapsMapping& rollup);

// How far a census has got: `done` of `total` pid folders read (called before the first and after
// each one, on the reading thread).
using CensusProgress = WalkProgress;

// Reads every numeric folder of `procRoot` ("/proc" or a fake tree). `stop`, when given, is
// checked before each process; `progress`, when given, is called after each.
MemoryCensus readMemoryCensus(const std::string& procRoot, const std::atomic<bool>* stop = nullptr,
    const CensusProgress& progress = {});

struct UserMemory
{
    std::uint32_t uid = 0;
    int processes = 0;
    std::uint64_t rssKib = 0;
    std::uint64_t pssKib = 0;
    std::uint64_t ussKib = 0;
    std::uint64_t swapKib = 0;
};

// One row per uid, largest Pss first (then uid).
std::vector<UserMemory> memoryByUser(const std::vector<ProcessMemory>& processes);

} // namespace pg
