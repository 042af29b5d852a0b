// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Formatting for the System overview's figures: byte counts, rates and the "unknown" mark.

#include <QString>
#include <cstdint>
#include <optional>

namespace pg::ofmt {

// 1536 -> "1.50 KiB"; bytes under 1 KiB stay in bytes.
QString bytes(double bytes);
// 1536 -> "1.50 KiB/s".
QString byteRate(double bytesPerSec);
// A count per second: "12.3/s", "1,234/s".
QString perSecond(std::optional<double> value);
// 1234567 -> "1,234,567" (grouped, as procinfo prints big counters readably).
QString count(std::uint64_t value);
// What an unknown figure shows (its tooltip says why).
inline QString unknown()
{
    return QStringLiteral("–");
}

} // namespace pg::ofmt
