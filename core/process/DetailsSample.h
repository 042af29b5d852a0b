// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One read of everything about the selected process (the details panel's input), with each
// thread's CPU % from the deltas between two reads. Immutable once published; plain C++.

#include "core/process/ProcessDetails.h"
#include "core/process/ProcessSnapshot.h"

#include <cstdint>
#include <vector>

namespace pg {

struct DetailsSample
{
    std::uint64_t sequence = 0;
    ProcessKey key; // the process asked for
    // The pid now belongs to another process (start time differs): shown as "exited".
    bool reused = false;
    ProcessDetails details;
    std::vector<double> threadCpuPercent; // parallel to details.threads; NaN until two reads
    double elapsedSinceLastSeconds = 0;
};

} // namespace pg
