// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The live feed of one host: one PcpSession (one pmcd connection), opened lazily at the first
// fetch, in the sampler thread, by an opener the application injects (app/ opens the libpcp
// module; core/sampler does not depend on app/). A host that cannot be reached is tried again at
// most every `reopenAfter`, in between every fetch gives the same error at once. A lost
// connection is libpcp's to re-establish (it reconnects a host context by itself); each failed
// fetch is an error and the stream's next fetch has no `before` (no rate across the gap).

#include "core/pcp/PcpSession.h"
#include "core/sampler/PcpFeed.h"

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>

namespace pg {

// A session with the host, or null with *error set (one line).
using PcpSessionOpener = std::function<std::unique_ptr<PcpSession>(std::string* error)>;

class PcpHostFeed final : public PcpFeed
{
public:
    PcpHostFeed(std::string host, PcpSessionOpener opener,
        std::chrono::milliseconds reopenAfter = std::chrono::seconds(5));
    ~PcpHostFeed() override;

    const std::string& source() const override { return m_host; }
    PcpFeedFetch fetch(PcpStream stream, const std::vector<PcpMetricRequest>& metrics) override;
    PcpFeedFetch last(PcpStream stream) const override;
    // Whether the session is open (tests).
    bool connected() const;
    // Every error text (the opener's, libpcp's) names the host as source() where it says `spec`:
    // the spec as typed may carry a password (pcps://HOST?password=...), source() does not.
    void redactInErrors(std::string spec);

private:
    std::string redacted(std::string error) const;

    std::string m_host;
    std::string m_redact;
    PcpSessionOpener m_opener;
    std::chrono::milliseconds m_reopenAfter;
    mutable std::mutex m_mutex; // the samplers share one thread today; this keeps it safe if not
    std::unique_ptr<PcpSession> m_session;
    std::string m_openError;
    std::optional<std::chrono::steady_clock::time_point> m_lastOpenAttempt;
    std::map<PcpStream, PcpFeedFetch> m_last;
};

} // namespace pg
