// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/MemoryMapCsv.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

namespace pg {

namespace {

std::string hex(std::uint64_t v)
{
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(v));
    return std::string(buf, static_cast<std::size_t>(n));
}

} // namespace

std::string snakeCase(std::string_view name)
{
    std::string out;
    out.reserve(name.size() + 4);
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool upper = std::isupper(static_cast<unsigned char>(c)) != 0;
        if (upper && i > 0 && out.back() != '_') {
            const char prev = name[i - 1];
            const bool prevLowerOrDigit = std::islower(static_cast<unsigned char>(prev))
                || std::isdigit(static_cast<unsigned char>(prev));
            const bool nextLower
                = i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1]));
            if (prevLowerOrDigit || (std::isupper(static_cast<unsigned char>(prev)) && nextLower))
                out.push_back('_');
        }
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

CsvTable memoryMapToCsv(int pid, const Smaps& smaps)
{
    static constexpr SmapsField kFixed[] = { SmapsField::Size, SmapsField::Rss, SmapsField::Pss,
        SmapsField::Shared_Clean, SmapsField::Shared_Dirty, SmapsField::Private_Clean,
        SmapsField::Private_Dirty, SmapsField::Referenced, SmapsField::Anonymous, SmapsField::Swap,
        SmapsField::SwapPss, SmapsField::Locked };

    // Which other known fields and which extra fields appear anywhere, in the kernel's order.
    std::array<bool, kSmapsFieldCount> used {};
    std::vector<std::string> extraNames;
    for (const SmapsMapping& m : smaps.mappings) {
        for (std::size_t i = 0; i < kSmapsFieldCount; ++i)
            used[i] = used[i] || m.kib[i] != kAbsent;
        for (const auto& [name, value] : m.extraKib) {
            if (std::find(extraNames.begin(), extraNames.end(), name) == extraNames.end())
                extraNames.push_back(name);
        }
    }
    for (SmapsField f : kFixed)
        used[static_cast<std::size_t>(f)] = false;

    CsvTable table;
    table.header = { "pid", "start", "end", "perms", "offset", "device", "inode", "mapping" };
    std::vector<SmapsField> columns(std::begin(kFixed), std::end(kFixed));
    for (std::size_t i = 0; i < kSmapsFieldCount; ++i) {
        if (used[i])
            columns.push_back(static_cast<SmapsField>(i));
    }
    for (SmapsField f : columns)
        table.header.push_back(snakeCase(smapsFieldName(f)) + "_kib");
    for (const std::string& name : extraNames)
        table.header.push_back(snakeCase(name) + "_kib");

    const std::string pidText = std::to_string(pid);
    table.rows.reserve(smaps.mappings.size());
    for (const SmapsMapping& m : smaps.mappings) {
        std::vector<std::string>& row = table.rows.emplace_back();
        row.reserve(table.header.size());
        row.push_back(pidText);
        row.push_back(hex(m.start));
        row.push_back(hex(m.end));
        row.emplace_back(m.perms, 4);
        row.push_back(hex(m.offset));
        row.push_back(m.device);
        row.push_back(std::to_string(m.inode));
        row.push_back(m.displayPath());
        for (SmapsField f : columns)
            row.push_back(m.has(f) ? std::to_string(m.get(f)) : std::string());
        for (const std::string& name : extraNames) {
            std::string cell;
            for (const auto& [n, v] : m.extraKib) {
                if (n == name)
                    cell = std::to_string(v);
            }
            row.push_back(std::move(cell));
        }
    }
    return table;
}

} // namespace pg
