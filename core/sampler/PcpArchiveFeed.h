// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The feed of an archive replay (procglass --archive ARCHIVE): the samples of a PCP archive (a
// `procglass record` or pmlogger recording) at the moment a ReplayClock gives, so the same PCP
// sources, mapping and pages as a live host show a recording. Each fetch seeks back to the moment
// (PcpArchiveSession::seekBack) and reads the sample at or before it (`now`) and the one before
// that (`before`, for the rates; none at the archive's first sample). The process stream leads:
// each of its fetches first ticks the clock (a playing clock moves on by the wall time since its
// last tick times the speed); the other streams read the clock where it is. Sampler thread only,
// like the other feeds; the clock is shared with the window's time slider (it locks).

#include "core/pcp/PcpArchiveSession.h"
#include "core/pcp/ReplayClock.h"
#include "core/sampler/PcpFeed.h"

#include <map>
#include <mutex>

namespace pg {

class PcpArchiveFeed final : public PcpFeed
{
public:
    // `name` names the recording in messages ("archive lunch").
    PcpArchiveFeed(std::string name, std::unique_ptr<PcpArchiveSession> archive,
        std::shared_ptr<ReplayClock> clock);
    ~PcpArchiveFeed() override;

    const std::string& source() const override { return m_name; }
    PcpFeedFetch fetch(PcpStream stream, const std::vector<PcpMetricRequest>& metrics) override;
    PcpFeedFetch last(PcpStream stream) const override;

private:
    std::string m_name;
    std::unique_ptr<PcpArchiveSession> m_archive;
    std::shared_ptr<ReplayClock> m_clock;
    mutable std::mutex m_mutex;
    std::map<PcpStream, PcpFeedFetch> m_last;
};

} // namespace pg
