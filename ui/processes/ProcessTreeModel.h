// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The process table as a parent/child tree (htop's F5), sorted and filtered in place.
//
// Sorting and filtering live here rather than in a QSortFilterProxyModel: with the tree expanded
// the view holds a persistent index per parent (thousands at 10,000 processes), and every
// per-row insert, remove or move, and every per-parent re-sort a proxy does after a dataChanged,
// walks all of them. So an update is computed in one O(n log n) pass (merge with the previous
// snapshot by pid, parents with cycles broken, filter with the ancestors of a match kept, siblings
// sorted) and published as at most one layout change, whose persistent-index update keeps the
// selection, the current row and the expanded parents on their processes, followed by dataChanged
// for the changed cells (per parent, limited to the changed columns). An update that moves nothing
// only emits the dataChanged.
//
// Runs of kGroupMin or more children of one parent with the same command line (2,000 identical
// workers) are shown as one row, "2000 × command", whose children are those processes; it stays
// collapsed until the user expands it. Such a row is no process: keyAt() gives pid 0.
//
// Cell contents come from the flat model (same text, tooltips and sort values): call
// applySnapshot() after the flat model has applied the same snapshot. clear() drops every row
// while the tree is not shown; the filter and the sort order stay.

#include "core/metatypes/SnapshotTypes.h"
#include "ui/processes/ProcessMatch.h"

#include <QAbstractItemModel>
#include <map>
#include <memory>
#include <vector>

namespace pg {

class ProcessTableModel;

class ProcessTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    static constexpr int kGroupMin = 20;

    explicit ProcessTreeModel(const ProcessTableModel* flat, QObject* parent = nullptr);
    ~ProcessTreeModel() override;

    void applySnapshot(const ProcessSnapshotPtr& snapshot);
    // Frees every row (a reset); the next applySnapshot() builds the tree afresh.
    void clear();
    // Processes held, shown or filtered out.
    std::size_t processCount() const { return m_nodes.size(); }
    const ProcessTableModel* flatModel() const { return m_flat; }

    // The same filter as the flat table (ProcessMatcher); the ancestors of a match stay visible.
    void setFilterText(const QString& text);
    QString filterText() const { return m_matcher.text(); }
    void setHideKernelThreads(bool hide);
    bool hideKernelThreads() const { return m_matcher.hideKernelThreads(); }
    void setUserFilter(const UserFilter& user);
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // The process at `index` (any column); pid 0 for an invalid index.
    ProcessKey keyAt(const QModelIndex& index) const;
    // Invalid when the process is not in the tree or the filter hides it.
    QModelIndex indexOf(const ProcessKey& key, int column = 0) const;
    QModelIndex indexOfPid(int pid, int column = 0) const;
    // The "N × command" rows shown now (the page keeps them collapsed when it expands the tree).
    QModelIndexList groupIndexes() const;
    bool isGroup(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    // After a layout change: shown parents that gained a child (a new process, one that was
    // reparented or no longer filtered out). The page expands them, so new children show up while
    // the parents the user collapsed stay collapsed.
    void childrenArrived(const QModelIndexList& parents);

private:
    struct Node;

    const ProcessTableModel::Row* rowOf(const Node* node) const;
    int flatRowOf(const Node* node) const;
    QModelIndex indexOfNode(const Node* node, int column = 0) const;
    Node* findPid(int pid) const;
    bool less(const Node* a, const Node* b) const;
    void linkParents();
    void computeShown(bool refilterAll);
    std::vector<Node*> buildShape();
    void groupRuns(std::vector<Node*>& siblings, Node* parent);
    Node* groupNode(const Node* parent, const QString& command);
    QVariant groupData(const Node* group, int column, int role) const;
    bool shapeDiffers(const std::vector<Node*>& roots) const;
    std::vector<Node*> assignShape(std::vector<Node*> roots);
    void commitShape(std::vector<Node*> roots, QAbstractItemModel::LayoutChangeHint hint,
        QModelIndexList* arrived);
    void refilter();

    const ProcessTableModel* m_flat;
    std::vector<std::unique_ptr<Node>> m_nodes; // in pid order
    std::vector<std::unique_ptr<Node>> m_retired; // vanished in the last update
    std::vector<Node*> m_roots; // shown top-level processes, sorted
    // "N × command" rows by parent and command; kept while shown so that their expanded state
    // and the selection under them survive updates.
    std::map<QString, std::unique_ptr<Node>> m_groups;
    std::vector<std::unique_ptr<Node>> m_retiredGroups;
    ProcessSnapshotPtr m_snapshot; // keeps the nodes' ProcessInfo pointers valid
    ProcessMatcher m_matcher;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace pg
