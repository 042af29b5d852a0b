// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/NiceAxis.h"

#include <algorithm>
#include <cmath>

namespace pg {

namespace {

struct Ceiling
{
    double mantissa;
    int ticks; // a round step: top / (ticks - 1) is 1, 2 or 5 times a power of ten
};

template <std::size_t N>
NiceScale scaleFrom(double maxValue, double floor, const Ceiling (&ceilings)[N])
{
    const double want = std::max(floor, std::isfinite(maxValue) ? maxValue * 1.05 : 0.0);
    const double decade = std::pow(10.0, std::floor(std::log10(want)));
    NiceScale scale { decade * 10, 6, 0 };
    for (const Ceiling& c : ceilings) {
        if (decade * c.mantissa >= want * (1 - 1e-12)) {
            scale.top = decade * c.mantissa;
            scale.ticks = c.ticks;
            break;
        }
    }
    const double step = scale.top / (scale.ticks - 1);
    scale.decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
    return scale;
}

constexpr Ceiling kCoarse[] = { { 1.0, 6 }, { 2.0, 5 }, { 5.0, 6 } };
constexpr Ceiling kFine[] = { { 1.0, 6 }, { 1.5, 4 }, { 2.0, 5 }, { 2.5, 6 }, { 3.0, 4 },
    { 4.0, 5 }, { 5.0, 6 }, { 6.0, 4 }, { 8.0, 5 } };

} // namespace

NiceScale niceScale(double maxValue, double floor)
{
    return scaleFrom(maxValue, floor, kCoarse);
}

NiceScale fineNiceScale(double maxValue, double floor)
{
    return scaleFrom(maxValue, floor, kFine);
}

} // namespace pg
