// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The cgroup part of the "Limits & cgroup" tab: /proc/PID/cgroup, one row per hierarchy (v1) or the
// single unified line (v2), keyed by hierarchy id.

#include "core/process/PidCgroup.h"
#include "ui/common/KeyedRowsModel.h"

namespace pg {

class CgroupModel final : public KeyedRowsModel<CgroupEntry>
{
    Q_OBJECT
public:
    enum Column { Hierarchy, Controllers, Path, ColumnCount };

    explicit CgroupModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const CgroupEntry& row) const override;
    QVariant value(const CgroupEntry& row, int column, int role) const override;
};

} // namespace pg
