#include "ProcessTreeProxy.h"

#include "ProcessTableModel.h"
#include "ProcessTreeModel.h"

#include <cmath>

namespace pg {

ProcessTreeProxy::ProcessTreeProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setRecursiveFilteringEnabled(true);
    setSortRole(ProcessTableModel::SortRole);
}

void ProcessTreeProxy::setSourceModel(QAbstractItemModel* model)
{
    m_model = qobject_cast<ProcessTreeModel*>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ProcessTreeProxy::setFilterText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filter)
        return;
    m_filter = trimmed;
    invalidateRowsFilter();
}

void ProcessTreeProxy::setHideKernelThreads(bool hide)
{
    if (hide == m_hideKernelThreads)
        return;
    m_hideKernelThreads = hide;
    invalidateRowsFilter();
}

bool ProcessTreeProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_model)
        return true;
    const int flat = m_model->flatRow(m_model->index(sourceRow, 0, sourceParent));
    if (flat < 0)
        return false;
    const ProcessTableModel::Row& row = m_model->flatModel()->row(flat);
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

bool ProcessTreeProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    // Numeric columns straight from the tree's copy of the process: sorting calls this n log n
    // times per parent, and going through the flat model would cost a hash lookup per call.
    const ProcessInfo* p = m_model ? m_model->infoAt(left) : nullptr;
    const ProcessInfo* q = m_model ? m_model->infoAt(right) : nullptr;
    if (p && q) {
        auto cpu = [](double v) { return std::isnan(v) ? -1.0 : v; };
        auto mem = [](const ProcessInfo& x, std::uint64_t v) {
            return x.memError != Error::None ? -1LL : static_cast<long long>(v);
        };
        int c = 2; // 2: not a numeric column
        switch (left.column()) {
        case ProcessTableModel::Pid:
            c = 0;
            break;
        case ProcessTableModel::State:
            c = cmp(p->state, q->state);
            break;
        case ProcessTableModel::Cpu:
            c = cmp(cpu(p->cpuPercent), cpu(q->cpuPercent));
            break;
        case ProcessTableModel::Virt:
            c = cmp(mem(*p, p->virtKib), mem(*q, q->virtKib));
            break;
        case ProcessTableModel::Res:
            c = cmp(mem(*p, p->resKib), mem(*q, q->resKib));
            break;
        case ProcessTableModel::Shr:
            c = cmp(mem(*p, p->shrKib), mem(*q, q->shrKib));
            break;
        case ProcessTableModel::Threads:
            c = cmp(p->threads, q->threads);
            break;
        case ProcessTableModel::Nice:
            c = cmp(p->nice, q->nice);
            break;
        case ProcessTableModel::Priority:
            c = cmp(p->priority, q->priority);
            break;
        case ProcessTableModel::Started:
            c = cmp(p->startTimeUnixMs, q->startTimeUnixMs);
            break;
        case ProcessTableModel::CpuTime:
            c = cmp(p->cpuTimeTicks(), q->cpuTimeTicks());
            break;
        default:
            break;
        }
        if (c != 2)
            return c != 0 ? c < 0 : p->key.pid < q->key.pid;
    }
    const QVariant a = left.data(ProcessTableModel::SortRole);
    const QVariant b = right.data(ProcessTableModel::SortRole);
    int c = 0;
    if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString) {
        c = a.toString().compare(b.toString(), Qt::CaseInsensitive);
    } else {
        const QPartialOrdering order = QVariant::compare(a, b);
        c = order == QPartialOrdering::Less ? -1 : (order == QPartialOrdering::Greater ? 1 : 0);
    }
    if (c != 0)
        return c < 0;
    return left.data(ProcessTableModel::PidRole).toInt()
        < right.data(ProcessTableModel::PidRole).toInt();
}

} // namespace pg
