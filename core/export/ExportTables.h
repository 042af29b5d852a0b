// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The tables Procglass exports, one entry each: the name the command line takes and the window
// uses for the file (procglass-<name>-<time>.csv), the title the export dialog shows, whether it
// needs a process id, and the line `procglass export --help` prints. The command line and the
// window both read this list, so that a table has one name everywhere. Plain C++, no Qt.

#include <span>
#include <string_view>

namespace pg {

enum class ExportTableId { Processes, Memory, Interrupts, Softirqs, System };

struct ExportTableInfo
{
    ExportTableId id;
    std::string_view name; // "memory": `procglass export memory PID`, procglass-memory-....csv
    std::string_view title; // "Memory map"
    bool needsPid;
    std::string_view description; // one line, for `procglass export --help`
};

// Every table, in the order the command line lists them.
std::span<const ExportTableInfo> exportTables();
const ExportTableInfo& exportTable(ExportTableId id);
// The table called `name`, or null.
const ExportTableInfo* findExportTable(std::string_view name);

// A name a table had before ("maps" for memory), still accepted for one release; null for any
// other name.
const ExportTableInfo* findRenamedExportTable(std::string_view oldName);

// "processes, memory, interrupts, softirqs, system"
std::string_view exportTableNames();

} // namespace pg
