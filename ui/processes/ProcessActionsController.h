// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Process actions for the selected processes (multi-select): send TERM, KILL, STOP, CONT, HUP, INT,
// USR1, USR2, or change the nice value. Offered as the "Process" menu and the table's context
// menu. Each asks for confirmation naming the processes; the request goes to the details sampler
// (which acts in the sampler thread and checks each process's identity first), and failures come
// back as sentences (EPERM, ESRCH, EACCES) shown in a dialog. On a /proc root that is not of our
// own PID namespace (or is a fixture tree) every action is disabled, with the reason as tooltip and
// status tip, and the menu's first line says why.

#include "core/metatypes/SnapshotTypes.h"
#include "core/process/ProcRootScope.h"

#include <QObject>
#include <QPoint>
#include <QString>
#include <functional>
#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace pg {

class ProcessTablePage;

class ProcessActionsController final : public QObject
{
    Q_OBJECT
public:
    ProcessActionsController(
        ProcessTablePage* page, const QString& procRoot, QWidget* dialogParent);
    // `root` decided by the caller (remoteHostCheck() for a PCP host's processes).
    ProcessActionsController(ProcessTablePage* page, ProcRootCheck root, QWidget* dialogParent);

    QMenu* menu() const { return m_menu; }
    bool actionsAllowed() const { return m_root.actionsAllowed(); }
    // Empty when allowed; otherwise the whole sentence ("This /proc belongs to another PID
    // namespace: ...") and a short form for the status bar.
    QString disabledReason() const;
    QString disabledSummary() const;
    // Tests replace the dialogs: a confirmer gets the question and answers; a nice chooser
    // returns the new value (nullopt = cancelled); a reporter receives the error text.
    void setConfirmer(std::function<bool(const QString& question)> confirm)
    {
        m_confirm = std::move(confirm);
    }
    void setNiceChooser(std::function<std::optional<int>(int current)> choose)
    {
        m_chooseNice = std::move(choose);
    }
    void setReporter(std::function<void(const QString& errors)> report)
    {
        m_report = std::move(report);
    }

    // "Send SIGTERM … to 2 processes?" followed by one "PID name" line per process.
    QString confirmationText(int signal, const QList<ProcessKey>& keys) const;

public slots:
    void requestSignal(int signal);
    void requestNice();
    void showContextMenu(const QPoint& globalPos);
    void showResult(ActionReportPtr report);
    // Signals and renice are disabled while a kernel thread is selected (the tooltip says why);
    // the page calls it when the selection changes.
    void updateEnabled();

signals:
    void actionRequested(const pg::ActionRequest& request);
    void statusMessage(const QString& text);

private:
    QString describe(const ProcessKey& key) const;
    QString processList(const QList<ProcessKey>& keys) const;

    ProcessTablePage* m_page;
    QWidget* m_dialogParent;
    QMenu* m_menu;
    QList<QAction*> m_processActions; // the signals and renice
    ProcRootCheck m_root;
    std::function<bool(const QString&)> m_confirm;
    std::function<std::optional<int>(int)> m_chooseNice;
    std::function<void(const QString&)> m_report;
};

} // namespace pg
