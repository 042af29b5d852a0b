// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One sort convention for every table. The arrow always tells the order the rows are in (a proxy
// sorted by code, not through the view, moves the arrow too), and the first click on a column
// sorts a numeric column biggest first and a text column A to Z, as GNOME System Monitor, KDE
// and htop do; a second click reverses. Qt draws ▲ for biggest (or Z) first and ▼ for smallest
// (or A) first on Linux: that is the convention, in every table.

#include <QObject>

class QHeaderView;

namespace pg {

class HeaderSortOrder final : public QObject
{
    Q_OBJECT
public:
    // Installs on `header` (a child of it; installing twice returns the first). Call after the
    // view's setSortingEnabled(true).
    static HeaderSortOrder* install(QHeaderView* header);
    // True when `section` holds numbers (its sort values are numbers; without rows, the header
    // aligns it right).
    static bool isNumericColumn(const QHeaderView* header, int section);

private:
    explicit HeaderSortOrder(QHeaderView* header);
    void sortIndicatorChanged(int section, int order);
    void followModelSort();

    QHeaderView* m_header;
    int m_pressed = -1; // the section under a mouse press that may become a click
    int m_section = -1; // the sorted section before the latest change
};

} // namespace pg
