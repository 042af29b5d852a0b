// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Block devices and partitions from /proc/diskstats with their I/O totals and rates per second.

#include "core/system/DiskStats.h"
#include "core/system/SystemOverview.h"
#include "ui/common/KeyedRowsModel.h"

namespace pg {

struct DiskRow
{
    DiskStat stat;
    DiskRate rate;
};

class DiskStatsModel final : public KeyedRowsModel<DiskRow>
{
    Q_OBJECT
public:
    enum Column {
        Device,
        Kind,
        Reads,
        Writes,
        BytesRead,
        BytesWritten,
        ReadsPerSec,
        WritesPerSec,
        ReadRate,
        WriteRate,
        InFlight,
        ColumnCount
    };

    using KeyedRowsModel::KeyedRowsModel;

    void apply(const SystemOverview& overview);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString keyOf(const DiskRow& row) const override;
    QVariant value(const DiskRow& row, int column, int role) const override;
};

} // namespace pg
