// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/interrupts, proc(5) "/proc/interrupts" and Documentation/filesystems/proc.rst: the header
// names the online CPUs (ids may have gaps: "CPU0 CPU2 CPU3"); numeric rows carry one count per
// CPU, then the irq chip, hwirq, trigger and the action (device) names; named rows (NMI, LOC, IPI0,
// ...) carry per-CPU counts and a description; ERR and MIS carry a single count.

#include "core/base/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

struct InterruptRow
{
    std::string name; // "0", "24", "NMI", "LOC", "ERR"
    int irq = -1; // the number of a numeric row, -1 for named rows
    std::vector<std::uint64_t> counts; // one per header CPU; a single value for ERR/MIS
    std::string chip; // "IO-APIC", "PCI-MSIX-0000:00:01.0", "GICv3"; empty when not printed
    std::string hwirq; // "2", "524288"; empty when not printed
    std::string trigger; // "edge", "fasteoi", "Level"; empty when not printed
    std::vector<std::string> devices; // action names, may be empty
    std::string description; // named rows: "Local timer interrupts"

    bool singleCount = false; // ERR, MIS: one machine-wide count, not one per CPU
    std::uint64_t total() const; // saturates at 2^64-1: unknown (KernelNumbers.h)
    std::string devicesJoined() const; // "ioc0, vboxguest"
};

struct Interrupts
{
    std::vector<int> cpuIds; // from the header, in column order
    std::vector<InterruptRow> rows; // file order
};

// NR_CPUS tops out at 8192 on the largest configurations.
inline constexpr std::size_t kMaxInterruptCpus = 8192;

Result<Interrupts> parseInterrupts(std::string_view text);

// What follows the counts of a row, into `row`: a numeric row's chip, hwirq, trigger and devices
// ("IO-APIC 2-edge timer"), a named row's description ("Local timer interrupts"). The same text
// PCP carries in the instance label irqtext.
void describeInterruptRow(std::string_view rest, InterruptRow& row);

// Parses a "CPU0 CPU1 ..." header line (shared with /proc/softirqs).
Result<std::vector<int>> parseCpuHeader(std::string_view line);

} // namespace pg
