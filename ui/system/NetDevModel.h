// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Network interfaces from /proc/net/dev with byte and packet totals and rates per second.

#include "core/system/NetDev.h"
#include "core/system/SystemOverview.h"
#include "ui/common/KeyedRowsModel.h"

namespace pg {

struct NetRow
{
    NetDevStat stat;
    NetRate rate;
};

class NetDevModel final : public KeyedRowsModel<NetRow>
{
    Q_OBJECT
public:
    enum Column {
        Interface,
        RxBytes,
        RxPackets,
        TxBytes,
        TxPackets,
        RxRate,
        TxRate,
        RxPacketRate,
        TxPacketRate,
        RxErrors,
        TxErrors,
        ColumnCount
    };

    using KeyedRowsModel::KeyedRowsModel;

    void apply(const SystemOverview& overview);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString keyOf(const NetRow& row) const override;
    QVariant value(const NetRow& row, int column, int role) const override;
};

} // namespace pg
