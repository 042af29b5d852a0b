// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/memory/MemoryMapModel.h"

#include "ui/common/Banner.h"
#include "ui/common/Format.h"
#include "ui/common/KeyedRowDiff.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <functional>
#include <string_view>

namespace pg {

namespace {

// The smaps field behind each numeric column; Count where the column is not a single field.
constexpr SmapsField kColumnField[MemoryMapModel::ColumnCount] = {
    SmapsField::Count, // Mapping
    SmapsField::Size, SmapsField::Rss, SmapsField::Pss,
    SmapsField::Count, // Shared
    SmapsField::Count, // Private
    SmapsField::Shared_Clean, SmapsField::Shared_Dirty, SmapsField::Private_Clean,
    SmapsField::Private_Dirty, SmapsField::Referenced, SmapsField::Anonymous, SmapsField::Swap,
    SmapsField::SwapPss, SmapsField::Locked, SmapsField::Pss_Dirty, SmapsField::KernelPageSize,
    SmapsField::MMUPageSize, SmapsField::KSM, SmapsField::LazyFree, SmapsField::AnonHugePages,
    SmapsField::ShmemPmdMapped, SmapsField::FilePmdMapped, SmapsField::Shared_Hugetlb,
    SmapsField::Private_Hugetlb,
    SmapsField::Count, // Perms
    SmapsField::Count, // Offset
    SmapsField::Count, // Device
    SmapsField::Count, // Inode
    SmapsField::Count, // Path
    SmapsField::Count, // Kind
    SmapsField::Count, // Mappings
    SmapsField::Count, // ThpEligible
    SmapsField::Count, // ProtectionKey
    SmapsField::Count, // VmFlags
};

const char* const kColumnNames[MemoryMapModel::ColumnCount] = {
    QT_TRANSLATE_NOOP("MemoryMapModel", "Mapping"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Size"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Rss"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Pss"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Shared"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Private"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Shared clean"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Shared dirty"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Private clean"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Private dirty"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Referenced"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Anonymous"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Swap"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "SwapPss"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Locked"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Pss dirty"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Kernel page"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "MMU page"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "KSM"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "LazyFree"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "AnonHugePages"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "ShmemPmdMapped"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "FilePmdMapped"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Shared_Hugetlb"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Private_Hugetlb"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Perms"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Offset"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Device"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Inode"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Path"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Kind"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "Mappings"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "THPeligible"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "ProtectionKey"),
    QT_TRANSLATE_NOOP("MemoryMapModel", "VmFlags"),
};

QString hex(std::uint64_t v)
{
    return QStringLiteral("%1").arg(v, 8, 16, QLatin1Char('0'));
}

QString pathText(const std::string& displayPath)
{
    return displayPath.empty() ? MemoryMapModel::tr("[anonymous]") : fmt::displayBytes(displayPath);
}

// A row's identity: a group by its path, a mapping by its start address, the totals row by its
// kind (the anonymous group's path is empty too).
struct MapKey
{
    MemoryMapModel::RowKind kind;
    std::uint64_t address;
    std::string_view path;
    bool operator==(const MapKey&) const = default;
};

struct MapKeyHash
{
    std::size_t operator()(const MapKey& k) const noexcept
    {
        return std::hash<std::string_view>()(k.path) ^ std::hash<std::uint64_t>()(k.address)
            ^ static_cast<std::size_t>(k.kind);
    }
};

} // namespace

MemoryMapModel::MemoryMapModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

MemoryMapModel::~MemoryMapModel() = default;

QString MemoryMapModel::columnToolTip(int column)
{
    switch (column) {
    case Mapping:
        return tr("Groups: what backs the memory (a file, [heap], [stack], anonymous or shared "
                  "memory, the kernel's [vdso]). Mappings: their address range");
    case Size:
        return tr("Size: the virtual size of the mapping (smaps Size). Sums to VIRT");
    case Rss:
        return tr("Rss: resident pages of the mapping, in RAM now (smaps Rss). Sums to RES");
    case Pss:
        return tr("Pss: proportional set size: each resident page divided by the number of "
                  "processes that map it (smaps Pss)");
    case Shared:
        return tr(
            "Shared = Shared_Clean + Shared_Dirty: resident pages that more than one process maps");
    case Private:
        return tr(
            "Private = Private_Clean + Private_Dirty: resident pages only this process maps (USS)");
    case SharedClean:
        return tr("Shared_Clean: shared pages unmodified since they were read");
    case SharedDirty:
        return tr("Shared_Dirty: shared pages modified in memory");
    case PrivateClean:
        return tr("Private_Clean: private pages unmodified since they were read");
    case PrivateDirty:
        return tr("Private_Dirty: private pages modified in memory");
    case Referenced:
        return tr("Referenced: pages marked as accessed recently");
    case Anonymous:
        return tr("Anonymous: pages that belong to no file");
    case Swap:
        return tr("Swap: anonymous pages of the mapping that are swapped out");
    case SwapPss:
        return tr("SwapPss: swapped pages divided by the processes that share them");
    case Locked:
        return tr("Locked: pages locked in memory (mlock)");
    case Perms:
        return tr("r read, w write, x execute, p private (copy on write) or s shared");
    case Offset:
        return tr("Offset into the file, in hex");
    case Device:
        return tr("Device major:minor of the file, in hex");
    case Inode:
        return tr("Inode of the file; 0 for anonymous memory");
    case VmFlags:
        return tr("VmFlags: the kernel's two-letter flags for the mapping (see proc(5))");
    default:
        return tr("%1, from /proc/PID/smaps (KiB)").arg(tr(kColumnNames[column]));
    }
}

void MemoryMapModel::clear()
{
    beginResetModel();
    m_snapshot.reset();
    m_top.clear();
    m_stale = false;
    endResetModel();
}

void MemoryMapModel::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    beginResetModel();
    m_mode = mode;
    rebuild();
    endResetModel();
}

void MemoryMapModel::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    if (!m_top.empty())
        emit dataChanged(
            index(0, 0), index(rowCount() - 1, ColumnCount - 1), { Qt::ForegroundRole });
    for (const auto& top : m_top) {
        if (!top->children.empty()) {
            const QModelIndex parent = index(top->index, 0);
            emit dataChanged(index(0, 0, parent),
                index(static_cast<int>(top->children.size()) - 1, ColumnCount - 1, parent),
                { Qt::ForegroundRole });
        }
    }
}

