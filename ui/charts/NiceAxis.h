// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A value scale from 0 to a round ceiling (1, 2 or 5 times a power of ten) with ticks on round
// numbers and labels with just the decimals the step needs: "0 1 2 3 4 5", "0.0 0.5 1.0 1.5 2.0",
// "0.00 0.04 ... 0.20". Round ceilings keep the axis from jittering with every sample.

namespace pg {

struct NiceScale
{
    double top = 1;
    int ticks = 6; // including 0 and top
    int decimals = 1; // for every tick label
};

// `floor` is the smallest ceiling (an idle chart still reads 0 to `floor`).
NiceScale niceScale(double maxValue, double floor = 1.0);
// The same with more ceilings (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten), for a scale
// whose top is a fixed size the chart should fill (23.5 GiB of RAM: 0 to 25, not 0 to 50).
NiceScale fineNiceScale(double maxValue, double floor = 1.0);

} // namespace pg
