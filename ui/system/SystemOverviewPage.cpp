// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/system/SystemOverviewPage.h"

#include "core/export/SystemCsv.h"
#include "core/sampler/SystemSampler.h"

#include "ui/charts/CpuStackChart.h"
#include "ui/charts/RateChart.h"
#include "ui/common/Banner.h"
#include "ui/common/KeyedSortProxy.h"
#include "ui/common/TableHeader.h"
#include "ui/system/CpuCoreBars.h"
#include "ui/system/DiskStatsModel.h"
#include "ui/system/MemoryHistoryChart.h"
#include "ui/system/ModulesModel.h"
#include "ui/system/NetDevModel.h"
#include "ui/system/OverviewSummaryWidget.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <limits>
#include <vector>

namespace pg {

namespace {

QScrollArea* scrolling(QWidget* content)
{
    auto* area = new QScrollArea;
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

// Every chart on the page is fed the same way, through TimeChart: one value per series, NaN for
// one the sample could not tell.
void feed(TimeChart& chart, double t, std::initializer_list<std::optional<double>> values)
{
    std::vector<double> flat;
    flat.reserve(values.size());
    for (const std::optional<double>& v : values)
        flat.push_back(v.value_or(std::numeric_limits<double>::quiet_NaN()));
    chart.append(t, flat);
}

std::optional<double> kibPerSec(std::optional<double> bytesPerSec)
{
    return bytesPerSec ? std::optional(*bytesPerSec / 1024.0) : std::nullopt;
}

} // namespace

SystemOverviewPage::SystemOverviewPage(int intervalMs, SystemSampler* source, QWidget* parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_summary(new OverviewSummaryWidget)
    , m_diskModel(new DiskStatsModel(this))
    , m_netModel(new NetDevModel(this))
    , m_modulesModel(new ModulesModel(this))
    , m_sourceError(new QLabel(this))
    , m_capacity(SystemOverviewCollector::historyCapacityFor(intervalMs))
    , m_source(source)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_sourceError->setObjectName(QStringLiteral("sourceError"));
    m_sourceError->setWordWrap(true);
    styleBanner(m_sourceError, BannerTone::Error);
    m_sourceError->hide();
    layout->addWidget(m_sourceError);
    layout->addWidget(m_tabs);
    m_tabs->addTab(scrolling(m_summary), tr("Summary"));
    m_tabs->widget(0)->setObjectName(QStringLiteral("summary"));
    m_tabs->addTab(buildCpuTab(), tr("CPU"));
    m_tabs->addTab(buildActivityTab(), tr("Activity"));
    m_tabs->addTab(buildTableTab(QStringLiteral("disks"), m_diskModel, m_diskProxy,
                       tr("Filter devices by name (sda, nvme0n1p2, dm-…)")),
        tr("Disks"));
    m_tabs->addTab(buildTableTab(QStringLiteral("network"), m_netModel, m_netProxy,
                       tr("Filter interfaces by name (eth0, wl…, lo)")),
        tr("Network"));
    m_tabs->addTab(buildTableTab(QStringLiteral("modules"), m_modulesModel, m_modulesProxy,
                       tr("Filter modules by name")),
        tr("Modules"));
    m_tabs->setTabToolTip(0,
        tr("procinfo's figures: memory, boot and uptime, load, CPU time, paging, kernel version"));
    m_tabs->setTabToolTip(
        1, tr("CPU time by kernel context over the last 10 minutes, for the machine and each CPU"));
    m_tabs->setTabToolTip(2,
        tr("Context switches, forks, interrupts, paging, disk and network over the last 10 "
           "minutes"));
    m_tabs->setTabToolTip(3, tr("/proc/diskstats: I/O per block device and partition"));
    m_tabs->setTabToolTip(4, tr("/proc/net/dev: bytes and packets per network interface"));
    m_tabs->setTabToolTip(5, tr("/proc/modules: loaded kernel modules, as lsmod shows them"));
    connect(m_summary, &OverviewSummaryWidget::pageLinkActivated, this,
        &SystemOverviewPage::showPageRequested);
    m_diskProxy->sort(DiskStatsModel::Device, Qt::AscendingOrder);
    m_netProxy->sort(NetDevModel::Interface, Qt::AscendingOrder);
    m_modulesProxy->sort(ModulesModel::Name, Qt::AscendingOrder);
    if (m_source)
        connect(m_source, &SystemSampler::overviewReady, this, &SystemOverviewPage::applyOverview,
            Qt::QueuedConnection);
}

SystemOverviewPage::~SystemOverviewPage() = default;

QWidget* SystemOverviewPage::buildCpuTab()
{
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("cpu"));
    auto* layout = new QVBoxLayout(content);
    // htop's first screen: every CPU's busy share now, above the history charts.
    auto* barsTitle = new QLabel(tr("Each CPU over the last refresh interval: "
                                    "<span style=\"color:%1\">■</span> user "
                                    "<span style=\"color:%2\">■</span> nice "
                                    "<span style=\"color:%3\">■</span> system "
                                    "<span style=\"color:%4\">■</span> irq + softirq "
                                    "<span style=\"color:%5\">■</span> steal")
                                     .arg(CpuCoreBars::partColor(CpuCoreBars::User).name(),
                                         CpuCoreBars::partColor(CpuCoreBars::Nice).name(),
                                         CpuCoreBars::partColor(CpuCoreBars::System).name(),
                                         CpuCoreBars::partColor(CpuCoreBars::Interrupts).name(),
                                         CpuCoreBars::partColor(CpuCoreBars::Steal).name()));
    barsTitle->setToolTip(tr("Busy = everything but idle and iowait, as the Processes page's CPU "
                             "figure; from the cpuN lines of /proc/stat"));
    layout->addWidget(barsTitle);
    m_coreBars = new CpuCoreBars;
    layout->addWidget(m_coreBars);
    auto* total = new CpuStackChart(tr("Whole machine: CPU time by kernel context"), false);
    total->setMinimumHeight(320);
    total->setCapacity(m_capacity);
    m_cpuCharts.insert(-1, total);
    layout->addWidget(total);
    m_perCpuGrid = new QGridLayout;
    layout->addLayout(m_perCpuGrid);
    layout->addStretch(1);
    QWidget* tab = scrolling(content);
    tab->setObjectName(QStringLiteral("cpu"));
    return tab;
}

QWidget* SystemOverviewPage::buildActivityTab()
{
    auto* content = new QWidget;
    auto* grid = new QGridLayout(content);
    // Memory in use first, across the tab (GNOME's, KDE's and btop's memory history).
    m_memoryChart = new MemoryHistoryChart;
    m_memoryChart->setMinimumHeight(240);
    m_memoryChart->setCapacity(m_capacity);
    m_memoryChart->setToolTip(
        tr("/proc/meminfo: RAM used = MemTotal − MemFree − Buffers − Cached − SReclaimable (as "
           "free(1)); cache + buffers = Buffers + Cached + SReclaimable, stacked on it (the kernel "
           "gives it back when programs need it; the top of the stack is procinfo's Used, "
           "MemTotal − MemFree); swap used = SwapTotal − SwapFree. The dashed line is MemTotal."));
    grid->addWidget(m_memoryChart, 0, 0, 1, 2);
    auto add = [&](RateChart*& chart, const QString& title, const QString& unit,
                   const QStringList& names, const QString& tip) {
        chart = new RateChart(title, unit, names);
        chart->setMinimumHeight(230);
        chart->setCapacity(m_capacity);
        chart->setToolTip(tip);
        const int n = static_cast<int>(m_rateCharts.size());
        grid->addWidget(chart, 1 + n / 2, n % 2);
        m_rateCharts.append(chart);
    };
    add(m_ctxtChart, tr("Context switches"), tr("switches/s"), { tr("context switches") },
        tr("/proc/stat ctxt, per second"));
    add(m_forkChart, tr("Process creations (forks)"), tr("processes/s"), { tr("forks") },
        tr("/proc/stat processes, per second"));
    add(m_intrChart, tr("Interrupts"), tr("interrupts/s"), { tr("interrupts") },
        tr("/proc/stat intr (first number), per second"));
    add(m_pagingChart, tr("Paging"), tr("KiB/s"), { tr("page in"), tr("page out") },
        tr("/proc/vmstat pgpgin and pgpgout, per second"));
    add(m_faultChart, tr("Page faults"), tr("faults/s"), { tr("all faults"), tr("major faults") },
        tr("/proc/vmstat pgfault and pgmajfault, per second"));
    add(m_swapChart, tr("Swapping"), tr("pages/s"), { tr("swap in"), tr("swap out") },
        tr("/proc/vmstat pswpin and pswpout, per second"));
    add(m_diskChart, tr("Disk I/O (whole disks)"), tr("KiB/s"), { tr("read"), tr("written") },
        tr("/proc/diskstats sectors read and written × 512, summed over whole disks (not "
           "partitions)"));
    add(m_netChart, tr("Network (all interfaces but lo)"), tr("KiB/s"),
        { tr("received"), tr("sent") },
        tr("/proc/net/dev receive and transmit bytes, summed over interfaces other than lo"));
    QWidget* tab = scrolling(content);
    tab->setObjectName(QStringLiteral("activity"));
    return tab;
}

QWidget* SystemOverviewPage::buildTableTab(const QString& name, QAbstractItemModel* model,
    KeyedSortProxy*& proxy, const QString& filterHint)
{
    auto* tab = new QWidget;
    tab->setObjectName(name);
    auto* layout = new QVBoxLayout(tab);
    auto* error = new QLabel;
    setTextTone(error, TextTone::Error);
    error->setWordWrap(true);
    error->hide();
    layout->addWidget(error);
    m_tabErrors.insert(name, error);
    proxy = new KeyedSortProxy(this);
    proxy->setSourceModel(model);
    // Every table filters on its first column (device, interface, module name), as the README
    // promises, with a count of what the filter lets through.
    auto* filter = new QLineEdit;
    filter->setObjectName(name + QStringLiteral(".filter"));
    filter->setPlaceholderText(filterHint);
    filter->setClearButtonEnabled(true);
    auto* count = new QLabel;
    count->setObjectName(name + QStringLiteral(".count"));
    auto* row = new QHBoxLayout;
    row->addWidget(filter, 1);
    row->addWidget(count);
    layout->addLayout(row);
    m_filters.insert(name, filter);
    m_counts.insert(name, count);
    KeyedSortProxy* p = proxy;
    connect(filter, &QLineEdit::textChanged, this, [this, p, name](const QString& text) {
        p->setFilterFixedString(text);
        updateCount(name);
    });
    auto* view = new QTableView;
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    installTableHeader(view->horizontalHeader(), name);
    layout->addWidget(view, 1);
    return tab;
}

void SystemOverviewPage::updateCount(const QString& tab)
{
    QLabel* count = m_counts.value(tab);
    if (!count)
        return;
    if (tab == QLatin1String("disks"))
        count->setText(
            tr("%1 of %2 devices").arg(m_diskProxy->rowCount()).arg(m_diskModel->rowCount()));
    else if (tab == QLatin1String("network"))
        count->setText(
            tr("%1 of %2 interfaces").arg(m_netProxy->rowCount()).arg(m_netModel->rowCount()));
    else
        count->setText(
            tr("%1 of %2 modules").arg(m_modulesProxy->rowCount()).arg(m_modulesModel->rowCount()));
}

QLineEdit* SystemOverviewPage::tableFilter(const QString& tab) const
{
    return m_filters.value(tab);
}

QString SystemOverviewPage::tableCount(const QString& tab) const
{
    const QLabel* count = m_counts.value(tab);
    return count ? count->text() : QString();
}

bool SystemOverviewPage::showTab(const QString& name)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->objectName() == name) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

