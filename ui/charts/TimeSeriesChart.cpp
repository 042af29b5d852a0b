#include "ui/charts/TimeSeriesChart.h"

#include "ui/charts/NiceAxis.h"

#include "ui/charts/Decimation.h"

#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace pg {

namespace {

QString valueText(double v)
{
    if (v >= 100 || v == 0)
        return QString::number(v, 'f', 0);
    return QString::number(v, 'f', v >= 10 ? 1 : 2);
}

} // namespace

TimeSeriesChart::TimeSeriesChart(const QString& title, const QString& yUnit, QWidget* parent)
    : ChartHost(parent)
    , m_title(title)
    , m_unit(yUnit)
{
    setMinimumHeight(180);
}

QChart* TimeSeriesChart::createChart()
{
    auto* chart = new QChart();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setShowToolTips(true);
    m_x = new QValueAxis(chart);
    m_y = new QValueAxis(chart);
    m_x->setTitleText(tr("time (s, 0 = now)"));
    m_x->setLabelFormat(QStringLiteral("%.0f"));
    m_x->setRange(-60, 0);
    m_y->setTitleText(m_unit);
    setNiceRange(m_y, 0);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    m_hidden = 0;
    chart->setTitle(m_title);
    return chart;
}

void TimeSeriesChart::releaseChart()
{
    m_series.clear();
    m_byName.clear();
    m_x = nullptr;
    m_y = nullptr;
    m_hidden = 0;
}

void TimeSeriesChart::setTitleText(const QString& title)
{
    m_title = title;
    updateTitle();
}

void TimeSeriesChart::updateTitle()
{
    QChart* c = chart();
    if (!c)
        return;
    QString t = m_title;
    if (m_hidden > 0)
        t += tr(" (%n all-zero series hidden)", nullptr, m_hidden);
    c->setTitle(t);
}

void TimeSeriesChart::setSeries(const std::vector<Input>& inputs, double nowSec)
{
    QChart* c = chart();
    if (!c)
        return; // hidden: nothing to draw on; the caller feeds the chart again once shown
    QList<QLineSeries*> ordered;
    QHash<QString, QLineSeries*> byName;
    double yMax = 0;
    double xMin = 0;
    m_hidden = 0;
    const auto maxPointsPerSeries = static_cast<std::size_t>(maxPoints());
    for (const Input& in : inputs) {
        QLineSeries* s = m_byName.take(in.name);
        if (!s) {
            s = new QLineSeries(c);
            s->setName(in.name);
            c->addSeries(s);
            s->attachAxis(m_x);
            s->attachAxis(m_y);
            connect(s, &QLineSeries::hovered, this,
                [this, s](const QPointF& p, bool state) { onHovered(s, p, state); });
        }
        QList<QPointF> pts;
        bool allZero = true;
        if (in.points && !in.points->empty()) {
            const RateSeries& h = *in.points;
            const std::size_t perPoint = samplesPerPoint(h.size(), maxPointsPerSeries);
            pts.reserve(static_cast<qsizetype>(h.size() / perPoint + 2));
            // Each bucket draws its peak, so the all-zero test and the y range still see spikes.
            forEachBucketPeak(
                0, h.size(), perPoint, [&h](std::size_t i) { return h.absoluteIndex(i); },
                [&h](std::size_t i) { return h.rate(i); },
                [&](std::size_t i) {
                    const RatePoint p = h[i];
                    pts.append(QPointF(p.timeSec - nowSec, p.rate));
                    allZero = allZero && p.rate == 0;
                    yMax = std::max(yMax, p.rate);
                    xMin = std::min(xMin, p.timeSec - nowSec);
                });
        }
        s->replace(pts);
        ++m_replaceCount;
        s->setVisible(!allZero);
        const auto markers = c->legend()->markers(s);
        for (QLegendMarker* m : markers)
            m->setVisible(!allZero);
        if (allZero)
            ++m_hidden;
        ordered.append(s);
        byName.insert(in.name, s);
    }
    for (QLineSeries* gone : std::as_const(m_byName)) {
        c->removeSeries(gone);
        delete gone;
    }
    m_series = ordered;
    m_byName = byName;
    // A span that ends on whole ticks: 10 s, 30 s, 1 min, ... so the labels read -20, -10, 0.
    struct Span
    {
        double seconds;
        int ticks;
    };
    static constexpr Span kSpans[] = { { 10, 6 }, { 30, 7 }, { 60, 7 }, { 120, 5 }, { 300, 6 },
        { 600, 6 }, { 1200, 5 }, { 1800, 7 }, { 3600, 7 }, { 7200, 5 } };
    Span span = kSpans[std::size(kSpans) - 1];
    for (const Span& candidate : kSpans) {
        if (-xMin <= candidate.seconds) {
            span = candidate;
            break;
        }
    }
    if (-xMin > span.seconds)
        span = { std::ceil(-xMin / 3600) * 3600, 5 };
    m_x->setRange(-span.seconds, 0);
    m_x->setTickCount(span.ticks);
    setNiceRange(m_y, yMax, yMax > 0 ? 0.01 : 1.0); // 0.2 irq/s is not drawn flat
    updateTitle();
}

QStringList TimeSeriesChart::seriesNames() const
{
    QStringList out;
    for (const QLineSeries* s : m_series)
        out << s->name();
    return out;
}

QStringList TimeSeriesChart::visibleSeriesNames() const
{
    QStringList out;
    for (const QLineSeries* s : m_series) {
        if (s->isVisible())
            out << s->name();
    }
    return out;
}

QList<QPointF> TimeSeriesChart::points(const QString& name) const
{
    const QLineSeries* s = m_byName.value(name);
    return s ? s->points() : QList<QPointF> {};
}

QString TimeSeriesChart::hoverText(const QString& name, double x) const
{
    const QLineSeries* s = m_byName.value(name);
    if (!s || s->count() == 0)
        return {};
    // The nearest drawn point in time: the hover point lies on the line between two of them.
    const QList<QPointF> pts = s->points();
    const auto it
        = std::min_element(pts.begin(), pts.end(), [x](const QPointF& a, const QPointF& b) {
              return std::abs(a.x() - x) < std::abs(b.x() - x);
          });
    return tr("%1\n%2 %3 at %4 s")
        .arg(name, valueText(it->y()), m_unit, QString::number(it->x(), 'f', 0));
}

void TimeSeriesChart::onHovered(QLineSeries* series, const QPointF& point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(), hoverText(series->name(), point.x()), this);
}

} // namespace pg
