// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/PidCgroup.h"

#include "core/base/ParseUtil.h"

namespace pg {

Result<std::vector<CgroupEntry>> parsePidCgroup(std::string_view text)
{
    using namespace parse;
    if (trim(text).empty())
        return Error::Empty;
    std::vector<CgroupEntry> entries;
    std::string_view line;
    while (nextLine(text, line)) {
        if (line.empty())
            continue;
        const std::size_t first = line.find(':');
        const std::size_t second
            = first == std::string_view::npos ? first : line.find(':', first + 1);
        if (second == std::string_view::npos)
            return Error::BadFormat;
        CgroupEntry entry;
        if (!toInt(line.substr(0, first), entry.hierarchyId))
            return Error::BadNumber;
        std::string_view controllers = line.substr(first + 1, second - first - 1);
        while (!controllers.empty()) {
            const std::size_t comma = controllers.find(',');
            const std::string_view c = controllers.substr(0, comma);
            if (!c.empty())
                entry.controllers.emplace_back(c);
            controllers.remove_prefix(
                comma == std::string_view::npos ? controllers.size() : comma + 1);
        }
        entry.path.assign(line.substr(second + 1));
        entries.push_back(std::move(entry));
    }
    return entries;
}

} // namespace pg
