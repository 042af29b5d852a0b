// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/irq/N/smp_affinity_list and effective_affinity_list (Documentation/core-api/irq/
// irq-affinity.rst): the CPUs an interrupt may be delivered to, as a CPU list "0-3,8,10-11".

#include "core/base/Result.h"

#include <string>
#include <string_view>
#include <vector>

namespace pg {

// Largest CPU id accepted in a list (NR_CPUS tops out at 8192).
inline constexpr int kMaxCpuId = 8191;

// "0-3,8" -> {0,1,2,3,8}, sorted and unique. An empty list (a file holding just "\n") is an empty
// vector: some interrupts have no effective CPU yet.
Result<std::vector<int>> parseCpuList(std::string_view text);

// A hex CPU mask as /proc/irq/N/affinity_hint prints it, 32-bit words separated by commas, most
// significant first: "00000000,00000003" -> {0,1}. All zeros is an empty vector (no hint).
Result<std::vector<int>> parseCpuMask(std::string_view text);

// {0,1,2,3,8} -> "0-3,8".
std::string formatCpuList(const std::vector<int>& cpus);

struct IrqAffinity
{
    bool allowedKnown = false; // smp_affinity_list was readable
    std::vector<int> allowed;
    bool effectiveKnown = false; // effective_affinity_list was readable (kernels >= 4.15, x86/arm)
    std::vector<int> effective;
    // Why a *Known is false (FileMissing, PermissionDenied, BadFormat...): unknown, never "none".
    Error allowedError = Error::None;
    Error effectiveError = Error::None;
    // affinity_hint: the CPUs the driver suggests (irqbalance follows it); an all-zero mask is
    // known and empty (no hint). Read by readIrqAffinityHint only.
    bool hintKnown = false;
    std::vector<int> hint;
    Error hintError = Error::FileMissing;
    // node: the NUMA node of the device, -1 when it has none.
    bool nodeKnown = false;
    int node = -1;
    Error nodeError = Error::FileMissing;
};

// Reads /proc/irq/<irq>/{smp_affinity_list,effective_affinity_list} under `procRoot`. Missing or
// unreadable files leave the matching *Known false; they are not an error (non-root users cannot
// read some, and chained interrupts have none).
IrqAffinity readIrqAffinity(const std::string& procRoot, int irq);

// Adds /proc/irq/<irq>/{affinity_hint,node} to `affinity`: they change only when a driver is
// (re)bound, so the collector reads them with the IRQ's topology, not on the affinity cadence.
void readIrqAffinityHint(const std::string& procRoot, int irq, IrqAffinity& affinity);

// The CPUs the kernel lets this IRQ use, most specific first: the effective affinity (where the
// interrupt controller actually delivers it), else smp_affinity_list, else the driver's hint.
// Empty `source` when none is known.
struct AllowedCpus
{
    std::vector<int> cpus;
    const char* source = ""; // "effective_affinity_list", "smp_affinity_list", "affinity_hint"
};
AllowedCpus allowedCpus(const IrqAffinity& affinity);

// Whether an interrupt's load matches what its affinity allows. `perCpu` is aligned with `cpuIds`
// (interrupts/s, or counts since boot when there is no rate yet).
struct BalanceFinding
{
    enum class Kind {
        None, // balanced, idle, or nothing to compare
        Concentrated, // one CPU takes nearly all (>= 90 %) though more are allowed
        FewerThanAllowed, // the affinity allows more online CPUs than take the interrupt
    };
    Kind kind = Kind::None;
    int cpu = -1; // Concentrated: the CPU taking them
    double share = 0; // Concentrated: its share, 0..1
    int allowedOnline = 0; // online CPUs allowed (allowedCpus(); all online CPUs when unknown)
    int used = 0; // CPUs taking at least 1 % of the interrupts
};

inline constexpr double kConcentratedShare = 0.9;

BalanceFinding assessBalance(
    const std::vector<int>& cpuIds, const std::vector<double>& perCpu, const IrqAffinity& affinity);

} // namespace pg
