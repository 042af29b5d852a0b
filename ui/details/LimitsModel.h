// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Limits part of the "Limits & cgroup" tab: /proc/PID/limits, one row per resource (soft limit,
// hard limit, units), keyed by the limit's name.

#include "core/process/PidLimits.h"
#include "ui/common/KeyedRowsModel.h"

namespace pg {

class LimitsModel final : public KeyedRowsModel<PidLimit>
{
    Q_OBJECT
public:
    enum Column { Name, Soft, Hard, Units, ColumnCount };

    explicit LimitsModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const PidLimit& row) const override;
    QVariant value(const PidLimit& row, int column, int role) const override;
};

} // namespace pg
