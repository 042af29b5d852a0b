// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/interrupts/SnapshotBalance.h"

namespace pg {

namespace {

std::vector<double> windowOf(const IrqRateSample& rates, std::size_t row, std::size_t cpus)
{
    std::vector<double> out;
    if (!rates.hasRates || row >= rates.rows.size() || !(rates.elapsedSec > 0))
        return out;
    const RateRow& r = rates.rows[row];
    if (r.fresh || r.cpuRates.size() != cpus)
        return out;
    out.reserve(cpus);
    for (double rate : r.cpuRates)
        out.push_back(rate * rates.elapsedSec);
    return out;
}

} // namespace

BalanceVerdict irqRowBalance(const InterruptsSnapshot& snap, std::size_t row)
{
    const InterruptRow& r = snap.interrupts.rows.at(row);
    if (r.irq < 0 || r.singleCount) {
        BalanceVerdict v;
        v.label = "no_data";
        v.reason = "Not judged: not a device interrupt (it has no affinity).";
        return v;
    }
    BalanceInput in;
    in.irq = r.irq;
    in.cpuIds = snap.interrupts.cpuIds;
    in.counts = r.counts;
    in.windowCounts = windowOf(snap.irqRates, row, in.cpuIds.size());
    if (row < snap.affinity.size())
        in.affinity = &snap.affinity[row];
    if (snap.topology)
        in.irqbalanceRunning = snap.topology->irqbalance.running;
    in.source = snap.remoteHost;
    return judgeBalance(in);
}

BalanceVerdict softirqRowBalance(const InterruptsSnapshot& snap, std::size_t row)
{
    const SoftirqRow& r = snap.softirqs.rows.at(row);
    BalanceInput in;
    in.cpuIds = snap.softirqs.cpuIds;
    in.counts = r.counts;
    in.windowCounts = windowOf(snap.softirqRates, row, in.cpuIds.size());
    return judgeBalance(in);
}

} // namespace pg
