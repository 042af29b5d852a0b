// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/RateChart.h"

#include "ui/charts/Decimation.h"
#include "ui/charts/NiceAxis.h"
#include "ui/charts/PlotFrame.h"
#include "ui/charts/SeriesPalette.h"

#include <QHelpEvent>
#include <QHideEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <limits>

namespace pg {

namespace {

constexpr std::size_t kDefaultCapacity = 601;
constexpr int kXTicks = 7; // -600, -500, ..., 0

} // namespace

RateChart::RateChart(
    const QString& title, const QString& unit, const QStringList& seriesNames, QWidget* parent)
    : QWidget(parent)
    , m_title(title)
    , m_unit(unit)
    , m_names(seriesNames)
    , m_stride(seriesNames.isEmpty() ? 1 : static_cast<std::size_t>(seriesNames.size()))
    , m_times(kDefaultCapacity)
    , m_values(kDefaultCapacity * m_stride)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    const NiceScale scale = niceScale(0);
    m_top = scale.top;
    m_ticks = scale.ticks;
    m_decimals = scale.decimals;
}

void RateChart::setCapacity(std::size_t samples)
{
    samples = samples ? samples : 1;
    m_times.setCapacity(samples);
    m_values.setCapacity(samples * m_stride);
}

void RateChart::push(double timeSeconds, const std::vector<std::optional<double>>& values)
{
    std::vector<double> flat(m_stride, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t k = 0; k < m_stride && k < values.size(); ++k) {
        if (values[k])
            flat[k] = *values[k];
    }
    append(timeSeconds, flat);
}

void RateChart::pushValues(double timeSeconds, const double* values, std::size_t count)
{
    m_times.push(timeSeconds);
    for (std::size_t k = 0; k < m_stride; ++k)
        m_values.push(
            k < count ? static_cast<float>(values[k]) : std::numeric_limits<float>::quiet_NaN());
}

void RateChart::append(double timeSec, std::span<const double> values)
{
    pushValues(timeSec, values.data(), values.size());
    if (isVisible())
        redraw();
}

void RateChart::appendMany(std::span<const double> times, std::span<const double> values)
{
    for (std::size_t i = 0; i < times.size(); ++i) {
        const std::size_t first = std::min(values.size(), i * m_stride);
        pushValues(times[i], values.data() + first, std::min(m_stride, values.size() - first));
    }
    if (isVisible())
        redraw();
}

void RateChart::setRange(double seconds)
{
    if (!(seconds > 0))
        return;
    m_windowSeconds = seconds;
    redraw();
}

void RateChart::setSeries(const QStringList& names, const QList<QColor>& colours)
{
    m_colours = colours;
    if (names != m_names) {
        m_names = names;
        m_stride = names.isEmpty() ? 1 : static_cast<std::size_t>(names.size());
        m_times.clear();
        m_values = RingBuffer<float>(m_times.capacity() * m_stride);
    }
    redraw();
    update();
}

void RateChart::clear()
{
    m_times.clear();
    m_values.clear();
    redraw();
}

void RateChart::setTitle(const QString& title)
{
    if (title == m_title)
        return;
    m_title = title;
    update();
}

QColor RateChart::seriesColour(int k) const
{
    if (k >= 0 && k < m_colours.size())
        return m_colours[k];
    return SeriesPalette::colour(k, SeriesPalette::background(palette()));
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
    QList<QPointF> out;
    if (k < 0 || static_cast<std::size_t>(k) >= m_lines.size())
        return out;
    for (const QPolygonF& piece : m_lines[static_cast<std::size_t>(k)])
        out.append(piece);
    return out;
}

int RateChart::lineCount(int k) const
{
    return k >= 0 && static_cast<std::size_t>(k) < m_lines.size()
        ? static_cast<int>(m_lines[static_cast<std::size_t>(k)].size())
        : 0;
}

QStringList RateChart::yLabels() const
{
    QStringList labels;
    for (int i = 0; i < m_ticks; ++i)
        labels << QString::number(m_top * i / (m_ticks - 1), 'f', m_decimals);
    return labels;
}

int RateChart::maxPoints() const
{
    const int width = static_cast<int>(plotRect().width());
    return std::clamp(width / 2, 60, 400);
}

void RateChart::redraw()
{
    if (!isVisible())
        return;
    m_lines.assign(m_stride, {});
    double maxValue = 0;
    if (!m_times.empty()) {
        const DrawWindow w = drawWindow(m_times, m_windowSeconds, maxPoints());
        auto absolute = [&w](std::size_t i) { return w.absolute(i); };
        for (std::size_t k = 0; k < m_stride; ++k) {
            auto valueAt = [this, k](std::size_t i) {
                return static_cast<double>(m_values[i * m_stride + k]);
            };
            std::vector<QPolygonF>& pieces = m_lines[k];
            std::uint64_t previousBucket = std::numeric_limits<std::uint64_t>::max();
            forEachBucketPeak(w.begin, w.end, w.perPoint, absolute, valueAt, [&](std::size_t i) {
                // A bucket with no known sample was skipped: the line breaks there.
                const std::uint64_t bucket = w.bucket(i);
                if (pieces.empty() || bucket != previousBucket + 1)
                    pieces.emplace_back();
                previousBucket = bucket;
                const double v = valueAt(i);
                pieces.back().append(QPointF(m_times[i] - w.now, v));
                maxValue = std::max(maxValue, v);
            });
            ++m_replaceCount;
        }
    }
    const NiceScale scale = niceScale(maxValue);
    m_top = scale.top;
    m_ticks = scale.ticks;
    m_decimals = scale.decimals;
    update();
}

