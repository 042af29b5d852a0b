#include "RateChart.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>
#include <cmath>
#include <utility>

namespace pg {

RateChart::RateChart(
    const QString& title, const QString& unit, const QStringList& seriesNames, QWidget* parent)
    : QChartView(parent)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_x = new QValueAxis(chart);
    m_x->setRange(-m_windowSeconds, 0);
    m_x->setTitleText(tr("seconds ago"));
    m_x->setLabelFormat(QStringLiteral("%d"));
    m_x->setTickCount(7);
    m_y = new QValueAxis(chart);
    m_y->setRange(0, 1);
    m_y->setTitleText(unit);
    m_y->setLabelFormat(QStringLiteral("%.1f"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    for (const QString& name : seriesNames) {
        auto* series = new QLineSeries(chart);
        series->setName(name);
        chart->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
        m_series.push_back(series);
    }
    // QChartView's constructor made a chart of its own; setChart() hands it back to us (Qt docs:
    // "make sure the previous chart is deleted").
    QChart* placeholder = QChartView::chart();
    setChart(chart);
    delete placeholder;
    setRenderHint(QPainter::Antialiasing);
}

void RateChart::push(double timeSeconds, const std::vector<std::optional<double>>& values)
{
    m_history.push({ timeSeconds, values });
    if (isVisible())
        redraw();
}

void RateChart::redraw()
{
    if (m_history.empty())
        return;
    const double now = m_history.newest().time;
    double maxValue = 0;
    for (std::size_t k = 0; k < m_series.size(); ++k) {
        QList<QPointF> points;
        points.reserve(static_cast<qsizetype>(m_history.size()));
        for (std::size_t i = 0; i < m_history.size(); ++i) {
            const Sample& s = m_history[i];
            const double x = s.time - now;
            if (x < -m_windowSeconds || k >= s.values.size() || !s.values[k])
                continue;
            points.append(QPointF(x, *s.values[k]));
            maxValue = std::max(maxValue, *s.values[k]);
        }
        m_series[k]->replace(points);
    }
    // A round ceiling so the axis does not jitter with every sample.
    const double want = std::max(1.0, maxValue * 1.05);
    const double decade = std::pow(10.0, std::floor(std::log10(want)));
    double top = decade * 10;
    int ticks = 6;
    for (const auto& [step, tickCount] :
        { std::pair(1.0, 6), std::pair(2.0, 5), std::pair(5.0, 6) }) {
        if (decade * step >= want) {
            top = decade * step;
            ticks = tickCount;
            break;
        }
    }
    m_y->setRange(0, top);
    m_y->setTickCount(ticks);
    // Plain numbers ("5000", "0.5"), not printf's %g exponents.
    m_y->setLabelFormat(top >= 10 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
}

void RateChart::showEvent(QShowEvent* event)
{
    QChartView::showEvent(event);
    redraw();
}

} // namespace pg
