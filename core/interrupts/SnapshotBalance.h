// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The balance verdict of one row of a snapshot, built the same way for the table and the CSV:
// the window is the last interval's per-CPU events (rate x elapsed), the affinity and
// irqbalance's state come from the snapshot's topology.

#include "core/interrupts/InterruptsSnapshot.h"
#include "core/interrupts/IrqBalance.h"

#include <cstddef>

namespace pg {

// Row `row` of snapshot.interrupts; named rows (LOC, NMI...) and ERR/MIS are "no_data".
BalanceVerdict irqRowBalance(const InterruptsSnapshot& snapshot, std::size_t row);
// Row `row` of snapshot.softirqs.
BalanceVerdict softirqRowBalance(const InterruptsSnapshot& snapshot, std::size_t row);

} // namespace pg
