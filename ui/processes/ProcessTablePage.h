#pragma once

// The first page of the main window: summary strip, filter box, kernel-thread switch, the
// flat/tree switch, the sortable process table (or tree) and, under it, the details panel of the
// selected process.

#include "core/sampler/SnapshotTypes.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QLineEdit;
class QTreeView;
class QLabel;
class QSplitter;
class QStackedWidget;

namespace pg {

class ProcessTableModel;
class ProcessFilterProxy;
class SystemSummaryBar;
class ProcessTreeModel;
class ProcessDetailsPanel;

class ProcessTablePage final : public QWidget
{
    Q_OBJECT
public:
    explicit ProcessTablePage(QWidget* parent = nullptr);

    void applySnapshot(const ProcessSnapshotPtr& snapshot);
    ProcessTableModel* model() const { return m_model; }
    ProcessFilterProxy* proxy() const { return m_proxy; }
    QTreeView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }
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

signals:
    void currentProcessChanged(const std::optional<pg::ProcessKey>& key);
    // Double-click or Enter on a row.
    void processActivated(const pg::ProcessKey& key);
    void contextMenuRequested(const QPoint& globalPos);

private:
    ProcessKey keyAt(const QModelIndex& proxyIndex) const;
    QModelIndex proxyIndexOf(const ProcessKey& key, bool tree) const;
    void connectView(QTreeView* view);

    ProcessTableModel* m_model;
    ProcessFilterProxy* m_proxy;
    SystemSummaryBar* m_summary;
    QLineEdit* m_filter;
    QCheckBox* m_showKernelThreads;
    QLabel* m_message;
    QTreeView* m_view;
    ProcessTreeModel* m_treeModel;
    QTreeView* m_treeView;
    QCheckBox* m_treeSwitch;
    QStackedWidget* m_stack;
    QSplitter* m_splitter;
    ProcessDetailsPanel* m_details;
};

} // namespace pg
