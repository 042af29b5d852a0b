// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/interrupts/IrqBalance.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace pg {

namespace {

std::string percent(double share)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f %%", share * 100);
    return buffer;
}

std::string whatToChange(const BalanceInput& in)
{
    if (in.irq < 0)
        return "Softirqs run on the CPU that raised them, usually the one that took the device's "
               "interrupt: spread the device's IRQs, or for network receive set RPS "
               "(/sys/class/net/IFACE/queues/rx-*/rps_cpus).";
    std::string text = "To change it, write a CPU list to /proc/irq/" + std::to_string(in.irq)
        + "/smp_affinity_list as root"
        + (in.source.empty() ? std::string(".")
                             : " on the machine these counts come from (" + in.source + ").");
    if (in.irqbalanceRunning == true)
        text += " irqbalance is running and rewrites affinities every few seconds: ban CPUs with "
                "IRQBALANCE_BANNED_CPULIST or stop it before pinning by hand.";
    else if (in.irqbalanceRunning == false)
        text += " irqbalance is not running: starting it spreads IRQs automatically.";
    return text;
}

} // namespace

BalanceVerdict judgeBalance(const BalanceInput& in)
{
    BalanceVerdict v;
    const std::size_t n = in.cpuIds.size();
    if (n == 0 || in.counts.size() != n) {
        v.label = "no_data";
        v.reason = "Not judged: no per-CPU counts.";
        return v;
    }
    std::uint64_t total = 0;
    for (std::uint64_t c : in.counts)
        total = c > UINT64_MAX - total ? UINT64_MAX : total + c;
    const bool hasWindow = in.windowCounts.size() == n;
    double window = 0;
    for (double c : in.windowCounts)
        window += c;
    if (total < kBalanceMinTotalEvents) {
        v.label = "too_few_events";
        v.reason = "Not judged: " + std::to_string(total) + " events since boot; at least "
            + std::to_string(kBalanceMinTotalEvents) + " are needed for a share to mean something.";
        return v;
    }
    if (hasWindow && window < kBalanceMinWindowEvents) {
        v.label = "too_few_events";
        v.reason = "Not judged: " + std::to_string(static_cast<long long>(std::llround(window)))
            + " events in the last interval; at least "
            + std::to_string(static_cast<int>(kBalanceMinWindowEvents))
            + " are needed for the spread to matter.";
        return v;
    }

    const IrqAffinity none;
    const IrqAffinity& affinity = in.affinity ? *in.affinity : none;
    const AllowedCpus allowed = allowedCpus(affinity);
    const bool known = allowed.source[0] != '\0';
    std::vector<int> online;
    for (int id : in.cpuIds) {
        if (!known || std::binary_search(allowed.cpus.begin(), allowed.cpus.end(), id))
            online.push_back(id);
    }
    const std::string basis = known
        ? std::string(allowed.source) + " = " + formatCpuList(allowed.cpus)
        : (in.irq < 0 ? std::string("any online CPU may run a softirq")
                      : std::string("affinity unknown: every online CPU counted as allowed"));
    if (known && online.size() <= 1) {
        v.label = "single_cpu";
        v.reason = "Not flagged: the kernel allows only "
            + (online.empty() ? std::string("offline CPUs") : "CPU " + std::to_string(online[0]))
            + " (" + basis + "); one CPU taking all of it is what it was told to do. "
            + whatToChange(in);
        return v;
    }

    std::vector<double> basisCounts = in.windowCounts;
    if (!hasWindow)
        basisCounts.assign(in.counts.begin(), in.counts.end());
    const BalanceFinding f = assessBalance(in.cpuIds, basisCounts, affinity);
    const std::string over = hasWindow ? "in the last interval" : "since boot";
    switch (f.kind) {
    case BalanceFinding::Kind::Concentrated:
        v.flagged = true;
        v.finding = f;
        v.label = "concentrated";
        v.reason = "Flagged: CPU " + std::to_string(f.cpu) + " takes " + percent(f.share) + " "
            + over + " although " + std::to_string(f.allowedOnline) + " online CPUs are allowed ("
            + basis + "). " + whatToChange(in);
        break;
    case BalanceFinding::Kind::FewerThanAllowed:
        v.flagged = true;
        v.finding = f;
        v.label = "fewer_cpus";
        v.reason = "Flagged: only " + std::to_string(f.used) + " of "
            + std::to_string(f.allowedOnline) + " allowed online CPUs take it " + over + " ("
            + basis + "). " + whatToChange(in);
        break;
    case BalanceFinding::Kind::None:
        v.label = "balanced";
        v.reason = "Not flagged: " + std::to_string(f.used) + " of "
            + std::to_string(f.allowedOnline) + " allowed online CPUs share it " + over
            + " and none takes 90 % or more (" + basis + ").";
        break;
    }
    return v;
}

} // namespace pg
