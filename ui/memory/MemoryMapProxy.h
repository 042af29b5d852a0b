// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Sorting and the name filter of the memory map. Sorting applies within each group; the totals row
// stays last in either order and is never filtered out. lessThan is a strict weak order with the
// start address as tie-break.

#include <QSortFilterProxyModel>

namespace pg {

class MemoryMapProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MemoryMapProxy(QObject* parent = nullptr);

    void setNameFilter(const QString& text);
    QString nameFilter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QString m_filter;
};

} // namespace pg
