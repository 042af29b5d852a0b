// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The column chooser of one table: a right-click on the header lists every column as a checkable
// item (the same list View > Columns shows for the table of the page in front), and the hidden
// columns are remembered in the settings under "columns/<settingsKey>/". It follows the header
// rather than owning the state: a column hidden by other code (a page's own Columns button, a
// restored header layout) is seen, saved and announced the same way.

#include <QBitArray>
#include <QObject>
#include <QString>

class QHeaderView;
class QMenu;
class QWidget;

namespace pg {

class HeaderColumnChooser final : public QObject
{
    Q_OBJECT
public:
    // Installs a chooser on `header` (a child of it; installing twice returns the first) and
    // applies the saved hidden columns. An empty `settingsKey` uses the class name of the model
    // behind the view (through proxies), so one table kind shares one choice.
    static HeaderColumnChooser* install(QHeaderView* header, const QString& settingsKey = {});
    // The chooser installed on `header`, or nullptr.
    static HeaderColumnChooser* of(const QHeaderView* header);
    // The chooser of the table the user means inside `page`: the one with the focus, else the
    // largest one on screen; nullptr when no table there has one.
    static HeaderColumnChooser* forWidget(const QWidget* page);

    QHeaderView* header() const { return m_header; }
    QString settingsKey() const { return m_key; }
    // Adds one checkable action per column, in the order shown; the last column shown cannot be
    // hidden.
    void fillMenu(QMenu* menu);
    bool isColumnVisible(int logicalIndex) const;
    void setColumnVisible(int logicalIndex, bool visible);
    // Puts the saved choice back (after something replaced the header's state: a restored
    // layout, a model reset). Columns the saved choice did not know keep their default.
    void applySaved();

signals:
    // A column was hidden or shown, by the user or by code; `logicalIndex` is the model column.
    void columnVisibilityChanged(int logicalIndex, bool visible);

private:
    HeaderColumnChooser(QHeaderView* header, QString key);
    void noticeChanges();
    void save() const;

    QHeaderView* m_header;
    QString m_key;
    QBitArray m_hidden; // as last seen, to tell a hide or show from a resize
    bool m_applying = false;
    bool m_noticePending = false;
};

} // namespace pg
