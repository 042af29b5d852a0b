// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The process table from a PCP feed (a host's pmcd): one fetch per tick of pmdaproc's metrics and
// the system figures the summary strip shows, mapped by processTableFromPcp (CPU % and I/O rates
// from this fetch and the one before it, over the host's timestamps; a process is its pid and
// start time there as here) and summaryFromPcp. proc.io.* is fetched only while the table's I/O
// columns are shown. A host that refuses or cannot be reached gives an empty table whose listError
// says why. Nothing here reads the local /proc.

#include "core/sampler/PcpFeed.h"
#include "core/sampler/ProcessSource.h"
#include "core/system/SystemOverview.h"

#include <optional>

namespace pg {

class PcpProcessSource final : public ProcessSource
{
public:
    explicit PcpProcessSource(std::shared_ptr<PcpFeed> feed);
    ~PcpProcessSource() override;

    std::shared_ptr<const ProcessSnapshot> refresh() override;
    void setReadIo(bool on) override;
    void rereadInFull(int) override { } // pmdaproc reads every process in full each fetch

    // The metrics of one fetch: the process table's (without proc.io.* unless `readIo`), and the
    // system figures' when `withSystem`. Each name once.
    static std::vector<PcpMetricRequest> metricsFor(bool readIo, bool withSystem);

private:
    ProcessSnapshot fetchSnapshot();
    void rebuildMetrics();

    std::shared_ptr<PcpFeed> m_feed;
    bool m_readIo = false;
    // The system figures come in the same fetch, until a host refuses one of them (an older
    // pmdalinux without a metric fails the whole fetch): then the table is fetched alone.
    bool m_withSystem = true;
    std::vector<PcpMetricRequest> m_metrics;
    std::uint64_t m_sequence = 0;
    std::optional<SystemOverview> m_previousSystem; // of the previous fetch, for the CPU busy %
    double m_previousTimeSec = 0; // that fetch's timestamp
};

} // namespace pg
