// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/softirqs, proc(5) "/proc/softirqs": one row per softirq kind (HI, TIMER, NET_TX, NET_RX,
// BLOCK, IRQ_POLL, TASKLET, SCHED, HRTIMER, RCU) with one count per *possible* CPU.

#include "core/base/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

struct SoftirqRow
{
    std::string name; // "NET_RX"
    std::vector<std::uint64_t> counts; // one per header CPU
    std::uint64_t total() const;
};

struct Softirqs
{
    std::vector<int> cpuIds;
    std::vector<SoftirqRow> rows;
};

Result<Softirqs> parseSoftirqs(std::string_view text);

// One line saying what the kernel does in this softirq; empty for a kind this build does not know.
std::string_view softirqDescription(std::string_view name);

} // namespace pg
