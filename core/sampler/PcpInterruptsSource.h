// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Interrupts from a PCP feed: kernel.percpu.interrupts (with each IRQ's chip and devices from its
// irqtext label) and kernel.percpu.softirqs in one fetch, mapped by interruptsFromPcp and
// softirqsFromPcp, the rates by the same IrqRates as for /proc over the host's timestamps. A host
// without softirqs: softirqsError is FileMissing. No affinity or /sys topology from PCP (the
// topology stays null).

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
    IrqRates m_softirqRates;
    // The softirqs come in the same fetch until a host fails it (an older pmdalinux without
    // kernel.percpu.softirqs): then the interrupts are fetched alone.
    bool m_withSoftirqs = true;
    std::vector<PcpMetricRequest> m_metrics;
    std::optional<double> m_lastTimeSec; // the host's timestamp of the fetch rated last
    std::uint64_t m_sequence = 0;
};

} // namespace pg
