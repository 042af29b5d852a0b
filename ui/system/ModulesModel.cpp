// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/system/ModulesModel.h"

#include "ui/common/Format.h"

namespace pg {

void ModulesModel::apply(const Modules& modules)
{
    setRows(modules.modules);
}

int ModulesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    static const char* const titles[] = { "Module", "Size", "Used", "By", "State", "Taints" };
    static const char* const tips[] = {
        "/proc/modules field 1: module name",
        "/proc/modules field 2: memory size in bytes",
        "/proc/modules field 3: use count (how many users hold the module)",
        "/proc/modules field 4: modules that use this one",
        "/proc/modules field 5: Live, Loading or Unloading",
        "/proc/modules field 7: taint flags (O out of tree, E unsigned, P proprietary, ...)",
    };
    if (role == Qt::DisplayRole)
        return tr(titles[section]);
    if (role == Qt::ToolTipRole)
        return tr(tips[section]);
    return {};
}

QString ModulesModel::keyOf(const ModuleInfo& row) const
{
    return QString::fromStdString(row.name);
}

QVariant ModulesModel::value(const ModuleInfo& m, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return column == Size || column == UseCount ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                    : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (column == UseCount && !m.useCount)
            return tr("The kernel was built without module unloading: it keeps no use count");
        if (column == Name)
            return tr("Loaded at %1").arg(QString::fromStdString(m.address));
        return {};
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (column) {
    case Name:
        return fmt::displayBytes(m.name);
    case Size:
        return sort ? QVariant(qulonglong(m.sizeBytes)) : QVariant(QString::number(m.sizeBytes));
    case UseCount:
        if (!m.useCount)
            return sort ? QVariant(qlonglong(-1)) : QVariant(QStringLiteral("–"));
        return sort ? QVariant(qlonglong(*m.useCount)) : QVariant(QString::number(*m.useCount));
    case UsedBy:
        return fmt::displayBytes(m.usersText());
    case State:
        return QString::fromLatin1(moduleStateText(m.state).data(),
            static_cast<qsizetype>(moduleStateText(m.state).size()));
    case Taints:
        return QString::fromStdString(m.taints);
    default:
        return {};
    }
}

} // namespace pg
