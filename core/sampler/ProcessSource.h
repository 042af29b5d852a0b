// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where the ProcessSampler's snapshots come from: the local /proc (LocalProcessSource) or a
// Performance Co-Pilot feed (PcpProcessSource: a pmcd, or an archive replayed). The sampler
// keeps the cadence, the publishing and the followers; the source only makes one snapshot per
// call, in the sampler thread. An error the user must see (cannot list /proc, host unreachable)
// is the snapshot's listError, never an empty table without a reason.

#include "core/process/ProcessSnapshot.h"

#include <memory>

namespace pg {

class ProcessSource
{
public:
    virtual ~ProcessSource() = default;
    // One snapshot, shared: the sampler publishes it as it is (a source may keep it too, as the
    // local one does: its next snapshot is built from it).
    virtual std::shared_ptr<const ProcessSnapshot> refresh() = 0;
    // The same, as a copy (tests).
    ProcessSnapshot sample() { return *refresh(); }
    // Per-process I/O (the table's I/O columns shown): read from the next sample on, or not.
    virtual void setReadIo(bool on) = 0;
    // The next sample reads this process in full (an action of ours changed it). A source whose
    // processes are elsewhere ignores it.
    virtual void rereadInFull(int pid) = 0;
};

} // namespace pg
