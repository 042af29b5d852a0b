// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Per-second rates of /proc/PID/io's read_bytes and write_bytes between two readings of one
// process: what the process table's I/O columns and `export processes` show. read_bytes and
// write_bytes count what the process made the storage layer read or write (write_bytes when it
// dirtied page-cache pages of a file on a disk; tmpfs and pipes count nothing), as GNOME System
// Monitor, KDE and btop show; rchar/wchar would count every read(2) and write(2).

#include "core/process/PidIo.h"

#include <cmath>
#include <cstdint>

namespace pg {

struct IoRates
{
    double readBytesPerS = std::nan(""); // NaN: unknown (fewer than two readings)
    double writeBytesPerS = std::nan("");
};

class PidIoRate final
{
public:
    // Adds a reading taken at `monotonicNs` and returns the rates since the previous one; unknown
    // for the first reading, when no time passed, or when a counter went backwards (not the same
    // process's counters, or a wrapped fake tree).
    IoRates update(const PidIo& io, std::int64_t monotonicNs);
    // A process that started after `monotonicNs` had read and written nothing then (the kernel
    // zeroes the counters at fork): its first reading already gives a rate.
    void startAt(std::int64_t monotonicNs)
    {
        m_prevReadBytes = 0;
        m_prevWriteBytes = 0;
        m_prevNs = monotonicNs;
    }
    // Forgets the previous reading: the next update() starts over (a failed read in between).
    void reset() { m_prevNs = 0; }

private:
    std::uint64_t m_prevReadBytes = 0;
    std::uint64_t m_prevWriteBytes = 0;
    std::int64_t m_prevNs = 0; // 0: no previous reading
};

} // namespace pg
