// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/memory/SparklineDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

namespace pg {

SparklineDelegate::SparklineDelegate(int role, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
{ }

void SparklineDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // The cell's background, selection and focus as the style draws them, without text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QList<qreal> values = index.data(m_role).value<QList<qreal>>();
    if (values.size() < 2)
        return;
    qreal lo = values.front();
    qreal hi = lo;
    for (qreal v : values) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    const QRectF r = QRectF(option.rect).adjusted(3, 3, -3, -3);
    if (r.width() < 4 || r.height() < 2)
        return;
    // A flat series is drawn at mid-height: "no change" reads as a level line, not as zero.
    const qreal span = hi - lo;
    QPolygonF line;
    line.reserve(values.size());
    const qreal step = r.width() / static_cast<qreal>(values.size() - 1);
    for (qsizetype i = 0; i < values.size(); ++i) {
        const qreal y
            = span > 0 ? r.bottom() - (values[i] - lo) / span * r.height() : r.center().y();
        line.append(QPointF(r.left() + step * static_cast<qreal>(i), y));
    }
    const bool selected = option.state & QStyle::State_Selected;
    // A row the model greys (ForegroundRole: the process has exited) gets a grey line too.
    const QVariant foreground = index.data(Qt::ForegroundRole);
    const QColor colour = selected                 ? option.palette.color(QPalette::HighlightedText)
        : foreground.typeId() == QMetaType::QColor ? foreground.value<QColor>()
                                                   : option.palette.color(QPalette::Link);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(colour, 1.5));
    painter->drawPolyline(line);
    painter->setBrush(colour);
    painter->setPen(Qt::NoPen);
    painter->drawEllipse(line.back(), 2.0, 2.0);
    painter->restore();
}

QSize SparklineDelegate::sizeHint(
    const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(std::max(s.width(), 120));
    return s;
}

} // namespace pg
