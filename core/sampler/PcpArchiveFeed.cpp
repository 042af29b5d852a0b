// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/PcpArchiveFeed.h"

namespace pg {

PcpArchiveFeed::PcpArchiveFeed(std::string name, std::unique_ptr<PcpArchiveSession> archive,
    std::shared_ptr<ReplayClock> clock)
    : m_name(std::move(name))
    , m_archive(std::move(archive))
    , m_clock(std::move(clock))
{ }

PcpArchiveFeed::~PcpArchiveFeed() = default;

PcpFeedFetch PcpArchiveFeed::fetch(PcpStream stream, const std::vector<PcpMetricRequest>& metrics)
{
    const std::lock_guard lock(m_mutex);
    PcpFeedFetch& last = m_last[stream];
    if (stream == PcpStream::Processes)
        m_clock->tick(std::chrono::steady_clock::now());
    const double at = m_clock->position();
    if (std::string error = m_archive->seekBack(at); !error.empty()) {
        last = PcpFeedFetch { nullptr, nullptr, std::move(error) };
        return last;
    }
    PcpFetchOutcome now = m_archive->fetch(metrics);
    if (!now.error.empty()) {
        last = PcpFeedFetch { nullptr, nullptr, std::move(now.error) };
        return last;
    }
    // The sample before it, for the rates; the first sample of the archive has none.
    PcpFetchOutcome before = m_archive->fetch(metrics);
    last = PcpFeedFetch { std::make_shared<const PcpFetch>(std::move(now.fetch)),
        before.error.empty() ? std::make_shared<const PcpFetch>(std::move(before.fetch)) : nullptr,
        {} };
    return last;
}

PcpFeedFetch PcpArchiveFeed::last(PcpStream stream) const
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_last.find(stream);
    return it == m_last.end() ? PcpFeedFetch {} : it->second;
}

} // namespace pg
