// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/memory/MapChangesModel.h"

#include "ui/common/Banner.h"
#include "ui/common/Format.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <unordered_map>

namespace pg {

namespace {

// A child's internal id is its group's row + 1; a group's is 0.
constexpr quintptr kGroupId = 0;

QString signedKib(std::int64_t kib)
{
    if (kib == 0)
        return QStringLiteral("0");
    const QString magnitude = fmt::kib(static_cast<std::uint64_t>(kib < 0 ? -kib : kib));
    return (kib > 0 ? QStringLiteral("+") : QStringLiteral("−")) + magnitude;
}

QString addressRange(std::uint64_t start, std::uint64_t end)
{
    return QStringLiteral("%1-%2")
        .arg(start, 12, 16, QLatin1Char('0'))
        .arg(end, 12, 16, QLatin1Char('0'));
}

QString statusWord(MappingChangeStatus s)
{
    switch (s) {
    case MappingChangeStatus::Appeared:
        return MapChangesModel::tr("appeared");
    case MappingChangeStatus::Vanished:
        return MapChangesModel::tr("vanished");
    case MappingChangeStatus::Grew:
        return MapChangesModel::tr("grew");
    case MappingChangeStatus::Shrank:
        return MapChangesModel::tr("shrank");
    }
    return {};
}

QString displayGroup(const std::string& key, MappingKind kind)
{
    if (!key.empty())
        return fmt::displayBytes(key);
    return kind == MappingKind::Anonymous ? MapChangesModel::tr("[anonymous]") : QString();
}

} // namespace

MapChangesModel::MapChangesModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

MapChangesModel::~MapChangesModel() = default;

void MapChangesModel::clear()
{
    if (m_groups.empty() && m_changes.empty())
        return;
    beginResetModel();
    m_groups.clear();
    m_changes.clear();
    endResetModel();
}

void MapChangesModel::setChanges(std::vector<MappingChange> changes, const MapBaseline& baseline,
    const MemoryMapGrouping& now, const GroupHistory& history)
{
    std::vector<Group> groups;
    std::unordered_map<std::string, std::size_t> byKey;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const MappingFigures& f = changes[i].latest();
        auto [it, inserted] = byKey.try_emplace(f.group, groups.size());
        if (inserted) {
            Group& g = groups.emplace_back();
            g.key = f.group;
            g.kind = f.kind;
        }
        Group& g = groups[it->second];
        g.children.push_back(i);
        g.pssDelta += changes[i].pssDeltaKib();
    }
    // The whole group then and now, not only its changed mappings: "libfoo 2 MiB -> 6 MiB".
    for (const MappingFigures& f : baseline.mappings) {
        const auto it = byKey.find(f.group);
        if (it == byKey.end())
            continue;
        Group& g = groups[it->second];
        g.inBaseline = true;
        g.rssBefore += f.rssKib;
        g.sizeBefore += f.sizeKib();
    }
    for (const MemoryMapGroup& mg : now.groups) {
        const auto it = byKey.find(mg.key);
        if (it == byKey.end())
            continue;
        Group& g = groups[it->second];
        g.inNow = true;
        g.rssNow += mg.totals.get(SmapsField::Rss);
        g.sizeNow += mg.totals.sizeBytes / 1024;
    }
    for (Group& g : groups) {
        for (std::uint64_t v : history.rssKib(g.key))
            g.trend.append(static_cast<qreal>(v));
    }

    // Same rows as before: update in place.
    bool same = groups.size() == m_groups.size() && changes.size() == m_changes.size();
    for (std::size_t i = 0; same && i < groups.size(); ++i)
        same = groups[i].key == m_groups[i].key && groups[i].children == m_groups[i].children;
    for (std::size_t i = 0; same && i < changes.size(); ++i)
        same = changes[i].status == m_changes[i].status
            && changes[i].latest().start == m_changes[i].latest().start;
    if (same) {
        m_changes = std::move(changes);
        m_groups = std::move(groups);
        emitEveryRowChanged({});
        return;
    }
    beginResetModel();
    m_changes = std::move(changes);
    m_groups = std::move(groups);
    endResetModel();
}

void MapChangesModel::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    emitEveryRowChanged({ Qt::ForegroundRole });
}

