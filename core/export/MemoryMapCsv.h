// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The memory table (`procglass export memory PID`, File > Export snapshot... on the Memory map
// page) as CSV: one row per mapping of /proc/PID/smaps.

#include "core/export/CsvTable.h"
#include "core/memory/Smaps.h"

#include <string>
#include <string_view>

namespace pg {

// "Shared_Clean" -> "shared_clean", "KernelPageSize" -> "kernel_page_size", "MMUPageSize" ->
// "mmu_page_size", "SwapPss" -> "swap_pss".
std::string snakeCase(std::string_view kernelName);

// pid,start,end,perms,offset,device,inode,mapping, the fixed kB columns (size_kib ...
// locked_kib), then every other kB field the kernel printed as <snake_case>_kib. Addresses and
// offset are hex as smaps prints them; a field a mapping lacks is an empty cell.
CsvTable memoryMapToCsv(int pid, const Smaps& smaps);

} // namespace pg
