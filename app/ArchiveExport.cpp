// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArchiveExport.h"

#include "PcpModuleLoader.h"
#include "core/export/ProcessCsv.h"
#include "core/export/SystemCsv.h"
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

HostTableOutcome interrupts(
    PcpArchiveSession& archive, const std::string& name, double sec, bool softirqs)
{
    const TwoSamples s
        = samplesAt(archive, softirqs ? pcpSoftirqsMetrics() : pcpInterruptsMetrics(), sec);
    if (!s.error.empty())
        return { {}, s.error };
    HostTableOutcome outcome
        = interruptsTableFromFetch(s.now, s.before ? &*s.before : nullptr, softirqs, name);
    if (outcome.error.empty() && !s.before)
        outcome.warnings.insert(
            outcome.warnings.begin(), "rate_per_s is empty: this is the archive's first sample");
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
    case ExportTableId::Softirqs:
        return interrupts(*archive, name, *when.sec, id == ExportTableId::Softirqs);
    case ExportTableId::System:
        return system(*archive, name, *when.sec);
    default:
        return { {}, "not available from a PCP archive" };
    }
}

} // namespace pg
