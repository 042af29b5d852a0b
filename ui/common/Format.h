// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Human-readable formatting of the raw numbers the models hold. Display only: sorting and export
// use the raw values.

#include <QString>
#include <QVariant>
#include <cstdint>

namespace pg::fmt {

// 1536 -> "1.5 MiB"; values under 1 MiB stay in KiB ("812 KiB").
QString kib(std::uint64_t kib);
// A size cell of a table model: the raw KiB for sorting (`raw`), else kib()'s text.
inline QVariant kibCell(std::uint64_t value, bool raw)
{
    return raw ? QVariant(qlonglong(value)) : QVariant(kib(value));
}
// Clock ticks of CPU time -> "1:23.45" (m:ss.hh) or "2h03:15" past an hour, as top's TIME+.
QString cpuTime(std::uint64_t ticks, long ticksPerSecond);
// 12.345 -> "12.3"; NaN -> "" (the caller shows why).
QString percent(double value);
// An event rate (interrupts/s, softirqs/s) for the table, tooltips, legends and chart axes alike:
// integers from 10 up ("20", "3000"), one decimal below ("3.0", "0.2"), "0" for none at all and
// "<0.1" for a rate that one decimal would show as none. NaN -> "" (the caller shows why).
QString rate(double perSecond);
// Seconds -> "3d 04:05:06" / "04:05:06".
QString duration(double seconds);
// A start time in ms since the epoch -> "14:03" today, "Nov 25" this year, "2025-11-25" otherwise.
QString startTime(std::int64_t unixMs, std::int64_t nowUnixMs);
// Raw bytes from /proc (which need not be UTF-8) -> one display line: control characters,
// bidirectional overrides and invalid bytes are shown as visible escapes, so a hostile process name
// cannot break the table or pretend to be something else.
QString displayBytes(const std::string& bytes);

} // namespace pg::fmt
