// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The live process table: one row per process, updated in place from each snapshot by
// KeyedRowDiff (removals, then insertions, then dataChanged for changed cells coalesced into
// contiguous ranges), so that selections, persistent indexes and the scroll position survive
// refreshes. Rows are kept in pid order; sorting and filtering belong to ProcessFilterProxy.

#include "core/sampler/SnapshotTypes.h"

#include <QAbstractItemModel>
#include <QString>
#include <unordered_map>
#include <vector>

namespace pg {

class ProcessTableModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        Pid,
        User,
        State,
        Cpu,
        Virt,
        Res,
        Shr,
        Threads,
        Nice,
        Priority,
        Started,
        CpuTime,
        Command,
        // /proc/PID/io read_bytes and write_bytes per second: hidden by default, and read only
        // while shown (ProcessSampler::setReadIo).
        IoRead,
        IoWrite,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw number (or text) for sorting
        PidRole, // int
        KernelThreadRole, // bool
    };

    struct Row
    {
        // In snapshot(): a row is a pointer and three strings (~80 bytes, not ~280 with a copy of
        // the process), which at 10,000 processes is 2 MiB less.
        const ProcessInfo* info = nullptr;
        QString user; // cached conversions, redone only when the strings change
        QString command; // display form: escaped, one line; "[comm]" without a cmdline
        QString comm;
    };

    explicit ProcessTableModel(QObject* parent = nullptr);

    void applySnapshot(const ProcessSnapshotPtr& snapshot);
    const ProcessSnapshotPtr& snapshot() const { return m_snapshot; }
    const Row& row(int r) const { return m_rows[static_cast<std::size_t>(r)]; }
    // Row of a process, or -1.
    int rowOf(const ProcessKey& key) const;
    int rowOfPid(int pid) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString columnToolTip(int column);
    // The same for processes from Performance Co-Pilot: what each column is made of there.
    static QString pcpColumnToolTip(int column);
    // The rows come from a Performance Co-Pilot host or recording (`source`, as the window names
    // it): tooltips name the PCP metrics and that source instead of /proc files. Empty: /proc.
    void setPcpSource(const QString& source);
    const QString& pcpSource() const { return m_pcpSource; }
    // The one comparison of two samples of a process, for the table and the tree: bit c set when
    // column c shows something else.
    static unsigned changedColumns(const ProcessInfo& before, const ProcessInfo& after);

private:
    friend class KeyedRowDiff;
    struct RowTraits;

    static void fillStrings(Row& row);
    QString startTimeUnknownWhy(const ProcessInfo& p) const;
    QString ioUnknownWhy(const ProcessInfo& p) const;
    QVariant pcpToolTip(const Row& row, int column) const;

    std::vector<Row> m_rows;
    ProcessSnapshotPtr m_snapshot;
    QString m_pcpSource;
};

} // namespace pg
