// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/PidLimits.h"

#include "core/base/ParseUtil.h"

namespace pg {

namespace {

bool parseLimitValue(std::string_view text, LimitValue& out)
{
    if (text == "unlimited") {
        out.unlimited = true;
        return true;
    }
    return parse::toInt(text, out.value);
}

// Splits on runs of 2+ spaces: "Max open files  1024  4096  files" -> 4 cells.
std::vector<std::string_view> splitWide(std::string_view line)
{
    std::vector<std::string_view> cells;
    line = parse::trim(line);
    while (!line.empty()) {
        const std::size_t gap = line.find("  ");
        cells.push_back(parse::trim(line.substr(0, gap)));
        if (gap == std::string_view::npos)
            break;
        line = parse::trim(line.substr(gap));
    }
    return cells;
}

// Cuts at the header's column starts when the row has a space just before each of them.
bool splitAt(std::string_view line, const std::size_t (&cols)[3], std::string_view (&cells)[4])
{
    if (line.size() <= cols[2])
        return false;
    for (std::size_t c : cols) {
        if (line[c - 1] != ' ')
            return false;
    }
    cells[0] = parse::trim(line.substr(0, cols[0]));
    cells[1] = parse::trim(line.substr(cols[0], cols[1] - cols[0]));
    cells[2] = parse::trim(line.substr(cols[1], cols[2] - cols[1]));
    cells[3] = parse::trim(line.substr(cols[2]));
    return !cells[0].empty() && !cells[1].empty() && !cells[2].empty();
}

} // namespace

Result<std::vector<PidLimit>> parsePidLimits(std::string_view text)
{
    using namespace parse;
    if (trim(text).empty())
        return Error::Empty;
    std::string_view header;
    nextLine(text, header);
    const std::size_t soft = header.find("Soft Limit");
    const std::size_t hard = header.find("Hard Limit");
    const std::size_t units = header.find("Units");
    if (header.substr(0, 5) != "Limit" || soft == std::string_view::npos
        || hard == std::string_view::npos || units == std::string_view::npos
        || !(soft < hard && hard < units))
        return Error::BadFormat;
    const std::size_t cols[3] = { soft, hard, units };

    std::vector<PidLimit> limits;
    std::string_view line;
    while (nextLine(text, line)) {
        if (trim(line).empty())
            continue;
        std::string_view cells[4];
        if (!splitAt(line, cols, cells)) {
            const auto wide = splitWide(line);
            if (wide.size() < 3 || wide.size() > 4)
                return Error::BadFormat;
            for (std::size_t i = 0; i < wide.size(); ++i)
                cells[i] = wide[i];
        }
        PidLimit limit;
        limit.name.assign(cells[0]);
        if (!parseLimitValue(cells[1], limit.soft) || !parseLimitValue(cells[2], limit.hard))
            return Error::BadNumber;
        limit.units.assign(cells[3]);
        limits.push_back(std::move(limit));
    }
    if (limits.empty())
        return Error::Truncated;
    return limits;
}

} // namespace pg
