// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/system/MemoryHistoryChart.h"

#include "ui/charts/Decimation.h"
#include "ui/charts/NiceAxis.h"
#include "ui/common/Format.h"

#include <QHelpEvent>
#include <QHideEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <limits>

namespace pg {

namespace {

constexpr std::size_t kStride = MemoryHistoryChart::SeriesCount;
constexpr double kKibPerGib = 1024.0 * 1024.0;
constexpr int kXTicks = 7;

float gib(std::optional<std::uint64_t> kib)
{
    return kib ? static_cast<float>(double(*kib) / kKibPerGib)
               : std::numeric_limits<float>::quiet_NaN();
}

} // namespace

MemoryHistoryChart::MemoryHistoryChart(QWidget* parent)
    : QWidget(parent)
    , m_times(601)
    , m_values(601 * kStride)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QString MemoryHistoryChart::seriesName(Series s)
{
    switch (s) {
    case Used:
        return tr("RAM used (as free)");
    case Cache:
        return tr("cache + buffers");
    default:
        return tr("swap used");
    }
}

QColor MemoryHistoryChart::seriesColor(Series s)
{
    // Qt Charts' first light-theme colours, as the rate charts beside it.
    switch (s) {
    case Used:
        return { 0x20, 0x9f, 0xdf };
    case Cache:
        return { 0x99, 0xca, 0x53 };
    default:
        return { 0xbf, 0x59, 0x3e };
    }
}

void MemoryHistoryChart::setCapacity(std::size_t samples)
{
    samples = samples ? samples : 1;
    m_times.setCapacity(samples);
    m_values.setCapacity(samples * kStride);
}

void MemoryHistoryChart::push(double timeSeconds, const MemInfo* m)
{
    float used = std::numeric_limits<float>::quiet_NaN();
    float cache = used;
    float swap = used;
    if (m) {
        used = gib(m->usedKib());
        const auto cached = m->cacheKib();
        const auto buffers = m->get("Buffers");
        cache = gib(cached && buffers ? std::optional(*cached + *buffers) : std::nullopt);
        const auto swapTotal = m->get("SwapTotal");
        const auto swapFree = m->get("SwapFree");
        swap = gib(swapTotal && swapFree && *swapFree <= *swapTotal
                ? std::optional(*swapTotal - *swapFree)
                : std::nullopt);
        if (const auto total = m->get("MemTotal"))
            m_ramTotal = double(*total) / kKibPerGib;
        if (swapTotal)
            m_swapTotal = double(*swapTotal) / kKibPerGib;
    }
    const double values[kStride] = { used, cache, swap };
    append(timeSeconds, values);
}

void MemoryHistoryChart::setRange(double seconds)
{
    if (!(seconds > 0) || seconds == m_windowSeconds)
        return;
    m_windowSeconds = seconds;
    if (isVisible())
        redraw();
}

QStringList MemoryHistoryChart::seriesNames() const
{
    return { seriesName(Used), seriesName(Cache), seriesName(Swap) };
}

void MemoryHistoryChart::setSeries(const QStringList& names, const QList<QColor>& colours)
{
    if (names != seriesNames())
        return; // the stack means RAM used, cache, swap: nothing else can be drawn here
    m_colours = colours.size() == SeriesCount ? colours : QList<QColor> {};
    update();
}

QColor MemoryHistoryChart::colour(Series s) const
{
    return m_colours.size() == SeriesCount ? m_colours[s] : seriesColor(s);
}

void MemoryHistoryChart::append(double timeSec, std::span<const double> values)
{
    m_times.push(timeSec);
    for (std::size_t k = 0; k < kStride; ++k)
        m_values.push(k < values.size() ? static_cast<float>(values[k])
                                        : std::numeric_limits<float>::quiet_NaN());
    if (isVisible())
        redraw();
}

void MemoryHistoryChart::appendMany(std::span<const double> times, std::span<const double> values)
{
    for (std::size_t i = 0; i < times.size(); ++i) {
        m_times.push(times[i]);
        for (std::size_t k = 0; k < kStride; ++k) {
            const std::size_t at = i * kStride + k;
            m_values.push(at < values.size() ? static_cast<float>(values[at])
                                             : std::numeric_limits<float>::quiet_NaN());
        }
    }
    if (isVisible())
        redraw();
}

void MemoryHistoryChart::clear()
{
    m_times.clear();
    m_values.clear();
    for (auto& d : m_drawn)
        d.clear();
    for (auto& b : m_breaks)
        b.clear();
    update();
}

std::optional<double> MemoryHistoryChart::valueGib(std::size_t i, Series s) const
{
    if (i >= sampleCount() || s >= SeriesCount)
        return std::nullopt;
    const float v = m_values[i * kStride + s];
    return std::isnan(v) ? std::nullopt : std::optional(double(v));
}

std::vector<QPointF> MemoryHistoryChart::points(Series s) const
{
    return s < static_cast<int>(m_drawn.size()) ? m_drawn[s] : std::vector<QPointF> {};
}

int MemoryHistoryChart::maxPoints() const
{
    return std::clamp(static_cast<int>(frame().plotRect(*this).width()) / 2, 60, 400);
}

void MemoryHistoryChart::redraw()
{
    if (!isVisible())
        return;
    m_drawn.assign(SeriesCount, {});
    m_breaks.assign(SeriesCount, {});
    double maxValue = m_ramTotal.value_or(0);
    if (!m_times.empty()) {
        const DrawWindow w = drawWindow(m_times, m_windowSeconds, maxPoints());
        auto absolute = [&w](std::size_t i) { return w.absolute(i); };
        auto at = [this](std::size_t i, int s) { return double(m_values[i * kStride + s]); };
        // The stack (used, then used + cache) from the bucket's fullest sample; swap on its own.
        auto add = [&](int s, std::size_t i, double y, std::uint64_t& previous) {
            const std::uint64_t bucket = w.bucket(i);
            if (m_drawn[s].empty() || bucket != previous + 1)
                m_breaks[s].push_back(static_cast<int>(m_drawn[s].size()));
            previous = bucket;
            m_drawn[s].emplace_back(m_times[i] - w.now, y);
            maxValue = std::max(maxValue, y);
        };
        std::uint64_t prevUsed = std::numeric_limits<std::uint64_t>::max();
        std::uint64_t prevCache = prevUsed;
        std::uint64_t prevSwap = prevUsed;
        forEachBucketPeak(
            w.begin, w.end, w.perPoint, absolute, [&](std::size_t i) { return at(i, Used); },
            [&](std::size_t i) {
                add(Used, i, at(i, Used), prevUsed);
                if (!std::isnan(at(i, Cache)))
                    add(Cache, i, at(i, Used) + at(i, Cache), prevCache);
            });
        forEachBucketPeak(
            w.begin, w.end, w.perPoint, absolute, [&](std::size_t i) { return at(i, Swap); },
            [&](std::size_t i) { add(Swap, i, at(i, Swap), prevSwap); });
    }
    const NiceScale scale = fineNiceScale(maxValue);
    m_top = scale.top;
    m_ticks = scale.ticks;
    m_decimals = scale.decimals;
    update();
}

PlotFrame MemoryHistoryChart::frame() const
{
    PlotFrame f;
    f.title = m_ramTotal
        ? tr("Memory in use (RAM %1, swap %2)")
              .arg(fmt::kib(static_cast<std::uint64_t>(*m_ramTotal * kKibPerGib)),
                  m_swapTotal ? fmt::kib(static_cast<std::uint64_t>(*m_swapTotal * kKibPerGib))
                              : tr("unknown"))
        : tr("Memory in use");
    f.unit = tr("GiB");
    f.xTitle = tr("seconds ago");
    for (int i = 0; i < m_ticks; ++i)
        f.yLabels << QString::number(m_top * i / (m_ticks - 1), 'f', m_decimals);
    for (int i = 0; i < kXTicks; ++i)
        f.xLabels << QString::number(
            std::lround(-m_windowSeconds + m_windowSeconds * i / (kXTicks - 1)));
    f.legendBottom = QFontMetrics(font()).height() + 4;
    return f;
}

void MemoryHistoryChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const PlotFrame f = frame();
    const QRectF plot = f.plotRect(*this);
    if (plot.width() < 10 || plot.height() < 10)
        return;
    f.paint(painter, *this, plot);
    auto px = [&](const QPointF& p) {
        return QPointF(plot.right() + p.x() / m_windowSeconds * plot.width(),
            plot.bottom() - p.y() / m_top * plot.height());
    };
    // Pieces of series s: [m_breaks[s][j], m_breaks[s][j + 1]).
    auto forPieces = [this](int s, auto draw) {
        const std::vector<int>& b = m_breaks[s];
        for (std::size_t j = 0; j < b.size(); ++j) {
            const int end = j + 1 < b.size() ? b[j + 1] : static_cast<int>(m_drawn[s].size());
            draw(b[j], end);
        }
    };
    painter.save();
    painter.setClipRect(plot.adjusted(-1, -1, 1, 1));
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_drawn.size() == SeriesCount) {
        // Areas: cache (top of the stack) first, used over it, each down to the axis.
        for (int s : { int(Cache), int(Used) }) {
            QColor fill = colour(Series(s));
            fill.setAlpha(150);
            forPieces(s, [&](int begin, int end) {
                QPolygonF area;
                for (int i = begin; i < end; ++i)
                    area << px(m_drawn[s][i]);
                if (area.isEmpty())
                    return;
                area << QPointF(area.back().x(), plot.bottom())
                     << QPointF(area.front().x(), plot.bottom());
                painter.setPen(QPen(colour(Series(s)), 1.5));
                painter.setBrush(fill);
                painter.drawPolygon(area);
            });
        }
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(colour(Swap), 2));
        forPieces(Swap, [&](int begin, int end) {
            QPolygonF line;
            for (int i = begin; i < end; ++i)
                line << px(m_drawn[Swap][i]);
            painter.drawPolyline(line);
        });
    }
    if (m_ramTotal) { // where RAM ends
        QPen dashed(palette().color(QPalette::WindowText), 1, Qt::DashLine);
        painter.setPen(dashed);
        const double y = px(QPointF(0, *m_ramTotal)).y();
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    }
    painter.restore();

    // Legend under the axis title.
    const QFontMetrics fm(font());
    const int square = fm.height() - 6;
    int total = 0;
    for (int s = 0; s < SeriesCount; ++s)
        total += square + 4 + fm.horizontalAdvance(seriesName(Series(s))) + 14;
    double x = (width() - total + 14) / 2.0;
    const double y = height() - 4 - fm.height();
    for (int s = 0; s < SeriesCount; ++s) {
        const QString name = seriesName(Series(s));
        painter.fillRect(QRectF(x, y + 3, square, square), colour(Series(s)));
        painter.setPen(palette().color(QPalette::WindowText));
        x += square + 4;
        painter.drawText(QRectF(x, y, fm.horizontalAdvance(name) + 2, fm.height()),
            Qt::AlignLeft | Qt::AlignVCenter, name);
        x += fm.horizontalAdvance(name) + 14;
    }
}

