// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Interrupts from a PCP feed: kernel.percpu.interrupts mapped by interruptsFromPcp, the rates by
// the same IrqRates as for /proc over the host's timestamps. No softirqs, affinity or /sys
// topology from PCP in this version (softirqsError is FileMissing; the topology stays null).

#include "core/interrupts/IrqRates.h"
#include "core/sampler/InterruptsSource.h"
#include "core/sampler/PcpFeed.h"

#include <memory>
#include <optional>

namespace pg {

class PcpInterruptsSource final : public InterruptsSource
{
public:
    explicit PcpInterruptsSource(std::shared_ptr<PcpFeed> feed);
    ~PcpInterruptsSource() override;

    InterruptsSnapshot sample() override;

private:
    std::shared_ptr<PcpFeed> m_feed;
    IrqRates m_rates;
    std::optional<double> m_lastTimeSec; // the host's timestamp of the fetch rated last
    std::uint64_t m_sequence = 0;
};

} // namespace pg
