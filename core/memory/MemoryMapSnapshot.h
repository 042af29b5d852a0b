// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One reading of one process's memory map: smaps (grouped), statm and status, and whether the
// process still exists. What MemoryMapSampler publishes and the memory-map page shows. Plain C++.

#include "core/base/Result.h"
#include "core/memory/MemoryMapGroups.h"
#include "core/memory/Smaps.h"
#include "core/process/PidStatm.h"
#include "core/process/PidStatus.h"
#include "core/process/ProcessSnapshot.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace pg {

struct MemoryMapSnapshot
{
    std::uint64_t sequence = 0;
    ProcessKey key; // startTimeTicks filled from stat when the caller passed 0
    std::int64_t takenAtUnixMs = 0;
    std::string procRoot;

    // Identity, read each time so the header is right even after an exec.
    std::string comm; // (2) of stat, raw bytes
    std::string cmdline; // argv joined by spaces, raw bytes; empty for kernel threads
    bool kernelThread = false;
    std::optional<std::uint32_t> uid; // real uid of the target, from status

    // The process exited (or its pid now belongs to another process): nothing else below is new.
    bool exited = false;

    // smaps: `smaps` and `grouping` are null when it could not be read; smapsError says why.
    std::string smapsPath; // the file that was (or could not be) read, for messages
    Error smapsError = Error::None;
    std::shared_ptr<const Smaps> smaps;
    std::shared_ptr<const MemoryMapGrouping> grouping;

    std::optional<PidStatm> statm;
    Error statmError = Error::None;
    std::optional<PidStatus> status;
    Error statusError = Error::None;
    std::uint64_t pageKib = 4;

    double readMs = 0; // reading smaps (the kernel generating it)
    double parseMs = 0; // parsing and grouping it
};

} // namespace pg
