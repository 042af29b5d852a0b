#pragma once

// A line chart of a few rates over the last ten minutes (context switches/s, KiB/s paged, ...),
// all in one unit. History is a flat ring of floats (one per series per sample, NaN for unknown)
// plus a ring of sample times; the Qt Charts objects exist only while the chart is shown (see
// ChartHost) and are rebuilt from that history. One QXYSeries::replace per series per redraw,
// redrawn only while visible, at most ChartHost::maxPoints() points per series (each bucket of
// samples draws its largest value). An unknown value (first sample, counter reset) draws no point.

#include "ChartHost.h"
#include "RingBuffer.h"

#include <QList>
#include <QPointF>
#include <QStringList>
#include <optional>
#include <vector>

class QLineSeries;
class QValueAxis;

namespace pg {

class RateChart final : public ChartHost
{
    Q_OBJECT
public:
    // `unit` labels the Y axis ("switches/s"); one series per name.
    RateChart(const QString& title, const QString& unit, const QStringList& seriesNames,
        QWidget* parent = nullptr);

    void setCapacity(std::size_t samples);
    // Values beyond the series count are ignored; missing ones are unknown.
    void push(double timeSeconds, const std::vector<std::optional<double>>& values);
    void redraw();
    std::size_t sampleCount() const { return m_times.size(); }
    std::size_t capacity() const { return m_times.capacity(); }
    // Sample i of series k (0 = oldest); nullopt when unknown.
    std::optional<double> value(std::size_t i, std::size_t k) const;
    // What the user sees: the points series k draws (empty while hidden).
    QList<QPointF> points(int k) const;
    int replaceCount() const { return m_replaceCount; }

protected:
    QChart* createChart() override;
    void releaseChart() override;
    void chartCreated() override { redraw(); }

private:
    QString m_title;
    QString m_unit;
    QStringList m_names;
    std::size_t m_stride; // series per sample
    RingBuffer<double> m_times;
    RingBuffer<float> m_values; // m_stride floats per sample, oldest first
    std::vector<QLineSeries*> m_series;
    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    double m_windowSeconds = 600;
    int m_replaceCount = 0;
};

} // namespace pg
