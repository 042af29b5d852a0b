// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/IrqHeatmap.h"

#include <QHelpEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace pg {

namespace {

// A log scale: interrupt rates span 1 to 100,000/s, and a linear scale shows only the busiest.
QColor heatColor(double value, double max, const QColor& empty)
{
    if (!(value > 0) || !(max > 0))
        return empty;
    const double t = std::clamp(std::log1p(value) / std::log1p(max), 0.0, 1.0);
    // light yellow -> orange -> dark red
    const int r = static_cast<int>(255 - 120 * t * t);
    const int g = static_cast<int>(240 - 220 * t);
    const int b = static_cast<int>(170 - 150 * t);
    return QColor(r, g, b);
}

} // namespace

IrqHeatmap::IrqHeatmap(QWidget* parent)
    : QAbstractScrollArea(parent)
{
    viewport()->setMouseTracking(true);
    viewport()->setBackgroundRole(QPalette::Base);
    setMinimumHeight(160);
}

void IrqHeatmap::setData(const QStringList& rows, const std::vector<int>& cpuIds,
    const std::vector<double>& values, const QString& unit)
{
    m_rows = rows;
    m_cpuIds = cpuIds;
    m_values = values;
    m_values.resize(static_cast<std::size_t>(rows.size()) * cpuIds.size(), 0.0);
    m_unit = unit;
    QFontMetrics fm(font());
    m_rowHeader = 16;
    for (const QString& r : rows)
        m_rowHeader = std::max(m_rowHeader, fm.horizontalAdvance(r) + 12);
    m_rowHeader = std::min(m_rowHeader, 260);
    regroup();
}

void IrqHeatmap::setGroupSize(int cpus)
{
    m_group = std::max(1, cpus);
    regroup();
}

int IrqHeatmap::columnCount() const
{
    return static_cast<int>((m_cpuIds.size() + static_cast<std::size_t>(m_group) - 1)
        / static_cast<std::size_t>(m_group));
}

QString IrqHeatmap::columnLabel(int column) const
{
    const std::size_t first = static_cast<std::size_t>(column) * static_cast<std::size_t>(m_group);
    if (first >= m_cpuIds.size())
        return {};
    const std::size_t last
        = std::min(m_cpuIds.size(), first + static_cast<std::size_t>(m_group)) - 1;
    if (first == last)
        return tr("CPU %1").arg(m_cpuIds[first]);
    return tr("CPU %1-%2").arg(m_cpuIds[first]).arg(m_cpuIds[last]);
}

double IrqHeatmap::cellValue(int row, int column) const
{
    const std::size_t cols = static_cast<std::size_t>(columnCount());
    const std::size_t i = static_cast<std::size_t>(row) * cols + static_cast<std::size_t>(column);
    return i < m_grouped.size() ? m_grouped[i] : 0.0;
}

QString IrqHeatmap::cellText(int row, int column) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return {};
    const double v = cellValue(row, column);
    return tr("%1 on %2: %3 %4")
        .arg(m_rows[row], columnLabel(column), QString::number(v, 'f', v < 10 && v != 0 ? 1 : 0),
            m_unit);
}

void IrqHeatmap::regroup()
{
    const std::size_t cols = static_cast<std::size_t>(columnCount());
    const std::size_t ncpu = m_cpuIds.size();
    m_grouped.assign(static_cast<std::size_t>(m_rows.size()) * cols, 0.0);
    m_max = 0;
    for (std::size_t r = 0; r < static_cast<std::size_t>(m_rows.size()); ++r) {
        for (std::size_t c = 0; c < ncpu; ++c) {
            double& cell = m_grouped[r * cols + c / static_cast<std::size_t>(m_group)];
            cell += m_values[r * ncpu + c];
            m_max = std::max(m_max, cell);
        }
    }
    updateScrollBars();
    viewport()->update();
}

void IrqHeatmap::updateScrollBars()
{
    const QSize area = viewport()->size();
    const int width = columnCount() * kCell;
    const int height = rowCount() * kCell;
    horizontalScrollBar()->setRange(0, std::max(0, width - (area.width() - m_rowHeader)));
    horizontalScrollBar()->setPageStep(std::max(1, area.width() - m_rowHeader));
    horizontalScrollBar()->setSingleStep(kCell);
    verticalScrollBar()->setRange(0, std::max(0, height - (area.height() - m_columnHeader)));
    verticalScrollBar()->setPageStep(std::max(1, area.height() - m_columnHeader));
    verticalScrollBar()->setSingleStep(kCell);
}

