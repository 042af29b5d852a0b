// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/processes/ProcessTreeModel.h"

#include "ui/common/Format.h"
#include "ui/common/KeyedRowDiff.h"
#include "ui/processes/ProcessTableModel.h"

#include <QHash>
#include <algorithm>
#include <cmath>

namespace pg {

struct ProcessTreeModel::Node
{
    ProcessKey key;
    const ProcessInfo* info = nullptr; // in m_snapshot (during an update: in the new snapshot)
    int flatRow = -1; // the flat model's row when it holds the same snapshot; checked before use
    int index = 0; // position in m_nodes
    int up = -1; // m_nodes position of the parent process, -1 at the top level
    Node* parent = nullptr; // shown parent (a process or a group row), nullptr at the top level
    Node* nextParent = nullptr; // the same, being computed
    std::vector<Node*> children; // shown children, sorted
    std::vector<Node*> nextChildren; // the same, being computed
    int row = -1; // position among the shown siblings; -1 while not shown
    bool accepted = true; // passes the filter itself
    bool shown = false; // accepted, or an ancestor of an accepted process
    bool needsMatch = true; // new, or its names or user changed: the filter must look again
    bool dead = false; // vanished in this update; freed at its end
    // A "N × command" row: no process of its own, its children are the processes.
    bool group = false;
    bool used = false; // part of the shape being computed
    QString command;
    double cpuPercent = 0; // sums over the children, for the row's own cells
    std::uint64_t resKib = 0;
};

namespace {

// Past this many parents with changed cells, one layout change costs the view less than a
// dataChanged per parent: QTreeView looks each one up in its item list, a linear search.
constexpr std::size_t kMaxChangedParents = 32;

unsigned bit(int column)
{
    return 1u << column;
}

// Nodes and snapshot are both in pid order: KeyedRowDiff matches them with a merge walk.
struct NodeKeys
{
    using Key = ProcessKey;
    static constexpr bool kSorted = true;
    template <typename Node> static const ProcessKey& keyOf(const std::unique_ptr<Node>& node)
    {
        return node->key;
    }
    static const ProcessKey& keyOf(const ProcessInfo* p) { return p->key; }
    static bool less(const ProcessKey& a, const ProcessKey& b)
    {
        return a.pid != b.pid ? a.pid < b.pid : a.startTimeTicks < b.startTimeTicks;
    }
};

} // namespace

ProcessTreeModel::ProcessTreeModel(const ProcessTableModel* flat, QObject* parent)
    : QAbstractItemModel(parent)
    , m_flat(flat)
{ }

ProcessTreeModel::~ProcessTreeModel() = default;

int ProcessTreeModel::flatRowOf(const Node* node) const
{
    if (!m_flat)
        return -1;
    if (node->flatRow >= 0 && node->flatRow < m_flat->rowCount()
        && m_flat->row(node->flatRow).info->key == node->key)
        return node->flatRow;
    return m_flat->rowOf(node->key);
}

const ProcessTableModel::Row* ProcessTreeModel::rowOf(const Node* node) const
{
    const int row = flatRowOf(node);
    return row < 0 ? nullptr : &m_flat->row(row);
}

QModelIndex ProcessTreeModel::indexOfNode(const Node* node, int column) const
{
    if (!node || node->row < 0)
        return {};
    return createIndex(node->row, column, const_cast<Node*>(node));
}

ProcessTreeModel::Node* ProcessTreeModel::findPid(int pid) const
{
    auto it = std::lower_bound(m_nodes.begin(), m_nodes.end(), pid,
        [](const std::unique_ptr<Node>& n, int p) { return n->key.pid < p; });
    return it != m_nodes.end() && (*it)->key.pid == pid ? it->get() : nullptr;
}

bool ProcessTreeModel::less(const Node* a, const Node* b) const
{
    const ProcessTableModel::Row* ra = rowOf(a);
    const ProcessTableModel::Row* rb = rowOf(b);
    if (!ra || !rb) { // not in the flat model (a misuse): last, in pid order
        if ((ra == nullptr) != (rb == nullptr))
            return rb == nullptr;
        return a->key.pid < b->key.pid;
    }
    return m_sortOrder == Qt::AscendingOrder ? processRowLess(*ra, *rb, m_sortColumn)
                                             : processRowLess(*rb, *ra, m_sortColumn);
}

void ProcessTreeModel::linkParents()
{
    for (const auto& node : m_nodes) {
        const ProcessInfo& p = *node->info;
        node->up = -1;
        if (p.ppid > 0 && p.ppid != p.key.pid) {
            if (const Node* parent = findPid(p.ppid))
                node->up = parent->index;
        }
    }
    // A ppid cycle (hostile data, or a race between reading two stat files): every process on the
    // cycle goes to the top level; processes hanging off it keep their parent. One walk per chain.
    std::vector<unsigned char> state(m_nodes.size(), 0); // 0 new, 1 on the current path, 2 done
    std::vector<int> path;
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        path.clear();
        int k = static_cast<int>(i);
        while (k >= 0 && state[static_cast<std::size_t>(k)] == 0) {
            state[static_cast<std::size_t>(k)] = 1;
            path.push_back(k);
            k = m_nodes[static_cast<std::size_t>(k)]->up;
        }
        if (k >= 0 && state[static_cast<std::size_t>(k)] == 1) {
            for (auto it = std::find(path.begin(), path.end(), k); it != path.end(); ++it)
                m_nodes[static_cast<std::size_t>(*it)]->up = -1;
        }
        for (int v : path)
            state[static_cast<std::size_t>(v)] = 2;
    }
}

