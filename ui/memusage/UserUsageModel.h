// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The "By user" table of the Memory usage page: one row per user, keyed by uid, with the number
// of processes and the sums of their Rss, Pss, USS and Swap (memoryByUser).

#include "core/memory/MemoryUsageSnapshot.h"
#include "ui/common/KeyedRowsModel.h"

namespace pg {

struct UserUsageRow
{
    UserMemory memory;
    QString user;
};

class UserUsageModel final : public KeyedRowsModel<UserUsageRow>
{
    Q_OBJECT
public:
    enum Column { User, Processes, Rss, Pss, Uss, Swap, ColumnCount };

    using KeyedRowsModel::KeyedRowsModel;

    void apply(const MemoryUsageSnapshot& snapshot);
    void clear();

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString keyOf(const UserUsageRow& row) const override;
    QVariant value(const UserUsageRow& row, int column, int role) const override;
};

} // namespace pg
