// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Command line tab: the argv list from /proc/PID/cmdline, one argument a row, exactly as the
// kernel has it (escaped for display only; RawRole gives the exact text for copying).

#include "ui/common/KeyedRowsModel.h"

#include <string>
#include <vector>

namespace pg {

struct ArgRow
{
    int index = 0;
    std::string arg;
};

class CommandLineModel final : public KeyedRowsModel<ArgRow>
{
    Q_OBJECT
public:
    enum Column { Index, Argument, ColumnCount };
    enum { RawRole = Qt::UserRole + 10 };

    explicit CommandLineModel(QObject* parent = nullptr);
    void setArguments(const std::vector<std::string>& argv);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const ArgRow& row) const override;
    QVariant value(const ArgRow& row, int column, int role) const override;
};

} // namespace pg
