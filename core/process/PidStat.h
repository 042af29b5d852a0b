// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/PID/stat, proc(5) "/proc/pid/stat". One line of space-separated fields, except that (2)
// comm is in parentheses and may itself contain spaces, parentheses and newlines.

#include "core/base/Result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace pg {

// PF_KTHREAD from include/linux/sched.h: set in (9) flags for kernel threads.
inline constexpr std::uint64_t kPfKthread = 0x00200000;

struct PidStat
{
    int pid = 0; // (1)
    std::string comm; // (2) without the parentheses
    char state = '?'; // (3)
    int ppid = 0; // (4)
    int pgrp = 0; // (5)
    int session = 0; // (6)
    int ttyNr = 0; // (7)
    int tpgid = 0; // (8)
    std::uint64_t flags = 0; // (9)
    std::uint64_t minflt = 0; // (10)
    std::uint64_t majflt = 0; // (12)
    std::uint64_t utimeTicks = 0; // (14)
    std::uint64_t stimeTicks = 0; // (15)
    std::int64_t priority = 0; // (18)
    std::int64_t nice = 0; // (19)
    std::int64_t numThreads = 0; // (20)
    std::uint64_t startTimeTicks = 0; // (22) clock ticks after boot
    std::uint64_t vsizeBytes = 0; // (23)
    std::int64_t rssPages = 0; // (24)
    int processor = -1; // (39), when present
    std::uint64_t rtPriority = 0; // (40), when present
    std::uint64_t policy = 0; // (41), when present

    bool isKernelThread() const { return (flags & kPfKthread) != 0; }
};

// Fields up to (24) rss are required (every kernel since 2.6 prints them); later ones are optional.
Result<PidStat> parsePidStat(std::string_view text);

// Fast path for the sampler: the same fields, written into `out` without allocating when the
// comm is unchanged. Returns Error::None on success.
Error parsePidStatInto(std::string_view text, PidStat& out);

} // namespace pg