void MemoryMapModel::applySnapshot(const MemoryMapSnapshotPtr& snapshot)
{
    if (!snapshot)
        return;
    const bool sameProcess = m_snapshot && m_snapshot->key == snapshot->key;
    if (!snapshot->grouping) {
        // Nothing new to show (unreadable, or exited): keep the last data of the same process.
        if (!sameProcess && m_snapshot)
            clear();
        return;
    }
    if (!sameProcess) {
        beginResetModel();
        m_snapshot = snapshot;
        m_stale = false;
        rebuild();
        endResetModel();
        return;
    }
    const MemoryMapSnapshotPtr old = m_snapshot; // keeps the rows' pointers valid during the update
    m_snapshot = snapshot;
    update();
}

MemoryMapModel::Row MemoryMapModel::mappingRow(const SmapsMapping& m, bool flat) const
{
    Row row;
    row.kind = RowKind::Mapping;
    row.address = m.start;
    row.mapping = &m;
    // The address range and path are formatted when a view asks (data()), not for 30,000 rows here.
    Q_UNUSED(flat);
    return row;
}

std::vector<MemoryMapModel::Row> MemoryMapModel::childrenOf(
    const MemoryMapSnapshot& snap, const MemoryMapGroup& group) const
{
    std::vector<Row> rows;
    rows.reserve(group.mappings.size());
    for (std::uint32_t i : group.mappings)
        rows.push_back(mappingRow(snap.smaps->mappings[i], false));
    return rows;
}

std::vector<MemoryMapModel::Row> MemoryMapModel::topRowsOf(const MemoryMapSnapshot& snap) const
{
    std::vector<Row> rows;
    if (!snap.grouping || !snap.smaps)
        return rows;
    if (m_mode == Mode::Flat) {
        rows.reserve(snap.smaps->mappings.size() + 1);
        for (const SmapsMapping& m : snap.smaps->mappings)
            rows.push_back(mappingRow(m, true));
    } else {
        rows.reserve(snap.grouping->groups.size() + 1);
        for (const MemoryMapGroup& g : snap.grouping->groups) {
            Row row;
            row.kind = RowKind::Group;
            row.key = g.key;
            row.group = &g;
            row.totals = &g.totals;
            row.address = g.mappings.empty() ? 0 : snap.smaps->mappings[g.mappings.front()].start;
            row.path = pathText(g.key);
            row.name = row.path;
            rows.push_back(std::move(row));
        }
    }
    Row totals;
    totals.kind = RowKind::Totals;
    totals.totals = &snap.grouping->totals;
    totals.address = ~std::uint64_t { 0 };
    totals.name
        = tr("Total: %n mapping(s)", nullptr, static_cast<int>(snap.grouping->totals.mappingCount));
    rows.push_back(std::move(totals));
    return rows;
}

