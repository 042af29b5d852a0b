// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/CpuStackChart.h"

#include "ui/charts/Decimation.h"

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

struct StateInfo
{
    const char* name;
    const char* context;
    QRgb color;
};

// Order: bottom of the stack first. Colours follow htop's CPU bar (user green, system red, ...).
const StateInfo kStateInfo[CpuStackChart::kStates] = {
    { "user", "user space", 0x2e9d4a },
    { "nice", "user space, low priority", 0x5a8fd8 },
    { "system", "process context", 0xd64541 },
    { "irq", "interrupt context: hardware", 0xe8a33b },
    { "softirq", "interrupt context: deferred", 0xb8862e },
    { "iowait", "idle, waiting for I/O", 0x8f8f8f },
    { "steal", "taken by the hypervisor", 0x8e44ad },
};

constexpr std::size_t kStride = CpuStackChart::kStates;
constexpr std::size_t kDefaultCapacity = 601;

} // namespace

CpuStackChart::CpuStackChart(const QString& title, bool compact, QWidget* parent)
    : QWidget(parent)
    , m_title(title)
    , m_compact(compact)
    , m_times(kDefaultCapacity)
    , m_percent(kDefaultCapacity * kStride)
{
    for (const StateInfo& info : kStateInfo) {
        m_names << QLatin1String(info.name);
        m_colours << QColor(info.color);
    }
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setToolTip(tr("/proc/stat cpu line fields, as % of each refresh interval:\n"
                  "user, nice: user space\nsystem: process context (system calls, page faults)\n"
                  "irq, softirq: interrupt context\niowait: idle with I/O pending\n"
                  "steal: time a hypervisor gave to another guest\nThe space above is idle."));
}

void CpuStackChart::setCapacity(std::size_t samples)
{
    samples = samples ? samples : 1;
    m_times.setCapacity(samples);
    m_percent.setCapacity(samples * kStride);
}

void CpuStackChart::setWindowSeconds(double seconds)
{
    m_windowSeconds = seconds > 0 ? seconds : 600;
    redraw();
}

std::array<double, CpuStackChart::kStates> CpuStackChart::values(const CpuShare& share)
{
    if (!share.valid) {
        std::array<double, kStates> none;
        none.fill(std::numeric_limits<double>::quiet_NaN());
        return none;
    }
    return { share.user, share.nice, share.system, share.irq, share.softirq, share.iowait,
        share.steal };
}

void CpuStackChart::push(double timeSeconds, const CpuShare& share)
{
    append(timeSeconds, values(share));
}

void CpuStackChart::pushValues(double timeSeconds, const double* values, std::size_t count)
{
    m_times.push(timeSeconds);
    // A sample is valid whole or not at all: one unknown state makes the stack unknown.
    bool valid = count >= kStride;
    for (std::size_t k = 0; valid && k < kStride; ++k)
        valid = !std::isnan(values[k]);
    for (std::size_t k = 0; k < kStride; ++k)
        m_percent.push(
            valid ? static_cast<float>(values[k]) : std::numeric_limits<float>::quiet_NaN());
}

void CpuStackChart::append(double timeSec, std::span<const double> values)
{
    pushValues(timeSec, values.data(), values.size());
    if (isVisible())
        redraw();
}

void CpuStackChart::appendMany(std::span<const double> times, std::span<const double> values)
{
    for (std::size_t i = 0; i < times.size(); ++i) {
        const std::size_t first = std::min(values.size(), i * kStride);
        pushValues(times[i], values.data() + first, std::min(kStride, values.size() - first));
    }
    if (isVisible())
        redraw();
}

void CpuStackChart::setSeries(const QStringList& names, const QList<QColor>& colours)
{
    if (names.size() == kStates)
        m_names = names;
    if (colours.size() == kStates)
        m_colours = colours;
    update();
}

void CpuStackChart::clear()
{
    m_times.clear();
    m_percent.clear();
    redraw();
}

