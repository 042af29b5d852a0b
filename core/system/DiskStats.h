// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/diskstats, proc(5) and Documentation/admin-guide/iostats.rst: "major minor name" then the
// I/O counters of one block device or partition since boot. 11 counters up to 4.17, 15 from 4.18
// (discards), 17 from 5.5 (flushes); partitions on kernels before 2.6.25 have only 4.

#include "core/base/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

struct DiskStat
{
    std::uint32_t major = 0, minor = 0;
    std::string name;
    bool partition = false; // by name (sda1, nvme0n1p2, mmcblk0p1); the collector may refine it
    std::uint64_t readsCompleted = 0, readsMerged = 0, sectorsRead = 0, readMs = 0;
    std::uint64_t writesCompleted = 0, writesMerged = 0, sectorsWritten = 0, writeMs = 0;
    std::uint64_t inFlight = 0, ioMs = 0, weightedIoMs = 0;
    std::optional<std::uint64_t> discardsCompleted, discardsMerged, sectorsDiscarded, discardMs;
    std::optional<std::uint64_t> flushesCompleted, flushMs;

    // Sectors in /proc/diskstats are always 512 bytes, whatever the device's sector size.
    static constexpr std::uint64_t kSectorBytes = 512;
};

struct DiskStats
{
    std::vector<DiskStat> devices; // file order
    const DiskStat* find(std::string_view name) const;
};

// Partition names by the kernel's naming rules: a whole-disk name ending in a digit (nvme0n1,
// mmcblk0, loop0, md0) takes a 'p' before the partition number; others (sda, vdb) take the digits.
bool looksLikePartition(std::string_view name);

Result<DiskStats> parseDiskStats(std::string_view text);

} // namespace pg
