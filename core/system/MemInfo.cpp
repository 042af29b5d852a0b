// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/system/MemInfo.h"

#include "core/base/ParseUtil.h"

namespace pg {

std::optional<std::uint64_t> MemInfo::get(std::string_view key) const
{
    for (const auto& [k, v] : fields) {
        if (k == key)
            return v;
    }
    return std::nullopt;
}

std::optional<std::uint64_t> MemInfo::cacheKib() const
{
    const auto cached = get("Cached");
    if (!cached)
        return std::nullopt;
    return *cached + get("SReclaimable").value_or(0);
}

std::optional<std::uint64_t> MemInfo::usedKib() const
{
    const auto total = get("MemTotal");
    const auto free = get("MemFree");
    const auto buffers = get("Buffers");
    const auto cache = cacheKib();
    if (!total || !free || !buffers || !cache)
        return std::nullopt;
    const std::uint64_t notUsed = *free + *buffers + *cache;
    // procps falls back to total - free when the cache exceeds what is in use (containers).
    return notUsed <= *total ? *total - notUsed : *total - *free;
}

Result<MemInfo> parseMemInfo(std::string_view text)
{
    using namespace parse;
    if (trim(text).empty())
        return Error::Empty;
    MemInfo info;
    std::string_view line;
    while (nextLine(text, line)) {
        if (trim(line).empty())
            continue;
        std::string_view key;
        std::string_view value;
        if (!splitKeyValue(line, key, value))
            return Error::BadFormat;
        std::string_view rest = value;
        std::uint64_t n = 0;
        if (!toInt(nextToken(rest), n))
            return Error::BadNumber;
        info.fields.emplace_back(std::string(key), n);
    }
    if (!info.get("MemTotal"))
        return Error::Truncated;
    return info;
}

} // namespace pg
