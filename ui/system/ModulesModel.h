// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Loaded kernel modules from /proc/modules, with lsmod's columns (Module, Size, Used by) plus the
// state and taint flags.

#include "core/system/Modules.h"
#include "ui/common/KeyedRowsModel.h"

namespace pg {

class ModulesModel final : public KeyedRowsModel<ModuleInfo>
{
    Q_OBJECT
public:
    enum Column { Name, Size, UseCount, UsedBy, State, Taints, ColumnCount };

    using KeyedRowsModel::KeyedRowsModel;

    void apply(const Modules& modules);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString keyOf(const ModuleInfo& row) const override;
    QVariant value(const ModuleInfo& row, int column, int role) const override;
};

} // namespace pg