QString SystemOverviewPage::sourceError(const QString& tab) const
{
    const QLabel* l = m_tabErrors.value(tab);
    return l && !l->isHidden() ? l->text() : QString();
}

void SystemOverviewPage::setIntervalMs(int ms)
{
    m_capacity = SystemOverviewCollector::historyCapacityFor(ms);
    // Every chart of the page through the one chart API.
    QList<TimeChart*> charts { m_memoryChart };
    for (CpuStackChart* c : std::as_const(m_cpuCharts))
        charts << c;
    for (RateChart* c : std::as_const(m_rateCharts))
        charts << c;
    for (TimeChart* c : std::as_const(charts))
        c->setCapacity(m_capacity);
}

template <typename T>
void SystemOverviewPage::applySourceError(
    const QString& tab, const Sourced<T>& source, const QString& hint)
{
    QLabel* l = m_tabErrors.value(tab);
    if (source.ok()) {
        l->hide();
        return;
    }
    if (!source.notAvailable.empty()) {
        // Not an error: the source (a PCP host or recording) has no such figure.
        setTextTone(l, TextTone::Dim);
        l->setText(tr("Not available from %1: %2.")
                       .arg(QString::fromStdString(source.path),
                           QString::fromStdString(source.notAvailable)));
        l->show();
        return;
    }
    setTextTone(l, TextTone::Error);
    const std::string_view why = errorText(source.error);
    QString text = tr("Cannot read %1: %2.")
                       .arg(QString::fromStdString(source.path),
                           QString::fromUtf8(why.data(), static_cast<qsizetype>(why.size())));
    if (!hint.isEmpty())
        text += QLatin1Char(' ') + hint;
    l->setText(text);
    l->show();
}

