// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/NiceAxis.h"

#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace pg {

NiceScale niceScale(double maxValue, double floor)
{
    const double want = std::max(floor, std::isfinite(maxValue) ? maxValue * 1.05 : 0.0);
    const double decade = std::pow(10.0, std::floor(std::log10(want)));
    NiceScale scale { decade * 10, 6, 0 };
    for (const auto& [mantissa, tickCount] :
        { std::pair(1.0, 6), std::pair(2.0, 5), std::pair(5.0, 6) }) {
        if (decade * mantissa >= want * (1 - 1e-12)) {
            scale.top = decade * mantissa;
            scale.ticks = tickCount;
            break;
        }
    }
    const double step = scale.top / (scale.ticks - 1);
    scale.decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
    return scale;
}

void setNiceRange(QValueAxis* axis, double maxValue, double floor)
{
    const NiceScale scale = niceScale(maxValue, floor);
    axis->setRange(0, scale.top);
    axis->setTickCount(scale.ticks);
    // Plain numbers ("5000", "0.5"), never printf's %g exponents.
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(scale.decimals));
}

} // namespace pg
