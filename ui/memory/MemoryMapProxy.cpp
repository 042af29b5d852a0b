// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/memory/MemoryMapProxy.h"

#include "ui/memory/MemoryMapModel.h"

namespace pg {

MemoryMapProxy::MemoryMapProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(MemoryMapModel::SortRole);
    setDynamicSortFilter(true);
}

void MemoryMapProxy::setNameFilter(const QString& text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    invalidateRowsFilter();
}

bool MemoryMapProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_filter.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto kind
        = static_cast<MemoryMapModel::RowKind>(index.data(MemoryMapModel::RowKindRole).toInt());
    if (kind == MemoryMapModel::RowKind::Totals)
        return true;
    // A mapping under a group has the group's path, so a matching group keeps all its mappings.
    return index.data(MemoryMapModel::FilterRole)
        .toString()
        .contains(m_filter, Qt::CaseInsensitive);
}

bool MemoryMapProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    using RowKind = MemoryMapModel::RowKind;
    // The totals row (top level only) is last whichever way the column is sorted.
    if (!left.parent().isValid()) {
        const auto leftKind = static_cast<RowKind>(left.data(MemoryMapModel::RowKindRole).toInt());
        const auto rightKind
            = static_cast<RowKind>(right.data(MemoryMapModel::RowKindRole).toInt());
        const bool ascending = sortOrder() == Qt::AscendingOrder;
        if (leftKind == RowKind::Totals || rightKind == RowKind::Totals) {
            if (leftKind == rightKind)
                return false;
            return (rightKind == RowKind::Totals) == ascending;
        }
    }
    const QVariant a = left.data(MemoryMapModel::SortRole);
    const QVariant b = right.data(MemoryMapModel::SortRole);
    const bool aNum = a.typeId() == QMetaType::ULongLong;
    const bool bNum = b.typeId() == QMetaType::ULongLong;
    if (aNum && bNum) {
        const qulonglong x = a.toULongLong();
        const qulonglong y = b.toULongLong();
        if (x != y)
            return x < y;
    } else if (aNum != bNum) {
        return bNum; // a value sorts before unknown
    } else {
        const int c = QString::compare(a.toString(), b.toString(), Qt::CaseInsensitive);
        if (c != 0)
            return c < 0;
    }
    return left.data(MemoryMapModel::AddressRole).toULongLong()
        < right.data(MemoryMapModel::AddressRole).toULongLong();
}

} // namespace pg
