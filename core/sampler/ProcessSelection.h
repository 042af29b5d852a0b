// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one selected process of a details sampler (the local one, the PCP one), set from the GUI's
// (pid, start time): pid 0 (or less) clears it.

#include "core/process/ProcessSnapshot.h"

#include <cstdint>
#include <optional>

namespace pg {

// Sets `selection`; false when it already was that process (nothing to re-read).
[[nodiscard]] inline bool selectProcess(
    std::optional<ProcessKey>& selection, int pid, std::uint64_t startTimeTicks)
{
    std::optional<ProcessKey> key;
    if (pid > 0)
        key = ProcessKey { pid, startTimeTicks };
    if (key == selection)
        return false;
    selection = key;
    return true;
}

} // namespace pg
