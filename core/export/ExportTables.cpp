// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/ExportTables.h"

#include <array>
#include <string>

namespace pg {

namespace {

constexpr std::array<ExportTableInfo, 5> kTables { {
    { ExportTableId::Processes, "processes", "Processes", false,
        "every process: pid, user, state, CPU %, memory, command line" },
    { ExportTableId::Memory, "memory", "Memory map", true,
        "one process's memory map, one row per mapping (smaps)" },
    { ExportTableId::Interrupts, "interrupts", "Interrupts", false,
        "/proc/interrupts: one row per interrupt, one column per CPU, rate, affinity, device" },
    { ExportTableId::Softirqs, "softirqs", "Softirqs", false,
        "/proc/softirqs: one row per softirq kind, one column per CPU, rate" },
    { ExportTableId::System, "system", "System overview", false,
        "the System overview page's figures as metric,value,unit rows" },
} };

struct Renamed
{
    std::string_view oldName;
    ExportTableId id;
};

// "maps" became "memory" so that the window and the command line say the same name; drop the
// alias after one release.
constexpr Renamed kRenamed[] = { { "maps", ExportTableId::Memory } };

} // namespace

std::span<const ExportTableInfo> exportTables()
{
    return kTables;
}

const ExportTableInfo& exportTable(ExportTableId id)
{
    for (const ExportTableInfo& t : kTables) {
        if (t.id == id)
            return t;
    }
    return kTables.front(); // unreachable: every id has an entry
}

const ExportTableInfo* findExportTable(std::string_view name)
{
    for (const ExportTableInfo& t : kTables) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

const ExportTableInfo* findRenamedExportTable(std::string_view oldName)
{
    for (const Renamed& r : kRenamed) {
        if (r.oldName == oldName)
            return &exportTable(r.id);
    }
    return nullptr;
}

std::string_view exportTableNames()
{
    static const std::string names = [] {
        std::string out;
        for (const ExportTableInfo& t : kTables) {
            if (!out.empty())
                out += ", ";
            out += t.name;
        }
        return out;
    }();
    return names;
}

} // namespace pg
