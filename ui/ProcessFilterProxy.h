#pragma once

// Sorting and filtering of the process table. lessThan is a strict weak order on the raw values
// with the pid as tie-break, so equal CPU % rows do not swap places on every refresh.

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
    QString filterText() const { return m_filter; }
    void setHideKernelThreads(bool hide);
    bool hideKernelThreads() const { return m_hideKernelThreads; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    ProcessTableModel* m_model = nullptr;
    QString m_filter;
    bool m_hideKernelThreads = false;
};

} // namespace pg