void ProcessTreeModel::computeShown(bool refilterAll)
{
    const bool all = m_matcher.acceptsAll();
    for (const auto& node : m_nodes) {
        if (all) {
            node->accepted = true;
        } else if (refilterAll || node->needsMatch) {
            const ProcessTableModel::Row* row = rowOf(node.get());
            node->accepted = row && m_matcher.accepts(*row);
        }
        node->needsMatch = false;
        node->shown = false;
    }
    // A match keeps its ancestors visible: walk up until an ancestor already shown.
    for (const auto& node : m_nodes) {
        if (!node->accepted)
            continue;
        for (int k = node->index; k >= 0;) {
            Node* n = m_nodes[static_cast<std::size_t>(k)].get();
            if (n->shown)
                break;
            n->shown = true;
            k = n->up;
        }
    }
}

std::vector<ProcessTreeModel::Node*> ProcessTreeModel::buildShape()
{
    std::vector<Node*> roots;
    for (const auto& node : m_nodes) {
        node->nextChildren.clear();
        node->nextParent = nullptr;
    }
    for (const auto& [key, group] : m_groups) {
        group->nextChildren.clear();
        group->nextParent = nullptr;
        group->used = false;
    }
    for (const auto& node : m_nodes) {
        if (!node->shown)
            continue;
        Node* parent = node->up >= 0 ? m_nodes[static_cast<std::size_t>(node->up)].get() : nullptr;
        node->nextParent = parent;
        (parent ? parent->nextChildren : roots).push_back(node.get());
    }
    auto order = [this](const Node* a, const Node* b) { return less(a, b); };
    std::sort(roots.begin(), roots.end(), order);
    for (const auto& node : m_nodes) {
        if (node->nextChildren.size() > 1)
            std::sort(node->nextChildren.begin(), node->nextChildren.end(), order);
    }
    groupRuns(roots, nullptr);
    for (const auto& node : m_nodes)
        groupRuns(node->nextChildren, node.get());
    return roots;
}

ProcessTreeModel::Node* ProcessTreeModel::groupNode(const Node* parent, const QString& command)
{
    const QString key = parent
        ? QStringLiteral("%1/%2/").arg(parent->key.pid).arg(parent->key.startTimeTicks) + command
        : QStringLiteral("/") + command;
    std::unique_ptr<Node>& slot = m_groups[key];
    if (!slot) {
        slot = std::make_unique<Node>();
        slot->group = true;
        slot->shown = true;
        slot->command = command;
    }
    return slot.get();
}

