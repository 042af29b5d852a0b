// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one way a page feeds a chart of values over time, whatever draws it (Qt Charts for the
// interrupts, QPainter for the CPU stacks and the Activity rates, which must stay cheap on 256
// CPUs). A page pushes samples; the chart keeps them in its own ring of `capacity` samples and
// draws the last `range` seconds of them, so shrinking the range hides older samples and growing it
// shows them again as far as the ring reaches. A hidden chart only records; it draws on show.
//
//   chart->setCapacity(samples);          // the longest range the page offers, at its interval
//   chart->setRange(seconds);             // the x axis spans exactly -seconds .. 0
//   chart->setSeries(names, colours);     // new names start an empty history
//   chart->append(t, values);             // one value per series, NaN: unknown (a gap)
//   chart->appendMany(times, values);     // a backlog: values row by row, one redraw
//   chart->clear();

#include <QColor>
#include <QList>
#include <QStringList>
#include <cstddef>
#include <span>

namespace pg {

class TimeChart
{
public:
    virtual ~TimeChart() = default;

    virtual void setCapacity(std::size_t samples) = 0;
    virtual void setRange(double seconds) = 0;
    virtual double range() const = 0;
    // Same names: only the colours change and the history stays. Other names: the history is
    // dropped (its values belonged to other series). An empty `colours` picks SeriesPalette's.
    virtual void setSeries(const QStringList& names, const QList<QColor>& colours) = 0;
    virtual QStringList seriesNames() const = 0;
    virtual void append(double timeSec, std::span<const double> values) = 0;
    // times.size() samples; sample i's values are values[i * seriesNames().size() + k].
    virtual void appendMany(std::span<const double> times, std::span<const double> values) = 0;
    virtual void clear() = 0;
    virtual std::size_t sampleCount() const = 0;
};

} // namespace pg
