// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Environment tab: NAME and VALUE from /proc/PID/environ, one row per string. Rows are keyed by
// name (and occurrence, since a name may repeat), so a refresh that changes nothing changes no row.
// Display text is escaped (displayBytes); RawRole gives the exact text for copying.

#include "core/process/PidEnviron.h"
#include "ui/common/KeyedRowsModel.h"

#include <vector>

namespace pg {

class EnvironmentModel final : public KeyedRowsModel<EnvVar>
{
    Q_OBJECT
public:
    enum Column { Name, Value, ColumnCount };
    enum { RawRole = Qt::UserRole + 10 }; // "NAME=VALUE" as the process has it

    explicit EnvironmentModel(QObject* parent = nullptr);
    void setEnvironment(const std::vector<EnvVar>& vars);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const EnvVar& row) const override;
    QVariant value(const EnvVar& row, int column, int role) const override;
};

} // namespace pg