PlotFrame RateChart::frame() const
{
    PlotFrame f;
    f.title = m_title;
    f.unit = m_unit;
    f.xTitle = tr("seconds ago");
    f.yLabels = yLabels();
    for (int i = 0; i < kXTicks; ++i)
        f.xLabels << QString::number(
            std::lround(-m_windowSeconds + m_windowSeconds * i / (kXTicks - 1)));
    f.legendBottom = QFontMetrics(font()).height() + 4;
    return f;
}

QRectF RateChart::plotRect() const
{
    return frame().plotRect(*this);
}

QPointF RateChart::toPixels(const QPointF& p, const QRectF& plot) const
{
    const double x = plot.right() + p.x() / m_windowSeconds * plot.width();
    const double y = plot.bottom() - p.y() / m_top * plot.height();
    return { x, y };
}

void RateChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QFontMetrics fm(font());
    const PlotFrame f = frame();
    const QRectF plot = f.plotRect(*this);
    if (plot.width() < 10 || plot.height() < 10)
        return;
    f.paint(painter, *this, plot);
    const QColor text = palette().color(QPalette::WindowText);

    // The lines, clipped to the plot.
    painter.save();
    painter.setClipRect(plot.adjusted(-1, -1, 1, 1));
    painter.setRenderHint(QPainter::Antialiasing);
    for (std::size_t k = 0; k < m_lines.size(); ++k) {
        painter.setPen(QPen(seriesColour(static_cast<int>(k)), 2));
        for (const QPolygonF& piece : m_lines[k]) {
            QPolygonF pixels;
            pixels.reserve(piece.size());
            for (const QPointF& p : piece)
                pixels.append(toPixels(p, plot));
            if (pixels.size() == 1)
                painter.drawPoint(pixels.front());
            else
                painter.drawPolyline(pixels);
        }
    }
    painter.restore();

    // Legend: a colour square and the name of each series, centred under the axis title.
    const int square = fm.height() - 6;
    int total = 0;
    for (const QString& name : std::as_const(m_names))
        total += square + 4 + fm.horizontalAdvance(name) + 14;
    double x = (width() - total + 14) / 2.0;
    const double y = height() - 4 - fm.height();
    for (int k = 0; k < m_names.size(); ++k) {
        painter.fillRect(QRectF(x, y + 3, square, square), seriesColour(k));
        painter.setPen(text);
        x += square + 4;
        painter.drawText(QRectF(x, y, fm.horizontalAdvance(m_names[k]) + 2, fm.height()),
            Qt::AlignLeft | Qt::AlignVCenter, m_names[k]);
        x += fm.horizontalAdvance(m_names[k]) + 14;
    }
}

QString RateChart::hoverText(double secondsAgo) const
{
    QStringList lines { tr("%1 s ago").arg(std::lround(-secondsAgo)) };
    for (std::size_t k = 0; k < m_lines.size(); ++k) {
        const QPointF* nearest = nullptr;
        for (const QPolygonF& piece : m_lines[k])
            for (const QPointF& p : piece)
                if (!nearest || std::abs(p.x() - secondsAgo) < std::abs(nearest->x() - secondsAgo))
                    nearest = &p;
        const double bucketSeconds = m_windowSeconds / std::max(1, maxPoints()) * 2;
        const QString name
            = k < static_cast<std::size_t>(m_names.size()) ? m_names[int(k)] : QString();
        if (nearest && std::abs(nearest->x() - secondsAgo) <= bucketSeconds)
            lines << tr("%1: %2 %3")
                         .arg(name, QString::number(nearest->y(), 'f', m_decimals + 1), m_unit);
        else
            lines << tr("%1: unknown").arg(name);
    }
    return lines.join(QLatin1Char('\n'));
}

bool RateChart::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QRectF plot = plotRect();
        if (plot.contains(help->pos()) && !m_times.empty()) {
            const double secondsAgo
                = (help->pos().x() - plot.right()) / plot.width() * m_windowSeconds;
            QToolTip::showText(help->globalPos(), hoverText(secondsAgo), this);
        } else {
            QToolTip::showText(help->globalPos(), toolTip(), this);
        }
        return true;
    }
    return QWidget::event(event);
}

void RateChart::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    redraw();
}

void RateChart::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    if (!event->spontaneous())
        std::vector<std::vector<QPolygonF>>().swap(m_lines); // nothing is kept for a hidden chart
}

void RateChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    redraw();
}

} // namespace pg