void ProcessTreeModel::groupRuns(std::vector<Node*>& siblings, Node* parent)
{
    if (siblings.size() < static_cast<std::size_t>(kGroupMin))
        return;
    QHash<QString, int> counts;
    bool any = false;
    for (const Node* n : siblings) {
        const ProcessTableModel::Row* row = rowOf(n);
        if (row)
            any = ++counts[row->command()] >= kGroupMin || any;
    }
    if (!any)
        return;
    // Each run becomes one row where its first (best sorted) member was; the members keep
    // their order under it.
    std::vector<Node*> out;
    for (Node* n : siblings) {
        const ProcessTableModel::Row* row = rowOf(n);
        if (!row || counts.value(row->command()) < kGroupMin) {
            out.push_back(n);
            continue;
        }
        Node* group = groupNode(parent, row->command());
        if (!group->used) {
            group->used = true;
            group->nextParent = parent;
            group->cpuPercent = 0;
            group->resKib = 0;
            out.push_back(group);
        }
        group->nextChildren.push_back(n);
        n->nextParent = group;
        if (!std::isnan(n->info->cpuPercent))
            group->cpuPercent += n->info->cpuPercent;
        if (n->info->memError == Error::None)
            group->resKib += n->info->resKib;
    }
    siblings.swap(out);
}

bool ProcessTreeModel::shapeDiffers(const std::vector<Node*>& roots) const
{
    if (roots != m_roots)
        return true;
    for (const auto& node : m_nodes) {
        if (node->shown ? node->nextChildren != node->children || node->nextParent != node->parent
                        : node->row >= 0)
            return true;
    }
    for (const auto& [key, group] : m_groups) {
        if (group->used ? group->nextChildren != group->children : group->row >= 0)
            return true;
    }
    return false;
}

std::vector<ProcessTreeModel::Node*> ProcessTreeModel::assignShape(std::vector<Node*> roots)
{
    std::vector<Node*> gained; // parents with a child that was not under them before
    // A group row's members are not "arrived": the row stays collapsed until the user opens it.
    auto take = [&gained](Node* n, bool shown) {
        Node* parent = shown ? n->nextParent : nullptr;
        if (parent && !parent->group && (n->row < 0 || n->parent != parent))
            gained.push_back(parent);
        n->children.swap(n->nextChildren);
        n->nextChildren.clear();
        n->parent = parent;
        n->row = -1;
    };
    for (const auto& node : m_nodes)
        take(node.get(), node->shown);
    for (const auto& [key, group] : m_groups)
        take(group.get(), group->used);
    m_roots = std::move(roots);
    for (std::size_t i = 0; i < m_roots.size(); ++i)
        m_roots[i]->row = static_cast<int>(i);
    auto number = [](const Node* n) {
        for (std::size_t i = 0; i < n->children.size(); ++i)
            n->children[i]->row = static_cast<int>(i);
    };
    for (const auto& node : m_nodes)
        number(node.get());
    for (const auto& [key, group] : m_groups)
        number(group.get());
    std::sort(gained.begin(), gained.end());
    gained.erase(std::unique(gained.begin(), gained.end()), gained.end());
    return gained;
}

void ProcessTreeModel::commitShape(
    std::vector<Node*> roots, QAbstractItemModel::LayoutChangeHint hint, QModelIndexList* arrived)
{
    emit layoutAboutToBeChanged({}, hint);
    const QModelIndexList from = persistentIndexList();
    const std::vector<Node*> gained = assignShape(std::move(roots));
    // Persistent indexes (selection, current row, expanded parents) follow their process; those
    // on a vanished or filtered-out process become invalid.
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex& index : from) {
        const Node* n = static_cast<const Node*>(index.internalPointer());
        to.append(n->dead ? QModelIndex() : indexOfNode(n, index.column()));
    }
    changePersistentIndexList(from, to);
    emit layoutChanged({}, hint);
    if (arrived) {
        for (const Node* n : gained)
            arrived->append(indexOfNode(n));
    }
}

