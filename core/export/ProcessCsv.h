// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The process table as CSV: one row per process of a snapshot, every process and every column.
// An unknown value (memory of a process we may not read, cpu_percent before a second sample, uid
// of a process that vanished, start_time without a boot time, a number no kernel writes) is an
// empty field, never 0 or 1970-01-01.

#include "core/export/CsvTable.h"
#include "core/process/ProcessSnapshot.h"

#include <cstdint>
#include <string>

namespace pg {

// The column names, in their documented order.
const std::vector<std::string>& processCsvHeader();

CsvTable processesToCsv(const ProcessSnapshot& snapshot);

// What `procglass export processes` must say on stderr next to the CSV, one line each: the list
// is partial (hidepid=), processes could not be read, start times are unknown, io was unreadable.
std::vector<std::string> processExportWarnings(const ProcessSnapshot& snapshot);

// "io_read_bytes_per_s and io_write_bytes_per_s are empty for 3 processes whose /proc/PID/io
// could not be read (3: permission denied); ...": empty when every io was read.
std::string ioUnreadableSummary(const ProcessSnapshot& snapshot);

// "2026-11-26T21:53:40Z": ISO 8601, UTC, whole seconds (truncated, as ps shows start times).
std::string isoUtcFromUnixMs(std::int64_t unixMs);
// A number with `decimals` digits after the point, always with '.', whatever the C locale says.
std::string fixedDecimal(double value, int decimals);

} // namespace pg
