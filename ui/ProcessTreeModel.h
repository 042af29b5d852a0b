#pragma once

// The process table as a parent/child tree (htop's F5). Built from the same snapshots as the flat
// ProcessTableModel and updated in place: a vanished process's surviving children are moved up
// (beginMoveRows) before it is removed, new processes are inserted under their parent, reparented
// ones are moved, and changed cells get dataChanged, so selection and expansion survive refreshes.
// Cell contents are taken from the flat model (same text, tooltips and sort values); call
// applySnapshot() after the flat model has applied the same snapshot.

#include "SamplerTypes.h"

#include <QAbstractItemModel>
#include <memory>
#include <unordered_map>
#include <vector>

namespace pg {

class ProcessTableModel;

class ProcessTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    explicit ProcessTreeModel(const ProcessTableModel* flat, QObject* parent = nullptr);
    ~ProcessTreeModel() override;

    void applySnapshot(const ProcessSnapshotPtr& snapshot);
    const ProcessTableModel* flatModel() const { return m_flat; }

    // The process at `index` (any column); pid 0 for an invalid index.
    ProcessKey keyAt(const QModelIndex& index) const;
    QModelIndex indexOf(const ProcessKey& key, int column = 0) const;
    QModelIndex indexOfPid(int pid, int column = 0) const;
    // The process at `index` as of the last snapshot, or nullptr (no hashing: for sorting).
    const ProcessInfo* infoAt(const QModelIndex& index) const;
    // The flat model's row for `index`, or -1.
    int flatRow(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    using NodeMap = std::unordered_map<ProcessKey, std::unique_ptr<Node>, ProcessKeyHash>;

    std::vector<Node*>& siblingsOf(Node* parent);
    QModelIndex indexOfNode(const Node* node, int column = 0) const;
    static void renumber(std::vector<Node*>& siblings, std::size_t from);
    static bool isAncestor(const Node* ancestor, const Node* node);
    void moveNode(Node* node, Node* newParent);
    void rebuild(const std::vector<ProcessInfo>& processes,
        const std::unordered_map<int, const ProcessInfo*>& byPid);

    const ProcessTableModel* m_flat;
    NodeMap m_nodes;
    std::vector<Node*> m_roots;
};

} // namespace pg
