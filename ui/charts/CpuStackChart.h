// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A stacked area chart of CPU time by kernel context over the last ten minutes: user space (user,
// nice), process context (system), interrupt context (irq, softirq), plus iowait and steal; the
// empty space above the stack is idle. One for the machine and a compact one per CPU.
//
// Painted with QPainter, not Qt Charts: a QChart costs ~0.6 MiB and a 256-CPU machine has 257 of
// these. History is a flat ring of floats (kStates per sample, NaN when the sample had no valid
// share) plus a ring of sample times. While shown, each redraw draws at most maxPoints() samples:
// each bucket of samples draws its busiest sample whole, so a short burst stays visible and the
// stack never sums past 100 %; an invalid stretch leaves a gap. Nothing is computed while hidden.

#include "core/base/RingBuffer.h"
#include "core/system/SystemOverview.h"
#include "ui/charts/PlotFrame.h"
#include "ui/charts/TimeChart.h"

#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QWidget>
#include <array>
#include <vector>

namespace pg {

class CpuStackChart final : public QWidget, public TimeChart
{
    Q_OBJECT
public:
    explicit CpuStackChart(const QString& title, bool compact, QWidget* parent = nullptr);

    static constexpr int kStates = 7; // user nice system irq softirq iowait steal

    // TimeChart. The series are the kStates states, bottom of the stack first, in % of the
    // interval; setSeries() renames and recolours them (a list of another length is ignored, the
    // stack's meaning is fixed). append() takes the kStates percentages, NaN: no valid share.
    void setCapacity(std::size_t samples) override;
    void setRange(double seconds) override { setWindowSeconds(seconds); }
    double range() const override { return m_windowSeconds; }
    void setSeries(const QStringList& names, const QList<QColor>& colours) override;
    QStringList seriesNames() const override { return m_names; }
    void append(double timeSec, std::span<const double> values) override;
    void appendMany(std::span<const double> times, std::span<const double> values) override;
    void clear() override;
    std::size_t sampleCount() const override { return m_times.size(); }

    void setWindowSeconds(double seconds);
    // Adds a sample; redraws when visible.
    void push(double timeSeconds, const CpuShare& share);
    void redraw();
    // The states' values of one share, in series order, for append().
    static std::array<double, 7> values(const CpuShare& share);
    // What the user sees: the top edge of stacked state `state`, all pieces in time order, as
    // (seconds before the newest sample, stacked %); empty while hidden.
    QList<QPointF> points(int state) const;
    int replaceCount() const { return m_replaceCount; }
    int maxPoints() const; // one per two pixels of the plot, 30..400
    // The tooltip hovering at x (seconds before now) shows.
    QString hoverText(double secondsAgo) const;

    QSize sizeHint() const override { return { 420, m_compact ? 170 : 320 }; }
    QSize minimumSizeHint() const override { return { 160, 110 }; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override; // tooltips

private:
    // One unbroken stretch of drawn samples: x and the stacked tops of every state.
    struct Piece
    {
        std::vector<double> x;
        std::vector<std::array<float, kStates>> top;
    };

    PlotFrame frame() const;
    int legendWidth() const;

    void pushValues(double timeSeconds, const double* values, std::size_t count);
    QColor stateColour(std::size_t k) const;

    QString m_title;
    bool m_compact;
    QStringList m_names;
    QList<QColor> m_colours;
    RingBuffer<double> m_times;
    RingBuffer<float> m_percent; // kStates floats per sample, oldest first; NaN: not valid
    std::vector<Piece> m_pieces;
    double m_windowSeconds = 600;
    int m_replaceCount = 0;
};

} // namespace pg
