#pragma once

// A stacked area chart of CPU time by kernel context over the last ten minutes: user space (user,
// nice), process context (system), interrupt context (irq, softirq), plus iowait and steal; the
// empty space above the stack is idle. History is a flat ring of floats (kStates per sample, NaN
// when the sample had no valid share) plus a ring of sample times; the Qt Charts objects exist
// only while the chart is shown (see ChartHost) and are rebuilt from that history. One
// QXYSeries::replace per series per redraw, redrawn only while visible, at most
// ChartHost::maxPoints() points per series: each bucket of samples draws its busiest sample, so a
// short burst stays visible and the stack never sums past 100 %.

#include "ChartHost.h"
#include "RingBuffer.h"
#include "SystemOverview.h"

#include <QList>
#include <QPointF>
#include <array>

class QLineSeries;
class QValueAxis;

namespace pg {

class CpuStackChart final : public ChartHost
{
    Q_OBJECT
public:
    explicit CpuStackChart(const QString& title, bool compact, QWidget* parent = nullptr);

    static constexpr int kStates = 7; // user nice system irq softirq iowait steal

    void setCapacity(std::size_t samples);
    void setWindowSeconds(double seconds);
    // Adds a sample; redraws when visible.
    void push(double timeSeconds, const CpuShare& share);
    void redraw();
    std::size_t sampleCount() const { return m_times.size(); }
    // What the user sees: the top edge of stacked state `state` (empty while hidden).
    QList<QPointF> points(int state) const;
    int replaceCount() const { return m_replaceCount; }

protected:
    QChart* createChart() override;
    void releaseChart() override;
    void chartCreated() override { redraw(); }

private:
    QString m_title;
    bool m_compact;
    RingBuffer<double> m_times;
    RingBuffer<float> m_percent; // kStates floats per sample, oldest first; NaN: not valid
    std::array<QLineSeries*, kStates> m_upper {};
    QValueAxis* m_x = nullptr;
    double m_windowSeconds = 600;
    int m_replaceCount = 0;
};

} // namespace pg
