// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pcp/PcpHostSpec.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace pg {

namespace {

bool isSecretAttribute(std::string_view attribute)
{
    const std::string_view name = attribute.substr(0, attribute.find('='));
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
        [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower == "password" || lower == "pass" || lower == "passwd";
}

std::vector<std::string_view> attributesOf(std::string_view query)
{
    std::vector<std::string_view> out;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        out.push_back(query.substr(0, amp));
        if (amp == std::string_view::npos)
            break;
        query.remove_prefix(amp + 1);
    }
    return out;
}

} // namespace

std::string pcpSpecWithoutSecrets(std::string_view spec)
{
    const std::size_t q = spec.find('?');
    if (q == std::string_view::npos)
        return std::string(spec);
    std::string out(spec.substr(0, q));
    std::string kept;
    for (std::string_view a : attributesOf(spec.substr(q + 1))) {
        if (a.empty() || isSecretAttribute(a))
            continue;
        if (!kept.empty())
            kept += '&';
        kept += a;
    }
    if (!kept.empty())
        out += '?' + kept;
    return out;
}

bool pcpSpecHasSecret(std::string_view spec)
{
    const std::size_t q = spec.find('?');
    if (q == std::string_view::npos)
        return false;
    for (std::string_view a : attributesOf(spec.substr(q + 1))) {
        if (isSecretAttribute(a))
            return true;
    }
    return false;
}

} // namespace pg
