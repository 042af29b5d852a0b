#include "ProcessTreeModel.h"

#include "ProcessTableModel.h"

#include <algorithm>
#include <cmath>

namespace pg {

struct ProcessTreeModel::Node
{
    ProcessInfo info;
    Node* parent = nullptr;
    std::vector<Node*> children;
    int row = 0; // position in the parent's children (or the roots)
    bool detached = false; // removed in this update; freed at its end
};

namespace {

using PidMap = std::unordered_map<int, const ProcessInfo*>;

// The process's parent in this snapshot, or nullptr for a top-level process (ppid 0, a parent not
// in the snapshot, or a cycle in hostile data).
const ProcessInfo* desiredParent(const ProcessInfo& p, const PidMap& byPid)
{
    if (p.ppid <= 0 || p.ppid == p.key.pid)
        return nullptr;
    auto it = byPid.find(p.ppid);
    if (it == byPid.end())
        return nullptr;
    // Walk up: a chain that comes back to p is a cycle; p then stays at the top level.
    const ProcessInfo* up = it->second;
    for (std::size_t steps = 0; up && steps <= byPid.size(); ++steps) {
        if (up->key.pid == p.key.pid)
            return nullptr;
        if (up->ppid <= 0 || up->ppid == up->key.pid)
            break;
        auto next = byPid.find(up->ppid);
        up = next == byPid.end() ? nullptr : next->second;
    }
    return it->second;
}

unsigned changedColumns(const ProcessInfo& a, const ProcessInfo& b)
{
    auto bit = [](int c) { return 1u << c; };
    unsigned mask = 0;
    if (a.uid != b.uid || a.user != b.user || a.uidKnown != b.uidKnown)
        mask |= bit(ProcessTableModel::User);
    if (a.state != b.state)
        mask |= bit(ProcessTableModel::State);
    const bool cpuSame
        = (std::isnan(a.cpuPercent) && std::isnan(b.cpuPercent)) || a.cpuPercent == b.cpuPercent;
    if (!cpuSame)
        mask |= bit(ProcessTableModel::Cpu);
    if (a.virtKib != b.virtKib || a.memError != b.memError)
        mask |= bit(ProcessTableModel::Virt);
    if (a.resKib != b.resKib || a.memError != b.memError)
        mask |= bit(ProcessTableModel::Res);
    if (a.shrKib != b.shrKib || a.memError != b.memError)
        mask |= bit(ProcessTableModel::Shr);
    if (a.threads != b.threads)
        mask |= bit(ProcessTableModel::Threads);
    if (a.nice != b.nice)
        mask |= bit(ProcessTableModel::Nice);
    if (a.priority != b.priority)
        mask |= bit(ProcessTableModel::Priority);
    if (a.cpuTimeTicks() != b.cpuTimeTicks())
        mask |= bit(ProcessTableModel::CpuTime);
    if (a.names != b.names || a.kernelThread != b.kernelThread)
        mask |= bit(ProcessTableModel::Command);
    return mask;
}

} // namespace

ProcessTreeModel::ProcessTreeModel(const ProcessTableModel* flat, QObject* parent)
    : QAbstractItemModel(parent)
    , m_flat(flat)
{ }

ProcessTreeModel::~ProcessTreeModel() = default;

std::vector<ProcessTreeModel::Node*>& ProcessTreeModel::siblingsOf(Node* parent)
{
    return parent ? parent->children : m_roots;
}

void ProcessTreeModel::renumber(std::vector<Node*>& siblings, std::size_t from)
{
    for (std::size_t i = from; i < siblings.size(); ++i)
        siblings[i]->row = static_cast<int>(i);
}

bool ProcessTreeModel::isAncestor(const Node* ancestor, const Node* node)
{
    for (const Node* n = node; n; n = n->parent) {
        if (n == ancestor)
            return true;
    }
    return false;
}

QModelIndex ProcessTreeModel::indexOfNode(const Node* node, int column) const
{
    if (!node)
        return {};
    return createIndex(node->row, column, const_cast<Node*>(node));
}

void ProcessTreeModel::moveNode(Node* node, Node* newParent)
{
    if (node->parent == newParent)
        return;
    auto& from = siblingsOf(node->parent);
    auto& to = siblingsOf(newParent);
    const int row = node->row;
    const int dest = static_cast<int>(to.size());
    beginMoveRows(indexOfNode(node->parent), row, row, indexOfNode(newParent), dest);
    from.erase(from.begin() + row);
    renumber(from, static_cast<std::size_t>(row));
    node->parent = newParent;
    node->row = static_cast<int>(to.size());
    to.push_back(node);
    endMoveRows();
}

void ProcessTreeModel::rebuild(const std::vector<ProcessInfo>& processes, const PidMap& byPid)
{
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    for (const ProcessInfo& p : processes) {
        auto node = std::make_unique<Node>();
        node->info = p;
        m_nodes.emplace(p.key, std::move(node));
    }
    for (const ProcessInfo& p : processes) {
        Node* node = m_nodes.at(p.key).get();
        const ProcessInfo* parentInfo = desiredParent(p, byPid);
        node->parent = parentInfo ? m_nodes.at(parentInfo->key).get() : nullptr;
        auto& siblings = siblingsOf(node->parent);
        node->row = static_cast<int>(siblings.size());
        siblings.push_back(node);
    }
    endResetModel();
}

void ProcessTreeModel::applySnapshot(const ProcessSnapshotPtr& snapshot)
{
    if (!snapshot)
        return;
    const auto& processes = snapshot->processes;
    PidMap byPid;
    byPid.reserve(processes.size());
    for (const ProcessInfo& p : processes)
        byPid.emplace(p.key.pid, &p);
    if (m_nodes.empty()) {
        rebuild(processes, byPid);
        return;
    }
    auto survives = [&byPid](const Node* n) {
        auto it = byPid.find(n->info.key.pid);
        return it != byPid.end() && it->second->key == n->info.key;
    };

    // 1. Vanished processes: move their surviving children to the top level, then remove them
    //    (with whatever vanished subtree is left under them).
    std::vector<Node*> vanished;
    for (auto& [key, node] : m_nodes) {
        if (!survives(node.get()))
            vanished.push_back(node.get());
    }
    std::sort(vanished.begin(), vanished.end(),
        [](const Node* a, const Node* b) { return a->info.key.pid < b->info.key.pid; });
    for (Node* v : vanished) {
        const std::vector<Node*> children = v->children;
        for (Node* c : children) {
            if (!survives(c))
                continue;
            // Straight to the new parent (init or a subreaper) when it is already in place.
            Node* target = nullptr;
            if (const ProcessInfo* parentInfo = desiredParent(*byPid.at(c->info.key.pid), byPid)) {
                auto it = m_nodes.find(parentInfo->key);
                Node* candidate = it == m_nodes.end() ? nullptr : it->second.get();
                bool safe = candidate && survives(candidate) && !isAncestor(c, candidate);
                for (const Node* up = candidate; safe && up; up = up->parent)
                    safe = survives(up);
                if (safe)
                    target = candidate;
            }
            moveNode(c, target);
        }
    }
    for (Node* v : vanished) {
        if (v->detached)
            continue;
        auto& siblings = siblingsOf(v->parent);
        const int row = v->row;
        beginRemoveRows(indexOfNode(v->parent), row, row);
        siblings.erase(siblings.begin() + row);
        renumber(siblings, static_cast<std::size_t>(row));
        std::vector<Node*> stack { v };
        while (!stack.empty()) {
            Node* n = stack.back();
            stack.pop_back();
            n->detached = true;
            stack.insert(stack.end(), n->children.begin(), n->children.end());
        }
        endRemoveRows();
    }
    for (Node* v : vanished)
        m_nodes.erase(v->info.key);

    // 2. Update the survivors' values; changed cells are announced at the end.
    std::vector<std::pair<Node*, unsigned>> changed;
    for (auto& [key, node] : m_nodes) {
        const ProcessInfo& next = *byPid.at(key.pid);
        const unsigned mask = changedColumns(node->info, next);
        node->info = next;
        if (mask)
            changed.emplace_back(node.get(), mask);
    }

    // 3. Insert new processes under their parent, parents first: a pass inserts every process
    //    whose parent is already in the tree, grouped into one block per parent.
    std::vector<const ProcessInfo*> pending;
    for (const ProcessInfo& p : processes) {
        if (!m_nodes.count(p.key))
            pending.push_back(&p);
    }
    while (!pending.empty()) {
        std::vector<std::pair<Node*, const ProcessInfo*>> ready; // (parent, process)
        std::vector<const ProcessInfo*> later;
        for (const ProcessInfo* p : pending) {
            const ProcessInfo* parentInfo = desiredParent(*p, byPid);
            if (!parentInfo) {
                ready.emplace_back(nullptr, p);
                continue;
            }
            auto it = m_nodes.find(parentInfo->key);
            if (it != m_nodes.end())
                ready.emplace_back(it->second.get(), p);
            else
                later.push_back(p);
        }
        if (ready.empty()) // cannot happen (desiredParent breaks cycles); never loop forever
            for (const ProcessInfo* p : later)
                ready.emplace_back(nullptr, p);
        std::stable_sort(ready.begin(), ready.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t i = 0; i < ready.size();) {
            std::size_t j = i;
            while (j < ready.size() && ready[j].first == ready[i].first)
                ++j;
            Node* parent = ready[i].first;
            auto& siblings = siblingsOf(parent);
            const int first = static_cast<int>(siblings.size());
            beginInsertRows(indexOfNode(parent), first, first + static_cast<int>(j - i) - 1);
            for (std::size_t k = i; k < j; ++k) {
                auto node = std::make_unique<Node>();
                node->info = *ready[k].second;
                node->parent = parent;
                node->row = static_cast<int>(siblings.size());
                siblings.push_back(node.get());
                m_nodes.emplace(node->info.key, std::move(node));
            }
            endInsertRows();
            i = j;
        }
        if (ready.size() == pending.size() || later.empty())
            break;
        pending = std::move(later);
    }

    // 4. Reparented survivors move. A move into the node's own subtree waits until that subtree
    //    has moved away; whatever cannot be placed after a few passes goes to the top level.
    for (int pass = 0; pass < 8; ++pass) {
        bool pendingMoves = false;
        for (auto& [key, node] : m_nodes) {
            const ProcessInfo* parentInfo = desiredParent(node->info, byPid);
            Node* target = parentInfo ? m_nodes.at(parentInfo->key).get() : nullptr;
            if (node->parent == target)
                continue;
            if (target && isAncestor(node.get(), target)) {
                pendingMoves = true;
                continue;
            }
            moveNode(node.get(), target);
        }
        if (!pendingMoves)
            break;
        if (pass == 7) {
            for (auto& [key, node] : m_nodes) {
                const ProcessInfo* parentInfo = desiredParent(node->info, byPid);
                Node* target = parentInfo ? m_nodes.at(parentInfo->key).get() : nullptr;
                if (node->parent != target && node->parent)
                    moveNode(node.get(), nullptr);
            }
        }
    }

    // 5. dataChanged, one signal per parent spanning its changed children and limited to the
    // changed
    //    columns: each signal costs a sorting proxy a re-sort of that parent, so fewer is cheaper
    //    even if a few unchanged rows in between are included.
    std::sort(changed.begin(), changed.end(), [](const auto& a, const auto& b) {
        return a.first->parent != b.first->parent ? a.first->parent < b.first->parent
                                                  : a.first->row < b.first->row;
    });
    for (std::size_t i = 0; i < changed.size();) {
        std::size_t j = i;
        unsigned mask = 0;
        while (j < changed.size() && changed[j].first->parent == changed[i].first->parent)
            mask |= changed[j++].second;
        int firstCol = 0;
        while (!(mask & (1u << firstCol)))
            ++firstCol;
        int lastCol = ProcessTableModel::ColumnCount - 1;
        while (!(mask & (1u << lastCol)))
            --lastCol;
        emit dataChanged(
            indexOfNode(changed[i].first, firstCol), indexOfNode(changed[j - 1].first, lastCol));
        i = j;
    }
}

ProcessKey ProcessTreeModel::keyAt(const QModelIndex& index) const
{
    if (!index.isValid())
        return {};
    return static_cast<const Node*>(index.internalPointer())->info.key;
}

QModelIndex ProcessTreeModel::indexOf(const ProcessKey& key, int column) const
{
    auto it = m_nodes.find(key);
    return it == m_nodes.end() ? QModelIndex() : indexOfNode(it->second.get(), column);
}

QModelIndex ProcessTreeModel::indexOfPid(int pid, int column) const
{
    for (const auto& [key, node] : m_nodes) {
        if (key.pid == pid)
            return indexOfNode(node.get(), column);
    }
    return {};
}

const ProcessInfo* ProcessTreeModel::infoAt(const QModelIndex& index) const
{
    return index.isValid() ? &static_cast<const Node*>(index.internalPointer())->info : nullptr;
}

int ProcessTreeModel::flatRow(const QModelIndex& index) const
{
    if (!index.isValid() || !m_flat)
        return -1;
    return m_flat->rowOf(static_cast<const Node*>(index.internalPointer())->info.key);
}

QModelIndex ProcessTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ProcessTableModel::ColumnCount)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const Node* p = parent.isValid() ? static_cast<const Node*>(parent.internalPointer()) : nullptr;
    const auto& siblings = p ? p->children : m_roots;
    if (row >= static_cast<int>(siblings.size()))
        return {};
    return createIndex(row, column, siblings[static_cast<std::size_t>(row)]);
}

QModelIndex ProcessTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const Node* node = static_cast<const Node*>(child.internalPointer());
    return indexOfNode(node->parent);
}

int ProcessTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_roots.size());
    if (parent.column() != 0)
        return 0;
    return static_cast<int>(static_cast<const Node*>(parent.internalPointer())->children.size());
}

int ProcessTreeModel::columnCount(const QModelIndex&) const
{
    return ProcessTableModel::ColumnCount;
}

QVariant ProcessTreeModel::data(const QModelIndex& index, int role) const
{
    const int row = flatRow(index);
    if (row < 0)
        return {};
    return m_flat->data(m_flat->index(row, index.column()), role);
}

QVariant ProcessTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return m_flat ? m_flat->headerData(section, orientation, role) : QVariant();
}

} // namespace pg
