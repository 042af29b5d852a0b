// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/memory/WhoMapsModel.h"

#include "ui/common/Format.h"

namespace pg {

WhoMapsModel::WhoMapsModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void WhoMapsModel::setMappers(std::vector<FileMapper> processes, std::vector<std::string> users)
{
    beginResetModel();
    m_rows = std::move(processes);
    m_users = std::move(users);
    m_users.resize(m_rows.size());
    endResetModel();
}

int WhoMapsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int WhoMapsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WhoMapsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size()))
        return {};
    const FileMapper& p = m_rows[index.row()];
    const std::string& user = m_users[index.row()];
    if (role == PidRole)
        return p.pid;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(index.column() == User || index.column() == Command
                ? Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter)
                : Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    const bool sort = role == SortRole;
    if (role != Qt::DisplayRole && !sort)
        return {};
    auto size = [sort](std::uint64_t kib) -> QVariant {
        return sort ? QVariant(static_cast<qulonglong>(kib)) : QVariant(fmt::kib(kib));
    };
    switch (index.column()) {
    case Pid:
        return p.pid;
    case User:
        return user.empty() ? QString::number(p.uid) : QString::fromStdString(user);
    case Command:
        return fmt::displayBytes(p.comm);
    case Mappings:
        return p.mappings;
    case Rss:
        return size(p.rssKib);
    case Pss:
        return size(p.pssKib);
    case Uss:
        return size(p.ussKib);
    case Swap:
        return size(p.swapKib);
    }
    return {};
}

QVariant WhoMapsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        static const char* const names[]
            = { "PID", "User", "Command", "Mappings", "Rss", "Pss", "USS", "Swap" };
        return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Mappings:
            return tr("How many of the process's mappings are of this file");
        case Rss:
            return tr("The file's pages in RAM that this process maps");
        case Pss:
            return tr("Rss with each page divided by the number of processes that map it: the "
                      "Pss of all rows adds up to the file's share of RAM");
        case Uss:
            return tr("Private_Clean + Private_Dirty: the file's pages only this process maps "
                      "(private copies made by writing)");
        default:
            return {};
        }
    }
    return {};
}

} // namespace pg
