// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/Format.h"

#include <QDateTime>
#include <cmath>
#include <string>

namespace pg::fmt {

QString kib(std::uint64_t kib)
{
    static const char* const units[] = { "KiB", "MiB", "GiB", "TiB", "PiB" };
    if (kib < 1024)
        return QStringLiteral("%1 KiB").arg(kib);
    double value = static_cast<double>(kib);
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    const int decimals = value < 10 ? 2 : (value < 100 ? 1 : 0);
    return QStringLiteral("%1 %2").arg(value, 0, 'f', decimals).arg(QLatin1String(units[unit]));
}

QString cpuTime(std::uint64_t ticks, long ticksPerSecond)
{
    if (ticksPerSecond <= 0)
        ticksPerSecond = 100;
    const auto tps = static_cast<std::uint64_t>(ticksPerSecond);
    // Divide first: ticks * 100 overflows for counters near 2^64.
    const std::uint64_t hundredths = ticks / tps * 100 + ticks % tps * 100 / tps;
    const std::uint64_t totalSeconds = hundredths / 100;
    const std::uint64_t hours = totalSeconds / 3600;
    const std::uint64_t minutes = (totalSeconds / 60) % 60;
    const std::uint64_t seconds = totalSeconds % 60;
    if (hours > 0)
        return QStringLiteral("%1h%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, QChar('0'))
            .arg(seconds, 2, 10, QChar('0'));
    return QStringLiteral("%1:%2.%3")
        .arg(minutes)
        .arg(seconds, 2, 10, QChar('0'))
        .arg(hundredths % 100, 2, 10, QChar('0'));
}

QString percent(double value)
{
    if (std::isnan(value))
        return QString();
    return QString::number(value, 'f', 1);
}

QString rate(double perSecond)
{
    if (std::isnan(perSecond))
        return QString();
    if (perSecond == 0)
        return QStringLiteral("0");
    if (std::abs(perSecond) >= 10)
        return QString::number(perSecond, 'f', 0);
    if (std::abs(perSecond) < 0.05)
        return perSecond > 0 ? QStringLiteral("<0.1") : QStringLiteral(">-0.1");
    return QString::number(perSecond, 'f', 1);
}

QString duration(double seconds)
{
    if (!(seconds >= 0))
        return QString();
    const auto total = static_cast<std::uint64_t>(seconds);
    const std::uint64_t days = total / 86400;
    const QString hms = QStringLiteral("%1:%2:%3")
                            .arg((total / 3600) % 24, 2, 10, QChar('0'))
                            .arg((total / 60) % 60, 2, 10, QChar('0'))
                            .arg(total % 60, 2, 10, QChar('0'));
    return days > 0 ? QStringLiteral("%1d %2").arg(days).arg(hms) : hms;
}

QString startTime(std::int64_t unixMs, std::int64_t nowUnixMs)
{
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(unixMs);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowUnixMs);
    if (when.date() == now.date())
        return when.toString(QStringLiteral("HH:mm"));
    if (when.date().year() == now.date().year())
        return when.toString(QStringLiteral("MMM dd"));
    return when.toString(QStringLiteral("yyyy-MM-dd"));
}

QString displayBytes(const std::string& bytes)
{
    QString out;
    out.reserve(static_cast<qsizetype>(bytes.size()));
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    auto hex
        = [&out](unsigned char c) { out += QStringLiteral("\\x%1").arg(c, 2, 16, QChar('0')); };
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            if (c == '\n')
                out += QLatin1String("\\n");
            else if (c == '\t')
                out += QLatin1String("\\t");
            else if (c == '\r')
                out += QLatin1String("\\r");
            else if (c < 0x20 || c == 0x7f)
                hex(c);
            else if (c == '\\')
                out += QLatin1String("\\\\");
            else
                out += QChar(c);
            ++i;
            continue;
        }
        // Decode one UTF-8 sequence by hand so that invalid bytes are escaped one by one.
        int len = 0;
        char32_t cp = 0;
        if (c >= 0xc2 && c <= 0xdf) {
            len = 2;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            len = 3;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            len = 4;
            cp = c & 0x07;
        }
        bool valid = len > 0 && i + static_cast<std::size_t>(len) <= n;
        for (int k = 1; valid && k < len; ++k) {
            const unsigned char cc = p[i + static_cast<std::size_t>(k)];
            if ((cc & 0xc0) != 0x80)
                valid = false;
            else
                cp = (cp << 6) | (cc & 0x3f);
        }
        if (valid
            && ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff))
                || (cp >= 0xd800 && cp <= 0xdfff)))
            valid = false;
        if (!valid) {
            hex(c);
            ++i;
            continue;
        }
        // C1 controls, bidi embeddings/overrides/isolates and line/paragraph separators are shown
        // as \u{...} so they cannot reorder or break the line.
        const bool unsafe = (cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e)
            || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f || cp == 0x2028
            || cp == 0x2029 || cp == 0x061c;
        if (unsafe)
            out += QStringLiteral("\\u{%1}").arg(static_cast<uint>(cp), 4, 16, QChar('0'));
        else
            out += QString::fromUcs4(&cp, 1);
        i += static_cast<std::size_t>(len);
    }
    return out;
}

} // namespace pg::fmt
