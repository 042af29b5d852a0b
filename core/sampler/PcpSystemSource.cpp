// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/PcpSystemSource.h"

#include "core/pcp/PcpSystem.h"

namespace pg {

namespace {

SystemOverviewCollector::Options noFiles(const std::string& host)
{
    SystemOverviewCollector::Options o;
    o.procRoot = host; // withRates() reads nothing: a name only
    o.sysRoot.clear();
    o.readUname = false;
    return o;
}

bool hasSystemFigures(const PcpFeedFetch& f)
{
    return f.now && f.now->find("mem.physmem") && f.now->find("kernel.all.cpu.user");
}

} // namespace

PcpSystemSource::PcpSystemSource(std::shared_ptr<PcpFeed> feed)
    : m_feed(std::move(feed))
{ }

PcpSystemSource::~PcpSystemSource() = default;

SystemOverview PcpSystemSource::sample(const ProcessSnapshot* tick)
{
    PcpFeedFetch fetched;
    if (tick)
        fetched = m_feed->last(PcpStream::Processes);
    if (!hasSystemFigures(fetched))
        fetched = m_feed->fetch(PcpStream::System, pcpSystemMetrics());
    bool restarted = false;
    SystemOverview o = fetched.error.empty() ? rated(fetched, &restarted) : SystemOverview {};
    o.timelineRestarted = restarted;
    if (!fetched.error.empty()) {
        o.sourceError = fetched.error;
        o.procRoot = m_feed->source();
        m_lastTimeSec.reset();
    }
    o.sequence = ++m_sequence;
    o.remoteHost = m_feed->source();
    return o;
}

SystemOverview PcpSystemSource::rated(const PcpFeedFetch& fetched, bool* restarted)
{
    const std::string& host = m_feed->source();
    PcpSystemTable table = systemFromPcp(*fetched.now, host);
    if (!table.error.empty()) {
        SystemOverview o;
        o.sourceError = table.error;
        o.procRoot = host;
        m_lastTimeSec.reset();
        return o;
    }
    // Rates run on from the fetch rated last; after a gap or a jump (a replay), from `before`.
    const bool continuous = m_rates && m_lastTimeSec && fetched.before
        && *m_lastTimeSec == fetched.before->timestampSec;
    *restarted = pcpTimelineJumped(fetched, m_lastTimeSec);
    if (!continuous) {
        m_rates = std::make_unique<SystemOverviewCollector>(noFiles(host));
        if (fetched.before) {
            PcpSystemTable before = systemFromPcp(*fetched.before, host);
            (void)m_rates->withRates(std::move(before.overview), fetched.before->timestampSec);
        }
    }
    m_lastTimeSec = fetched.now->timestampSec;
    return m_rates->withRates(std::move(table.overview), fetched.now->timestampSec);
}

} // namespace pg
