// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The frame of the painted charts (RateChart, CpuStackChart): title on top, a plot area in the
// palette's Base colour with grid lines at evenly spaced ticks, tick labels, the unit turned up the
// left side and the x title under the axis, laid out like the Qt Charts charts beside them. The
// chart paints its data into plotRect() and its legend into the space it reserved.

#include <QString>
#include <QStringList>

class QColor;
class QPainter;
class QPalette;
class QRectF;
class QWidget;

namespace pg {

struct PlotFrame
{
    QString title;
    QString unit; // the y axis title
    QString xTitle; // empty: no row for it
    QStringList yLabels; // bottom to top, at evenly spaced ticks from 0 to the top
    QStringList xLabels; // left to right, evenly spaced over the window
    int legendRight = 0; // pixels kept free right of the plot
    int legendBottom = 0; // pixels kept free under the x title

    QRectF plotRect(const QWidget& widget) const;
    void paint(QPainter& painter, const QWidget& widget, const QRectF& plot) const;
    // Grid lines: a fifth of the way from Base to Text, so they show on light and dark palettes
    // alike without competing with the data.
    static QColor gridColour(const QPalette& palette);
};

} // namespace pg
