// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The live process table: one row per process, updated in place from each snapshot by
// KeyedRowDiff (removals, then insertions, then dataChanged for changed cells coalesced into
// contiguous ranges), so that selections, persistent indexes and the scroll position survive
// refreshes. Rows are kept in pid order; sorting and filtering belong to ProcessFilterProxy.

#include "core/metatypes/SnapshotTypes.h"

#include <QAbstractItemModel>
#include <QDate>
#include <QString>
#include <cstdint>
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

    // Display strings of one ProcessNames, shared by every row whose process has those names
    // (ProcessNamesPool gives the processes of one program the same names), and of one user.
    struct NameStrings
    {
        QString comm; // display form: escaped, one line
        QString command; // of the command line; empty without one
        QString bracketed; // "[comm]", made when a row shows it
        mutable std::uint32_t uses = 0; // counted only while unused strings are swept
    };
    struct UserString
    {
        QString text;
        mutable std::uint32_t uses = 0;
    };
    struct Row
    {
        // Three pointers (~24 bytes): into the snapshot and into the model's shared strings, so
        // 10,000 processes of one program hold one copy of their command line's display form.
        const ProcessInfo* info = nullptr;
        const NameStrings* strings = nullptr;
        const UserString* userString = nullptr;
        const QString& user() const { return userString->text; }
        const QString& comm() const { return strings->comm; }
        // "[comm]" for a kernel thread, a zombie (the command line kept from when it ran is not
        // what ps shows: "[sleep] <defunct>") or a process without a command line.
        const QString& command() const
        {
            return showsBracketed(*info, *strings) ? strings->bracketed : strings->command;
        }
        static bool showsBracketed(const ProcessInfo& p, const NameStrings& s)
        {
            return p.kernelThread || p.state == 'Z' || s.command.isEmpty();
        }
    };

    explicit ProcessTableModel(QObject* parent = nullptr);

    void applySnapshot(const ProcessSnapshotPtr& snapshot);
    const ProcessSnapshotPtr& snapshot() const { return m_snapshot; }
    const Row& row(int r) const { return m_rows[static_cast<std::size_t>(r)]; }
    // Row of a process, or -1.
    int rowOf(const ProcessKey& key) const;
    int rowOfPid(int pid) const;
    // Shared display strings held (names + users): what rows of one program save, for tests.
    std::size_t stringEntries() const { return m_nameStrings.size() + m_userStrings.size(); }

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

    void fillStrings(Row& row);
    void sweepStrings();
    QString startTimeUnknownWhy(const ProcessInfo& p) const;
    QString startedText(std::int64_t startUnixMs) const;
    QString ioUnknownWhy(const ProcessInfo& p) const;
    QVariant pcpToolTip(const Row& row, int column) const;

    std::vector<Row> m_rows;
    ProcessSnapshotPtr m_snapshot;
    // Keyed by the snapshot's pointers. An entry lives while a row uses it, so while that row's
    // snapshot holds the names or user it was made from: a freed address is never looked up.
    std::unordered_map<const ProcessNames*, NameStrings> m_nameStrings;
    std::unordered_map<const std::string*, UserString> m_userStrings;
    std::size_t m_refilled = 0; // rows given strings during the current applySnapshot
    // The Started cells' text by start minute, for the local date of the snapshots' time (the
    // text depends on it): each is otherwise a local-time conversion, and glibc's stat of
    // /etc/localtime, per visible cell per repaint (about 55 a second at 2,000 processes).
    mutable std::unordered_map<std::int64_t, QString> m_startedText;
    QDate m_startedDate;
    QString m_pcpSource;
};

} // namespace pg
