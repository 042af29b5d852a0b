// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/PcpInterruptsSource.h"

#include "core/pcp/PcpInterrupts.h"

namespace pg {

namespace {

std::vector<PcpMetricRequest> metricsFor(bool softirqs)
{
    std::vector<PcpMetricRequest> out = pcpInterruptsMetrics();
    if (softirqs)
        out.insert(out.end(), pcpSoftirqsMetrics().begin(), pcpSoftirqsMetrics().end());
    return out;
}

} // namespace

PcpInterruptsSource::PcpInterruptsSource(std::shared_ptr<PcpFeed> feed)
    : m_feed(std::move(feed))
    , m_metrics(metricsFor(true))
{ }

PcpInterruptsSource::~PcpInterruptsSource() = default;

InterruptsSnapshot PcpInterruptsSource::sample()
{
    InterruptsSnapshot snap;
    snap.sequence = ++m_sequence;
    const std::string& host = m_feed->source();
    snap.remoteHost = host;
    PcpFeedFetch fetched = m_feed->fetch(PcpStream::Interrupts, m_metrics);
    if (!fetched.error.empty() && m_withSoftirqs) {
        // A host whose pmdalinux has no kernel.percpu.softirqs fails the whole fetch: the
        // interrupts alone, from now on.
        PcpFeedFetch alone = m_feed->fetch(PcpStream::Interrupts, metricsFor(false));
        if (alone.error.empty()) {
            m_withSoftirqs = false;
            m_metrics = metricsFor(false);
            fetched = std::move(alone);
        }
    }
    PcpInterruptsTable table;
    if (fetched.error.empty())
        table = interruptsFromPcp(*fetched.now, host);
    const std::string& error = fetched.error.empty() ? table.error : fetched.error;
    if (!error.empty()) {
        snap.interruptsError = Error::IoError;
        snap.softirqsError = Error::IoError;
        snap.sourceError = error;
        m_lastTimeSec.reset();
        return snap;
    }
    // Rates run on from the fetch rated last; after a gap or a jump (a replay), from `before`.
    const bool continuous
        = m_lastTimeSec && fetched.before && *m_lastTimeSec == fetched.before->timestampSec;
    snap.timelineRestarted = pcpTimelineJumped(fetched, m_lastTimeSec);
    if (!continuous) {
        m_rates.clear();
        m_softirqRates.clear();
        if (fetched.before) {
            const PcpInterruptsTable before = interruptsFromPcp(*fetched.before, host);
            if (before.error.empty())
                (void)m_rates.update(fetched.before->timestampSec, before.interrupts.cpuIds,
                    IrqRates::views(before.interrupts.rows));
            const PcpSoftirqsTable softBefore = softirqsFromPcp(*fetched.before, host);
            if (softBefore.error.empty())
                (void)m_softirqRates.update(fetched.before->timestampSec,
                    softBefore.softirqs.cpuIds, IrqRates::views(softBefore.softirqs.rows));
        }
    }
    const double now = fetched.now->timestampSec;
    snap.interrupts = std::move(table.interrupts);
    snap.irqRates
        = m_rates.update(now, snap.interrupts.cpuIds, IrqRates::views(snap.interrupts.rows));
    // Softirqs from the same fetch; a host (or an archive) without them says so on the page.
    PcpSoftirqsTable soft = softirqsFromPcp(*fetched.now, host);
    if (m_withSoftirqs && soft.error.empty()) {
        snap.softirqs = std::move(soft.softirqs);
        snap.softirqRates
            = m_softirqRates.update(now, snap.softirqs.cpuIds, IrqRates::views(snap.softirqs.rows));
    } else {
        snap.softirqsError = Error::FileMissing;
    }
    m_lastTimeSec = now;
    return snap;
}

} // namespace pg
