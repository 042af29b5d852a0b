// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Sorting and filtering of the process table. The filter and the order are ProcessMatch's, shared
// with the tree; lessThan is a strict weak order on the raw values with the pid as tie-break, so
// equal CPU % rows do not swap places on every refresh.

#include "ui/processes/ProcessMatch.h"

#include <QSortFilterProxyModel>

namespace pg {

class ProcessTableModel;

class ProcessFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ProcessFilterProxy(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* model) override;
    // Matches the name, command line, user or pid, case-insensitively.
    void setFilterText(const QString& text);
    QString filterText() const { return m_matcher.text(); }
    void setHideKernelThreads(bool hide);
    bool hideKernelThreads() const { return m_matcher.hideKernelThreads(); }
    void setUserFilter(const UserFilter& user);
    const UserFilter& userFilter() const { return m_matcher.userFilter(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    ProcessTableModel* m_model = nullptr;
    ProcessMatcher m_matcher;
};

} // namespace pg
