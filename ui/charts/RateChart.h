#pragma once

// A line chart of a few rates over the last ten minutes (context switches/s, KiB/s paged, ...),
// all in one unit. Fed from a bounded RingBuffer, one QXYSeries::replace per series per redraw,
// redrawn only while visible. An unknown value (first sample, counter reset) leaves a gap.

#include "RingBuffer.h"

#include <QChartView>
#include <optional>
#include <vector>

class QLineSeries;
class QValueAxis;

namespace pg {

class RateChart final : public QChartView
{
    Q_OBJECT
public:
    // `unit` labels the Y axis ("switches/s"); one series per name.
    RateChart(const QString& title, const QString& unit, const QStringList& seriesNames,
        QWidget* parent = nullptr);

    void setCapacity(std::size_t samples) { m_history.setCapacity(samples); }
    void push(double timeSeconds, const std::vector<std::optional<double>>& values);
    void redraw();
    std::size_t sampleCount() const { return m_history.size(); }

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Sample
    {
        double time = 0;
        std::vector<std::optional<double>> values;
    };

    RingBuffer<Sample> m_history;
    std::vector<QLineSeries*> m_series;
    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    double m_windowSeconds = 600;
};

} // namespace pg
