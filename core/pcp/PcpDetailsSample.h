// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One fetch of the selected process's details from PCP (PcpDetailsSampler's output): the process
// asked for and what the host (or recording) gave about it. Immutable once published.

#include "core/pcp/PcpProcessDetails.h"
#include "core/process/ProcessSnapshot.h"

#include <cstdint>

namespace pg {

struct PcpDetailsSample
{
    std::uint64_t sequence = 0;
    ProcessKey key; // the process asked for (startTimeTicks: proc.psinfo.start_time, ms)
    PcpProcessDetails details;
};

} // namespace pg
