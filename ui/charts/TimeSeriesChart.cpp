// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/TimeSeriesChart.h"

#include "ui/charts/ChartLegend.h"
#include "ui/charts/Decimation.h"
#include "ui/charts/NiceAxis.h"
#include "ui/charts/SeriesPalette.h"
#include "ui/common/Format.h"

#include <QCategoryAxis>
#include <QChart>
#include <QEvent>
#include <QLineSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

namespace pg {

namespace {

constexpr float kUnknown = std::numeric_limits<float>::quiet_NaN();

// Ticks that fall on whole, readable seconds for the ranges the pages offer: 1 min every 10 s,
// 5 min every minute, 10 min every 2, 30 min every 5, 1 h every 10; other ranges get 5 ticks.
int xTicksFor(double seconds)
{
    struct Span
    {
        double seconds;
        int ticks;
    };
    static constexpr Span kSpans[] = { { 10, 6 }, { 30, 7 }, { 60, 7 }, { 120, 5 }, { 300, 6 },
        { 600, 6 }, { 1200, 5 }, { 1800, 7 }, { 3600, 7 }, { 7200, 5 } };
    for (const Span& s : kSpans) {
        if (s.seconds == seconds)
            return s.ticks;
    }
    return 5;
}

} // namespace

TimeSeriesChart::TimeSeriesChart(const QString& title, const QString& yUnit, QWidget* parent)
    : ChartHost(parent)
    , m_title(title)
    , m_unit(yUnit)
    , m_capacity(historyCapacityFor(3600, 1000))
    , m_times(m_capacity)
    , m_legend(new ChartLegend(this))
{
    setMinimumHeight(180);
    layout()->addWidget(m_legend);
}

QChart* TimeSeriesChart::createChart()
{
    auto* chart = new QChart();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->hide(); // the ChartLegend below shows full names and tooltips
    m_x = new QCategoryAxis(chart);
    m_y = new QCategoryAxis(chart);
    m_x->setTitleText(tr("time (s, 0 = now)"));
    // Labels of our own ("-600 -480 ... 0"): a value axis prints "-600.0" by default, and a
    // label format would make Qt Charts parse it with QRegularExpression on every relabel
    // (pcre2 and its JIT: ~0.5 MiB of the window's memory).
    m_x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_xLabelledRange = 0;
    labelTimeAxis();
    m_y->setTitleText(m_unit);
    m_y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    m_hidden = 0;
    chart->setTitle(m_title);
    return chart;
}

void TimeSeriesChart::releaseChart()
{
    m_series.clear();
    m_x = nullptr;
    m_y = nullptr;
    m_hidden = 0;
}

void TimeSeriesChart::changeEvent(QEvent* event)
{
    ChartHost::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        redraw();
}

void TimeSeriesChart::applyPalette()
{
    // Qt Charts' light theme draws dark grey text; follow the widget's palette instead, so the
    // axes read on a dark one too.
    QChart* c = chart();
    const QColor text = palette().color(QPalette::WindowText);
    const QColor grid = palette().color(QPalette::Mid);
    c->setTitleBrush(text);
    for (QAbstractAxis* axis :
        { static_cast<QAbstractAxis*>(m_x), static_cast<QAbstractAxis*>(m_y) }) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
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

void TimeSeriesChart::setCapacity(std::size_t samples)
{
    m_capacity = samples ? samples : 1;
    m_times.setCapacity(m_capacity);
    for (RingBuffer<float>& v : m_values)
        v.setCapacity(m_capacity);
}

void TimeSeriesChart::setRange(double seconds)
{
    if (!(seconds > 0) || seconds == m_range)
        return;
    m_range = seconds;
    redraw();
}

void TimeSeriesChart::setSeries(const QStringList& names, const QList<QColor>& colours)
{
    if (names == m_names) {
        if (colours != m_colours) {
            m_colours = colours;
            redraw(); // new colours on the same data
        }
        return;
    }
    m_colours = colours;
    // Other series: empty ones, drawn as nothing until the caller appends (usually at once, so a
    // replay costs one replace per series, not two).
    m_names = names;
    m_values.assign(static_cast<std::size_t>(names.size()), RingBuffer<float>(m_capacity));
    m_times.clear();
    rebuildSeries();
    m_legend->setEntries({});
}

void TimeSeriesChart::clear()
{
    m_times.clear();
    for (RingBuffer<float>& v : m_values)
        v.clear();
    redraw();
}

void TimeSeriesChart::append(double timeSec, std::span<const double> values)
{
    appendMany(std::span<const double>(&timeSec, 1), values);
}

void TimeSeriesChart::appendMany(std::span<const double> times, std::span<const double> values)
{
    if (times.empty())
        return; // nothing new: no redraw
    const std::size_t stride = m_values.size();
    for (std::size_t i = 0; i < times.size(); ++i) {
        m_times.push(times[i]);
        for (std::size_t k = 0; k < stride; ++k) {
            const std::size_t at = i * stride + k;
            m_values[k].push(at < values.size() ? static_cast<float>(values[at]) : kUnknown);
        }
    }
    redraw();
}

void TimeSeriesChart::setSeries(const std::vector<Input>& inputs, double nowSec)
{
    QStringList names;
    std::size_t longest = 0;
    const RateSeries* timeline = nullptr;
    for (const Input& in : inputs) {
        names << in.name;
        if (in.points && in.points->size() >= longest) {
            longest = in.points->size();
            timeline = &*in.points;
        }
    }
    if (names != m_names)
        setSeries(names, m_colours.size() == names.size() ? m_colours : QList<QColor> {});
    m_times.clear();
    for (RingBuffer<float>& v : m_values)
        v.clear();
    if (longest > m_capacity)
        setCapacity(longest);
    std::vector<double> times;
    std::vector<double> values;
    for (std::size_t i = 0; i < longest && timeline->timeSec(i) <= nowSec; ++i) {
        times.push_back(timeline->timeSec(i));
        for (const Input& in : inputs) {
            // Series are aligned at their newest sample: a shorter one started later.
            const std::size_t size = in.points ? in.points->size() : 0;
            values.push_back(size + i >= longest ? in.points->rate(i + size - longest)
                                                 : std::numeric_limits<double>::quiet_NaN());
        }
    }
    appendMany(times, values);
}

Qt::PenStyle TimeSeriesChart::styleOf(int k) const
{
    if (k >= m_colours.size())
        return SeriesPalette::penStyle(k);
    // A colour given twice (past the palette's distinct colours) is told apart by its line.
    for (int j = 0; j < k; ++j) {
        if (m_colours[j] == m_colours[k])
            return Qt::DotLine;
    }
    const int slot = SeriesPalette::slotOf(m_colours[k], SeriesPalette::background(palette()));
    return slot >= 0 ? SeriesPalette::penStyle(slot) : Qt::SolidLine;
}

QColor TimeSeriesChart::seriesColour(const QString& name) const
{
    const int k = static_cast<int>(m_names.indexOf(name));
    if (k < 0)
        return {};
    return k < m_colours.size() ? m_colours[k]
                                : SeriesPalette::colour(k, SeriesPalette::background(palette()));
}

void TimeSeriesChart::rebuildSeries()
{
    QChart* c = chart();
    if (!c)
        return;
    for (QLineSeries* gone : std::as_const(m_series)) {
        c->removeSeries(gone);
        delete gone;
    }
    m_series.clear();
    for (const QString& name : std::as_const(m_names)) {
        auto* s = new QLineSeries(c);
        s->setName(name);
        c->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
        connect(s, &QLineSeries::hovered, this,
            [this, s](const QPointF& p, bool state) { onHovered(s, p, state); });
        m_series.append(s);
    }
}

void TimeSeriesChart::redraw()
{
    QChart* c = chart();
    if (!c)
        return; // hidden: the ring keeps recording; the chart draws from it once shown
    if (m_series.size() != m_names.size())
        rebuildSeries();
    applyPalette();
    double yMax = 0;
    m_hidden = 0;
    QList<ChartLegend::Entry> legend;
    const DrawWindow w = drawWindow(m_times, m_range, maxPoints());
    for (qsizetype k = 0; k < m_series.size(); ++k) {
        QLineSeries* s = m_series[k];
        const RingBuffer<float>& values = m_values[static_cast<std::size_t>(k)];
        QList<QPointF> pts;
        bool allZero = true;
        pts.reserve(static_cast<qsizetype>((w.end - w.begin) / w.perPoint + 2));
        // Each bucket draws its peak, so the all-zero test and the y range still see spikes.
        forEachBucketPeak(
            w.begin, w.end, w.perPoint, [&w](std::size_t i) { return w.absolute(i); },
            [&values](std::size_t i) { return static_cast<double>(values[i]); },
            [&](std::size_t i) {
                const double v = static_cast<double>(values[i]);
                pts.append(QPointF(m_times[i] - w.now, v));
                allZero = allZero && v == 0;
                yMax = std::max(yMax, v);
            });
        s->replace(pts);
        ++m_replaceCount;
        const QColor colour = seriesColour(m_names[k]);
        s->setPen(QPen(colour, 2, styleOf(static_cast<int>(k))));
        s->setVisible(!allZero);
        if (allZero) {
            ++m_hidden;
            continue;
        }
        const double newest = values.empty() ? std::nan("") : static_cast<double>(values.newest());
        legend.append({ m_names[k], colour, styleOf(static_cast<int>(k)),
            std::isnan(newest) ? m_names[k]
                               : tr("%1\nnow: %2 %3").arg(m_names[k], fmt::rate(newest), m_unit) });
    }
    m_legend->setEntries(legend);
    labelTimeAxis();
    // Round ticks labelled by fmt::rate(), the table's format. The floor keeps a 0.2/s line off
    // the axis and its steps at 0.1 or more, where fmt::rate() has a decimal to show them.
    // Relabelled only when the scale changes: each change rebuilds the axis's label items (a
    // QTextDocument each), which at every tick churned the heap.
    const NiceScale scale = niceScale(yMax, 0.5);
    QStringList labels;
    for (int i = 0; i < scale.ticks; ++i)
        labels << fmt::rate(scale.top * i / (scale.ticks - 1));
    if (labels != m_y->categoriesLabels() || m_y->max() != scale.top) {
        for (const QString& label : m_y->categoriesLabels())
            m_y->remove(label);
        m_y->setStartValue(0);
        for (int i = 0; i < scale.ticks; ++i)
            m_y->append(labels[i], scale.top * i / (scale.ticks - 1));
        m_y->setRange(0, scale.top);
    }
    updateTitle();
}

void TimeSeriesChart::labelTimeAxis()
{
    if (!m_x || m_xLabelledRange == m_range)
        return;
    m_xLabelledRange = m_range;
    for (const QString& label : m_x->categoriesLabels())
        m_x->remove(label);
    const int ticks = xTicksFor(m_range);
    m_x->setStartValue(-m_range);
    for (int i = 0; i < ticks; ++i) {
        const double at = -m_range + m_range * i / (ticks - 1);
        m_x->append(QString::number(std::lround(at)), at);
    }
    m_x->setRange(-m_range, 0);
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
    const qsizetype k = m_names.indexOf(name);
    return k >= 0 && k < m_series.size() ? m_series[k]->points() : QList<QPointF> {};
}

std::pair<double, double> TimeSeriesChart::xAxisRange() const
{
    return m_x ? std::pair(m_x->min(), m_x->max()) : std::pair(0.0, 0.0);
}

QStringList TimeSeriesChart::xAxisLabels() const
{
    return m_x ? m_x->categoriesLabels() : QStringList {};
}

QStringList TimeSeriesChart::yAxisLabels() const
{
    return m_y ? m_y->categoriesLabels() : QStringList {};
}

QString TimeSeriesChart::hoverText(const QString& name, double x) const
{
    const QList<QPointF> pts = points(name);
    if (pts.isEmpty())
        return {};
    // The nearest drawn point in time: the hover point lies on the line between two of them.
    const auto it
        = std::min_element(pts.begin(), pts.end(), [x](const QPointF& a, const QPointF& b) {
              return std::abs(a.x() - x) < std::abs(b.x() - x);
          });
    return tr("%1\n%2 %3 at %4 s")
        .arg(name, fmt::rate(it->y()), m_unit, QString::number(it->x(), 'f', 0));
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
