// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The "By process" table of the Memory usage page: one row per process the census read, keyed by
// pid (so that a selected row stays selected across refreshes), with Rss, Pss, USS, Swap and
// SwapPss from its smaps_rollup. A row is the census's ProcessMemory itself (about 90 bytes;
// thousands while the page is shown) and the user names are kept once per uid. Rows and census
// are both in pid order: KeyedRowDiff walks them side by side, with no hash table and no copy of
// the rows that stay.

#include "core/memory/MemoryUsageSnapshot.h"
#include "ui/common/KeyedRowDiff.h"

#include <QAbstractTableModel>
#include <QHash>
#include <vector>

namespace pg {

class ProcessUsageModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Pid, User, Command, Rss, Pss, Uss, Swap, SwapPss, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw number (or text); -1 for unknown (KeyedSortProxy's)
        PidRole,
    };

    using QAbstractTableModel::QAbstractTableModel;

    void apply(const MemoryUsageSnapshot& snapshot);
    void clear();
    // The rows as a census (pid order) and the user names, for File > Export: the page keeps no
    // other copy of the snapshot.
    MemoryCensus census() const;
    std::string userName(std::uint32_t uid) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    static QString columnToolTip(int column);

private:
    friend class KeyedRowDiff;
    struct RowTraits;

    QVariant value(const ProcessMemory& row, int column, int role) const;

    std::vector<ProcessMemory> m_rows; // pid order
    QHash<std::uint32_t, QString> m_userNames;
};

} // namespace pg