void IrqHeatmap::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

bool IrqHeatmap::cellAt(const QPoint& pos, int& row, int& column) const
{
    if (pos.x() < m_rowHeader || pos.y() < m_columnHeader)
        return false;
    column = (pos.x() - m_rowHeader + horizontalScrollBar()->value()) / kCell;
    row = (pos.y() - m_columnHeader + verticalScrollBar()->value()) / kCell;
    return row < rowCount() && column < columnCount();
}

bool IrqHeatmap::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        int row = 0;
        int column = 0;
        if (cellAt(help->pos(), row, column))
            QToolTip::showText(help->globalPos(), cellText(row, column), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void IrqHeatmap::paintEvent(QPaintEvent* /*event*/)
{
    QPainter p(viewport());
    const QRect area = viewport()->rect();
    p.fillRect(area, palette().base());
    if (m_rows.isEmpty() || m_cpuIds.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(area, Qt::AlignCenter, tr("No interrupts to show"));
        return;
    }
    const int dx = horizontalScrollBar()->value();
    const int dy = verticalScrollBar()->value();
    const int firstCol = dx / kCell;
    const int lastCol = std::min(columnCount() - 1, (dx + area.width() - m_rowHeader) / kCell);
    const int firstRow = dy / kCell;
    const int lastRow = std::min(rowCount() - 1, (dy + area.height() - m_columnHeader) / kCell);

    // Cells, clipped to the area right of and below the headers. An empty cell is the base colour
    // moved a little toward the text, so it reads as a cell on a light and a dark palette.
    const QColor base = palette().color(QPalette::Base);
    const QColor ink = palette().color(QPalette::Text);
    const QColor empty = QColor::fromRgbF(base.redF() * 0.93f + ink.redF() * 0.07f,
        base.greenF() * 0.93f + ink.greenF() * 0.07f, base.blueF() * 0.93f + ink.blueF() * 0.07f);
    p.save();
    p.setClipRect(QRect(
        m_rowHeader, m_columnHeader, area.width() - m_rowHeader, area.height() - m_columnHeader));
    for (int r = firstRow; r <= lastRow; ++r) {
        for (int c = firstCol; c <= lastCol; ++c) {
            const QRect cell(m_rowHeader + c * kCell - dx, m_columnHeader + r * kCell - dy,
                kCell - 1, kCell - 1);
            p.fillRect(cell, heatColor(cellValue(r, c), m_max, empty));
        }
    }
    p.restore();

    // Row headers (IRQ names) stay at the left.
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    p.setFont(small);
    p.setPen(palette().color(QPalette::Text));
    p.save();
    p.setClipRect(QRect(0, m_columnHeader, m_rowHeader, area.height() - m_columnHeader));
    const QFontMetrics fm(small);
    for (int r = firstRow; r <= lastRow; ++r) {
        const QRect label(2, m_columnHeader + r * kCell - dy, m_rowHeader - 6, kCell);
        p.drawText(label, Qt::AlignVCenter | Qt::AlignRight,
            fm.elidedText(m_rows[r], Qt::ElideRight, label.width()));
    }
    p.restore();

    // Column headers (CPU ids, rotated) stay at the top.
    p.save();
    p.setClipRect(QRect(m_rowHeader, 0, area.width() - m_rowHeader, m_columnHeader));
    for (int c = firstCol; c <= lastCol; ++c) {
        const std::size_t first = static_cast<std::size_t>(c) * static_cast<std::size_t>(m_group);
        const QString text = QString::number(m_cpuIds[first]);
        p.save();
        p.translate(
            m_rowHeader + c * kCell - dx + kCell / 2 + fm.ascent() / 2 - 1, m_columnHeader - 3);
        p.rotate(-90);
        p.drawText(0, 0, text);
        p.restore();
    }
    p.restore();
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(QRect(2, 0, m_rowHeader - 6, m_columnHeader), Qt::AlignRight | Qt::AlignBottom,
        m_group > 1 ? tr("IRQ \\ CPUs from") : tr("IRQ \\ CPU"));
}

} // namespace pg
