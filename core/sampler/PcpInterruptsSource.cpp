// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/PcpInterruptsSource.h"

#include "core/pcp/PcpInterrupts.h"

namespace pg {

PcpInterruptsSource::PcpInterruptsSource(std::shared_ptr<PcpFeed> feed)
    : m_feed(std::move(feed))
{ }

PcpInterruptsSource::~PcpInterruptsSource() = default;

InterruptsSnapshot PcpInterruptsSource::sample()
{
    InterruptsSnapshot snap;
    snap.sequence = ++m_sequence;
    snap.softirqsError = Error::FileMissing; // kernel.percpu.softirqs: a later version
    const std::string& host = m_feed->source();
    snap.remoteHost = host;
    const PcpFeedFetch fetched = m_feed->fetch(PcpStream::Interrupts, pcpInterruptsMetrics());
    PcpInterruptsTable table;
    if (fetched.error.empty())
        table = interruptsFromPcp(*fetched.now, host);
    const std::string& error = fetched.error.empty() ? table.error : fetched.error;
    if (!error.empty()) {
        snap.interruptsError = Error::IoError;
        snap.sourceError = error;
        m_lastTimeSec.reset();
        return snap;
    }
    // Rates run on from the fetch rated last; after a gap or a jump (a replay), from `before`.
    const bool continuous
        = m_lastTimeSec && fetched.before && *m_lastTimeSec == fetched.before->timestampSec;
    if (!continuous) {
        m_rates.clear();
        if (fetched.before) {
            const PcpInterruptsTable before = interruptsFromPcp(*fetched.before, host);
            if (before.error.empty())
                (void)m_rates.update(fetched.before->timestampSec, before.interrupts.cpuIds,
                    IrqRates::views(before.interrupts.rows));
        }
    }
    snap.interrupts = std::move(table.interrupts);
    snap.irqRates = m_rates.update(
        fetched.now->timestampSec, snap.interrupts.cpuIds, IrqRates::views(snap.interrupts.rows));
    m_lastTimeSec = fetched.now->timestampSec;
    return snap;
}

} // namespace pg