QColor CpuStackChart::stateColour(std::size_t k) const
{
    return m_colours[static_cast<qsizetype>(k)];
}

QList<QPointF> CpuStackChart::points(int state) const
{
    QList<QPointF> out;
    if (state < 0 || state >= kStates)
        return out;
    for (const Piece& piece : m_pieces)
        for (std::size_t i = 0; i < piece.x.size(); ++i)
            out.append(QPointF(
                piece.x[i], static_cast<double>(piece.top[i][static_cast<std::size_t>(state)])));
    return out;
}

int CpuStackChart::legendWidth() const
{
    if (m_compact)
        return 0;
    const QFontMetrics fm(font());
    int w = 0;
    for (const StateInfo& info : kStateInfo)
        w = std::max(w,
            fm.horizontalAdvance(tr("%1 (%2)").arg(m_names[&info - kStateInfo], tr(info.context))));
    return std::min(w + fm.height() + 16, width() / 3);
}

PlotFrame CpuStackChart::frame() const
{
    PlotFrame f;
    f.title = m_title;
    f.unit = m_compact ? QString() : tr("CPU time %");
    f.xTitle = m_compact ? QString() : tr("seconds ago");
    const int yTicks = m_compact ? 3 : 6;
    for (int i = 0; i < yTicks; ++i)
        f.yLabels << QString::number(100 * i / (yTicks - 1));
    const int xTicks = m_compact ? 3 : 7;
    for (int i = 0; i < xTicks; ++i)
        f.xLabels << QString::number(
            std::lround(-m_windowSeconds + m_windowSeconds * i / (xTicks - 1)));
    f.legendRight = legendWidth();
    return f;
}

int CpuStackChart::maxPoints() const
{
    return std::clamp(static_cast<int>(frame().plotRect(*this).width()) / 2, 30, 400);
}

void CpuStackChart::redraw()
{
    if (!isVisible())
        return;
    m_pieces.clear();
    if (!m_times.empty()) {
        const DrawWindow w = drawWindow(m_times, m_windowSeconds, maxPoints());
        auto absolute = [&w](std::size_t i) { return w.absolute(i); };
        // The busiest sample of each bucket (the stack's height), drawn whole.
        auto busy = [this](std::size_t i) {
            double sum = 0;
            for (std::size_t k = 0; k < kStride; ++k)
                sum += static_cast<double>(m_percent[i * kStride + k]);
            return sum; // NaN for an invalid sample
        };
        std::uint64_t previousBucket = std::numeric_limits<std::uint64_t>::max();
        forEachBucketPeak(w.begin, w.end, w.perPoint, absolute, busy, [&](std::size_t i) {
            const std::uint64_t bucket = w.bucket(i);
            if (m_pieces.empty() || bucket != previousBucket + 1)
                m_pieces.emplace_back(); // an invalid stretch: a gap
            previousBucket = bucket;
            std::array<float, kStates> top {};
            float stacked = 0;
            for (std::size_t k = 0; k < kStride; ++k) {
                stacked += m_percent[i * kStride + k];
                top[k] = stacked;
            }
            m_pieces.back().x.push_back(m_times[i] - w.now);
            m_pieces.back().top.push_back(top);
        });
    }
    ++m_replaceCount;
    update();
}

void CpuStackChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const PlotFrame f = frame();
    const QRectF plot = f.plotRect(*this);
    if (plot.width() < 10 || plot.height() < 10)
        return;
    f.paint(painter, *this, plot);
    auto px = [&](double x) { return plot.right() + x / m_windowSeconds * plot.width(); };
    auto py = [&](double percent) { return plot.bottom() - percent / 100.0 * plot.height(); };

    painter.save();
    painter.setClipRect(plot);
    painter.setRenderHint(QPainter::Antialiasing, !m_compact);
    for (const Piece& piece : m_pieces) {
        const std::size_t n = piece.x.size();
        for (std::size_t k = 0; k < kStride; ++k) {
            // The band between this state's top and the one below (the axis for user).
            QPolygonF band;
            band.reserve(static_cast<qsizetype>(2 * n + (n == 1 ? 2 : 0)));
            // A single sample draws a sliver one bucket wide, not nothing.
            const double half = n == 1 ? m_windowSeconds / maxPoints() / 2 : 0;
            for (std::size_t i = 0; i < n; ++i) {
                band.append(QPointF(px(piece.x[i] - half), py(piece.top[i][k])));
                if (half > 0)
                    band.append(QPointF(px(piece.x[i] + half), py(piece.top[i][k])));
            }
            for (std::size_t i = n; i-- > 0;) {
                const double below = k ? static_cast<double>(piece.top[i][k - 1]) : 0.0;
                if (half > 0)
                    band.append(QPointF(px(piece.x[i] + half), py(below)));
                band.append(QPointF(px(piece.x[i] - half), py(below)));
            }
            const QColor color = stateColour(k);
            painter.setPen(Qt::NoPen);
            painter.setBrush(color);
            painter.drawPolygon(band);
        }
    }
    painter.restore();

    if (m_compact)
        return;
    // Legend right of the plot: a colour square, the state and its kernel context.
    const QFontMetrics fm(font());
    const int square = fm.height() - 6;
    double y = plot.top();
    const double x = plot.right() + 14;
    for (std::size_t k = kStride; k-- > 0;) { // top of the stack first, as drawn
        const StateInfo& info = kStateInfo[k];
        painter.fillRect(QRectF(x, y + 3, square, square), stateColour(k));
        painter.setPen(palette().color(QPalette::WindowText));
        const QString label
            = fm.elidedText(tr("%1 (%2)").arg(m_names[static_cast<qsizetype>(k)], tr(info.context)),
                Qt::ElideRight, static_cast<int>(width() - x - square - 8));
        painter.drawText(QPointF(x + square + 4, y + fm.ascent()), label);
        y += fm.height() + 4;
    }
}

QString CpuStackChart::hoverText(double secondsAgo) const
{
    const Piece* best = nullptr;
    std::size_t at = 0;
    for (const Piece& piece : m_pieces)
        for (std::size_t i = 0; i < piece.x.size(); ++i)
            if (!best || std::abs(piece.x[i] - secondsAgo) < std::abs(best->x[at] - secondsAgo)) {
                best = &piece;
                at = i;
            }
    if (!best || std::abs(best->x[at] - secondsAgo) > m_windowSeconds / maxPoints() * 2)
        return tr("%1 s ago: no sample").arg(std::lround(-secondsAgo));
    QStringList lines { tr("%1 s ago").arg(std::lround(-best->x[at])) };
    float below = 0;
    for (std::size_t k = kStride; k-- > 0;) {
        below = k ? best->top[at][k - 1] : 0.0f;
        lines << tr("%1: %2 %")
                     .arg(m_names[static_cast<qsizetype>(k)])
                     .arg(static_cast<double>(best->top[at][k] - below), 0, 'f', 1);
    }
    lines
        << tr("idle: %1 %").arg(100.0 - static_cast<double>(best->top[at][kStride - 1]), 0, 'f', 1);
    return lines.join(QLatin1Char('\n'));
}

bool CpuStackChart::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QRectF plot = frame().plotRect(*this);
        if (plot.contains(help->pos()) && !m_pieces.empty())
            QToolTip::showText(help->globalPos(),
                hoverText((help->pos().x() - plot.right()) / plot.width() * m_windowSeconds), this);
        else
            QToolTip::showText(help->globalPos(), toolTip(), this);
        return true;
    }
    return QWidget::event(event);
}

void CpuStackChart::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    redraw();
}

void CpuStackChart::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    if (!event->spontaneous())
        std::vector<Piece>().swap(m_pieces); // nothing is kept for a hidden chart
}

void CpuStackChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    redraw();
}

} // namespace pg
