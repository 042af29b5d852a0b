// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The memory table (`procglass export memory PID`, File > Export snapshot... on the Memory map
// page) as CSV: one row per mapping of /proc/PID/smaps.

#include "core/export/CsvTable.h"
#include "core/memory/Smaps.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

// "Shared_Clean" -> "shared_clean", "KernelPageSize" -> "kernel_page_size", "MMUPageSize" ->
// "mmu_page_size", "SwapPss" -> "swap_pss".
std::string snakeCase(std::string_view kernelName);

// pid,start,end,perms,offset,device,inode,mapping, the fixed kB columns (size_kib ...
// locked_kib), then every other kB field the kernel printed as <snake_case>_kib. Addresses and
// offset are hex as smaps prints them; a field a mapping lacks is an empty cell.
CsvTable memoryMapToCsv(int pid, const Smaps& smaps);

// The pieces memoryMapToCsv() and the streaming encoder (MemoryMapCsvStream) share, so that both
// write the same bytes. The fixed kB columns, in order:
std::span<const SmapsField> memoryMapFixedFields();
// The header: the eight leading columns, the fixed kB columns, then `known` (the other known
// fields some mapping printed, in SmapsField order), then `extras` (unknown kB fields, in the
// order they first appear), each kB column as <snake_case>_kib.
std::vector<std::string> memoryMapHeader(
    const std::vector<SmapsField>& known, const std::vector<std::string>& extras);
// An address or offset as smaps prints it: lower-case hex, at least 8 digits ("0040a000").
void appendMemoryMapHex(std::string& out, std::uint64_t value);

} // namespace pg
