// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/memusage/UserUsageModel.h"

#include "ui/common/Format.h"
#include "ui/memusage/ProcessUsageModel.h"

namespace pg {

void UserUsageModel::apply(const MemoryUsageSnapshot& snapshot)
{
    std::vector<UserUsageRow> rows;
    for (const UserMemory& u : memoryByUser(snapshot.census.processes))
        rows.push_back({ u, QString::fromStdString(snapshot.userName(u.uid)) });
    setRows(std::move(rows));
}

void UserUsageModel::clear()
{
    setRows({});
}

int UserUsageModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    static const char* const titles[] = { "User", "Processes", "Rss", "Pss", "USS", "Swap" };
    if (role == Qt::DisplayRole)
        return tr(titles[section]);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case User:
            return tr("The real user the processes run as");
        case Processes:
            return tr("How many of the user's processes the census read");
        case Rss:
            return ProcessUsageModel::columnToolTip(ProcessUsageModel::Rss)
                + tr(". Summed per user it overcounts what the user's processes share");
        case Pss:
            return ProcessUsageModel::columnToolTip(ProcessUsageModel::Pss);
        case Uss:
            return ProcessUsageModel::columnToolTip(ProcessUsageModel::Uss);
        case Swap:
            return ProcessUsageModel::columnToolTip(ProcessUsageModel::Swap);
        default:
            return {};
        }
    }
    return {};
}

QString UserUsageModel::keyOf(const UserUsageRow& row) const
{
    return QString::number(row.memory.uid);
}

QVariant UserUsageModel::value(const UserUsageRow& row, int column, int role) const
{
    const UserMemory& u = row.memory;
    if (role == Qt::TextAlignmentRole)
        return column == User ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                              : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    auto size = [sort](std::uint64_t kib) { return fmt::kibCell(kib, sort); };
    switch (column) {
    case User:
        return row.user;
    case Processes:
        return sort ? QVariant(qlonglong(u.processes)) : QVariant(QString::number(u.processes));
    case Rss:
        return size(u.rssKib);
    case Pss:
        return size(u.pssKib);
    case Uss:
        return size(u.ussKib);
    case Swap:
        return size(u.swapKib);
    default:
        return {};
    }
}

} // namespace pg
