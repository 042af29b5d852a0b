// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/PID/statm, proc(5): seven page counts. size = VmSize (VIRT), resident = RssAnon + RssFile
// + RssShmem (RES), shared = RssFile + RssShmem (SHR as top and htop show it).

#include "core/base/Result.h"

#include <cstdint>
#include <string_view>

namespace pg {

struct PidStatm
{
    std::uint64_t sizePages = 0; // (1) size
    std::uint64_t residentPages = 0; // (2) resident
    std::uint64_t sharedPages = 0; // (3) shared: resident file-backed and shmem pages
    std::uint64_t textPages = 0; // (4) text
    std::uint64_t libPages = 0; // (5) lib, always 0 since 2.6
    std::uint64_t dataPages = 0; // (6) data + stack
    std::uint64_t dtPages = 0; // (7) dt, always 0 since 2.6
};

Result<PidStatm> parsePidStatm(std::string_view text);

} // namespace pg
