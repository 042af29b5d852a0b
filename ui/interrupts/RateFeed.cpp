// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/interrupts/RateFeed.h"

#include "ui/charts/TimeChart.h"

#include <limits>

namespace pg {

double feedRates(TimeChart& chart, const RateHistory& history,
    const std::vector<std::optional<RateSeries>>& series, double fedUntil)
{
    const RateSeries timeline = history.total(); // one value per tick: the whole timeline
    const std::size_t n = timeline.size();
    std::size_t first = 0;
    while (first < n && timeline.timeSec(first) <= fedUntil)
        ++first;
    std::vector<double> times;
    std::vector<double> values;
    times.reserve(n - first);
    values.reserve((n - first) * series.size());
    for (std::size_t i = first; i < n; ++i) {
        times.push_back(timeline.timeSec(i));
        for (const std::optional<RateSeries>& s : series) {
            // A row's values end with the timeline; one seen later has fewer.
            const std::size_t size = s ? s->size() : 0;
            values.push_back(
                size + i >= n ? s->rate(i + size - n) : std::numeric_limits<double>::quiet_NaN());
        }
    }
    chart.appendMany(times, values);
    return n > 0 ? timeline.timeSec(n - 1) : fedUntil;
}

} // namespace pg
