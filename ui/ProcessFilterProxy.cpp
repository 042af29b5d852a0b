#include "ProcessFilterProxy.h"

#include "ProcessTableModel.h"

#include <cmath>

namespace pg {

ProcessFilterProxy::ProcessFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortRole(ProcessTableModel::SortRole);
}

void ProcessFilterProxy::setSourceModel(QAbstractItemModel* model)
{
    m_model = qobject_cast<ProcessTableModel*>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ProcessFilterProxy::setFilterText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filter)
        return;
    m_filter = trimmed;
    invalidateRowsFilter();
}

void ProcessFilterProxy::setHideKernelThreads(bool hide)
{
    if (hide == m_hideKernelThreads)
        return;
    m_hideKernelThreads = hide;
    invalidateRowsFilter();
}

bool ProcessFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return true;
    const ProcessTableModel::Row& row = m_model->row(sourceRow);
    if (m_hideKernelThreads && row.info.kernelThread)
        return false;
    if (m_filter.isEmpty())
        return true;
    bool isNumber = false;
    const int pid = m_filter.toInt(&isNumber);
    if (isNumber && pid == row.info.key.pid)
        return true;
    return row.command.contains(m_filter, Qt::CaseInsensitive)
        || row.comm.contains(m_filter, Qt::CaseInsensitive)
        || row.user.contains(m_filter, Qt::CaseInsensitive);
}

namespace {

template <typename T> int cmp(const T& a, const T& b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

bool ProcessFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (!m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    const ProcessTableModel::Row& a = m_model->row(left.row());
    const ProcessTableModel::Row& b = m_model->row(right.row());
    const ProcessInfo& p = a.info;
    const ProcessInfo& q = b.info;
    auto cpu = [](double v) { return std::isnan(v) ? -1.0 : v; };
    auto mem = [](const ProcessInfo& x, std::uint64_t v) {
        return x.memError != Error::None ? -1LL : static_cast<long long>(v);
    };
    int c = 0;
    switch (left.column()) {
    case ProcessTableModel::Pid:
        break;
    case ProcessTableModel::User:
        c = a.user.compare(b.user, Qt::CaseInsensitive);
        break;
    case ProcessTableModel::State:
        c = cmp(p.state, q.state);
        break;
    case ProcessTableModel::Cpu:
        c = cmp(cpu(p.cpuPercent), cpu(q.cpuPercent));
        break;
    case ProcessTableModel::Virt:
        c = cmp(mem(p, p.virtKib), mem(q, q.virtKib));
        break;
    case ProcessTableModel::Res:
        c = cmp(mem(p, p.resKib), mem(q, q.resKib));
        break;
    case ProcessTableModel::Shr:
        c = cmp(mem(p, p.shrKib), mem(q, q.shrKib));
        break;
    case ProcessTableModel::Threads:
        c = cmp(p.threads, q.threads);
        break;
    case ProcessTableModel::Nice:
        c = cmp(p.nice, q.nice);
        break;
    case ProcessTableModel::Priority:
        c = cmp(p.priority, q.priority);
        break;
    case ProcessTableModel::Started:
        c = cmp(p.startTimeUnixMs, q.startTimeUnixMs);
        break;
    case ProcessTableModel::CpuTime:
        c = cmp(p.cpuTimeTicks(), q.cpuTimeTicks());
        break;
    case ProcessTableModel::Command:
        c = a.command.compare(b.command, Qt::CaseInsensitive);
        break;
    default:
        break;
    }
    if (c != 0)
        return c < 0;
    // Tie-break on pid so that the order is total and stable across refreshes. In a descending
    // sort Qt reverses the whole comparison, so equal rows then list the highest pid first.
    return p.key.pid < q.key.pid;
}

} // namespace pg
