// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Open files tab: /proc/PID/fd with each target classified (file, deleted file, socket, pipe,
// anon inode, device, memfd) and /proc/PID/fdinfo's position and decoded open flags. Keyed by fd.

#include "core/process/ProcessDetails.h"
#include "ui/common/KeyedRowsModel.h"

namespace pg {

class OpenFilesModel final : public KeyedRowsModel<OpenFile>
{
    Q_OBJECT
public:
    enum Column { Fd, Kind, Target, Position, Flags, MountId, ColumnCount };

    explicit OpenFilesModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const OpenFile& row) const override;
    QVariant value(const OpenFile& row, int column, int role) const override;
};

} // namespace pg