void MemoryMapModel::rebuild()
{
    m_top.clear();
    if (!m_snapshot || !m_snapshot->grouping)
        return;
    std::vector<Row> rows = topRowsOf(*m_snapshot);
    m_top.reserve(rows.size());
    for (Row& row : rows) {
        auto top = std::make_unique<TopRow>();
        if (row.kind == RowKind::Group)
            top->children = childrenOf(*m_snapshot, *row.group);
        top->row = std::move(row);
        m_top.push_back(std::move(top));
    }
    renumber();
}

void MemoryMapModel::renumber()
{
    for (std::size_t i = 0; i < m_top.size(); ++i)
        m_top[i]->index = static_cast<int>(i);
}

bool MemoryMapModel::sameValues(const Row& a, const Row& b)
{
    if (a.mapping && b.mapping) {
        const SmapsMapping& x = *a.mapping;
        const SmapsMapping& y = *b.mapping;
        return x.kib == y.kib && x.end == y.end
            && std::string_view(x.perms) == std::string_view(y.perms) && x.offset == y.offset
            && x.inode == y.inode && x.device == y.device && x.path == y.path
            && x.deleted == y.deleted && x.vmFlags == y.vmFlags && x.thpEligible == y.thpEligible
            && x.protectionKey == y.protectionKey;
    }
    if (a.totals && b.totals) {
        return a.totals->kib == b.totals->kib && a.totals->present == b.totals->present
            && a.totals->mappingCount == b.totals->mappingCount && a.name == b.name;
    }
    return false;
}

// Both levels compare rows with sameValues() and signal the whole row: a mapping's columns all
// come from one smaps entry.
struct MemoryMapModel::RowKeys
{
    using Key = MapKey;
    using KeyHash = MapKeyHash;
    static MapKey keyOf(const Row& row)
    {
        switch (row.kind) {
        case RowKind::Group:
            return { row.kind, 0, row.key };
        case RowKind::Mapping:
            return { row.kind, row.address, {} };
        case RowKind::Totals:
            break;
        }
        return { row.kind, 0, {} };
    }
    static MapKey keyOf(const std::unique_ptr<TopRow>& top) { return keyOf(top->row); }
    static ColumnSpan span(bool changed)
    {
        return changed ? ColumnSpan { 0, ColumnCount - 1 } : ColumnSpan {};
    }
};

struct MemoryMapModel::ChildTraits : RowKeys
{
    using Row = MemoryMapModel::Row;
    using Incoming = MemoryMapModel::Row;
    static Row make(Row&& row) { return std::move(row); }
    static ColumnSpan update(Row& row, Row&& fresh)
    {
        const bool changed = !sameValues(row, fresh);
        row = std::move(fresh); // always: the old row points into the old snapshot
        return span(changed);
    }
};

struct MemoryMapModel::TopTraits : RowKeys
{
    using Row = std::unique_ptr<TopRow>;
    using Incoming = MemoryMapModel::Row;
    MemoryMapModel* model;

    Row make(MemoryMapModel::Row&& fresh) const
    {
        auto top = std::make_unique<TopRow>();
        if (fresh.kind == RowKind::Group)
            top->children = model->childrenOf(*model->m_snapshot, *fresh.group);
        top->row = std::move(fresh);
        return top;
    }
    ColumnSpan update(Row& top, MemoryMapModel::Row&& fresh) const
    {
        const bool changed = !sameValues(top->row, fresh);
        if (fresh.kind == RowKind::Group)
            model->syncChildren(*top, model->childrenOf(*model->m_snapshot, *fresh.group));
        top->row = std::move(fresh);
        return span(changed);
    }
    // parent() reads a top row's position from it.
    void renumber(std::vector<Row>&) const { model->renumber(); }
};

void MemoryMapModel::syncChildren(TopRow& top, std::vector<Row> fresh)
{
    ChildTraits traits;
    KeyedRowDiff::apply(*this, index(top.index, 0), top.children, std::move(fresh), traits);
}

