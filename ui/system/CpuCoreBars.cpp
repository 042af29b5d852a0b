// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/system/CpuCoreBars.h"

#include "ui/common/Format.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace pg {

namespace {

constexpr int kMinCellWidth = 170;
constexpr int kGap = 12; // between columns

} // namespace

CpuCoreBars::CpuCoreBars(QWidget* parent)
    : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QColor CpuCoreBars::partColor(int part)
{
    // htop's meaning: green user, blue niced, red kernel; then interrupts and steal.
    switch (part) {
    case User:
        return { 0x3c, 0xa0, 0x3c };
    case Nice:
        return { 0x3a, 0x6f, 0xd8 };
    case System:
        return { 0xd0, 0x3a, 0x32 };
    case Interrupts:
        return { 0xe0, 0x9a, 0x1c };
    default:
        return { 0x8e, 0x4f, 0xc2 };
    }
}

void CpuCoreBars::apply(const std::vector<CpuShare>& shares)
{
    const std::size_t before = m_bars.size();
    m_bars.resize(shares.size());
    for (std::size_t i = 0; i < shares.size(); ++i) {
        const CpuShare& s = shares[i];
        Bar& b = m_bars[i];
        b.cpu = s.cpu;
        b.valid = s.valid;
        b.part[User] = static_cast<float>(s.user);
        b.part[Nice] = static_cast<float>(s.nice);
        b.part[System] = static_cast<float>(s.system);
        b.part[Interrupts] = static_cast<float>(s.irq + s.softirq);
        b.part[Steal] = static_cast<float>(s.steal);
        b.iowait = static_cast<float>(s.iowait);
        b.busy = s.busyPercent;
    }
    if (before != m_bars.size())
        updateGeometry(); // another row count
    update();
}

int CpuCoreBars::rowHeight() const
{
    return fontMetrics().height() + 3;
}

int CpuCoreBars::labelWidth() const
{
    return fontMetrics().horizontalAdvance(QStringLiteral("000")) + 6;
}

int CpuCoreBars::columnCount(int width) const
{
    const int n = barCount();
    if (n == 0)
        return 1;
    const int fit = std::max(1, (width + kGap) / (kMinCellWidth + kGap));
    const int rows = (n + std::min(fit, n) - 1) / std::min(fit, n);
    return (n + rows - 1) / rows; // the same rows, the columns as even as they get
}

int CpuCoreBars::rowsFor(int width) const
{
    const int n = barCount();
    const int columns = columnCount(width);
    return n == 0 ? 0 : (n + columns - 1) / columns;
}

int CpuCoreBars::heightForWidth(int width) const
{
    return std::max(rowHeight(), rowsFor(width) * rowHeight()) + 2;
}

QSize CpuCoreBars::sizeHint() const
{
    return { 2 * kMinCellWidth + kGap, heightForWidth(2 * kMinCellWidth + kGap) };
}

QSize CpuCoreBars::minimumSizeHint() const
{
    return { kMinCellWidth, rowHeight() };
}

QRect CpuCoreBars::cellRect(int i, int width) const
{
    const int rows = std::max(1, rowsFor(width));
    const int columns = columnCount(width);
    const int cellWidth = (width - (columns - 1) * kGap) / columns;
    const int column = i / rows; // top to bottom, then the next column
    const int row = i % rows;
    return { column * (cellWidth + kGap), 1 + row * rowHeight(), cellWidth, rowHeight() };
}

QRect CpuCoreBars::barRect(int i) const
{
    if (i < 0 || i >= barCount())
        return {};
    const QRect cell = cellRect(i, width());
    return cell.adjusted(labelWidth(), 1, 0, -2);
}

QRect CpuCoreBars::filledRect(int i) const
{
    const QRect bar = barRect(i);
    if (bar.isNull() || !m_bars[static_cast<std::size_t>(i)].valid)
        return {};
    const Bar& b = m_bars[static_cast<std::size_t>(i)];
    float sum = 0;
    for (float p : b.part)
        sum += p;
    const int w = static_cast<int>(
        std::lround(std::clamp(sum, 0.0f, 100.0f) / 100.0f * static_cast<float>(bar.width() - 2)));
    return { bar.left() + 1, bar.top() + 1, w, bar.height() - 2 };
}

QString CpuCoreBars::label(int i) const
{
    return i >= 0 && i < barCount() ? QString::number(m_bars[static_cast<std::size_t>(i)].cpu)
                                    : QString();
}

QString CpuCoreBars::valueText(int i) const
{
    if (i < 0 || i >= barCount())
        return {};
    const Bar& b = m_bars[static_cast<std::size_t>(i)];
    return b.busy ? QStringLiteral("%1 %").arg(*b.busy, 0, 'f', 1) : QStringLiteral("–");
}

QString CpuCoreBars::toolTipText(int i) const
{
    if (i < 0 || i >= barCount())
        return {};
    const Bar& b = m_bars[static_cast<std::size_t>(i)];
    QString text = tr("CPU %1: %2 busy").arg(b.cpu).arg(valueText(i));
    if (b.valid) {
        auto pc = [](float v) { return QStringLiteral("%1 %").arg(double(v), 0, 'f', 1); };
        text += tr("\nuser %1, nice %2, system %3, irq + softirq %4, steal %5; iowait %6 (not "
                   "counted as busy)")
                    .arg(pc(b.part[User]), pc(b.part[Nice]), pc(b.part[System]),
                        pc(b.part[Interrupts]), pc(b.part[Steal]), pc(b.iowait));
    } else {
        text += tr("\nNo rate yet: it needs two samples of /proc/stat");
    }
    return text + tr("\nSource: /proc/stat cpu%1 line, over the last refresh interval").arg(b.cpu);
}

int CpuCoreBars::barAt(const QPoint& pos) const
{
    for (int i = 0; i < barCount(); ++i) {
        if (cellRect(i, width()).contains(pos))
            return i;
    }
    return -1;
}

void CpuCoreBars::paintEvent(QPaintEvent* event)
{
    QPainter painter(this);
    const QPalette& pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor frame = pal.color(QPalette::Mid);
    for (int i = 0; i < barCount(); ++i) {
        const QRect cell = cellRect(i, width());
        if (!cell.intersects(event->rect()))
            continue;
        const Bar& b = m_bars[static_cast<std::size_t>(i)];
        painter.setPen(text);
        painter.drawText(QRect(cell.left(), cell.top(), labelWidth() - 4, cell.height()),
            Qt::AlignRight | Qt::AlignVCenter, label(i));
        const QRect bar = barRect(i);
        painter.fillRect(bar, pal.color(QPalette::Base));
        painter.setPen(frame);
        painter.drawRect(bar.adjusted(0, 0, -1, -1));
        if (b.valid) {
            const QRect fill = filledRect(i);
            double x = fill.left();
            float sum = 0;
            for (float p : b.part)
                sum += p;
            for (int part = 0; part < PartCount; ++part) {
                if (sum <= 0)
                    break;
                const double w = fill.width() * double(b.part[part]) / double(sum);
                painter.fillRect(QRectF(x, fill.top(), w, fill.height()), partColor(part));
                x += w;
            }
        }
        painter.setPen(text);
        const QString value = valueText(i);
        painter.drawText(bar.adjusted(0, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter, value);
    }
}

bool CpuCoreBars::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int i = barAt(help->pos());
        if (i >= 0)
            QToolTip::showText(help->globalPos(), toolTipText(i), this);
        else
            QToolTip::showText(help->globalPos(), toolTip(), this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace pg
