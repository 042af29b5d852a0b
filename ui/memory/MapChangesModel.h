// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The "Changes since the baseline" view of the memory-map page as a tree: one top-level row per
// group (file, [heap], anonymous memory...) that has a changed mapping, with the group's Rss then
// and now and a sparkline of its Rss over the kept samples; children are the mappings that
// appeared, vanished (no longer in smaps, listed from the baseline), grew or shrank.
//
// A refresh whose rows are the same ones (a heap that keeps growing) only emits dataChanged, so the
// selection and expanded groups survive; a new or gone row resets the model (the change list of
// one process is short).

#include "core/memory/MapChanges.h"

#include <QAbstractItemModel>
#include <QList>
#include <QString>
#include <memory>
#include <vector>

namespace pg {

class MapChangesModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        Mapping, // group: its name; mapping: its address range
        Status, // appeared, vanished, grew, shrank
        RssDelta,
        Trend, // the group's Rss over the kept samples (SparklineRole)
        RssBefore,
        RssNow,
        SizeDelta,
        SizeBefore,
        SizeNow,
        PssDelta,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
        FilterRole, // the group name, for the page's filter
        SparklineRole, // QList<qreal>, oldest first (Trend column of group rows)
        RowKindRole, // 0 group, 1 mapping
    };

    explicit MapChangesModel(QObject* parent = nullptr);
    ~MapChangesModel() override;

    // `now` is the grouping the changes were measured on (for each group's Rss now).
    void setChanges(std::vector<MappingChange> changes, const MapBaseline& baseline,
        const MemoryMapGrouping& now, const GroupHistory& history);
    void clear();
    const std::vector<MappingChange>& changes() const { return m_changes; }
    // The process has exited: the rows are its last changes, every one greyed (ForegroundRole,
    // which the sparklines follow too). Kept across setChanges() and clear() until set back.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Group
    {
        std::string key;
        MappingKind kind = MappingKind::Anonymous;
        std::uint64_t rssBefore = 0; // every mapping of the group in the baseline
        std::uint64_t rssNow = 0;
        std::uint64_t sizeBefore = 0;
        std::uint64_t sizeNow = 0;
        std::int64_t pssDelta = 0;
        bool inBaseline = false;
        bool inNow = false;
        std::vector<std::size_t> children; // indices into m_changes
        QList<qreal> trend;
    };

    void emitEveryRowChanged(const QList<int>& roles);
    QVariant groupData(const Group& g, int column, int role) const;
    QVariant changeData(const MappingChange& c, int column, int role) const;
    static QString groupName(const Group& g);
    static QString statusText(const Group& g);

    std::vector<MappingChange> m_changes;
    std::vector<Group> m_groups;
    bool m_stale = false;
};

} // namespace pg
