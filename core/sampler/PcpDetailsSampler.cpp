// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/PcpDetailsSampler.h"

#include "core/sampler/ProcessSelection.h"

namespace pg {

PcpDetailsSampler::PcpDetailsSampler(
    std::shared_ptr<PcpFeed> feed, Kind kind, bool recording, QObject* parent)
    : Sampler(parent)
    , m_feed(std::move(feed))
    , m_kind(kind)
    , m_recording(recording)
{ }

PcpDetailsSampler::~PcpDetailsSampler() = default;

void PcpDetailsSampler::setProcess(int pid, quint64 startTimeTicks)
{
    if (!selectProcess(m_key, pid, startTimeTicks))
        return;
    m_parentPid = 0;
    sampleNow();
}

void PcpDetailsSampler::sample()
{
    const int pid = m_key->pid;
    const bool details = m_kind == Kind::Details;
    const PcpFeedFetch fetched = m_feed->fetch(details ? PcpStream::Details : PcpStream::MapTotals,
        details ? pcpDetailsMetrics(pid, m_parentPid) : pcpMapTotalsMetrics(pid));
    auto out = std::make_shared<PcpDetailsSample>();
    out->sequence = ++m_sequence;
    if (!fetched.error.empty()) {
        out->details.pid = pid;
        out->details.source = m_feed->source();
        out->details.error = fetched.error;
    } else {
        out->details = processDetailsFromPcp(
            *fetched.now, pid, m_key->startTimeTicks, m_feed->source(), m_recording);
    }
    // Pin the identity (the map page may ask for "whatever has the pid now"): a reused pid is
    // another process from then on.
    if (m_key->startTimeTicks == 0 && out->details.startMs)
        m_key->startTimeTicks = *out->details.startMs;
    out->key = *m_key;
    m_parentPid = out->details.ppid ? static_cast<int>(*out->details.ppid) : 0;
    emit pcpDetailsReady(std::move(out));
}

} // namespace pg
