// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/memusage/MappingUsageModel.h"

#include "ui/common/Format.h"
#include "ui/memusage/ProcessUsageModel.h"

#include <algorithm>

namespace pg {

void MappingUsageModel::apply(const MemoryUsageSnapshot& snapshot)
{
    if (snapshot.mappings)
        setRows(*snapshot.mappings);
}

void MappingUsageModel::clear()
{
    setRows({});
}

std::vector<MappingMemory> MappingUsageModel::mappings() const
{
    std::vector<MappingMemory> out;
    out.reserve(static_cast<std::size_t>(rowCount()));
    for (int i = 0; i < rowCount(); ++i)
        out.push_back(rowAt(i));
    std::stable_sort(out.begin(), out.end(), [](const MappingMemory& a, const MappingMemory& b) {
        return a.pssKib != b.pssKib ? a.pssKib > b.pssKib : a.name < b.name;
    });
    return out;
}

int MappingUsageModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MappingUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    static const char* const titles[]
        = { "Mapping", "Processes", "Mappings", "Rss", "Pss", "USS", "Swap" };
    if (role == Qt::DisplayRole)
        return tr(titles[section]);
    if (role != Qt::ToolTipRole)
        return {};
    switch (section) {
    case Mapping:
        return tr("A file (one row per device and inode, whatever path it was opened by; a file "
                  "deleted while mapped is its own row) or a kind of anonymous memory as smaps "
                  "names it: [heap], [stack], [anon:NAME], [anon] for unnamed regions");
    case Processes:
        return tr("How many processes map it");
    case Mappings:
        return tr("Their mappings of it: a library has several (code, read-only data, data)");
    case Rss:
        return tr("Resident memory of it, summed over the processes: a page shared by ten "
                  "processes counts ten times");
    case Pss:
        return tr("Its proportional share summed over the processes: what it costs the system "
                  "in RAM, each shared page counted once");
    case Uss:
        return tr("What only one process maps of it (Private_Clean + Private_Dirty), summed");
    case Swap:
        return ProcessUsageModel::columnToolTip(ProcessUsageModel::Swap);
    default:
        return {};
    }
}

QString MappingUsageModel::keyOf(const MappingMemory& row) const
{
    if (row.inode != 0)
        return QString::fromStdString(row.device) + QLatin1Char(' ') + QString::number(row.inode);
    return QString::fromStdString(row.name);
}

QVariant MappingUsageModel::value(const MappingMemory& row, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return column == Mapping ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                 : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && column == Mapping) {
        if (row.inode == 0)
            return QString::fromStdString(row.name);
        return tr("%1\ndevice %2, inode %3")
            .arg(QString::fromStdString(row.name), QString::fromStdString(row.device))
            .arg(row.inode);
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    auto count = [sort](int n) { return sort ? QVariant(n) : QVariant(QString::number(n)); };
    auto size = [sort](std::uint64_t kib) { return fmt::kibCell(kib, sort); };
    switch (column) {
    case Mapping:
        return QString::fromStdString(row.name);
    case Processes:
        return count(row.processes);
    case Mappings:
        return count(row.mappings);
    case Rss:
        return size(row.rssKib);
    case Pss:
        return size(row.pssKib);
    case Uss:
        return size(row.ussKib);
    case Swap:
        return size(row.swapKib);
    default:
        return {};
    }
}

} // namespace pg
