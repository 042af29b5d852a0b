// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The processes that map one file (readFileMappers' answer) as a table: pid, user, command, how
// many mappings, and the file's Rss, Pss, USS and Swap in each. Largest Pss first, as core sorts.

#include "core/memory/MappingCensus.h"

#include <QAbstractTableModel>
#include <string>
#include <vector>

namespace pg {

class WhoMapsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Pid, User, Command, Mappings, Rss, Pss, Uss, Swap, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, PidRole };

    explicit WhoMapsModel(QObject* parent = nullptr);

    // `users` holds the user name of each process, in the same order (empty: unknown uid).
    void setMappers(std::vector<FileMapper> processes, std::vector<std::string> users);
    const std::vector<FileMapper>& mappers() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<FileMapper> m_rows;
    std::vector<std::string> m_users;
};

} // namespace pg
