// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/MemoryMapCsv.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <vector>

namespace pg {

namespace {

constexpr SmapsField kFixed[] = { SmapsField::Size, SmapsField::Rss, SmapsField::Pss,
    SmapsField::Shared_Clean, SmapsField::Shared_Dirty, SmapsField::Private_Clean,
    SmapsField::Private_Dirty, SmapsField::Referenced, SmapsField::Anonymous, SmapsField::Swap,
    SmapsField::SwapPss, SmapsField::Locked };

std::string hex(std::uint64_t v)
{
    std::string out;
    appendMemoryMapHex(out, v);
    return out;
}

} // namespace

std::span<const SmapsField> memoryMapFixedFields()
{
    return kFixed;
}

std::vector<std::string> memoryMapHeader(
    const std::vector<SmapsField>& known, const std::vector<std::string>& extras)
{
    std::vector<std::string> header
        = { "pid", "start", "end", "perms", "offset", "device", "inode", "mapping" };
    header.reserve(header.size() + std::size(kFixed) + known.size() + extras.size());
    for (SmapsField f : kFixed)
        header.push_back(snakeCase(smapsFieldName(f)) + "_kib");
    for (SmapsField f : known)
        header.push_back(snakeCase(smapsFieldName(f)) + "_kib");
    for (const std::string& name : extras)
        header.push_back(snakeCase(name) + "_kib");
    return header;
}

void appendMemoryMapHex(std::string& out, std::uint64_t value)
{
    char buf[24];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, 16);
    const auto digits = static_cast<std::size_t>(end - buf);
    if (digits < 8)
        out.append(8 - digits, '0');
    out.append(buf, digits);
}

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

    std::vector<SmapsField> known;
    for (std::size_t i = 0; i < kSmapsFieldCount; ++i) {
        if (used[i])
            known.push_back(static_cast<SmapsField>(i));
    }
    CsvTable table;
    table.header = memoryMapHeader(known, extraNames);
    std::vector<SmapsField> columns(std::begin(kFixed), std::end(kFixed));
    for (SmapsField f : known)
        columns.push_back(f); // (not insert(): g++ 12 warns wrongly on it, -Warray-bounds)

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
