// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The memory map of one process as a tree: top-level rows group mappings by what backs them (a file
// path, [heap], [stack], anonymous memory, shared memory, [vdso]...), children are the individual
// mappings; or, in flat mode, one top-level row per mapping as pmap prints them. A totals row (the
// `pmap -X` footer) is always last. Values are KiB as smaps prints them.
//
// Refreshes update in place through KeyedRowDiff, for the top rows and for each group's children:
// rows are matched by identity (group: its path; mapping: its start address), removed and inserted
// in contiguous runs at their place in address order (the totals row stays last), and changed rows
// get dataChanged. Expanded groups, the selection and the scroll position survive. Only a mode
// switch or another process resets the model.

#include "core/metatypes/SnapshotTypes.h"

#include <QAbstractItemModel>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace pg {

class MemoryMapModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        Mapping, // group: its path; mapping: its address range
        Size,
        Rss,
        Pss,
        Shared, // Shared_Clean + Shared_Dirty
        Private, // Private_Clean + Private_Dirty (USS)
        SharedClean,
        SharedDirty,
        PrivateClean,
        PrivateDirty,
        Referenced,
        Anonymous,
        Swap,
        SwapPss,
        Locked,
        // Shown through the column chooser:
        PssDirty,
        KernelPageSize,
        MMUPageSize,
        Ksm,
        LazyFree,
        AnonHugePages,
        ShmemPmdMapped,
        FilePmdMapped,
        SharedHugetlb,
        PrivateHugetlb,
        Perms,
        Offset,
        Device,
        Inode,
        Path, // the backing path, for flat mode
        Kind,
        Mappings, // how many mappings a row stands for
        ThpEligible,
        ProtectionKey,
        VmFlags,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw number or text
        FilterRole, // the backing path, for the name filter
        RowKindRole, // RowKind as int
        AddressRole, // start address (lowest for a group), the sort tie-break
    };
    enum class RowKind { Group, Mapping, Totals };
    enum class Mode { Tree, Flat };

    explicit MemoryMapModel(QObject* parent = nullptr);
    ~MemoryMapModel() override;

    void applySnapshot(const MemoryMapSnapshotPtr& snapshot);
    const MemoryMapSnapshotPtr& snapshot() const { return m_snapshot; }
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // Greys every row: the process exited and the data is the last that was read.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }
    void clear();

    // The mapping a row stands for: the mapping itself, or a group's first mapping (all of a
    // group's mappings have one backing path); null for the totals row. `index` is of this model.
    const SmapsMapping* mappingAt(const QModelIndex& index) const;

    static bool isDefaultColumn(int column) { return column <= Locked; }
    static QString columnToolTip(int column);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        RowKind kind = RowKind::Mapping;
        std::uint64_t address = 0; // identity of a mapping; lowest address of a group
        std::string key; // identity of a group: its path
        const SmapsMapping* mapping = nullptr; // into m_snapshot
        const MemoryMapGroup* group = nullptr; // into m_snapshot
        const SmapsTotals* totals = nullptr; // into m_snapshot (group's or the whole map's)
        QString name; // display text of the Mapping column
        QString path; // display text of the backing path
    };
    struct TopRow
    {
        Row row;
        std::vector<Row> children; // tree mode only
        int index = 0; // position in m_top, kept current for parent()
    };

    friend class KeyedRowDiff;
    struct RowKeys;
    struct ChildTraits;
    struct TopTraits;

    void rebuild(); // from m_snapshot, inside a reset
    void update();
    std::vector<Row> topRowsOf(const MemoryMapSnapshot& snap) const;
    std::vector<Row> childrenOf(const MemoryMapSnapshot& snap, const MemoryMapGroup& group) const;
    Row mappingRow(const SmapsMapping& m, bool flat) const;
    void syncChildren(TopRow& top, std::vector<Row> fresh);
    void renumber();
    std::optional<std::uint64_t> value(const Row& row, int column) const;
    QVariant text(const Row& row, int column) const;
    QString toolTip(const Row& row, int column) const;
    static bool sameValues(const Row& a, const Row& b);

    MemoryMapSnapshotPtr m_snapshot;
    std::vector<std::unique_ptr<TopRow>> m_top;
    Mode m_mode = Mode::Tree;
    bool m_stale = false;
};

} // namespace pg
