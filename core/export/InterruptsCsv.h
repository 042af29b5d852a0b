// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The interrupts table (`procglass export interrupts`, File > Export snapshot...) as CSV.

#include "core/export/CsvTable.h"
#include "core/interrupts/Interrupts.h"
#include "core/interrupts/InterruptsSnapshot.h"

namespace pg {

// irq,cpu0,...,cpuN (named from the header, so gaps stay visible), total,chip,hwirq,trigger,
// devices. Named rows put their description in "devices"; ERR and MIS leave the per-CPU columns
// empty and fill only "total".
CsvTable interruptsToCsv(const Interrupts& interrupts);

// What `procglass export interrupts` and the window write: interruptsToCsv's columns, then
//   rate_per_s          interrupts/s over the last interval; empty without two samples
//   affinity            smp_affinity_list ("0-3"); empty for named rows or when unreadable
//   effective_affinity  effective_affinity_list; empty likewise
//   attached_to         the device the IRQ serves ("eth0 input.0", "vda req.0", "nvme0n1 q3")
//   balance             judgeBalance's label: balanced, concentrated, fewer_cpus, single_cpu,
//                       too_few_events, no_data
CsvTable interruptsSnapshotToCsv(const InterruptsSnapshot& snapshot);

// Per-second rate with three decimals ("12.500"), as the CSVs print it.
std::string csvRate(double perSecond);

} // namespace pg
