// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Feeds a chart from a RateHistory: the samples after `fedUntil` (all of them when fedUntil is
// -infinity, after new series), one appendMany() for the backlog. Used by both views of the
// Interrupts page that chart rates (InterruptsPanel, DevicePanel).

#include "core/interrupts/IrqRates.h"

#include <optional>
#include <vector>

namespace pg {

class TimeChart;

// `series` are aligned with the chart's series names (nullopt: no history yet, drawn as gaps);
// returns the time of the newest sample fed (fedUntil unchanged when the history is empty).
double feedRates(TimeChart& chart, const RateHistory& history,
    const std::vector<std::optional<RateSeries>>& series, double fedUntil);

} // namespace pg