void MemoryMapModel::update()
{
    // The fresh rows are in address order with the totals row last; so are the rows held.
    TopTraits traits { {}, this };
    KeyedRowDiff::apply(*this, {}, m_top, topRowsOf(*m_snapshot), traits);
}

QModelIndex MemoryMapModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid()) {
        if (row >= static_cast<int>(m_top.size()))
            return {};
        return createIndex(row, column, nullptr);
    }
    if (parent.internalPointer() || parent.row() >= static_cast<int>(m_top.size()))
        return {};
    TopRow* top = m_top[static_cast<std::size_t>(parent.row())].get();
    if (row >= static_cast<int>(top->children.size()))
        return {};
    return createIndex(row, column, top);
}

QModelIndex MemoryMapModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || !child.internalPointer())
        return {};
    const auto* top = static_cast<const TopRow*>(child.internalPointer());
    return createIndex(top->index, 0, nullptr);
}

int MemoryMapModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_top.size());
    if (parent.internalPointer() || parent.column() != 0
        || parent.row() >= static_cast<int>(m_top.size()))
        return 0;
    return static_cast<int>(m_top[static_cast<std::size_t>(parent.row())]->children.size());
}

int MemoryMapModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

std::optional<std::uint64_t> MemoryMapModel::value(const Row& row, int column) const
{
    const SmapsField field = kColumnField[column];
    if (row.mapping) {
        const SmapsMapping& m = *row.mapping;
        if (column == Shared || column == Private) {
            const SmapsField a
                = column == Shared ? SmapsField::Shared_Clean : SmapsField::Private_Clean;
            const SmapsField b
                = column == Shared ? SmapsField::Shared_Dirty : SmapsField::Private_Dirty;
            if (!m.has(a) || !m.has(b))
                return std::nullopt;
            return m.get(a) + m.get(b);
        }
        if (column == Mappings)
            return 1;
        if (field == SmapsField::Count || !m.has(field))
            return std::nullopt;
        return m.get(field);
    }
    if (!row.totals)
        return std::nullopt;
    const SmapsTotals& t = *row.totals;
    if (column == Shared)
        return t.has(SmapsField::Shared_Clean) ? std::optional<std::uint64_t>(t.sharedKib())
                                               : std::nullopt;
    if (column == Private)
        return t.has(SmapsField::Private_Clean) ? std::optional<std::uint64_t>(t.privateKib())
                                                : std::nullopt;
    if (column == Mappings)
        return t.mappingCount;
    // Page sizes do not add up.
    if (field == SmapsField::Count || field == SmapsField::KernelPageSize
        || field == SmapsField::MMUPageSize || !t.has(field))
        return std::nullopt;
    return t.get(field);
}

QVariant MemoryMapModel::text(const Row& row, int column) const
{
    if (column == Mapping) {
        if (row.kind == RowKind::Mapping && row.mapping) {
            const SmapsMapping& m = *row.mapping;
            QString range = hex(m.start) + QLatin1Char('-') + hex(m.end) + QLatin1Char(' ')
                + QLatin1String(m.perms, 4);
            if (m_mode == Mode::Tree && m.inode != 0) // where in the file, as pmap shows it
                range += QStringLiteral("  @%1").arg(hex(m.offset));
            return range;
        }
        return row.name;
    }
    if (column == Kind) {
        if (row.kind == RowKind::Totals)
            return {};
        if (row.group)
            return QString::fromLatin1(mappingKindName(row.group->kind).data());
        return QString::fromLatin1(mappingKindName(mappingKind(*row.mapping)).data());
    }
    if (column == Path) {
        if (row.kind == RowKind::Totals)
            return {};
        return row.path.isEmpty() && row.mapping ? pathText(row.mapping->displayPath()) : row.path;
    }
    if (const auto v = value(row, column))
        return QLocale().toString(static_cast<qulonglong>(*v));
    if (!row.mapping)
        return {};
    const SmapsMapping& m = *row.mapping;
    switch (column) {
    case Perms:
        return QString::fromLatin1(m.perms, 4);
    case Offset:
        return hex(m.offset);
    case Device:
        return QString::fromStdString(m.device);
    case Inode:
        return QString::number(m.inode);
    case ThpEligible:
        return m.thpEligible ? QVariant(*m.thpEligible) : QVariant();
    case ProtectionKey:
        return m.protectionKey ? QVariant(*m.protectionKey) : QVariant();
    case VmFlags:
        return QString::fromStdString(m.vmFlags);
    default:
        return {};
    }
}

