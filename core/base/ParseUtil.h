// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small helpers shared by the /proc parsers: whitespace tokenising, line walking and from_chars
// number conversion that fails loudly instead of returning 0.

#include <charconv>
#include <cstdint>
#include <string_view>
#include <system_error>

namespace pg::parse {

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

inline std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

// Returns the next whitespace-separated token and advances `s` past it; empty at the end.
inline std::string_view nextToken(std::string_view& s)
{
    std::size_t i = 0;
    while (i < s.size() && isSpace(s[i]))
        ++i;
    std::size_t j = i;
    while (j < s.size() && !isSpace(s[j]))
        ++j;
    std::string_view token = s.substr(i, j - i);
    s.remove_prefix(j);
    return token;
}

// Returns the next line (without its '\n') and advances `s`; `ok` false once `s` is exhausted.
inline bool nextLine(std::string_view& s, std::string_view& line)
{
    if (s.empty())
        return false;
    const std::size_t nl = s.find('\n');
    if (nl == std::string_view::npos) {
        line = s;
        s = {};
    } else {
        line = s.substr(0, nl);
        s.remove_prefix(nl + 1);
    }
    return true;
}

template <typename Int> bool toInt(std::string_view token, Int& out, int base = 10)
{
    if (token.empty())
        return false;
    const char* first = token.data();
    const char* last = token.data() + token.size();
    if (*first == '+')
        ++first;
    const auto [ptr, ec] = std::from_chars(first, last, out, base);
    return ec == std::errc() && ptr == last;
}

inline bool toDouble(std::string_view token, double& out)
{
    if (token.empty())
        return false;
    const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), out);
    return ec == std::errc() && ptr == token.data() + token.size();
}

// "Key:   1234 kB" style line: splits at the first ':' into key and the trimmed rest.
inline bool splitKeyValue(std::string_view line, std::string_view& key, std::string_view& value)
{
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos)
        return false;
    key = trim(line.substr(0, colon));
    value = trim(line.substr(colon + 1));
    return !key.empty();
}

} // namespace pg::parse
