// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details/CgroupModel.h"

#include "ui/common/Format.h"

namespace pg {

CgroupModel::CgroupModel(QObject* parent)
    : KeyedRowsModel<CgroupEntry>(parent)
{ }

int CgroupModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CgroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Hierarchy:
        return tr("Hierarchy");
    case Controllers:
        return tr("Controllers");
    case Path:
        return tr("Cgroup path");
    }
    return {};
}

QString CgroupModel::keyOf(const CgroupEntry& row) const
{
    return QString::number(row.hierarchyId) + QLatin1Char(':') + QString::fromStdString(row.path);
}

QVariant CgroupModel::value(const CgroupEntry& row, int column, int role) const
{
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case Hierarchy:
        if (role == SortRole)
            return row.hierarchyId;
        return row.isUnified() ? tr("%1 (v2 unified)").arg(row.hierarchyId)
                               : QString::number(row.hierarchyId);
    case Controllers: {
        QStringList names;
        for (const auto& c : row.controllers)
            names << fmt::displayBytes(c);
        if (names.isEmpty() && role == Qt::ToolTipRole)
            return tr("cgroup v2: the controllers enabled for this group are in cgroup.controllers "
                      "under /sys/fs/cgroup");
        return names.join(QLatin1Char(','));
    }
    case Path:
        return fmt::displayBytes(row.path);
    }
    return {};
}

} // namespace pg
