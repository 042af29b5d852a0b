// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details/ThreadsModel.h"

#include "ui/common/Format.h"

#include <cmath>

namespace pg {

ThreadsModel::ThreadsModel(QObject* parent)
    : KeyedRowsModel<ThreadRow>(parent)
{ }

void ThreadsModel::setThreads(const std::vector<ThreadSample>& threads,
    const std::vector<double>& cpuPercent, long ticksPerSecond)
{
    std::vector<ThreadRow> rows;
    rows.reserve(threads.size());
    for (std::size_t i = 0; i < threads.size(); ++i)
        rows.push_back(
            { threads[i], i < cpuPercent.size() ? cpuPercent[i] : std::nan(""), ticksPerSecond });
    setRows(std::move(rows));
}

int ThreadsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ThreadsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Tid:
            return tr("Thread id (/proc/PID/task/TID); the main thread's tid is the pid");
        case Name:
            return tr("Thread name, field 2 of task/TID/stat (set with pthread_setname_np)");
        case State:
            return tr("Scheduler state, field 3 of task/TID/stat");
        case Cpu:
            return tr("CPU use over the last interval; 100 % = one CPU");
        case CpuTime:
            return tr("User + system CPU time (fields 14 and 15)");
        case Voluntary:
            return tr(
                "Voluntary context switches: the thread blocked or yielded (task/TID/status)");
        case Involuntary:
            return tr("Involuntary context switches: the scheduler preempted the thread");
        case Processor:
            return tr("CPU the thread last ran on, field 39");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Tid:
        return tr("TID");
    case Name:
        return tr("Name");
    case State:
        return tr("S");
    case Cpu:
        return tr("CPU %");
    case CpuTime:
        return tr("CPU time");
    case Voluntary:
        return tr("Voluntary switches");
    case Involuntary:
        return tr("Involuntary");
    case Processor:
        return tr("CPU");
    }
    return {};
}

QString ThreadsModel::keyOf(const ThreadRow& row) const
{
    return QStringLiteral("%1/%2").arg(row.thread.tid).arg(row.thread.startTimeTicks);
}

QVariant ThreadsModel::value(const ThreadRow& row, int column, int role) const
{
    const ThreadSample& t = row.thread;
    const QString unknown = QStringLiteral("–");
    auto counter = [&](const std::optional<std::uint64_t>& v, bool sort) -> QVariant {
        if (!v)
            return sort ? QVariant(-1LL) : QVariant(unknown);
        return static_cast<qulonglong>(*v);
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Tid:
            return t.tid;
        case Name:
            return fmt::displayBytes(t.comm);
        case State:
            return QString(QLatin1Char(t.state));
        case Cpu:
            return std::isnan(row.cpuPercent) ? unknown : fmt::percent(row.cpuPercent);
        case CpuTime:
            return fmt::cpuTime(t.cpuTimeTicks(), row.ticksPerSecond);
        case Voluntary:
            return counter(t.voluntaryCtxtSwitches, false);
        case Involuntary:
            return counter(t.nonvoluntaryCtxtSwitches, false);
        case Processor:
            return t.processor >= 0 ? QVariant(t.processor) : QVariant(unknown);
        }
        break;
    case SortRole:
        switch (column) {
        case Tid:
            return t.tid;
        case Name:
            return fmt::displayBytes(t.comm);
        case State:
            return QString(QLatin1Char(t.state));
        case Cpu:
            return std::isnan(row.cpuPercent) ? -1.0 : row.cpuPercent;
        case CpuTime:
            return static_cast<qulonglong>(t.cpuTimeTicks());
        case Voluntary:
            return counter(t.voluntaryCtxtSwitches, true);
        case Involuntary:
            return counter(t.nonvoluntaryCtxtSwitches, true);
        case Processor:
            return t.processor;
        }
        break;
    case Qt::ToolTipRole:
        if (column == Cpu && std::isnan(row.cpuPercent))
            return tr("Not measured yet: CPU % needs two reads of task/%1/stat").arg(t.tid);
        if ((column == Voluntary || column == Involuntary) && !t.voluntaryCtxtSwitches)
            return tr("Unknown: task/%1/status could not be read").arg(t.tid);
        break;
    case Qt::TextAlignmentRole:
        if (column == Name)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        if (column == State)
            return QVariant(Qt::AlignCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        break;
    }
    return {};
}

} // namespace pg
