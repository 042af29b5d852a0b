// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The base of the time charts: a plain QWidget whose subclass owns the chart's compact history,
// and which holds Qt Charts objects (a QChartView with its QChart, axes, series, labels: about
// half a MiB each) only while it is shown. The view is built on show and deleted on hide, then
// rebuilt from the history on the next show; a spontaneous hide (the window minimised) keeps it.

#include <QWidget>

class QChart;
class QChartView;

namespace pg {

class ChartHost : public QWidget
{
    Q_OBJECT
public:
    explicit ChartHost(QWidget* parent = nullptr);
    ~ChartHost() override;

    // Null while the chart is hidden.
    QChart* chart() const;
    QChartView* chartView() const { return m_view; }

    // Points one series may draw: one per three pixels of the plot area, never more than
    // kMaxPoints (the plot's width is unknown until the first layout).
    int maxPoints() const;
    static constexpr int kMaxPoints = 300;
    static constexpr int kMinPoints = 60;

protected:
    // Builds the chart (axes, series, title) on show; the view takes ownership.
    virtual QChart* createChart() = 0;
    // The chart is about to be deleted: forget every pointer into it.
    virtual void releaseChart() = 0;
    // The chart was just built: fill it from the history.
    virtual void chartCreated() { }
    void setAntialiasing(bool on);

    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QChartView* m_view = nullptr;
    bool m_antialiasing = true;
};

} // namespace pg
