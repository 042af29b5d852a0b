#include "RateChart.h"

#include "NiceAxis.h"

#include "Decimation.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>
#include <cmath>
#include <limits>
#include <utility>

namespace pg {

namespace {

constexpr std::size_t kDefaultCapacity = 601;

} // namespace

RateChart::RateChart(
    const QString& title, const QString& unit, const QStringList& seriesNames, QWidget* parent)
    : ChartHost(parent)
    , m_title(title)
    , m_unit(unit)
    , m_names(seriesNames)
    , m_stride(seriesNames.isEmpty() ? 1 : static_cast<std::size_t>(seriesNames.size()))
    , m_times(kDefaultCapacity)
    , m_values(kDefaultCapacity * m_stride)
{ }

QChart* RateChart::createChart()
{
    auto* chart = new QChart;
    chart->setTitle(m_title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_x = new QValueAxis(chart);
    m_x->setRange(-m_windowSeconds, 0);
    m_x->setTitleText(tr("seconds ago"));
    m_x->setLabelFormat(QStringLiteral("%d"));
    m_x->setTickCount(7);
    m_y = new QValueAxis(chart);
    m_y->setTitleText(m_unit);
    setNiceRange(m_y, 0);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    for (const QString& name : std::as_const(m_names)) {
        auto* series = new QLineSeries(chart);
        series->setName(name);
        chart->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
        m_series.push_back(series);
    }
    return chart;
}

void RateChart::releaseChart()
{
    m_series.clear();
    m_x = nullptr;
    m_y = nullptr;
}

void RateChart::setCapacity(std::size_t samples)
{
    samples = samples ? samples : 1;
    m_times.setCapacity(samples);
    m_values.setCapacity(samples * m_stride);
}

void RateChart::push(double timeSeconds, const std::vector<std::optional<double>>& values)
{
    m_times.push(timeSeconds);
    for (std::size_t k = 0; k < m_stride; ++k) {
        const bool known = k < values.size() && values[k];
        m_values.push(
            known ? static_cast<float>(*values[k]) : std::numeric_limits<float>::quiet_NaN());
    }
    if (isVisible())
        redraw();
}

std::optional<double> RateChart::value(std::size_t i, std::size_t k) const
{
    if (i >= sampleCount() || k >= m_stride)
        return std::nullopt;
    const float v = m_values[i * m_stride + k];
    return std::isnan(v) ? std::nullopt : std::optional(static_cast<double>(v));
}

QList<QPointF> RateChart::points(int k) const
{
    if (k < 0 || static_cast<std::size_t>(k) >= m_series.size())
        return {};
    return m_series[static_cast<std::size_t>(k)]->points();
}

void RateChart::redraw()
{
    if (m_series.empty() || m_times.empty())
        return;
    const double now = m_times.newest();
    std::size_t begin = 0;
    while (begin < m_times.size() && m_times[begin] - now < -m_windowSeconds)
        ++begin;
    const std::size_t end = m_times.size();
    const std::size_t perPoint
        = samplesPerPoint(end - begin, static_cast<std::size_t>(maxPoints()));
    const std::uint64_t firstAbsolute = m_times.pushedCount() - m_times.size();
    double maxValue = 0;
    for (std::size_t k = 0; k < m_series.size(); ++k) {
        QList<QPointF> points;
        points.reserve(static_cast<qsizetype>((end - begin) / perPoint + 2));
        auto valueAt
            = [this, k](std::size_t i) { return static_cast<double>(m_values[i * m_stride + k]); };
        forEachBucketPeak(
            begin, end, perPoint, [firstAbsolute](std::size_t i) { return firstAbsolute + i; },
            valueAt,
            [&](std::size_t i) {
                const double v = valueAt(i);
                points.append(QPointF(m_times[i] - now, v));
                maxValue = std::max(maxValue, v);
            });
        m_series[k]->replace(points);
        ++m_replaceCount;
    }
    setNiceRange(m_y, maxValue);
}

} // namespace pg