void ProcessTreeModel::applySnapshot(const ProcessSnapshotPtr& snapshot)
{
    if (!snapshot)
        return;
    const std::vector<const ProcessInfo*> in = processesByPid(*snapshot);
    if (in.empty()) {
        clear();
        m_snapshot = snapshot;
        return;
    }
    const bool initial = m_nodes.empty();
    // Group rows not shown by the last update go (one update later, as vanished processes do).
    m_retiredGroups.clear();
    for (auto it = m_groups.begin(); it != m_groups.end();) {
        if (it->second->row < 0) {
            m_retiredGroups.push_back(std::move(it->second));
            it = m_groups.erase(it);
        } else {
            ++it;
        }
    }

    // 1. Merge with the previous nodes by pid (both in pid order): survivors keep their node (and
    //    with it every persistent index on it), a reused pid is a new node.
    struct Traits : NodeKeys
    {
        using Row = std::unique_ptr<Node>;
        using Incoming = const ProcessInfo*;
    };
    const KeyedRowDiff::Match match = KeyedRowDiff::match(m_nodes, in, Traits {});
    std::vector<std::unique_ptr<Node>> next;
    next.reserve(in.size());
    std::vector<std::pair<Node*, unsigned>> changed;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const ProcessInfo* p = in[i];
        std::unique_ptr<Node> node;
        if (const int old = match.oldOfNew[i]; old >= 0) {
            node = std::move(m_nodes[static_cast<std::size_t>(old)]);
            // The same comparison as the flat table's, so the two cannot drift apart.
            const unsigned mask = ProcessTableModel::changedColumns(*node->info, *p);
            if (mask)
                changed.emplace_back(node.get(), mask);
            if (mask & (bit(ProcessTableModel::User) | bit(ProcessTableModel::Command)))
                node->needsMatch = true;
        } else {
            node = std::make_unique<Node>(); // new, or its pid now belongs to another process
            node->key = p->key;
        }
        node->info = p;
        node->flatRow = static_cast<int>(i);
        node->index = static_cast<int>(i);
        next.push_back(std::move(node));
    }
    std::vector<std::unique_ptr<Node>> dead;
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        if (match.newOfOld[i] < 0)
            dead.push_back(std::move(m_nodes[i]));
    }
    bool deadShown = false;
    for (const auto& node : dead) {
        node->dead = true;
        deadShown = deadShown || node->row >= 0;
    }
    // The view still sees the old shape (children vectors, rows) until the layout change.
    m_nodes = std::move(next);

    // 2. Parents, filter, sorted siblings: the new shape, beside the old one.
    linkParents();
    computeShown(false);
    std::vector<Node*> roots = buildShape();

    // 3. Publish: a reset for the first build, else one layout change if anything moved, appeared
    //    or went; then the changed cells.
    if (initial) {
        beginResetModel();
        assignShape(std::move(roots));
        endResetModel();
        m_snapshot = snapshot;
        return;
    }
    std::erase_if(changed, [](const auto& c) { return c.first->row < 0 || !c.first->shown; });
    std::sort(changed.begin(), changed.end(), [](const auto& a, const auto& b) {
        return a.first->parent != b.first->parent ? a.first->parent < b.first->parent
                                                  : a.first->row < b.first->row;
    });
    std::size_t changedParents = 0;
    for (std::size_t i = 0; i < changed.size(); ++i)
        changedParents += i == 0 || changed[i].first->parent != changed[i - 1].first->parent;
    QModelIndexList arrived;
    if (deadShown || changedParents > kMaxChangedParents || shapeDiffers(roots)) {
        commitShape(std::move(roots), QAbstractItemModel::NoLayoutChangeHint, &arrived);
        // Rows moved: regroup the changed cells by their new parent and row.
        std::sort(changed.begin(), changed.end(), [](const auto& a, const auto& b) {
            return a.first->parent != b.first->parent ? a.first->parent < b.first->parent
                                                      : a.first->row < b.first->row;
        });
    }
    // Per parent, one dataChanged from the first to the last changed child over the changed
    // columns: QTreeView looks each signal's parent up in its item list, a linear search.
    ChangedRows rows;
    for (std::size_t i = 0; i < changed.size(); ++i) {
        rows.add(changed[i].first->row, ColumnSpan::fromMask(changed[i].second));
        if (i + 1 == changed.size() || changed[i + 1].first->parent != changed[i].first->parent)
            rows.emitTo(*this, indexOfNode(changed[i].first->parent), 1);
    }
    m_snapshot = snapshot;
    // A group row's sums follow its members.
    for (const auto& [key, group] : m_groups) {
        if (group->row >= 0)
            emit dataChanged(indexOfNode(group.get(), ProcessTableModel::Cpu),
                indexOfNode(group.get(), ProcessTableModel::Res));
    }
    // Vanished nodes are freed one update later: a view may still hold plain QModelIndexes on
    // them until its delayed relayout runs.
    m_retired = std::move(dead);
    if (!arrived.isEmpty())
        emit childrenArrived(arrived);
}