void MapChangesModel::emitEveryRowChanged(const QList<int>& roles)
{
    if (m_groups.empty())
        return;
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), roles);
    for (int r = 0; r < rowCount(); ++r) {
        const QModelIndex p = index(r, 0);
        if (rowCount(p) > 0)
            emit dataChanged(index(0, 0, p), index(rowCount(p) - 1, ColumnCount - 1, p), roles);
    }
}

QModelIndex MapChangesModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < static_cast<int>(m_groups.size()) ? createIndex(row, column, kGroupId)
                                                       : QModelIndex();
    if (parent.internalId() != kGroupId || parent.row() >= static_cast<int>(m_groups.size()))
        return {};
    if (row >= static_cast<int>(m_groups[parent.row()].children.size()))
        return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex MapChangesModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupId);
}

int MapChangesModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != kGroupId)
        return 0;
    return static_cast<int>(m_groups[parent.row()].children.size());
}

int MapChangesModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QString MapChangesModel::groupName(const Group& g)
{
    return displayGroup(g.key, g.kind);
}

QString MapChangesModel::statusText(const Group& g)
{
    if (!g.inBaseline)
        return tr("appeared");
    if (!g.inNow)
        return tr("vanished");
    if (g.sizeNow != g.sizeBefore)
        return g.sizeNow > g.sizeBefore ? tr("grew") : tr("shrank");
    if (g.rssNow != g.rssBefore)
        return g.rssNow > g.rssBefore ? tr("grew") : tr("shrank");
    return tr("changed"); // one mapping replaced by another of the same size
}

QVariant MapChangesModel::groupData(const Group& g, int column, int role) const
{
    const std::int64_t rssDelta
        = static_cast<std::int64_t>(g.rssNow) - static_cast<std::int64_t>(g.rssBefore);
    const std::int64_t sizeDelta
        = static_cast<std::int64_t>(g.sizeNow) - static_cast<std::int64_t>(g.sizeBefore);
    if (role == SortRole) {
        switch (column) {
        case Mapping:
            return groupName(g);
        case Status:
            return statusText(g);
        case RssDelta:
        case Trend:
            return static_cast<qlonglong>(rssDelta);
        case RssBefore:
            return static_cast<qulonglong>(g.rssBefore);
        case RssNow:
            return static_cast<qulonglong>(g.rssNow);
        case SizeDelta:
            return static_cast<qlonglong>(sizeDelta);
        case SizeBefore:
            return static_cast<qulonglong>(g.sizeBefore);
        case SizeNow:
            return static_cast<qulonglong>(g.sizeNow);
        case PssDelta:
            return static_cast<qlonglong>(g.pssDelta);
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Mapping:
            return tr("%1 (%n changed)", nullptr, static_cast<int>(g.children.size()))
                .arg(groupName(g));
        case Status:
            return statusText(g);
        case RssDelta:
            return signedKib(rssDelta);
        case RssBefore:
            return g.inBaseline ? fmt::kib(g.rssBefore) : QStringLiteral("–");
        case RssNow:
            return g.inNow ? fmt::kib(g.rssNow) : QStringLiteral("–");
        case SizeDelta:
            return signedKib(sizeDelta);
        case SizeBefore:
            return g.inBaseline ? fmt::kib(g.sizeBefore) : QStringLiteral("–");
        case SizeNow:
            return g.inNow ? fmt::kib(g.sizeNow) : QStringLiteral("–");
        case PssDelta:
            return signedKib(g.pssDelta);
        }
        return {};
    }
    if (role == SparklineRole && column == Trend)
        return QVariant::fromValue(g.trend);
    if (role == Qt::ToolTipRole && column == Trend && !g.trend.isEmpty()) {
        qreal lo = g.trend.front();
        qreal hi = lo;
        for (qreal v : g.trend) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        return tr("Rss of %1 over the last %n sample(s): %2 to %3", nullptr,
            static_cast<int>(g.trend.size()))
            .arg(groupName(g), fmt::kib(static_cast<std::uint64_t>(lo)),
                fmt::kib(static_cast<std::uint64_t>(hi)));
    }
    if (role == Qt::FontRole && column == Mapping) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ForegroundRole && m_stale)
        return toneColor(TextTone::Dim, QApplication::palette());
    return {};
}

