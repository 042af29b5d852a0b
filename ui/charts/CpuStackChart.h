#pragma once

// A stacked area chart of CPU time by kernel context over the last ten minutes: user space (user,
// nice), process context (system), interrupt context (irq, softirq), plus iowait and steal; the
// empty space above the stack is idle. Fed from a bounded RingBuffer, one QXYSeries::replace per
// series per redraw, and redrawn only while visible.

#include "RingBuffer.h"
#include "SystemOverview.h"

#include <QChartView>
#include <array>

class QAreaSeries;
class QLineSeries;
class QValueAxis;

namespace pg {

class CpuStackChart final : public QChartView
{
    Q_OBJECT
public:
    explicit CpuStackChart(const QString& title, bool compact, QWidget* parent = nullptr);

    static constexpr int kStates = 7; // user nice system irq softirq iowait steal

    void setCapacity(std::size_t samples) { m_history.setCapacity(samples); }
    void setWindowSeconds(double seconds);
    // Adds a sample; redraws when visible.
    void push(double timeSeconds, const CpuShare& share);
    void redraw();
    std::size_t sampleCount() const { return m_history.size(); }

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Sample
    {
        double time = 0;
        bool valid = false;
        std::array<float, kStates> percent {};
    };

    RingBuffer<Sample> m_history;
    std::array<QLineSeries*, kStates> m_upper {};
    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    double m_windowSeconds = 600;
};

} // namespace pg