void ProcessTreeModel::clear()
{
    beginResetModel();
    m_roots.clear();
    m_roots.shrink_to_fit();
    m_nodes.clear();
    m_nodes.shrink_to_fit();
    m_retired.clear();
    m_groups.clear();
    m_retiredGroups.clear();
    m_snapshot.reset();
    endResetModel();
}

void ProcessTreeModel::refilter()
{
    if (m_nodes.empty())
        return;
    computeShown(true);
    std::vector<Node*> roots = buildShape();
    if (!shapeDiffers(roots))
        return;
    QModelIndexList arrived;
    commitShape(std::move(roots), QAbstractItemModel::NoLayoutChangeHint, &arrived);
    if (!arrived.isEmpty())
        emit childrenArrived(arrived);
}

void ProcessTreeModel::setFilterText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_matcher.text())
        return;
    m_matcher = ProcessMatcher(trimmed, m_matcher.hideKernelThreads(), m_matcher.userFilter());
    refilter();
}

void ProcessTreeModel::setHideKernelThreads(bool hide)
{
    if (hide == m_matcher.hideKernelThreads())
        return;
    m_matcher = ProcessMatcher(m_matcher.text(), hide, m_matcher.userFilter());
    refilter();
}

void ProcessTreeModel::setUserFilter(const UserFilter& user)
{
    if (user == m_matcher.userFilter())
        return;
    m_matcher = ProcessMatcher(m_matcher.text(), m_matcher.hideKernelThreads(), user);
    refilter();
}

void ProcessTreeModel::sort(int column, Qt::SortOrder order)
{
    if (column >= ProcessTableModel::ColumnCount)
        return;
    m_sortColumn = column; // -1 (no sort indicator): pid order
    m_sortOrder = order;
    if (m_nodes.empty())
        return;
    std::vector<Node*> roots = buildShape();
    if (shapeDiffers(roots))
        commitShape(std::move(roots), QAbstractItemModel::VerticalSortHint, nullptr);
}

ProcessKey ProcessTreeModel::keyAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    return static_cast<const Node*>(index.internalPointer())->key;
}

QModelIndex ProcessTreeModel::indexOf(const ProcessKey& key, int column) const
{
    const Node* node = findPid(key.pid);
    return node && node->key == key ? indexOfNode(node, column) : QModelIndex();
}

QModelIndex ProcessTreeModel::indexOfPid(int pid, int column) const
{
    return indexOfNode(findPid(pid), column);
}

QModelIndexList ProcessTreeModel::groupIndexes() const
{
    QModelIndexList out;
    for (const auto& [key, group] : m_groups) {
        if (group->row >= 0)
            out << indexOfNode(group.get());
    }
    return out;
}

bool ProcessTreeModel::isGroup(const QModelIndex& index) const
{
    return index.isValid() && index.model() == this
        && static_cast<const Node*>(index.internalPointer())->group;
}

QVariant ProcessTreeModel::groupData(const Node* group, int column, int role) const
{
    const int count = static_cast<int>(group->children.size());
    switch (role) {
    case Qt::DisplayRole:
        if (column == ProcessTableModel::Command)
            return tr("%1 × %2").arg(count).arg(group->command);
        if (column == ProcessTableModel::Cpu)
            return fmt::percent(group->cpuPercent);
        if (column == ProcessTableModel::Res)
            return fmt::kib(group->resKib);
        return {};
    case Qt::ToolTipRole:
        return tr("%1 processes with the same command line under one parent, shown as one row "
                  "(CPU % and RES are their sums); expand it to see them")
            .arg(count);
    case Qt::TextAlignmentRole:
        return column == ProcessTableModel::Command ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                    : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case ProcessTableModel::PidRole:
        return 0;
    default:
        return {};
    }
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
    return indexOfNode(static_cast<const Node*>(child.internalPointer())->parent);
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

bool ProcessTreeModel::hasChildren(const QModelIndex& parent) const
{
    return rowCount(parent) > 0;
}

QVariant ProcessTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const Node* node = static_cast<const Node*>(index.internalPointer());
    if (node->group)
        return groupData(node, index.column(), role);
    const int row = flatRowOf(node);
    if (row < 0)
        return {};
    return m_flat->data(m_flat->index(row, index.column()), role);
}

QVariant ProcessTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return m_flat ? m_flat->headerData(section, orientation, role) : QVariant();
}

} // namespace pg
