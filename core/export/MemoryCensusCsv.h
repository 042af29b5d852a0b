// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The system-wide memory tables (`procglass export memory --by process|user|mapping`) as CSV, from
// a MemoryCensus or a MappingCensus: figures in KiB as smaps_rollup prints them; a SwapPss the
// kernel did not print is an empty cell.

#include "core/export/CsvTable.h"
#include "core/memory/MappingCensus.h"
#include "core/memory/MemoryCensus.h"

#include <cstdint>
#include <functional>
#include <string>

namespace pg {

using UserNameFn = std::function<std::string(std::uint32_t uid)>;

// pid,user,comm,rss_kib,pss_kib,uss_kib,swap_kib,swap_pss_kib; one row per process, pid order.
CsvTable memoryByProcessToCsv(const MemoryCensus& census, const UserNameFn& userName);

// user,processes,rss_kib,pss_kib,uss_kib,swap_kib; one row per user, largest Pss first.
CsvTable memoryByUserToCsv(const MemoryCensus& census, const UserNameFn& userName);

// mapping,processes,rss_kib,pss_kib,uss_kib,swap_kib; one row per file (device and inode) or
// kind of anonymous memory, largest Pss first.
CsvTable memoryByMappingToCsv(const MappingCensus& census);

} // namespace pg
