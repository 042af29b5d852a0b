// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `procglass export TABLE --host SPEC`: the table from a Performance Co-Pilot pmcd instead of the
// local /proc, through the procglass-pcp module (PcpModuleLoader.h), mapped by core/pcp/ into the
// same snapshots and encoded by the same CSV code as the local tables.

#include "core/export/CsvTable.h"
#include "core/export/ExportTables.h"

#include <string>
#include <vector>

namespace pg {

struct HostTableOutcome
{
    CsvTable table;
    std::string error; // non-empty: no table; one line
    std::vector<std::string> warnings = {}; // what the table lacks from PCP, one line each
};

// Empty when `id` can be exported from a host, else the one line saying why not.
std::string hostExportProblem(ExportTableId id, bool withPid);

struct PcpFetch;

// The process table from a fetch and the one before it (nullptr: none, no rates), from a host or
// an archive; `source` names it in the table.
HostTableOutcome processTableFromFetch(
    const PcpFetch& now, const PcpFetch* before, const std::string& source);

// The interrupts table (softirqs: the softirqs table) from a fetch and the one before it (nullptr:
// none, rate_per_s empty), from a host or an archive; `source` names it in messages.
HostTableOutcome interruptsTableFromFetch(
    const PcpFetch& now, const PcpFetch* before, bool softirqs, const std::string& source);

// The system table from one fetch of pcpSystemMetrics(), from a host or an archive; `source`
// names it in the table.
HostTableOutcome systemTableFromFetch(const PcpFetch& fetch, const std::string& source);

// `intervalMs` apart, two fetches (processes always, interrupts when `intervalSet`).
HostTableOutcome exportFromHost(
    ExportTableId id, const std::string& host, int intervalMs, bool intervalSet);

} // namespace pg
