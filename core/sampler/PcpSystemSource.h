// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The System overview from a PCP feed: built on the process sampler's fetch of this moment when it
// carried the system figures (one fetch per tick for both pages), else from a fetch of
// pcpSystemMetrics() of its own. systemFromPcp maps it; the rates (CPU shares, context switches,
// forks, interrupts per second) come from SystemOverviewCollector::withRates over the host's
// timestamps, the same code as for /proc. vmstat, disks, network, modules and /proc/version are
// not fetched in this version: their tabs say so.

#include "core/sampler/PcpFeed.h"
#include "core/sampler/SystemSource.h"

#include <memory>
#include <optional>

namespace pg {

class PcpSystemSource final : public SystemSource
{
public:
    explicit PcpSystemSource(std::shared_ptr<PcpFeed> feed);
    ~PcpSystemSource() override;

    SystemOverview sample(const ProcessSnapshot* tick) override;

private:
    SystemOverview rated(const PcpFeedFetch& fetched, bool* restarted);

    std::shared_ptr<PcpFeed> m_feed;
    std::unique_ptr<SystemOverviewCollector> m_rates;
    std::optional<double> m_lastTimeSec; // the host's timestamp of the fetch rated last
    std::uint64_t m_sequence = 0;
};

} // namespace pg
