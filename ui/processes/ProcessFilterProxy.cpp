// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/processes/ProcessFilterProxy.h"

#include "ui/processes/ProcessTableModel.h"

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
    if (trimmed == m_matcher.text())
        return;
    m_matcher = ProcessMatcher(trimmed, m_matcher.hideKernelThreads(), m_matcher.userFilter());
    invalidateRowsFilter();
}

void ProcessFilterProxy::setHideKernelThreads(bool hide)
{
    if (hide == m_matcher.hideKernelThreads())
        return;
    m_matcher = ProcessMatcher(m_matcher.text(), hide, m_matcher.userFilter());
    invalidateRowsFilter();
}

void ProcessFilterProxy::setUserFilter(const UserFilter& user)
{
    if (user == m_matcher.userFilter())
        return;
    m_matcher = ProcessMatcher(m_matcher.text(), m_matcher.hideKernelThreads(), user);
    invalidateRowsFilter();
}

bool ProcessFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return true;
    return m_matcher.accepts(m_model->row(sourceRow));
}

bool ProcessFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (!m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    return processRowLess(m_model->row(left.row()), m_model->row(right.row()), left.column());
}

} // namespace pg
