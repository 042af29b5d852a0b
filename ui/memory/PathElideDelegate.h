// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Paints a path so that its file name stays readable: when the column is too narrow, the folder
// part is shortened in its middle
// ("/root/.pyenv/…/lib-dynload/_socket.cpython-311-x86_64-linux-gnu.so") and the file name only
// when it alone does not fit. Qt's own ElideMiddle cuts the file name first, so fifteen CPython
// extension modules all read "/root/.pyenv/versions/3....-311-x86_64-linux-gnu.so". Text without a
// '/' (an address range, [heap], memfd:name) is cut at its end as usual.

#include <QStyledItemDelegate>

class QFontMetrics;

namespace pg {

class PathElideDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit PathElideDelegate(QObject* parent = nullptr);

    // `text` shortened to at most `width` pixels in `metrics`, keeping the file name.
    static QString elidePath(const QString& text, const QFontMetrics& metrics, int width);
    // The text a cell at `index` shows when painted into `option.rect` (for tests).
    QString displayedText(const QStyleOptionViewItem& option, const QModelIndex& index) const;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace pg
