// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/system/OverviewFormat.h"

#include <QLocale>

namespace pg::ofmt {

QString bytes(double value)
{
    static const char* const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB" };
    int unit = 0;
    while (value >= 1024.0 && unit < 5) {
        value /= 1024.0;
        ++unit;
    }
    if (unit == 0)
        return QStringLiteral("%1 B").arg(value, 0, 'f', 0);
    const int decimals = value < 10 ? 2 : (value < 100 ? 1 : 0);
    return QStringLiteral("%1 %2").arg(value, 0, 'f', decimals).arg(QLatin1String(units[unit]));
}

QString byteRate(double bytesPerSec)
{
    return bytes(bytesPerSec) + QStringLiteral("/s");
}

QString perSecond(std::optional<double> value)
{
    if (!value)
        return unknown();
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    const int decimals = *value < 10 && *value != 0 ? 1 : 0;
    return c.toString(*value, 'f', decimals) + QStringLiteral("/s");
}

QString count(std::uint64_t value)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    return c.toString(static_cast<qulonglong>(value));
}

} // namespace pg::ofmt
