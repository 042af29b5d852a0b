// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Sorting and filtering for the overview's tables: sorts by KeyedRowsModel's SortRole with the
// first column as a tie-break (a strict weak order), filters on the first column's text.

#include <QSortFilterProxyModel>

namespace pg {

class KeyedSortProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit KeyedSortProxy(QObject* parent = nullptr);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

} // namespace pg