QVariant MapChangesModel::changeData(const MappingChange& c, int column, int role) const
{
    const MappingFigures& f = c.latest();
    if (role == SortRole) {
        switch (column) {
        case Mapping:
            return static_cast<qulonglong>(f.start);
        case Status:
            return static_cast<int>(c.status);
        case RssDelta:
        case Trend:
            return static_cast<qlonglong>(c.rssDeltaKib());
        case RssBefore:
            return c.before ? static_cast<qulonglong>(c.before->rssKib) : 0ull;
        case RssNow:
            return c.now ? static_cast<qulonglong>(c.now->rssKib) : 0ull;
        case SizeDelta:
            return static_cast<qlonglong>(c.sizeDeltaKib());
        case SizeBefore:
            return c.before ? static_cast<qulonglong>(c.before->sizeKib()) : 0ull;
        case SizeNow:
            return c.now ? static_cast<qulonglong>(c.now->sizeKib()) : 0ull;
        case PssDelta:
            return static_cast<qlonglong>(c.pssDeltaKib());
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Mapping:
            return addressRange(f.start, f.end);
        case Status:
            return statusWord(c.status);
        case RssDelta:
            return signedKib(c.rssDeltaKib());
        case RssBefore:
            return c.before ? fmt::kib(c.before->rssKib) : QStringLiteral("–");
        case RssNow:
            return c.now ? fmt::kib(c.now->rssKib) : QStringLiteral("–");
        case SizeDelta:
            return signedKib(c.sizeDeltaKib());
        case SizeBefore:
            return c.before ? fmt::kib(c.before->sizeKib()) : QStringLiteral("–");
        case SizeNow:
            return c.now ? fmt::kib(c.now->sizeKib()) : QStringLiteral("–");
        case PssDelta:
            return signedKib(c.pssDeltaKib());
        }
        return {};
    }
    // A vanished mapping is history, not the map: dimmed like the page's secondary notes. So is
    // every row once the process has exited.
    if (role == Qt::ForegroundRole && (m_stale || c.status == MappingChangeStatus::Vanished))
        return toneColor(TextTone::Dim, QApplication::palette());
    if (role == Qt::ToolTipRole && column == Mapping)
        return tr("%1 at %2, %3")
            .arg(displayGroup(f.group, f.kind), addressRange(f.start, f.end), statusWord(c.status));
    return {};
}

QVariant MapChangesModel::data(const QModelIndex& idx, int role) const
{
    if (!idx.isValid())
        return {};
    if (role == RowKindRole)
        return idx.internalId() == kGroupId ? 0 : 1;
    const bool isGroup = idx.internalId() == kGroupId;
    const Group& g = m_groups[isGroup ? idx.row() : idx.internalId() - 1];
    if (role == FilterRole)
        return groupName(g);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(idx.column() == Mapping || idx.column() == Status
                ? Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter)
                : Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (isGroup)
        return groupData(g, idx.column(), role);
    return changeData(m_changes[g.children[idx.row()]], idx.column(), role);
}

QVariant MapChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && (section == Mapping || section == Status))
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Mapping:
            return tr("Mapping");
        case Status:
            return tr("Change");
        case RssDelta:
            return tr("Δ Rss");
        case Trend:
            return tr("Rss trend");
        case RssBefore:
            return tr("Rss then");
        case RssNow:
            return tr("Rss now");
        case SizeDelta:
            return tr("Δ Size");
        case SizeBefore:
            return tr("Size then");
        case SizeNow:
            return tr("Size now");
        case PssDelta:
            return tr("Δ Pss");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Status:
            return tr("appeared: not in the baseline; vanished: in the baseline, no longer mapped; "
                      "grew or shrank: the same mapping (same start address and backing) with "
                      "another Size or Rss");
        case Trend:
            return tr("The group's Rss over the samples kept while this map is shown (at most "
                      "120), oldest at the left");
        case RssBefore:
        case SizeBefore:
            return tr("At the baseline (for a group: all its mappings then)");
        default:
            return {};
        }
    }
    return {};
}

} // namespace pg
