// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/system/VmStat.h"

#include "core/base/ParseUtil.h"

namespace pg {

std::optional<std::int64_t> VmStat::get(std::string_view key) const
{
    for (const auto& [k, v] : fields) {
        if (k == key)
            return v;
    }
    return std::nullopt;
}

Result<VmStat> parseVmStat(std::string_view text)
{
    using namespace parse;
    if (trim(text).empty())
        return Error::Empty;
    VmStat stat;
    std::string_view line;
    while (nextLine(text, line)) {
        std::string_view rest = line;
        const std::string_view key = nextToken(rest);
        if (key.empty())
            continue;
        const std::string_view value = nextToken(rest);
        if (value.empty())
            return Error::Truncated;
        if (!nextToken(rest).empty())
            return Error::BadFormat;
        std::int64_t n = 0;
        if (!toInt(value, n))
            return Error::BadNumber;
        stat.fields.emplace_back(std::string(key), n);
    }
    return stat;
}

} // namespace pg
