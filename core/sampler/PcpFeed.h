// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where the PCP sources (PcpProcessSource, PcpSystemSource, PcpInterruptsSource) get their
// fetches: one feed per host, shared by those samplers, so that a window watching a host holds one
// connection. A feed answers "the sample of this moment and the one before it" for each stream:
//
// - PcpHostFeed (live pmcd): `now` is a fresh pmFetch, `before` the same stream's previous fetch.
// - PcpArchiveFeed (a recording, --archive): `now` is the sample at or before the moment a
//   ReplayClock gives, `before` the one before it. The sources see that `before` is not the last
//   `now` they were given (a jump) and restart their rates from it, so a replay that jumps in
//   time shows the rates of each moment.
//
// Everything here runs in the sampler thread.

#include "core/pcp/PcpFetch.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pg {

enum class PcpStream {
    Processes, // the process table, with the system figures its summary strip needs
    System, // the System page when it does not follow the process sampler's fetch
    Interrupts,
    Details, // the selected process's details (one pid: an instance profile)
    MapTotals, // the Memory map page's process: its proc.smaps.* totals
};

struct PcpFeedFetch
{
    std::shared_ptr<const PcpFetch> now; // null when `error` is set
    std::shared_ptr<const PcpFetch> before; // the same stream's previous sample; null: none yet
    std::string error; // non-empty: nothing was fetched; one line saying why
};

// Whether `fetched` jumped in time from the sample a stream showed last (`lastShownSec`): back
// before it, or ahead past samples it never showed (a replay's seek). Not a jump: the next sample,
// or the same one again (a paused replay); nor anything after an error (no last sample).
inline bool pcpTimelineJumped(const PcpFeedFetch& fetched, std::optional<double> lastShownSec)
{
    if (!lastShownSec || !fetched.now)
        return false;
    return fetched.now->timestampSec < *lastShownSec
        || (fetched.before && fetched.before->timestampSec > *lastShownSec);
}

class PcpFeed
{
public:
    virtual ~PcpFeed() = default;
    // The host (or archive) as the user named it: what messages and snapshots call it.
    virtual const std::string& source() const = 0;
    virtual PcpFeedFetch fetch(PcpStream stream, const std::vector<PcpMetricRequest>& metrics) = 0;
    // What the stream's last fetch() gave (a follower builds on its leader's fetch).
    virtual PcpFeedFetch last(PcpStream stream) const = 0;
};

} // namespace pg
