// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The /proc/vmstat events (proc(5), mm/vmstat.c) after which a process that has not run can have
// another resident size: reclaim scanning and taking pages (pgscan_*, pgsteal_*: unmapped from
// whoever mapped them), swapping out and in (pswpout, pswpin, zswpout, zswpin: swapoff brings
// pages back into every process), khugepaged collapsing a range into a huge page
// (thp_collapse_alloc) and a huge page split (thp_split_page), and the OOM killer (oom_kill). The
// process collector reads statm of a sleeping process again when their sum moves
// (ProcessCollector.h). They are event counters (per-CPU, summed when the file is read), not the
// nr_* gauges whose per-CPU deltas reach the file late.

#include "core/base/Result.h"

#include <cstdint>
#include <string_view>

namespace pg {

struct ReclaimEvents
{
    std::uint64_t sum = 0; // of every counter named above; only compared, wraps harmlessly
    int counters = 0; // how many of them the file has
};

// Empty for an empty file, BadFormat when it holds none of the counters (a kernel built without
// CONFIG_VM_EVENT_COUNTERS prints only nr_* gauges), BadNumber for a counter that is no number.
Result<ReclaimEvents> parseReclaimEvents(std::string_view vmstatText);

} // namespace pg
