#pragma once

// The process table as CSV: one row per process of a snapshot, every process and every column.
// An unknown value (memory of a process we may not read, cpu_percent before a second sample, uid
// of a process that vanished) is an empty field, never 0.

#include "CsvTable.h"
#include "ProcessSnapshot.h"

#include <cstdint>
#include <string>

namespace pg {

// The column names, in their documented order.
const std::vector<std::string>& processCsvHeader();

CsvTable processesToCsv(const ProcessSnapshot& snapshot);

// "2026-11-26T21:53:40Z": ISO 8601, UTC, whole seconds (truncated, as ps shows start times).
std::string isoUtcFromUnixMs(std::int64_t unixMs);
// A number with `decimals` digits after the point, always with '.', whatever the C locale says.
std::string fixedDecimal(double value, int decimals);

} // namespace pg
