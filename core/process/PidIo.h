// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/PID/io, proc(5): "key: value" lines of I/O counters. rchar/wchar count every read(2) and
// write(2) byte (including the page cache and pipes); read_bytes/write_bytes count what reached
// the storage layer. Reading another user's io needs ptrace access (PermissionDenied).

#include "core/base/Result.h"

#include <cstdint>
#include <string_view>

namespace pg {

struct PidIo
{
    std::uint64_t rcharBytes = 0; // rchar
    std::uint64_t wcharBytes = 0; // wchar
    std::uint64_t readSyscalls = 0; // syscr
    std::uint64_t writeSyscalls = 0; // syscw
    std::uint64_t readBytes = 0; // read_bytes (storage)
    std::uint64_t writeBytes = 0; // write_bytes (storage)
    std::uint64_t cancelledWriteBytes = 0; // cancelled_write_bytes
};

// All seven keys are required; an unknown key is ignored (newer kernels may add some).
Result<PidIo> parsePidIo(std::string_view text);

} // namespace pg
