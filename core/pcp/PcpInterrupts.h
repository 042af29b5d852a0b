// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/interrupts as pmdalinux gives it: kernel.percpu.interrupts, one instance per (IRQ, CPU)
// named "24::cpu0" or "NMI::cpu1" (the same row names as the file), plus ERR and MIS from
// kernel.all.interrupts.errors and .missed. The chip, hwirq, trigger and device names are in the
// instances' labels (irqtext), which this version does not read: those fields stay empty.

#include "core/interrupts/Interrupts.h"
#include "core/pcp/PcpFetch.h"

#include <string>
#include <vector>

namespace pg {

struct PcpInterruptsTable
{
    Interrupts interrupts;
    std::string error; // non-empty: no table
};

const std::vector<PcpMetricRequest>& pcpInterruptsMetrics();

PcpInterruptsTable interruptsFromPcp(const PcpFetch& fetch, const std::string& host);

// "24::cpu0" -> ("24", 0); false for a name without "::cpuN".
bool splitIrqInstance(std::string_view name, std::string* irq, int* cpu);

} // namespace pg
