// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/PcpHostFeed.h"

namespace pg {

PcpHostFeed::PcpHostFeed(
    std::string host, PcpSessionOpener opener, std::chrono::milliseconds reopenAfter)
    : m_host(std::move(host))
    , m_opener(std::move(opener))
    , m_reopenAfter(reopenAfter)
{ }

PcpHostFeed::~PcpHostFeed() = default;

PcpFeedFetch PcpHostFeed::fetch(PcpStream stream, const std::vector<PcpMetricRequest>& metrics)
{
    const std::lock_guard lock(m_mutex);
    PcpFeedFetch& last = m_last[stream];
    if (!m_session) {
        const auto now = std::chrono::steady_clock::now();
        if (!m_lastOpenAttempt || now - *m_lastOpenAttempt >= m_reopenAfter) {
            m_lastOpenAttempt = now;
            std::string error;
            m_session = m_opener ? m_opener(&error) : nullptr;
            m_openError = m_session
                ? std::string()
                : (error.empty() ? "cannot connect to pmcd at " + m_host : redacted(error));
        }
        if (!m_session) {
            last = PcpFeedFetch { nullptr, nullptr, m_openError };
            return last;
        }
    }
    PcpFetchOutcome outcome = m_session->fetch(metrics);
    if (!outcome.error.empty()) {
        last = PcpFeedFetch { nullptr, nullptr, redacted(std::move(outcome.error)) };
        return last;
    }
    auto fetched = std::make_shared<const PcpFetch>(std::move(outcome.fetch));
    last = PcpFeedFetch { fetched, last.now, {} };
    return last;
}

PcpFeedFetch PcpHostFeed::last(PcpStream stream) const
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_last.find(stream);
    return it == m_last.end() ? PcpFeedFetch {} : it->second;
}

void PcpHostFeed::redactInErrors(std::string spec)
{
    const std::lock_guard lock(m_mutex);
    m_redact = spec == m_host ? std::string() : std::move(spec);
}

std::string PcpHostFeed::redacted(std::string error) const
{
    if (m_redact.empty())
        return error;
    for (std::size_t at = 0; (at = error.find(m_redact, at)) != std::string::npos;
         at += m_host.size())
        error.replace(at, m_redact.size(), m_host);
    return error;
}

bool PcpHostFeed::connected() const
{
    const std::lock_guard lock(m_mutex);
    return m_session != nullptr;
}

} // namespace pg
