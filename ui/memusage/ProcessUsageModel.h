// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The "By process" table of the Memory usage page: one row per process the census read, keyed by
// pid (so that a selected row stays selected across refreshes), with Rss, Pss, USS, Swap and
// SwapPss from its smaps_rollup.

#include "core/memory/MemoryUsageSnapshot.h"
#include "ui/common/KeyedRowsModel.h"

namespace pg {

struct ProcessUsageRow
{
    ProcessMemory memory;
    QString user; // implicitly shared between the rows of one user
};

class ProcessUsageModel final : public KeyedRowsModel<ProcessUsageRow>
{
    Q_OBJECT
public:
    enum Column { Pid, User, Command, Rss, Pss, Uss, Swap, SwapPss, ColumnCount };
    enum ExtraRole { PidRole = Qt::UserRole + 2 };

    using KeyedRowsModel::KeyedRowsModel;

    void apply(const MemoryUsageSnapshot& snapshot);
    void clear();

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    static QString columnToolTip(int column);

protected:
    QString keyOf(const ProcessUsageRow& row) const override;
    QVariant value(const ProcessUsageRow& row, int column, int role) const override;
};

} // namespace pg
