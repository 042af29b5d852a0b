#include "NiceAxis.h"

#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace pg {

void setNiceRange(QValueAxis* axis, double maxValue, double floor)
{
    const double want = std::max(floor, std::isfinite(maxValue) ? maxValue * 1.05 : 0.0);
    const double decade = std::pow(10.0, std::floor(std::log10(want)));
    double top = decade * 10;
    int ticks = 6;
    for (const auto& [mantissa, tickCount] :
        { std::pair(1.0, 6), std::pair(2.0, 5), std::pair(5.0, 6) }) {
        if (decade * mantissa >= want * (1 - 1e-12)) {
            top = decade * mantissa;
            ticks = tickCount;
            break;
        }
    }
    const double step = top / (ticks - 1);
    const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
    axis->setRange(0, top);
    axis->setTickCount(ticks);
    // Plain numbers ("5000", "0.5"), never printf's %g exponents.
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
}

} // namespace pg
