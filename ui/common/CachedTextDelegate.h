// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An item delegate for tables that repaint every refresh. The style draws the cell's panel,
// selection and focus as QStyledItemDelegate does; the text is drawn from a cache of laid-out
// QStaticText keyed by the string and the width it is elided to. Qt's own path lays out, shapes
// (HarfBuzz) and elides every visible cell's text on every paint: with the process table repainted
// once a second that was a third of the GUI thread's time. Cells with an icon, a check box or
// rich content fall back to QStyledItemDelegate.

#include <QFont>
#include <QHash>
#include <QList>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace pg {

class CachedTextDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
        const QModelIndex& index) const override;
    // The style's size for a plain one-line cell depends only on its text and font: cached too
    // (a uniform-height view asks for its first row's size at every relayout, which laid out
    // every column's text again).
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The text a cell of `width` pixels shows for `text` (elided as the view asks), cached.
    const QStaticText& shownText(const QString& text, const QFont& font, int width,
        Qt::TextElideMode mode, const QFontMetrics& metrics) const;
    qsizetype cachedCount() const { return m_cache.size() + m_previous.size(); }
    qsizetype cachedSizeCount() const { return m_sizes.size(); }

    // Two generations of at most this many strings each: a table shows a few hundred cells, and
    // the numbers that change every refresh would otherwise pile up (each laid-out string holds
    // its glyphs: a few hundred bytes). When the current generation is full it becomes the
    // previous one; a string found there moves back, so what is on screen stays cached.
    static constexpr qsizetype kMaxCached = 256;

private:
    struct Key
    {
        QString text;
        int width = 0;
        int mode = 0;
        int font = 0; // index in m_fonts
        bool operator==(const Key& o) const
        {
            return width == o.width && mode == o.mode && font == o.font && text == o.text;
        }
    };
    friend size_t qHash(const Key& key, size_t seed) noexcept
    {
        return qHashMulti(seed, key.text, key.width, key.mode, key.font);
    }
    static constexpr qsizetype kMaxFonts = 8; // a table uses one or two (bold rows)

    int fontId(const QFont& font) const;

    mutable QHash<Key, QStaticText> m_cache;
    mutable QHash<Key, QSize> m_sizes; // width 0, mode 0: text and font only
    mutable QHash<Key, QStaticText> m_previous;
    mutable QList<QFont> m_fonts;
};

} // namespace pg
