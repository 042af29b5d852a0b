// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/memusage/ProcessUsageModel.h"

#include "ui/common/Format.h"

#include <QHash>

namespace pg {

void ProcessUsageModel::apply(const MemoryUsageSnapshot& snapshot)
{
    QHash<std::uint32_t, QString> names; // one QString per user, shared by its rows
    for (const auto& [uid, name] : snapshot.userNames)
        names.insert(uid, QString::fromStdString(name));
    std::vector<ProcessUsageRow> rows;
    rows.reserve(snapshot.census.processes.size());
    for (const ProcessMemory& p : snapshot.census.processes)
        rows.push_back({ p, names.value(p.uid, QString::number(p.uid)) });
    setRows(std::move(rows));
}

void ProcessUsageModel::clear()
{
    setRows({});
}

int ProcessUsageModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProcessUsageModel::columnToolTip(int column)
{
    switch (column) {
    case Pid:
        return tr("Process id");
    case User:
        return tr("The real user the process runs as");
    case Command:
        return tr("The process's name (status Name:, at most 15 bytes)");
    case Rss:
        return tr("Resident: every page of RAM the process maps, shared ones counted in full. "
                  "Summing Rss counts a shared library once per process that uses it");
    case Pss:
        return tr("Proportional: each resident page divided by the number of processes that map "
                  "it. Pss adds up across processes: their sum is the RAM user space holds");
    case Uss:
        return tr("Unique (Private_Clean + Private_Dirty): the pages only this process maps, what "
                  "its exit would give back");
    case Swap:
        return tr("Swapped-out pages of the process's anonymous memory, shared ones in full");
    case SwapPss:
        return tr("Swap shared out like Pss (kernels 4.3 and later print it)");
    default:
        return {};
    }
}

QVariant ProcessUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    static const char* const titles[]
        = { "PID", "User", "Command", "Rss", "Pss", "USS", "Swap", "SwapPss" };
    if (role == Qt::DisplayRole)
        return tr(titles[section]);
    if (role == Qt::ToolTipRole)
        return columnToolTip(section);
    return {};
}

QString ProcessUsageModel::keyOf(const ProcessUsageRow& row) const
{
    return QString::number(row.memory.pid);
}

QVariant ProcessUsageModel::value(const ProcessUsageRow& row, int column, int role) const
{
    const ProcessMemory& m = row.memory;
    if (role == PidRole)
        return m.pid;
    if (role == Qt::TextAlignmentRole)
        return column == User || column == Command ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && column == SwapPss && !m.swapPssKnown)
        return tr("This kernel does not print SwapPss (it came with 4.3)");
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    auto size = [sort](std::uint64_t kib) {
        return sort ? QVariant(qlonglong(kib)) : QVariant(fmt::kib(kib));
    };
    switch (column) {
    case Pid:
        return sort ? QVariant(qlonglong(m.pid)) : QVariant(QString::number(m.pid));
    case User:
        return row.user;
    case Command:
        return fmt::displayBytes(m.comm);
    case Rss:
        return size(m.rssKib);
    case Pss:
        return size(m.pssKib);
    case Uss:
        return size(m.ussKib);
    case Swap:
        return size(m.swapKib);
    case SwapPss:
        if (!m.swapPssKnown)
            return sort ? QVariant(qlonglong(-1)) : QVariant(QStringLiteral("–"));
        return size(m.swapPssKib);
    default:
        return {};
    }
}

} // namespace pg
