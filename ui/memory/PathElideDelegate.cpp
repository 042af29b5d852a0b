// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/memory/PathElideDelegate.h"

#include <QApplication>
#include <QFontMetrics>
#include <QStyle>

namespace pg {

PathElideDelegate::PathElideDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{ }

QString PathElideDelegate::elidePath(const QString& text, const QFontMetrics& metrics, int width)
{
    if (width <= 0)
        return {};
    if (metrics.horizontalAdvance(text) <= width)
        return text;
    const qsizetype slash = text.lastIndexOf(QLatin1Char('/'));
    if (slash < 0)
        return metrics.elidedText(text, Qt::ElideRight, width);
    const QString folder = text.left(slash + 1); // with its trailing '/'
    const QString file = text.mid(slash + 1);
    const QString ellipsis(QChar(0x2026));
    const int fileWidth = metrics.horizontalAdvance(file);
    // Not even "…/" and the whole file name fit: the file name's start is what tells files apart.
    if (metrics.horizontalAdvance(ellipsis + QLatin1Char('/')) + fileWidth > width)
        return ellipsis + QLatin1Char('/')
            + metrics.elidedText(file, Qt::ElideRight,
                width - metrics.horizontalAdvance(ellipsis + QLatin1Char('/')));
    // The folder keeps its start (which tree) and its end (which directory) around the "…".
    QString shortFolder = metrics.elidedText(folder, Qt::ElideMiddle, width - fileWidth);
    if (shortFolder.isEmpty() || metrics.horizontalAdvance(shortFolder) + fileWidth > width)
        shortFolder = ellipsis + QLatin1Char('/');
    return shortFolder + file;
}

QString PathElideDelegate::displayedText(
    const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    return opt.text;
}

void PathElideDelegate::initStyleOption(
    QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (option->text.isEmpty() || option->rect.width() <= 0)
        return;
    const QWidget* widget = option->widget;
    const QStyle* style = widget ? widget->style() : QApplication::style();
    // The style draws the text inside SE_ItemViewItemText less a focus margin on each side
    // (QCommonStyle::viewItemDrawText).
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, option, widget) + 1;
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, option, widget);
    option->text = elidePath(option->text, option->fontMetrics, textRect.width() - 2 * margin);
}

} // namespace pg
