// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/SteadyTreeView.h"

#include <QHeaderView>

namespace pg {

SteadyTreeView::SteadyTreeView(QWidget* parent)
    : QTreeView(parent)
{ }

SteadyTreeView::Geometry SteadyTreeView::current() const
{
    Geometry g;
    g.viewport = viewport()->size();
    const QHeaderView* h = header();
    g.headerHidden = h->isHidden();
    g.headerHeight = h->isHidden() ? 0 : h->sizeHint().height();
    g.headerLength = h->length();
    if (const QAbstractItemModel* m = model())
        g.rows = m->rowCount(rootIndex());
    // Not the rows' size hint itself: that lays out every column's text of the first row.
    g.fontHeight = fontMetrics().height();
    g.iconSize = iconSize();
    g.style = style();
    g.verticalMode = static_cast<int>(verticalScrollMode());
    g.horizontalMode = static_cast<int>(horizontalScrollMode());
    return g;
}

void SteadyTreeView::updateGeometries()
{
    const Geometry now = current();
    if (m_laidOut == now) {
        ++m_skipped;
        return;
    }
    m_laidOut = now;
    QTreeView::updateGeometries();
}

} // namespace pg
