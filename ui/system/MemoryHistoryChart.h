// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Memory in use over the last ten minutes, as GNOME System Monitor, KDE and btop show it: RAM used
// (free(1)'s figure) at the bottom, cache and buffers stacked on it (together: procinfo's Used,
// total − free), and swap used as a line; the axis runs to the RAM size, so the picture reads as
// "how full". Fed from /proc/meminfo once per System tick.
//
// Painted on the charts' PlotFrame, not Qt Charts: a QChart costs ~0.6 MiB and the whole program
// must stay under the 50 MiB the soak checks. History is a ring of floats (GiB, NaN unknown), three
// per sample; while shown each redraw keeps at most one point per two pixels (the bucket's fullest
// sample, so a short peak stays visible); nothing is computed while hidden.
//
// It is fed through TimeChart like every chart (values in GiB, NaN unknown); its three series are
// fixed by what they mean (the stack is drawn from them), so setSeries() only recolours them and
// ignores names other than seriesNames().

#include "core/base/RingBuffer.h"
#include "core/system/MemInfo.h"
#include "ui/charts/PlotFrame.h"
#include "ui/charts/TimeChart.h"

#include <QPointF>
#include <QWidget>
#include <optional>
#include <vector>

namespace pg {

class MemoryHistoryChart final : public QWidget, public TimeChart
{
    Q_OBJECT
public:
    enum Series { Used, Cache, Swap, SeriesCount }; // Cache: Buffers + Cached + SReclaimable

    explicit MemoryHistoryChart(QWidget* parent = nullptr);

    // TimeChart: values per sample are Used, Cache, Swap in GiB.
    void setCapacity(std::size_t samples) override;
    void setRange(double seconds) override;
    double range() const override { return m_windowSeconds; }
    void setSeries(const QStringList& names, const QList<QColor>& colours) override;
    QStringList seriesNames() const override;
    void append(double timeSec, std::span<const double> values) override;
    void appendMany(std::span<const double> times, std::span<const double> values) override;
    void clear() override;
    std::size_t sampleCount() const override { return m_times.size(); }

    // One sample from /proc/meminfo (missing lines: unknown); nullptr: the file was not readable.
    void push(double timeSeconds, const MemInfo* memInfo);
    void redraw();

    std::optional<double> valueGib(std::size_t i, Series s) const; // 0 = oldest
    // What is drawn (empty while hidden): per series (seconds before the newest sample, GiB);
    // Cache's points are the top of the stack (used + cache).
    std::vector<QPointF> points(Series s) const;
    double axisTopGib() const { return m_top; }
    std::optional<double> ramTotalGib() const { return m_ramTotal; }
    QString hoverText(double secondsAgo) const;
    static QString seriesName(Series s);
    static QColor seriesColor(Series s); // the default colours
    QColor colour(Series s) const;

    QSize sizeHint() const override { return { 840, 240 }; }
    QSize minimumSizeHint() const override { return { 240, 150 }; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override; // tooltips

private:
    PlotFrame frame() const;
    int maxPoints() const;

    RingBuffer<double> m_times;
    RingBuffer<float> m_values; // SeriesCount floats per sample
    std::vector<std::vector<QPointF>> m_drawn; // per series, one piece per run of known samples
    std::vector<std::vector<int>> m_breaks; // per series: where a new piece starts in m_drawn
    std::optional<double> m_ramTotal, m_swapTotal;
    double m_windowSeconds = 600;
    QList<QColor> m_colours; // empty: seriesColor()
    double m_top = 1;
    int m_ticks = 6;
    int m_decimals = 1;
};

} // namespace pg
