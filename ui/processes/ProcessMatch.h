// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The process filter and sort order, shared by the flat table's proxy (ProcessFilterProxy) and the
// tree (ProcessTreeModel) so that the two views cannot drift apart: the same text matches the same
// processes and a column sorts the same way in both.

#include "ui/processes/ProcessTableModel.h"

#include <QString>
#include <cstdint>

namespace pg {

// The user filter next to the filter box: every process, the processes of one uid (My processes)
// or of one user name.
struct UserFilter
{
    enum class Kind { All, Uid, Name };
    Kind kind = Kind::All;
    std::uint32_t uid = 0;
    QString name;

    bool operator==(const UserFilter&) const = default;
    // "all", "me" (for `myUid`), "user:NAME": the settings' form; unknown text reads as All.
    QString toSetting(std::uint32_t myUid) const;
    static UserFilter fromSetting(const QString& text, std::uint32_t myUid);
};

class ProcessMatcher final
{
public:
    ProcessMatcher() = default;
    // `text` (trimmed by the caller) matches the name, command line or user case-insensitively, or
    // the pid exactly; kernel threads fail when `hideKernelThreads` is set.
    ProcessMatcher(const QString& text, bool hideKernelThreads, UserFilter user = {});

    const QString& text() const { return m_text; }
    bool hideKernelThreads() const { return m_hideKernelThreads; }
    const UserFilter& userFilter() const { return m_user; }
    // True when no process can fail (no text, kernel threads shown, every user).
    bool acceptsAll() const
    {
        return m_text.isEmpty() && !m_hideKernelThreads && m_user.kind == UserFilter::Kind::All;
    }
    bool accepts(const ProcessTableModel::Row& row) const;

private:
    QString m_text;
    bool m_hideKernelThreads = false;
    UserFilter m_user;
    bool m_isPid = false;
    int m_pid = 0;
};

// <0, 0 or >0 on the column's raw value (unknown values sort below every known one), without a
// tie-break.
int compareProcessRows(
    const ProcessTableModel::Row& a, const ProcessTableModel::Row& b, int column);

// A strict weak order for an ascending sort: the column, then the pid. A descending sort reverses
// the whole comparison (as QSortFilterProxyModel does), so equal rows list the highest pid first.
inline bool processRowLess(
    const ProcessTableModel::Row& a, const ProcessTableModel::Row& b, int column)
{
    const int c = compareProcessRows(a, b, column);
    return c != 0 ? c < 0 : a.info->key.pid < b.info->key.pid;
}

} // namespace pg
