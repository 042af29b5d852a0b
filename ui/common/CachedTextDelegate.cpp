// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/CachedTextDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

#include <utility>

namespace pg {

int CachedTextDelegate::fontId(const QFont& font) const
{
    int id = static_cast<int>(m_fonts.indexOf(font));
    if (id < 0) {
        if (m_fonts.size() >= kMaxFonts) {
            m_fonts.clear();
            m_cache.clear();
            m_previous.clear();
            m_sizes.clear();
        }
        id = static_cast<int>(m_fonts.size());
        m_fonts.append(font);
    }
    return id;
}

const QStaticText& CachedTextDelegate::shownText(const QString& text, const QFont& font, int width,
    Qt::TextElideMode mode, const QFontMetrics& metrics) const
{
    Key key { text, width, static_cast<int>(mode), fontId(font) };
    auto it = m_cache.constFind(key);
    if (it != m_cache.constEnd())
        return *it;
    if (m_cache.size() >= kMaxCached)
        m_previous = std::exchange(m_cache, {});
    if (auto old = m_previous.find(key); old != m_previous.end()) {
        QStaticText kept = std::move(*old);
        m_previous.erase(old);
        return *m_cache.insert(std::move(key), std::move(kept));
    }
    // Only one line is shown (as Qt's view does for a single-line cell): no line breaks.
    QString line = text;
    line.replace(QLatin1Char('\n'), QChar::LineSeparator);
    // Laid out once: most cells fit, and shaping the text (HarfBuzz) is most of a cache miss's
    // cost, so the prepared line's own advance decides whether it must be elided (rounded as
    // QFontMetrics::horizontalAdvance rounds it, so the same texts are elided as before).
    QStaticText laidOut(line);
    laidOut.setTextFormat(Qt::PlainText);
    laidOut.prepare(QTransform(), font);
    if (qRound(laidOut.size().width()) > width) {
        laidOut.setText(metrics.elidedText(line, mode, width));
        laidOut.prepare(QTransform(), font);
    }
    return *m_cache.insert(std::move(key), std::move(laidOut));
}

QSize CachedTextDelegate::sizeHint(
    const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // A size hint given by the model itself, or a cell with an icon, a check box or wrapped
    // text: as Qt computes it.
    if (index.data(Qt::SizeHintRole).isValid())
        return QStyledItemDelegate::sizeHint(option, index);
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const bool plain = !(opt.features
        & (QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator
            | QStyleOptionViewItem::WrapText));
    if (!plain || opt.text.contains(QLatin1Char('\n')))
        return QStyledItemDelegate::sizeHint(option, index);
    Key key { opt.text, 0, 0, fontId(opt.font) };
    if (auto it = m_sizes.constFind(key); it != m_sizes.constEnd())
        return *it;
    if (m_sizes.size() >= kMaxCached)
        m_sizes.clear();
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    const QSize size = style->sizeFromContents(QStyle::CT_ItemViewItem, &opt, QSize(), widget);
    m_sizes.insert(std::move(key), size);
    return size;
}

void CachedTextDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const bool plain = !(opt.features
        & (QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator
            | QStyleOptionViewItem::WrapText));
    if (!plain || opt.text.contains(QLatin1Char('\n'))) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    const QString text = opt.text;
    // The panel, selection and focus frame as the style draws them, without the text.
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (text.isEmpty())
        return;
    // The text rectangle of a cell without icon or check box, with the style's text margin
    // (QCommonStyle: the focus frame margin plus one pixel on each side).
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect textRect = opt.rect.adjusted(margin, 0, -margin, 0);
    if (textRect.width() <= 0)
        return;
    const QStaticText& shown
        = shownText(text, opt.font, textRect.width(), opt.textElideMode, opt.fontMetrics);
    // Placed as QTextLayout places a line (QCommonStyle's text drawing): vertically by whole
    // pixels, horizontally at the fractional advance, so right-aligned numbers land on the same
    // sub-pixel positions as with Qt's delegate.
    const QSizeF size = shown.size();
    const QRect box
        = QStyle::alignedRect(opt.direction, opt.displayAlignment, size.toSize(), textRect);
    const Qt::Alignment horizontal
        = QStyle::visualAlignment(opt.direction, opt.displayAlignment) & Qt::AlignHorizontal_Mask;
    qreal x = textRect.left();
    if (horizontal & Qt::AlignRight)
        x += textRect.width() - size.width();
    else if (horizontal & Qt::AlignHCenter)
        x += (textRect.width() - size.width()) / 2;
    const QPointF where(x, box.top());

    QPalette::ColorGroup group
        = (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(
        group, (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
    painter->setClipRect(textRect, Qt::IntersectClip);
    painter->drawStaticText(where, shown);
    painter->restore();
}

} // namespace pg