QString MemoryHistoryChart::hoverText(double secondsAgo) const
{
    QStringList lines { tr("%1 s ago").arg(std::lround(-secondsAgo)) };
    const double reach = m_windowSeconds / std::max(1, maxPoints()) * 2;
    for (int s = 0; s < static_cast<int>(m_drawn.size()); ++s) {
        const QPointF* nearest = nullptr;
        for (const QPointF& p : m_drawn[s])
            if (!nearest || std::abs(p.x() - secondsAgo) < std::abs(nearest->x() - secondsAgo))
                nearest = &p;
        double v = nearest ? nearest->y() : 0;
        if (s == Cache && nearest) { // the stack's top less the used part under it
            for (const QPointF& p : m_drawn[Used])
                if (p.x() == nearest->x())
                    v -= p.y();
        }
        if (nearest && std::abs(nearest->x() - secondsAgo) <= reach)
            lines << tr("%1: %2 GiB").arg(seriesName(Series(s)), QString::number(v, 'f', 2));
        else
            lines << tr("%1: unknown").arg(seriesName(Series(s)));
    }
    return lines.join(QLatin1Char('\n'));
}

bool MemoryHistoryChart::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QRectF plot = frame().plotRect(*this);
        if (plot.contains(help->pos()) && !m_times.empty())
            QToolTip::showText(help->globalPos(),
                hoverText((help->pos().x() - plot.right()) / plot.width() * m_windowSeconds), this);
        else
            QToolTip::showText(help->globalPos(), toolTip(), this);
        return true;
    }
    return QWidget::event(event);
}

void MemoryHistoryChart::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    redraw();
}

void MemoryHistoryChart::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    if (!event->spontaneous()) {
        std::vector<std::vector<QPointF>>().swap(m_drawn);
        std::vector<std::vector<int>>().swap(m_breaks);
    }
}

void MemoryHistoryChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    redraw();
}

} // namespace pg
