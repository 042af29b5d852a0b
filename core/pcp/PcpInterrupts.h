// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/interrupts as pmdalinux gives it: kernel.percpu.interrupts, one instance per (IRQ, CPU)
// named "24::cpu0" or "NMI::cpu1" (the same row names as the file), plus ERR and MIS from
// kernel.all.interrupts.errors and .missed. The chip, hwirq, trigger and device names (a named
// row's description) come from each instance's label irqtext, the text the file prints after the
// counts; a v2 archive has no labels, and those fields stay empty. /proc/softirqs is
// kernel.percpu.softirqs, instances "NET_RX::cpu0".

#include "core/interrupts/Interrupts.h"
#include "core/interrupts/Softirqs.h"
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

struct PcpSoftirqsTable
{
    Softirqs softirqs;
    std::string error; // non-empty: no table
};

const std::vector<PcpMetricRequest>& pcpSoftirqsMetrics();

PcpSoftirqsTable softirqsFromPcp(const PcpFetch& fetch, const std::string& host);

// "24::cpu0" -> ("24", 0); false for a name without "::cpuN".
bool splitIrqInstance(std::string_view name, std::string* irq, int* cpu);

} // namespace pg