void SystemOverviewPage::applyOverview(SystemOverviewPtr overview)
{
    if (!overview)
        return;
    m_last = overview;
    const SystemOverview& o = *overview;
    m_summary->apply(overview);
    m_diskModel->apply(o);
    m_netModel->apply(o);
    if (o.modules.value)
        m_modulesModel->apply(*o.modules.value);
    else
        m_modulesModel->apply(Modules {});
    m_sourceError->setText(QString::fromStdString(o.sourceError));
    m_sourceError->setVisible(!o.sourceError.empty());
    applySourceError(QStringLiteral("disks"), o.disks, {});
    applySourceError(QStringLiteral("network"), o.net, {});
    applySourceError(QStringLiteral("modules"), o.modules,
        o.modules.error == Error::FileMissing && o.remoteHost.empty()
            ? tr("The kernel was built without loadable module support (CONFIG_MODULES=n), "
                 "so no modules are listed.")
            : QString());
    for (const QString& tab :
        { QStringLiteral("disks"), QStringLiteral("network"), QStringLiteral("modules") })
        updateCount(tab);
    applyCharts(o);
}

QString SystemOverviewPage::sourceErrorText() const
{
    return m_sourceError->isVisibleTo(this) ? m_sourceError->text() : QString();
}

void SystemOverviewPage::applyCharts(const SystemOverview& o)
{
    if (o.timelineRestarted) {
        // A replay jumped: what the charts hold is not this moment's past.
        for (CpuStackChart* c : std::as_const(m_cpuCharts))
            c->clear();
        for (RateChart* c : std::as_const(m_rateCharts))
            c->clear();
        m_memoryChart->clear();
    }
    const double t = o.now.timeSeconds;
    m_cpuCharts.value(-1)->append(t, CpuStackChart::values(o.now.cpu));
    for (const CpuShare& share : o.cpuShares) {
        CpuStackChart* chart = m_cpuCharts.value(share.cpu);
        if (!chart) {
            chart = new CpuStackChart(tr("CPU %1").arg(share.cpu), true);
            chart->setMinimumHeight(170);
            chart->setCapacity(m_capacity);
            const int n = static_cast<int>(m_cpuCharts.size()) - 1;
            m_perCpuGrid->addWidget(chart, n / 4, n % 4);
            m_cpuCharts.insert(share.cpu, chart);
        }
        chart->append(t, CpuStackChart::values(share));
    }
    m_coreBars->apply(o.cpuShares);
    pushMemory(o);
    const OverviewPoint& p = o.now;
    feed(*m_ctxtChart, t, { p.contextSwitchesPerSec });
    feed(*m_forkChart, t, { p.forksPerSec });
    feed(*m_intrChart, t, { p.interruptsPerSec });
    feed(*m_pagingChart, t, { p.pageInKibPerSec, p.pageOutKibPerSec });
    feed(*m_faultChart, t, { p.pageFaultsPerSec, p.majorFaultsPerSec });
    feed(*m_swapChart, t, { p.swapInPagesPerSec, p.swapOutPagesPerSec });
    feed(*m_diskChart, t, { kibPerSec(p.diskReadBytesPerSec), kibPerSec(p.diskWriteBytesPerSec) });
    feed(*m_netChart, t, { kibPerSec(p.netRxBytesPerSec), kibPerSec(p.netTxBytesPerSec) });
}

void SystemOverviewPage::pushMemory(const SystemOverview& o)
{
    m_memoryChart->push(o.now.timeSeconds, o.memory.value ? &*o.memory.value : nullptr);
}

Sampler* SystemOverviewPage::pageSource() const
{
    return m_source;
}

QList<ExportSource> SystemOverviewPage::pageExports()
{
    return { exportSource(ExportTableId::System, [this] {
        if (!m_last)
            return ExportTable { {}, tr("no overview sample has been taken yet") };
        return ExportTable { systemToCsv(*m_last), {} };
    }) };
}

} // namespace pg
