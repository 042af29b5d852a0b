#pragma once

// Sorting and filtering of the process tree. Same filter as ProcessFilterProxy (name, command line,
// user or pid; kernel threads hidden on request), with recursive filtering so that the ancestors of
// a matching process stay visible; children are sorted within their parent, with the pid as the
// tie-break so that the order is a strict weak order.

#include <QSortFilterProxyModel>

namespace pg {

class ProcessTreeModel;

class ProcessTreeProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ProcessTreeProxy(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* model) override;
    void setFilterText(const QString& text);
    void setHideKernelThreads(bool hide);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    ProcessTreeModel* m_model = nullptr;
    QString m_filter;
    bool m_hideKernelThreads = false;
};

} // namespace pg
