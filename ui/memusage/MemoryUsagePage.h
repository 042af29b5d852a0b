// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The "Memory usage" page: who uses the RAM. Every process's Rss, Pss, USS and swap (from
// smaps_rollup), by process or by user, the totals set against /proc/meminfo, and what could not
// be counted, with the reason. It reads nothing itself: MemoryUsageSampler reads (on a worker
// thread, only while this page is shown, every 5 s at most often) and this page shows what it
// gets, with the read's progress and a Stop button. Its rows are freed when the page is hidden.

#include "core/metatypes/SnapshotTypes.h"
#include "ui/shell/Page.h"

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTabWidget;
class QToolButton;
class QTreeView;

namespace pg {

class KeyedSortProxy;
class MappingUsageModel;
class MemoryUsageSampler;
class ProcessUsageModel;
class UserUsageModel;

class MemoryUsagePage final : public QWidget, public Page
{
    Q_OBJECT
public:
    // `source` lives in the sampler thread (nullptr in tests that feed snapshots).
    explicit MemoryUsagePage(MemoryUsageSampler* source = nullptr, QWidget* parent = nullptr);

    // Page
    QString pageId() const override { return QStringLiteral("memusage"); }
    QString pageTitle() const override { return tr("Memory &usage"); }
    QWidget* pageWidget() override { return this; }
    Sampler* pageSource() const override;
    bool samplesOnlyWhileShown() const override { return true; }
    // Every process's smaps_rollup: five times the window's interval, 5 s at least.
    int sourceIntervalMs(int windowMs) const override;
    QList<ExportSource> pageExports() override;

    void applyUsage(const MemoryUsageSnapshotPtr& snapshot);
    void showProgress(int done, int total);
    // No census can be made (a remote host: --host): the status line says `reason`, the tables
    // stay empty and disabled.
    void setUnavailable(const QString& reason);
    bool isUnavailable() const { return !m_unavailable.isEmpty(); }

    ProcessUsageModel* processModel() const { return m_processModel; }
    UserUsageModel* userModel() const { return m_userModel; }
    MappingUsageModel* mappingModel() const { return m_mappingModel; }
    KeyedSortProxy* processProxy() const { return m_processProxy; }
    QTreeView* processView() const { return m_processView; }
    QTreeView* userView() const { return m_userView; }
    QTreeView* mappingView() const { return m_mappingView; }
    // The By mapping tab is shown: reads are of every process's whole smaps.
    bool readsMappings() const;
    QTabWidget* tabs() const { return m_tabs; }
    QString totalsText() const;
    QString reconciliationText() const;
    QString notCountedText() const; // empty when everything was counted
    QString statusText() const;
    bool stopEnabled() const;
    QMenu* contextMenu() const { return m_contextMenu; }
    // The pid of the current row of the By process table, or 0.
    int currentPid() const;

signals:
    // Open this process's memory map (double-click, Enter, the context menu).
    void memoryMapRequested(int pid);

protected:
    void hideEvent(QHideEvent* event) override;

private:
    QTreeView* makeView(QAbstractItemModel* model, const QString& name);
    void requestMap(const QModelIndex& proxyIndex);
    void clearRows();
    void tabChanged();

    ProcessUsageModel* m_processModel;
    UserUsageModel* m_userModel;
    MappingUsageModel* m_mappingModel;
    KeyedSortProxy* m_processProxy;
    KeyedSortProxy* m_userProxy;
    KeyedSortProxy* m_mappingProxy;
    QLabel* m_status;
    QString m_unavailable;
    QPushButton* m_stop;
    QLabel* m_totals;
    QLabel* m_reconcile;
    QLabel* m_notCounted;
    QToolButton* m_explain;
    QLabel* m_explanation;
    QLineEdit* m_filter;
    QTabWidget* m_tabs;
    QTreeView* m_processView = nullptr;
    QTreeView* m_userView = nullptr;
    QTreeView* m_mappingView = nullptr;
    QMenu* m_contextMenu;
    MemoryUsageSampler* m_source;
    bool m_counted = false; // the tables hold a census (File > Export writes it)
    bool m_mappingsCounted = false; // the By mapping table holds a read of every smaps
};

} // namespace pg
