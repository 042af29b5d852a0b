// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostExport.h"

#include "PcpModuleLoader.h"
#include "core/export/InterruptsCsv.h"
#include "core/export/ProcessCsv.h"
#include "core/export/SoftirqsCsv.h"
#include "core/export/SystemCsv.h"
#include "core/interrupts/InterruptsSnapshot.h"
#include "core/pcp/PcpInterrupts.h"
#include "core/pcp/PcpProcesses.h"
#include "core/pcp/PcpSystem.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace pg {

namespace {

void pause(int intervalMs)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(intervalMs));
}

HostTableOutcome processesFromHost(PcpSession& session, const std::string& host, int intervalMs)
{
    PcpFetchOutcome first = session.fetch(pcpProcessMetrics());
    if (!first.error.empty())
        return { {}, first.error };
    // A host that refuses per-process metrics says so at once, not after the interval.
    PcpProcessTable probe = processTableFromPcp(first.fetch, nullptr, host);
    if (!probe.error.empty())
        return { {}, probe.error };
    pause(intervalMs);
    const PcpFetchOutcome second = session.fetch(pcpProcessMetrics());
    if (!second.error.empty())
        return { {}, second.error };
    return processTableFromFetch(second.fetch, &first.fetch, host);
}

HostTableOutcome interruptsFromHost(
    PcpSession& session, const std::string& host, int intervalMs, bool intervalSet, bool softirqs)
{
    const auto& metrics = softirqs ? pcpSoftirqsMetrics() : pcpInterruptsMetrics();
    PcpFetchOutcome first = session.fetch(metrics);
    if (!first.error.empty())
        return { {}, first.error };
    if (!intervalSet) {
        HostTableOutcome outcome = interruptsTableFromFetch(first.fetch, nullptr, softirqs, host);
        if (outcome.error.empty())
            outcome.warnings.insert(outcome.warnings.begin(),
                "rate_per_s is empty: a rate needs two samples; pass --interval MS");
        return outcome;
    }
    pause(intervalMs);
    const PcpFetchOutcome second = session.fetch(metrics);
    if (!second.error.empty())
        return { {}, second.error };
    return interruptsTableFromFetch(second.fetch, &first.fetch, softirqs, host);
}

HostTableOutcome systemFromHost(PcpSession& session, const std::string& host)
{
    const PcpFetchOutcome fetched = session.fetch(pcpSystemMetrics());
    if (!fetched.error.empty())
        return { {}, fetched.error };
    return systemTableFromFetch(fetched.fetch, host);
}

} // namespace

HostTableOutcome processTableFromFetch(
    const PcpFetch& now, const PcpFetch* before, const std::string& source)
{
    PcpProcessTable table = processTableFromPcp(now, before, source);
    if (!table.error.empty())
        return { {}, table.error };
    HostTableOutcome outcome { processesToCsv(table.snapshot), {}, table.notes };
    for (std::string& line : processExportWarnings(table.snapshot))
        outcome.warnings.push_back(std::move(line));
    return outcome;
}

HostTableOutcome interruptsTableFromFetch(
    const PcpFetch& now, const PcpFetch* before, bool softirqs, const std::string& source)
{
    // The rates over the host's own timestamps: the counters' deltas over the time pmcd saw
    // between the two fetches.
    InterruptsSnapshot snap;
    IrqRates rates;
    for (const PcpFetch* f : { before, &now }) {
        if (!f)
            continue;
        if (softirqs) {
            PcpSoftirqsTable table = softirqsFromPcp(*f, source);
            if (!table.error.empty())
                return { {}, table.error };
            snap.softirqs = std::move(table.softirqs);
            snap.softirqRates = rates.update(
                f->timestampSec, snap.softirqs.cpuIds, IrqRates::views(snap.softirqs.rows));
        } else {
            PcpInterruptsTable table = interruptsFromPcp(*f, source);
            if (!table.error.empty())
                return { {}, table.error };
            snap.interrupts = std::move(table.interrupts);
            snap.irqRates = rates.update(
                f->timestampSec, snap.interrupts.cpuIds, IrqRates::views(snap.interrupts.rows));
        }
    }
    if (softirqs)
        return { softirqsToCsv(snap.softirqs, &snap.softirqRates), {} };
    HostTableOutcome outcome { interruptsSnapshotToCsv(snap), {} };
    const bool described = std::any_of(snap.interrupts.rows.begin(), snap.interrupts.rows.end(),
        [](const InterruptRow& r) { return !r.chip.empty() || !r.description.empty(); });
    if (!described)
        outcome.warnings.push_back("chip, hwirq, trigger and devices are empty: " + source
            + " has no irqtext labels for kernel.percpu.interrupts (a v2 archive keeps none)");
    outcome.warnings.push_back("affinity, effective_affinity and attached_to are empty: PCP has "
                               "no IRQ affinity and no /sys topology");
    return outcome;
}

HostTableOutcome systemTableFromFetch(const PcpFetch& fetch, const std::string& source)
{
    PcpSystemTable table = systemFromPcp(fetch, source);
    if (!table.error.empty())
        return { {}, table.error };
    return { systemToCsv(table.overview), {}, table.notes };
}

std::string hostExportProblem(ExportTableId id, bool withPid)
{
    switch (id) {
    case ExportTableId::Processes:
    case ExportTableId::Interrupts:
    case ExportTableId::System:
        return {};
    case ExportTableId::Memory:
        return withPid ? "not available from PCP: export memory PID is a process's per-mapping "
                         "map, and PCP has only its totals (proc.smaps.*)"
                       : "not available from PCP yet: export memory (the census) reads every "
                         "smaps_rollup; this version exports processes, interrupts, softirqs and "
                         "system";
    case ExportTableId::Softirqs:
        return {};
    }
    return "not available from PCP";
}

HostTableOutcome exportFromHost(
    ExportTableId id, const std::string& host, int intervalMs, bool intervalSet)
{
    std::string error;
    const std::unique_ptr<PcpSession> session = openPcpSession(host, &error);
    if (!session)
        return { {}, error };
    switch (id) {
    case ExportTableId::Processes:
        return processesFromHost(*session, host, intervalMs);
    case ExportTableId::Interrupts:
    case ExportTableId::Softirqs:
        return interruptsFromHost(
            *session, host, intervalMs, intervalSet, id == ExportTableId::Softirqs);
    case ExportTableId::System:
        return systemFromHost(*session, host);
    default:
        return { {}, hostExportProblem(id, false) };
    }
}

} // namespace pg
