// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small line chart of a few rates over the last ten minutes (context switches/s, KiB/s paged,
// ...), all in one unit: the System page's Activity tab shows eight of them side by side.
//
// Painted with QPainter rather than Qt Charts: a QChart costs ~0.6 MiB (a graphics scene, a
// QTextDocument per axis label), and eight on one tab broke the 50 MiB memory budget; this costs
// its history and the points on screen. It looks like the Qt Charts charts beside it: title,
// unit-labelled axes, grid, legend, hover values.
//
// History is a flat ring of floats (one per series per sample, NaN for unknown) plus a ring of
// sample times. While shown, each redraw decimates to at most maxPoints() points per series (each
// bucket of samples draws its largest value, so a spike stays visible); an unknown value leaves a
// gap in the line. Nothing is computed while hidden.

#include "core/base/RingBuffer.h"
#include "ui/charts/PlotFrame.h"
#include "ui/charts/TimeChart.h"

#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QStringList>
#include <QWidget>
#include <optional>
#include <vector>

namespace pg {

class RateChart final : public QWidget, public TimeChart
{
    Q_OBJECT
public:
    // `unit` labels the Y axis ("switches/s"); one series per name.
    RateChart(const QString& title, const QString& unit, const QStringList& seriesNames,
        QWidget* parent = nullptr);

    // TimeChart. Colours default to SeriesPalette's for the window's palette.
    void setCapacity(std::size_t samples) override;
    void setRange(double seconds) override;
    double range() const override { return m_windowSeconds; }
    void setSeries(const QStringList& names, const QList<QColor>& colours) override;
    QStringList seriesNames() const override { return m_names; }
    void append(double timeSec, std::span<const double> values) override;
    void appendMany(std::span<const double> times, std::span<const double> values) override;
    void clear() override;
    std::size_t sampleCount() const override { return m_times.size(); }

    // Values beyond the series count are ignored; missing ones are unknown.
    void push(double timeSeconds, const std::vector<std::optional<double>>& values);
    // Recomputes what is drawn (only while visible) and repaints.
    void redraw();
    QColor seriesColour(int k) const;
    std::size_t capacity() const { return m_times.capacity(); }
    // Sample i of series k (0 = oldest); nullopt when unknown.
    std::optional<double> value(std::size_t i, std::size_t k) const;

    // What the user sees. Points of series k as (seconds before the newest sample, value), all
    // line pieces in time order (empty while hidden); the line breaks where samples are unknown.
    QList<QPointF> points(int k) const;
    int lineCount(int k) const; // pieces of series k's line
    QString title() const { return m_title; }
    void setTitle(const QString& title);
    double axisTop() const { return m_top; }
    QStringList yLabels() const;
    int replaceCount() const { return m_replaceCount; } // series recomputed, for tests
    // At most one point per two pixels of the plot, 60..400.
    int maxPoints() const;
    // The tooltip hovering at x (seconds before now) shows.
    QString hoverText(double secondsAgo) const;

    QSize sizeHint() const override { return { 420, 230 }; }
    QSize minimumSizeHint() const override { return { 200, 140 }; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override; // tooltips

private:
    PlotFrame frame() const;
    QRectF plotRect() const;
    QPointF toPixels(const QPointF& p, const QRectF& plot) const;
    void pushValues(double timeSeconds, const double* values, std::size_t count);

    QString m_title;
    QString m_unit;
    QStringList m_names;
    QList<QColor> m_colours; // empty: the palette's
    std::size_t m_stride; // series per sample
    RingBuffer<double> m_times;
    RingBuffer<float> m_values; // m_stride floats per sample, oldest first
    std::vector<std::vector<QPolygonF>> m_lines; // per series: the pieces drawn
    double m_windowSeconds = 600;
    double m_top = 1;
    int m_ticks = 6;
    int m_decimals = 1;
    int m_replaceCount = 0;
};

} // namespace pg
