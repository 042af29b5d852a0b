// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArchiveExport.h"

#include "PcpModuleLoader.h"
#include "core/export/InterruptsCsv.h"
#include "core/export/ProcessCsv.h"
#include "core/export/SystemCsv.h"
#include "core/interrupts/InterruptsSnapshot.h"
#include "core/pcp/ArchiveTime.h"
#include "core/pcp/PcpInterrupts.h"
#include "core/pcp/PcpProcesses.h"
#include "core/pcp/PcpSystem.h"

#include <optional>

namespace pg {

namespace {

struct TwoSamples
{
    PcpFetch now;
    std::optional<PcpFetch> before; // none when `now` is the archive's first sample
    std::string error;
};

// The sample at or before `sec` and the one before it, of `metrics`.
TwoSamples samplesAt(
    PcpArchiveSession& archive, const std::vector<PcpMetricRequest>& metrics, double sec)
{
    TwoSamples out;
    if (std::string problem = archive.seekBack(sec); !problem.empty())
        return { {}, {}, problem };
    PcpFetchOutcome now = archive.fetch(metrics);
    if (!now.error.empty())
        return { {}, {}, now.error };
    out.now = std::move(now.fetch);
    PcpFetchOutcome before = archive.fetch(metrics);
    if (before.error.empty())
        out.before = std::move(before.fetch);
    return out;
}

HostTableOutcome processes(PcpArchiveSession& archive, const std::string& name, double sec)
{
    const TwoSamples s = samplesAt(archive, pcpProcessMetrics(), sec);
    if (!s.error.empty())
        return { {}, s.error };
    return processTableFromFetch(s.now, s.before ? &*s.before : nullptr, name);
}

HostTableOutcome interrupts(PcpArchiveSession& archive, const std::string& name, double sec)
{
    const TwoSamples s = samplesAt(archive, pcpInterruptsMetrics(), sec);
    if (!s.error.empty())
        return { {}, s.error };
    InterruptsSnapshot snap;
    IrqRates rates;
    for (const PcpFetch* f : { s.before ? &*s.before : nullptr, &s.now }) {
        if (!f)
            continue;
        PcpInterruptsTable table = interruptsFromPcp(*f, name);
        if (!table.error.empty())
            return { {}, table.error };
        snap.interrupts = std::move(table.interrupts);
        snap.irqRates = rates.update(
            f->timestampSec, snap.interrupts.cpuIds, IrqRates::views(snap.interrupts.rows));
    }
    HostTableOutcome outcome { interruptsSnapshotToCsv(snap), {} };
    if (!s.before)
        outcome.warnings.push_back("rate_per_s is empty: this is the archive's first sample");
    outcome.warnings.push_back("chip, hwirq, trigger, devices, affinity, effective_affinity and "
                               "attached_to are empty from a PCP archive");
    return outcome;
}

HostTableOutcome system(PcpArchiveSession& archive, const std::string& name, double sec)
{
    const TwoSamples s = samplesAt(archive, pcpSystemMetrics(), sec);
    if (!s.error.empty())
        return { {}, s.error };
    return systemTableFromFetch(s.now, name);
}

} // namespace

HostTableOutcome exportFromArchive(ExportTableId id, const std::string& path, const std::string& at)
{
    std::string error;
    const std::unique_ptr<PcpArchiveSession> archive = openPcpArchive(path, &error);
    if (!archive)
        return { {}, error };
    const ArchiveTimeOutcome when = parseArchiveTime(at, archive->startSec(), archive->endSec());
    if (!when.sec)
        return { {}, when.error };
    const std::string name = "archive " + path;
    switch (id) {
    case ExportTableId::Processes:
        return processes(*archive, name, *when.sec);
    case ExportTableId::Interrupts:
        return interrupts(*archive, name, *when.sec);
    case ExportTableId::System:
        return system(*archive, name, *when.sec);
    default:
        return { {}, "not available from a PCP archive" };
    }
}

} // namespace pg