// Every cell of a group or mapping names the full backing path first: the path column is elided
// and, in tree mode, a mapping's own row shows only its address range.
QString MemoryMapModel::toolTip(const Row& row, int column) const
{
    if (row.kind == RowKind::Totals) {
        if (column == Mapping)
            return tr("The sum over every mapping: the footer of pmap -X");
        if (const auto v = value(row, column))
            return tr("%1 KiB (%2)")
                .arg(QLocale().toString(static_cast<qulonglong>(*v)), fmt::kib(*v));
        return {};
    }
    const QString path = row.mapping ? pathText(row.mapping->displayPath()) : row.path;
    if (column == Mapping && row.kind == RowKind::Group)
        return tr("%1\n%2, %n mapping(s)", nullptr, static_cast<int>(row.group->mappings.size()))
            .arg(path, QString::fromLatin1(mappingKindName(row.group->kind).data()));
    if (column == Path)
        return path;
    const QString name = tr(kColumnNames[column]);
    if (const auto v = value(row, column))
        return tr("%1\n%2: %3 KiB (%4)")
            .arg(path, name, QLocale().toString(static_cast<qulonglong>(*v)), fmt::kib(*v));
    const QString shown = text(row, column).toString();
    return shown.isEmpty() ? path : tr("%1\n%2: %3").arg(path, name, shown);
}

const SmapsMapping* MemoryMapModel::mappingAt(const QModelIndex& index) const
{
    if (!index.isValid() || !m_snapshot || !m_snapshot->smaps)
        return nullptr;
    const Row* row = nullptr;
    if (index.internalPointer()) {
        const auto* top = static_cast<const TopRow*>(index.internalPointer());
        if (index.row() >= static_cast<int>(top->children.size()))
            return nullptr;
        row = &top->children[static_cast<std::size_t>(index.row())];
    } else {
        if (index.row() >= static_cast<int>(m_top.size()))
            return nullptr;
        row = &m_top[static_cast<std::size_t>(index.row())]->row;
    }
    if (row->mapping)
        return row->mapping;
    if (row->group && !row->group->mappings.empty())
        return &m_snapshot->smaps->mappings[row->group->mappings.front()];
    return nullptr;
}

QVariant MemoryMapModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const Row* row = nullptr;
    if (index.internalPointer()) {
        const auto* top = static_cast<const TopRow*>(index.internalPointer());
        if (index.row() >= static_cast<int>(top->children.size()))
            return {};
        row = &top->children[static_cast<std::size_t>(index.row())];
    } else {
        if (index.row() >= static_cast<int>(m_top.size()))
            return {};
        row = &m_top[static_cast<std::size_t>(index.row())]->row;
    }
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return text(*row, column);
    case SortRole:
        if (column == Mapping)
            return row->kind == RowKind::Group ? QVariant(row->name)
                                               : QVariant(static_cast<qulonglong>(row->address));
        if (const auto v = value(*row, column))
            return static_cast<qulonglong>(*v);
        if (column == Offset && row->mapping)
            return static_cast<qulonglong>(row->mapping->offset);
        if (column == Inode && row->mapping)
            return static_cast<qulonglong>(row->mapping->inode);
        return text(*row, column);
    case FilterRole:
        if (row->kind == RowKind::Totals)
            return {};
        return row->mapping ? pathText(row->mapping->displayPath()) : row->path;
    case RowKindRole:
        return static_cast<int>(row->kind);
    case AddressRole:
        return static_cast<qulonglong>(row->address);
    case Qt::TextAlignmentRole:
        if (column == Mapping || column == Path || column == Kind || column == VmFlags
            || column == Perms || column == Device)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (row->kind == RowKind::Totals) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        if (m_stale)
            return toneColor(TextTone::Dim, QGuiApplication::palette());
        return {};
    case Qt::ToolTipRole:
        return toolTip(*row, column);
    default:
        return {};
    }
}

QVariant MemoryMapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole)
        return tr(kColumnNames[section]);
    if (role == Qt::ToolTipRole)
        return columnToolTip(section);
    if (role == Qt::TextAlignmentRole) {
        const bool left = section == Mapping || section == Path || section == Kind
            || section == VmFlags || section == Perms || section == Device;
        return QVariant((left ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    }
    return {};
}

} // namespace pg
