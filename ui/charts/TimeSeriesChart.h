// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Qt Charts line chart of rates over time (the Interrupts page), a TimeChart: the page pushes
// samples, the chart keeps them in its own ring (one float ring per series beside one ring of
// sample times) and draws the last range() seconds. Each redraw does one QXYSeries::replace() per
// series, with at most ChartHost::maxPoints() points (each bucket of samples draws its largest
// value, so spikes stay visible; unknown values draw none). The x axis spans exactly -range .. 0
// seconds relative to the newest sample; the y axis carries the unit given to the constructor and
// labels its ticks with fmt::rate(), as the table does. Series that are zero over the whole window
// are hidden (the title says so) so a chart of 300 idle interrupts does not become a flat rainbow.
// The legend is a ChartLegend under the plot (full names, tooltips). While hidden the chart holds
// no Qt Charts objects and only records; it draws from its ring when shown.

#include "core/base/RingBuffer.h"
#include "core/interrupts/IrqRates.h"
#include "ui/charts/ChartHost.h"
#include "ui/charts/TimeChart.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

class QCategoryAxis;
class QLineSeries;

namespace pg {

class ChartLegend;

class TimeSeriesChart final : public ChartHost, public TimeChart
{
    Q_OBJECT
public:
    struct Input
    {
        QString name;
        std::optional<RateSeries> points; // nullopt: no history yet
    };

    TimeSeriesChart(const QString& title, const QString& yUnit, QWidget* parent = nullptr);

    // TimeChart
    void setCapacity(std::size_t samples) override;
    void setRange(double seconds) override;
    double range() const override { return m_range; }
    void setSeries(const QStringList& names, const QList<QColor>& colours) override;
    QStringList seriesNames() const override { return m_names; }
    void append(double timeSec, std::span<const double> values) override;
    void appendMany(std::span<const double> times, std::span<const double> values) override;
    void clear() override;
    std::size_t sampleCount() const override { return m_times.size(); }

    // Loads whole histories at once (all on one timeline, as a RateHistory's are): the series
    // become `inputs`' names and their samples up to `nowSec` replace the chart's.
    void setSeries(const std::vector<Input>& inputs, double nowSec);
    void setTitleText(const QString& title);

    // For tests and the page: what the user sees (nothing while hidden).
    QStringList visibleSeriesNames() const;
    QList<QPointF> points(const QString& name) const;
    QColor seriesColour(const QString& name) const;
    int replaceCount() const { return m_replaceCount; }
    QString yAxisTitle() const { return m_unit; }
    std::pair<double, double> xAxisRange() const; // (0, 0) while hidden
    QStringList xAxisLabels() const; // empty while hidden
    QStringList yAxisLabels() const; // empty while hidden
    ChartLegend* legend() const { return m_legend; }
    // The tooltip text hovering `name` at x (seconds before now) shows.
    QString hoverText(const QString& name, double x) const;

protected:
    QChart* createChart() override;
    void releaseChart() override;
    void chartCreated() override { redraw(); }
    void changeEvent(QEvent* event) override;

private:
    void redraw();
    void rebuildSeries();
    void applyPalette();
    void onHovered(QLineSeries* series, const QPointF& point, bool state);
    void updateTitle();
    void labelTimeAxis(); // when the range changed since the labels were made
    Qt::PenStyle styleOf(int k) const;

    QString m_title;
    QString m_unit;
    QStringList m_names;
    QList<QColor> m_colours; // as given; empty: the palette's
    std::size_t m_capacity;
    double m_range = kDefaultHistorySeconds;
    RingBuffer<double> m_times;
    std::vector<RingBuffer<float>> m_values; // per series, aligned with m_times
    ChartLegend* m_legend;
    QCategoryAxis* m_x = nullptr;
    double m_xLabelledRange = 0; // the range m_x's labels are for; 0: none yet
    QCategoryAxis* m_y = nullptr;
    QList<QLineSeries*> m_series; // aligned with m_names while shown
    int m_hidden = 0;
    int m_replaceCount = 0;
};

} // namespace pg
