// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Threads tab: /proc/PID/task, one row per thread (tid, name, state, CPU % from the details
// sampler's deltas, CPU time, context switches, last CPU). Keyed by tid and start time.

#include "core/process/PidTask.h"
#include "ui/common/KeyedRowsModel.h"

#include <vector>

namespace pg {

struct ThreadRow
{
    ThreadSample thread;
    double cpuPercent = 0; // NaN until two reads
    long ticksPerSecond = 100;
};

class ThreadsModel final : public KeyedRowsModel<ThreadRow>
{
    Q_OBJECT
public:
    enum Column { Tid, Name, State, Cpu, CpuTime, Voluntary, Involuntary, Processor, ColumnCount };

    explicit ThreadsModel(QObject* parent = nullptr);
    void setThreads(const std::vector<ThreadSample>& threads, const std::vector<double>& cpuPercent,
        long ticksPerSecond);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const ThreadRow& row) const override;
    QVariant value(const ThreadRow& row, int column, int role) const override;
};

} // namespace pg
