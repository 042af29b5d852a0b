// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/PlotFrame.h"

#include <QColor>
#include <QPainter>
#include <QPalette>
#include <QWidget>
#include <algorithm>

namespace pg {

namespace {

constexpr int kMargin = 4;

QFont boldOf(QFont f)
{
    f.setBold(true);
    return f;
}

} // namespace

QRectF PlotFrame::plotRect(const QWidget& widget) const
{
    const QFontMetrics fm(widget.font());
    const QFontMetrics bold(boldOf(widget.font()));
    int labelWidth = 0;
    for (const QString& label : yLabels)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(label));
    const double left = kMargin + (unit.isEmpty() ? 0 : bold.height() + 4) + labelWidth + 6;
    const double top = kMargin + (title.isEmpty() ? 0 : fm.height() + 8);
    const double right = widget.width() - kMargin - legendRight
        - (xLabels.isEmpty() ? 0 : fm.horizontalAdvance(xLabels.last()) / 2.0);
    const double bottom = widget.height() - kMargin - legendBottom
        - (xTitle.isEmpty() ? 0 : bold.height() + 2) - (xLabels.isEmpty() ? 0 : fm.height() + 4);
    return QRectF(QPointF(left, top), QPointF(right, bottom)).normalized();
}

QColor PlotFrame::gridColour(const QPalette& palette)
{
    // Mid lightened, as before, is pure white on a light palette: no grid at all.
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    constexpr double t = 0.2;
    return QColor::fromRgbF(static_cast<float>(base.redF() + (text.redF() - base.redF()) * t),
        static_cast<float>(base.greenF() + (text.greenF() - base.greenF()) * t),
        static_cast<float>(base.blueF() + (text.blueF() - base.blueF()) * t));
}

void PlotFrame::paint(QPainter& painter, const QWidget& widget, const QRectF& plot) const
{
    const QFontMetrics fm(widget.font());
    const QFont bold = boldOf(widget.font());
    const QPalette& pal = widget.palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor grid = gridColour(pal);

    painter.save();
    painter.setPen(text);
    if (!title.isEmpty())
        painter.drawText(
            QRectF(0, kMargin, widget.width() - legendRight, fm.height()), Qt::AlignCenter, title);
    painter.fillRect(plot, pal.color(QPalette::Base));
    const auto ny = static_cast<int>(yLabels.size());
    for (int i = 0; i < ny; ++i) {
        const double y = ny > 1 ? plot.bottom() - plot.height() * i / (ny - 1) : plot.bottom();
        painter.setPen(grid);
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(text);
        painter.drawText(QRectF(0, y - fm.height() / 2.0, plot.left() - 6, fm.height()),
            Qt::AlignRight | Qt::AlignVCenter, yLabels[i]);
    }
    const auto nx = static_cast<int>(xLabels.size());
    for (int i = 0; i < nx; ++i) {
        const double x = nx > 1 ? plot.left() + plot.width() * i / (nx - 1) : plot.right();
        painter.setPen(grid);
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.setPen(text);
        painter.drawText(
            QRectF(x - 40, plot.bottom() + 4, 80, fm.height()), Qt::AlignCenter, xLabels[i]);
    }
    painter.setFont(bold);
    if (!xTitle.isEmpty())
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 4 + fm.height() + 2, plot.width(), fm.height()),
            Qt::AlignCenter, xTitle);
    if (!unit.isEmpty()) {
        painter.translate(kMargin, plot.center().y());
        painter.rotate(-90);
        painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), QFontMetrics(bold).height()),
            Qt::AlignCenter, unit);
    }
    painter.restore();
}

} // namespace pg
