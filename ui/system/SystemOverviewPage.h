// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The System page: everything procinfo prints, live, plus disks, network, the module list (as
// lsmod) and the kernel version, in tabs: Summary, CPU charts, Activity charts, Disks, Network,
// Modules. Fed by SystemSampler's snapshots; never reads /proc itself.

#include "core/metatypes/SnapshotTypes.h"
#include "ui/shell/Page.h"

#include <QHash>
#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QGridLayout;
class QTabWidget;
class QTableView;

namespace pg {

class CpuCoreBars;
class CpuStackChart;
class DiskStatsModel;
class KeyedSortProxy;
class MemoryHistoryChart;
class ModulesModel;
class NetDevModel;
class OverviewSummaryWidget;
class RateChart;

class SystemSampler;

class SystemOverviewPage final : public QWidget, public Page
{
    Q_OBJECT
public:
    // `source` lives in the sampler thread (nullptr in tests that feed snapshots).
    explicit SystemOverviewPage(
        int intervalMs = 1000, SystemSampler* source = nullptr, QWidget* parent = nullptr);
    ~SystemOverviewPage() override;

    // Page
    QString pageId() const override { return QStringLiteral("system"); }
    QString pageTitle() const override { return tr("&System"); }
    QWidget* pageWidget() override { return this; }
    Sampler* pageSource() const override;
    QList<ExportSource> pageExports() override;

    OverviewSummaryWidget* summary() const { return m_summary; }
    DiskStatsModel* diskModel() const { return m_diskModel; }
    NetDevModel* netModel() const { return m_netModel; }
    ModulesModel* modulesModel() const { return m_modulesModel; }
    KeyedSortProxy* modulesProxy() const { return m_modulesProxy; }
    KeyedSortProxy* diskProxy() const { return m_diskProxy; }
    KeyedSortProxy* netProxy() const { return m_netProxy; }
    // The filter box and the "N of M" count of a table tab: "disks", "network", "modules".
    QLineEdit* tableFilter(const QString& tab) const;
    QString tableCount(const QString& tab) const;
    CpuStackChart* cpuChart(int cpu) const { return m_cpuCharts.value(cpu); } // -1: the machine
    CpuCoreBars* coreBars() const { return m_coreBars; } // CPU tab: one bar per CPU, now
    MemoryHistoryChart* memoryChart() const { return m_memoryChart; } // Activity: RAM, cache, swap
    QString sourceError(const QString& tab) const; // "disks", "network", "modules"
    bool showTab(const QString& name);

signals:
    void showPageRequested(const QString& pageId); // a link to another page was clicked

public slots:
    void applyOverview(SystemOverviewPtr overview);
    const SystemOverviewPtr& lastOverview() const { return m_last; }
    QString sourceErrorText() const; // the banner's text when shown (a PCP host unreachable)
    void setIntervalMs(int ms) override;

private:
    QWidget* buildCpuTab();
    QWidget* buildActivityTab();
    QWidget* buildTableTab(const QString& name, QAbstractItemModel* model, KeyedSortProxy*& proxy,
        const QString& filterHint);
    void updateCount(const QString& tab);
    void applyCharts(const SystemOverview& o);
    void pushMemory(const SystemOverview& o);
    // The tab's line under its table: hidden when `source` was read, else why not (an error, or
    // "not available" from a source that has no such figure).
    template <typename T>
    void applySourceError(const QString& tab, const Sourced<T>& source, const QString& hint);

    QTabWidget* m_tabs;
    OverviewSummaryWidget* m_summary;
    DiskStatsModel* m_diskModel;
    NetDevModel* m_netModel;
    ModulesModel* m_modulesModel;
    KeyedSortProxy* m_diskProxy = nullptr;
    KeyedSortProxy* m_netProxy = nullptr;
    KeyedSortProxy* m_modulesProxy = nullptr;
    QHash<QString, QLineEdit*> m_filters; // per table tab: "disks", "network", "modules"
    QHash<QString, QLabel*> m_counts; // "3 of 12 devices"
    QHash<QString, QLabel*> m_tabErrors;
    QLabel* m_sourceError; // the whole source failed (a PCP host unreachable): why
    QHash<int, CpuStackChart*> m_cpuCharts;
    QGridLayout* m_perCpuGrid = nullptr;
    QList<RateChart*> m_rateCharts;
    CpuCoreBars* m_coreBars = nullptr;
    MemoryHistoryChart* m_memoryChart = nullptr;
    RateChart* m_ctxtChart = nullptr;
    RateChart* m_forkChart = nullptr;
    RateChart* m_intrChart = nullptr;
    RateChart* m_pagingChart = nullptr;
    RateChart* m_faultChart = nullptr;
    RateChart* m_swapChart = nullptr;
    RateChart* m_diskChart = nullptr;
    RateChart* m_netChart = nullptr;
    std::size_t m_capacity;
    SystemSampler* m_source;
    SystemOverviewPtr m_last;
};

} // namespace pg
