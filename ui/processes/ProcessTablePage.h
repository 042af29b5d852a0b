// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The first page of the main window: summary strip, filter box, kernel-thread switch, the
// flat/tree switch, the sortable process table (or tree) and, under it, the details panel of the
// selected process. As a Page it is fed by the ProcessSampler, drives the DetailsSampler for the
// panel and the process actions, exports the process table and offers the Process menu.

#include "core/metatypes/SnapshotTypes.h"
#include "core/process/ProcRootScope.h"
#include "ui/processes/ProcessMatch.h"
#include "ui/shell/Page.h"

#include <QStringList>
#include <QWidget>
#include <memory>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QMenu;
class QLineEdit;
class QTreeView;
class QLabel;
class QSplitter;
class QStackedWidget;

namespace pg {

class HeaderColumnChooser;
class ProcessTableModel;
class ProcessFilterProxy;
class SystemSummaryBar;
class ProcessTreeModel;
class ProcessDetailsPanel;
class ProcessActionsController;
class ProcessSampler;
class DetailsSampler;
class PcpDetailsSampler;

class ProcessTablePage final : public QWidget, public Page
{
    Q_OBJECT
public:
    // `source` and `details` live in the sampler thread (nullptr in tests that feed snapshots).
    explicit ProcessTablePage(ProcessSampler* source = nullptr, DetailsSampler* details = nullptr,
        const QString& procRoot = QStringLiteral("/proc"), QWidget* parent = nullptr);
    // The processes of a Performance Co-Pilot host (--host) or recording (--archive; `recording`
    // true): every process action disabled with the reason; the details panel shows what
    // `details` fetches from PCP for the selected pid (without it: not available, with the
    // reason). Nothing reads this machine's /proc for a remote pid.
    static ProcessTablePage* forRemoteHost(ProcessSampler* source, const QString& host,
        bool recording = false, PcpDetailsSampler* details = nullptr, QWidget* parent = nullptr);
    ~ProcessTablePage() override;
    // The PCP host whose processes are shown; empty for a /proc root.
    QString remoteHost() const { return m_remoteHost; }

    // Page
    QString pageId() const override { return QStringLiteral("processes"); }
    // Alt+R: Alt+P is the Process menu's.
    QString pageTitle() const override { return tr("P&rocesses"); }
    QWidget* pageWidget() override { return this; }
    Sampler* pageSource() const override;
    QList<ExportSource> pageExports() override;
    QList<QAction*> pageActions() override;
    QString pageMenuTitle() const override { return tr("&Process"); }
    void attachHost(PageHost& host) override;
    void saveLayout(QSettings& settings, const QString& prefix) const override;
    void restoreLayout(QSettings& settings, const QString& prefix) override;

    // An action on the selected process offered by another page ("Memory map"): added to the
    // context menu and the Process menu. Before the page is added to the window.
    void addProcessAction(QAction* action);
    QMenu* contextMenu() const { return m_contextMenu; }
    ProcessActionsController* processActions() const { return m_actions; }
    // --pid: select the process once a snapshot has it (the first snapshot, normally).
    void selectPidWhenSeen(int pid) { m_pendingPid = pid; }

    void applySnapshot(const ProcessSnapshotPtr& snapshot);
    ProcessTableModel* model() const { return m_model; }
    ProcessFilterProxy* proxy() const { return m_proxy; }
    QTreeView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }
    QCheckBox* kernelThreadsBox() const { return m_showKernelThreads; }
    QCheckBox* treeSwitch() const { return m_treeSwitch; }
    // All users, My processes, or one user; remembered with the page's layout.
    QComboBox* userFilterBox() const { return m_userFilter; }
    void setUserFilter(const UserFilter& filter);
    UserFilter userFilter() const;
    // The flat table's column chooser (the tree's follows it: one choice for both views).
    HeaderColumnChooser* columnChooser() const { return m_columns; }
    // Whether a ProcessTableModel column is shown; columnVisibilityChanged says when it changes
    // (an expensive column, such as per-process I/O, need only be read while it is shown).
    bool isColumnVisible(int column) const;
    // The process of the current row, if any.
    std::optional<ProcessKey> currentProcess() const;
    QList<ProcessKey> selectedProcesses() const;
    bool selectPid(int pid);
    void focusFilter();
    // Column order, widths, hidden columns and sort column of both views, and the details splitter,
    // for the settings. restoreLayoutState() ignores state it cannot read.
    QByteArray saveLayoutState() const;
    void restoreLayoutState(const QByteArray& state);

    // Flat list or parent/child tree; the selection and current process carry over. The tree model
    // is fed only while the tree is shown: switching to it builds it from the latest snapshot,
    // switching back empties it.
    void setTreeMode(bool tree);
    bool treeMode() const;
    ProcessTreeModel* treeModel() const { return m_treeModel; }
    QTreeView* treeView() const { return m_treeView; }
    // The view that is shown (the flat table or the tree).
    QTreeView* activeView() const;
    ProcessDetailsPanel* detailsPanel() const { return m_details; }
    // Whether the shown view has an I/O column visible: then (and only then) the sampler reads
    // /proc/PID/io. Re-checked when a section is shown or hidden, on a layout restore, a switch
    // of view and each snapshot; call it after changing column visibility some other way.
    bool ioColumnsShown() const;
    void updateIoSampling();

signals:
    void currentProcessChanged(const std::optional<pg::ProcessKey>& key);
    // Double-click or Enter on a row.
    void processActivated(const pg::ProcessKey& key);
    void contextMenuRequested(const QPoint& globalPos);
    // A ProcessTableModel column was hidden or shown (column chooser, View > Columns, restore).
    void columnVisibilityChanged(int column, bool visible);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    ProcessTablePage(
        ProcessSampler* source, DetailsSampler* details, ProcRootCheck root, QWidget* parent);
    ProcessKey keyAt(const QModelIndex& proxyIndex) const;
    QModelIndex proxyIndexOf(const ProcessKey& key, bool tree) const;
    void connectView(QTreeView* view);
    void connectDetails(DetailsSampler* details);
    void updateHostStatus();
    void updateUserChoices(const ProcessSnapshot& snapshot);
    bool keyInFilter(QKeyEvent* event);
    bool keyInView(QTreeView* view, QKeyEvent* event);

    ProcessTableModel* m_model;
    ProcessFilterProxy* m_proxy;
    SystemSummaryBar* m_summary;
    QLineEdit* m_filter;
    QCheckBox* m_showKernelThreads;
    QComboBox* m_userFilter;
    QLabel* m_message;
    QTreeView* m_view;
    ProcessTreeModel* m_treeModel;
    QTreeView* m_treeView;
    QCheckBox* m_treeSwitch;
    QStackedWidget* m_stack;
    QSplitter* m_splitter;
    ProcessDetailsPanel* m_details;
    ProcessSampler* m_source;
    ProcessActionsController* m_actions;
    QMenu* m_contextMenu;
    QAction* m_filterAction;
    QList<QAction*> m_extraActions;
    PageHost* m_host = nullptr;
    ProcessSnapshotPtr m_last;
    int m_pendingPid = 0;
    HeaderColumnChooser* m_columns = nullptr;
    QStringList m_knownUsers;
    bool m_splitterSized = false;
    bool m_splitterRestored = false;
    bool m_ioSampling = false; // what the sampler was last told (setReadIo)
    QString m_remoteHost;
};

} // namespace pg
