// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pcp/ArchiveTime.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace pg {

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// "30", "30.5s", "5m", "1h" -> seconds
std::optional<double> duration(std::string_view s)
{
    double scale = 1;
    if (!s.empty()) {
        switch (s.back()) {
        case 's':
            s.remove_suffix(1);
            break;
        case 'm':
            scale = 60;
            s.remove_suffix(1);
            break;
        case 'h':
            scale = 3600;
            s.remove_suffix(1);
            break;
        default:
            break;
        }
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)
        || value < 0)
        return std::nullopt;
    return value * scale;
}

bool digits(std::string_view s, std::size_t at, std::size_t n, int* out)
{
    if (at + n > s.size())
        return false;
    const auto [end, ec] = std::from_chars(s.data() + at, s.data() + at + n, *out);
    return ec == std::errc() && end == s.data() + at + n;
}

// "YYYY-MM-DD HH:MM:SS[.frac]" in local time
std::optional<double> localTime(std::string_view s)
{
    std::tm tm {};
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (s.size() < 19 || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T')
        || s[13] != ':' || s[16] != ':' || !digits(s, 0, 4, &year) || !digits(s, 5, 2, &month)
        || !digits(s, 8, 2, &day) || !digits(s, 11, 2, &hour) || !digits(s, 14, 2, &minute)
        || !digits(s, 17, 2, &second))
        return std::nullopt;
    double fraction = 0;
    if (s.size() > 19) {
        const std::string_view rest = s.substr(19);
        const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), fraction);
        if (rest.front() != '.' || ec != std::errc() || end != rest.data() + rest.size())
            return std::nullopt;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    tm.tm_isdst = -1;
    const std::time_t t = std::mktime(&tm);
    if (t == static_cast<std::time_t>(-1))
        return std::nullopt;
    return static_cast<double>(t) + fraction;
}

} // namespace

std::string formatArchiveTime(double sec)
{
    const double whole = std::floor(sec);
    const std::time_t t = static_cast<std::time_t>(whole);
    std::tm tm {};
    localtime_r(&t, &tm);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d.%03d", tm.tm_year + 1900,
        tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
        static_cast<int>(std::min(999.0, std::floor((sec - whole) * 1000))));
    return text;
}

ArchiveTimeOutcome parseArchiveTime(std::string_view text, double startSec, double endSec)
{
    std::string_view s = trim(text);
    if (s.empty())
        return { endSec, {} };
    if (s.front() == '@')
        s = trim(s.substr(1));
    std::optional<double> at;
    if (s.empty()) {
        // "@" alone: no time
    } else if (s.front() == '+') {
        if (const auto d = duration(s.substr(1)))
            at = startSec + *d;
    } else if (s.front() == '-') {
        if (const auto d = duration(s.substr(1)))
            at = endSec - *d;
    } else if (s.find('-') != std::string_view::npos) {
        at = localTime(s);
    } else if (const auto d = duration(s)) {
        at = startSec + *d;
    }
    if (!at)
        return { std::nullopt,
            "--at takes a time in the archive: \"YYYY-MM-DD HH:MM:SS\" (local time), +SECONDS "
            "from its start (+30s, +5m, +1h) or -SECONDS before its end, not '"
                + std::string(text) + "'" };
    // A millisecond of slack: the archive's times are microseconds, the messages' milliseconds.
    if (*at < startSec - 0.001 || *at > endSec + 0.001)
        return { std::nullopt,
            "--at " + std::string(text) + " (" + formatArchiveTime(*at)
                + ") is outside the archive, which runs from " + formatArchiveTime(startSec)
                + " to " + formatArchiveTime(endSec) };
    return { at, {} };
}

} // namespace pg
