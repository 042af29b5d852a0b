// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Paints a small line of a row's values (a QList<qreal> under a role) in its cell, scaled from the
// series' minimum to its maximum: the trend of a group's Rss in the memory-map changes view. No
// Qt Charts: a cell is a polyline.

#include <QStyledItemDelegate>

namespace pg {

class SparklineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    SparklineDelegate(int role, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
        const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_role;
};

} // namespace pg
