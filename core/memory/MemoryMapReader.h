// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reads one process's memory map: /proc/PID/stat (identity), smaps, statm, status and cmdline.
// Reading smaps makes the kernel take the target's mmap lock and walk its page tables, so this runs
// only for a process the user is looking at, in the sampler thread. Plain C++, no Qt.

#include "core/memory/MemoryMapSnapshot.h"

#include <string>

namespace pg {

// `key.startTimeTicks` 0 means "whatever process has this pid now" (procglass --pid). When it is
// set and the pid now has another start time, the snapshot says exited.
MemoryMapSnapshot readMemoryMapSnapshot(const std::string& procRoot, const ProcessKey& key);

} // namespace pg
