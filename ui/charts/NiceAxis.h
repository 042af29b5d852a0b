#pragma once

// A value axis from 0 to a round ceiling (1, 2 or 5 times a power of ten) with ticks on round
// numbers and labels with just the decimals the step needs: "0 1 2 3 4 5", "0.0 0.5 1.0 1.5 2.0",
// "0.00 0.04 ... 0.20". Round ceilings keep the axis from jittering with every sample.

class QValueAxis;

namespace pg {

// `floor` is the smallest ceiling (an idle chart still reads 0 to `floor`).
void setNiceRange(QValueAxis* axis, double maxValue, double floor = 1.0);

} // namespace pg
