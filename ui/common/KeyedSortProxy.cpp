// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/KeyedSortProxy.h"

#include "ui/common/KeyedRowsModel.h"

namespace pg {

KeyedSortProxy::KeyedSortProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(Qt::UserRole + 1); // KeyedRowsModel<...>::SortRole
    setFilterKeyColumn(0);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

bool KeyedSortProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    const QPartialOrdering order = QVariant::compare(a, b);
    if (order == QPartialOrdering::Less)
        return true;
    if (order == QPartialOrdering::Greater)
        return false;
    const QString ka = left.siblingAtColumn(0).data(Qt::DisplayRole).toString();
    const QString kb = right.siblingAtColumn(0).data(Qt::DisplayRole).toString();
    return ka < kb;
}

} // namespace pg
