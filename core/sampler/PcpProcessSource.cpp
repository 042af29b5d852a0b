// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/PcpProcessSource.h"

#include "core/pcp/PcpProcesses.h"
#include "core/pcp/PcpSummary.h"
#include "core/pcp/PcpSystem.h"

#include <ctime>
#include <set>

namespace pg {

namespace {

double clockMs(clockid_t clock)
{
    timespec ts {};
    ::clock_gettime(clock, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

} // namespace

PcpProcessSource::PcpProcessSource(std::shared_ptr<PcpFeed> feed)
    : m_feed(std::move(feed))
{
    rebuildMetrics();
}

PcpProcessSource::~PcpProcessSource() = default;

std::vector<PcpMetricRequest> PcpProcessSource::metricsFor(bool readIo, bool withSystem)
{
    std::vector<PcpMetricRequest> out;
    std::set<std::string> seen;
    auto add = [&](const PcpMetricRequest& m) {
        if (seen.insert(m.name).second)
            out.push_back(m);
    };
    for (const PcpMetricRequest& m : pcpProcessMetrics()) {
        if (readIo || !m.name.starts_with("proc.io."))
            add(m);
    }
    if (withSystem) {
        for (const PcpMetricRequest& m : pcpSystemMetrics())
            add(m);
    }
    return out;
}

void PcpProcessSource::setReadIo(bool on)
{
    if (on == m_readIo)
        return;
    m_readIo = on;
    rebuildMetrics();
}

void PcpProcessSource::rebuildMetrics()
{
    m_metrics = metricsFor(m_readIo, m_withSystem);
}

std::shared_ptr<const ProcessSnapshot> PcpProcessSource::refresh()
{
    return std::make_shared<const ProcessSnapshot>(fetchSnapshot());
}

ProcessSnapshot PcpProcessSource::fetchSnapshot()
{
    const double cpuStart = clockMs(CLOCK_THREAD_CPUTIME_ID);
    const double wallStart = clockMs(CLOCK_MONOTONIC);
    const std::string& host = m_feed->source();
    PcpFeedFetch fetched = m_feed->fetch(PcpStream::Processes, m_metrics);
    if (!fetched.error.empty() && m_withSystem) {
        // The table alone may work where table + system figures do not (a metric the host lacks).
        PcpFeedFetch alone = m_feed->fetch(PcpStream::Processes, metricsFor(m_readIo, false));
        if (alone.error.empty()) {
            m_withSystem = false;
            rebuildMetrics();
            fetched = std::move(alone);
        }
    }

    ProcessSnapshot snap;
    if (!fetched.error.empty()) {
        snap.listError = fetched.error;
        snap.procRoot = host;
        m_previousSystem.reset();
    } else {
        PcpProcessTable table = processTableFromPcp(*fetched.now, fetched.before.get(), host);
        if (!table.error.empty()) {
            snap.listError = table.error;
            snap.procRoot = host;
        } else {
            snap = std::move(table.snapshot);
        }
        if (m_withSystem) {
            SystemOverview system = systemFromPcp(*fetched.now, host).overview;
            // The previous overview is the one of `before` unless the feed jumped (a replay).
            const bool continuous = fetched.before && m_previousSystem
                && m_previousTimeSec == fetched.before->timestampSec;
            // After a jump, the CPU busy % of the moment shown: from `before` (a replay paused
            // or seeking shows the same CPU % as it played through that moment).
            std::optional<SystemOverview> jumpedFrom;
            if (!continuous && fetched.before)
                jumpedFrom = systemFromPcp(*fetched.before, host).overview;
            snap.system = summaryFromPcp(
                system, continuous ? &*m_previousSystem : (jumpedFrom ? &*jumpedFrom : nullptr));
            m_previousSystem = std::move(system);
            m_previousTimeSec = fetched.now->timestampSec;
        } else {
            snap.system.statError = snap.system.memInfoError = snap.system.loadAvgError
                = snap.system.uptimeError = Error::FileMissing;
        }
    }
    snap.sequence = ++m_sequence;
    snap.samplerCpuMs = clockMs(CLOCK_THREAD_CPUTIME_ID) - cpuStart;
    snap.samplerWallMs = clockMs(CLOCK_MONOTONIC) - wallStart;
    return snap;
}

} // namespace pg
