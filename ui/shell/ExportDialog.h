// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// File > Export snapshot... (Ctrl+E): writes one CSV per table into a folder the user picks, or
// only the current page's table. The tables come from data the pages already hold (the GUI never
// reads /proc); each page plugs in with one ExportSource. Errors are shown in words in the dialog.

#include "core/export/CsvTable.h"
#include "core/export/ExportTables.h"

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QString>
#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace pg {

// A table ready to write, or why there is none right now ("no process is selected").
struct ExportTable
{
    CsvTable table;
    QString unavailable;
};

struct ExportSource
{
    QString id; // the table's name, as `procglass export NAME` takes it
    QString title; // for the dialog: "Processes"
    std::function<ExportTable()> produce; // called in the GUI thread
    // The file name stem, procglass-<stem>-<time>.csv: the id, or the id and the variant when one
    // table comes in several (memory-by-user, as `export memory --by user` writes it).
    QString fileStem;
    QString page; // the id of the page that offers it (MainWindow fills it in)
};

// The source of one table of the registry: its id and title are the table's name and title there,
// the same name `procglass export NAME` takes.
// `variant` ("by-user") is appended to the file name stem and its `title` to the dialog's title.
ExportSource exportSource(ExportTableId table, std::function<ExportTable()> produce,
    const QString& variant = {}, const QString& variantTitle = {});

struct ExportOutcome
{
    QString title;
    QString path; // the file written, when it worked
    QString error; // why not, in words
};

class ExportDialog final : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(const QList<ExportSource>& sources, const QString& currentPageId,
        QWidget* parent = nullptr);

    // Writes each source's table into `folder`, named after its id and `when` (UTC). No widgets:
    // usable from tests and from the command line alike.
    static QList<ExportOutcome> exportTables(
        const QList<ExportSource>& sources, const QString& folder, const QDateTime& when);
    static QString fileName(const QString& id, const QDateTime& when);

    QString folder() const;
    void setFolder(const QString& folder);
    void setOnlyCurrent(bool only);
    // Runs the export with the dialog's choices and shows the outcome; true if everything was
    // written.
    bool exportNow();
    const QList<ExportOutcome>& lastOutcomes() const { return m_outcomes; }

private:
    void chooseFolder();
    void showOutcomes();

    QList<ExportSource> m_sources;
    int m_currentIndex = -1;
    QRadioButton* m_all;
    QRadioButton* m_current;
    QLineEdit* m_folder;
    QLabel* m_result;
    QPushButton* m_exportButton;
    QList<ExportOutcome> m_outcomes;
};

} // namespace pg
