// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Whether an interrupt's or a softirq's load is spread as the kernel allows, with the reason in
// words (the table's tooltip, the CSV's balance column). Pure: no file is read here.
//
// The rules, in order:
//   1. Too few events: not judged. A share computed from a handful of events is noise (HRTIMER
//      after 1 event, TASKLET after 15 showed "100 % on CPU 1"). Judged only with at least
//      kBalanceMinTotalEvents since boot AND, when there is a window (two samples), at least
//      kBalanceMinWindowEvents in it: below 100 events a share moves by 1 % or more per event,
//      and at under 100 interrupts per window the load is too small for its spread to matter.
//   2. The CPUs allowed are the effective affinity (where the interrupt controller delivers it),
//      else smp_affinity_list, else the driver's affinity_hint, else every online CPU (softirqs:
//      they run on whichever CPU raised them). One allowed CPU is never flagged: one CPU taking
//      all is what the kernel was told to do (x86 delivers each MSI to one CPU at a time).
//   3. Flagged when one CPU takes >= 90 % although more are allowed (Concentrated), or fewer
//      CPUs than allowed take >= 1 % each (FewerThanAllowed).

#include "core/interrupts/IrqAffinity.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pg {

inline constexpr std::uint64_t kBalanceMinTotalEvents = 1000;
inline constexpr double kBalanceMinWindowEvents = 100;

struct BalanceInput
{
    int irq = -1; // -1: a softirq (or a named row such as LOC)
    std::vector<int> cpuIds; // online CPUs, the header's columns
    std::vector<std::uint64_t> counts; // since boot, aligned with cpuIds
    // Events per CPU over the last window (rate x elapsed), aligned with cpuIds; empty when there
    // is only one sample: then the counts since boot are judged.
    std::vector<double> windowCounts;
    const IrqAffinity* affinity = nullptr; // null: any online CPU may take it
    std::optional<bool> irqbalanceRunning;
    // Non-empty: the counts came from elsewhere (a PCP host or recording, as its snapshot names
    // it): the advice names the machine it applies to, not this one.
    std::string source;
};

struct BalanceVerdict
{
    bool flagged = false;
    BalanceFinding finding; // kind None unless flagged
    // Stable word for the CSV: "balanced", "concentrated", "fewer_cpus", "single_cpu",
    // "too_few_events", "no_data".
    std::string label;
    std::string reason; // one or two sentences: why (not) flagged, and what to change
};

BalanceVerdict judgeBalance(const BalanceInput& input);

} // namespace pg
