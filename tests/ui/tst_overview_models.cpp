// SPDX-License-Identifier: GPL-3.0-or-later
// The System overview's models (disks, network, modules) under QAbstractItemModelTester (Fatal),
// fed scripted sequences of overviews; the page's error reporting and bounded chart history; charts
// that hold Qt Charts objects only while shown, and draw a bounded number of points.

#include "ui/charts/CpuStackChart.h"
#include "ui/charts/RateChart.h"
#include "ui/common/KeyedSortProxy.h"
#include "ui/system/DiskStatsModel.h"
#include "ui/system/ModulesModel.h"
#include "ui/system/NetDevModel.h"
#include "ui/system/OverviewSummaryWidget.h"
#include "ui/system/SystemOverviewPage.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QFile>
#include <QHideEvent>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QSpontaneKeyEvent>
#include <QTest>

using namespace pg;

namespace {

std::string fixture(const QString& name)
{
    QFile file(QStringLiteral(PROCGLASS_TEST_DATA "/system/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

SystemOverview withDisks(const char* file)
{
    SystemOverview o;
    o.disks.value = parseDiskStats(fixture(QString::fromLatin1(file))).value();
    o.diskRates.resize(o.disks.value->devices.size());
    return o;
}

SystemOverview withNet(const char* file)
{
    SystemOverview o;
    o.net.value = parseNetDev(fixture(QString::fromLatin1(file))).value();
    o.netRates.resize(o.net.value->interfaces.size());
    return o;
}

QStringList column0(const QAbstractItemModel& m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, 0).data().toString();
    return out;
}

int rowOf(const QAbstractItemModel& m, const QString& key)
{
    return static_cast<int>(column0(m).indexOf(key));
}

} // namespace

class TestOverviewModels : public QObject
{
    Q_OBJECT
private slots:
    void diskModelSequence();
    void netModelSequence();
    void modulesModelAndFilter();
    void pageReportsUnreadableFiles();
    void chartHistoryIsBounded();
    void chartsExistOnlyWhileShown();
    void rateChartCapsPointsKeepsSpikesAndGaps();
    void cpuChartDrawsBusiestSampleOfEachBucket();
};

void TestOverviewModels::diskModelSequence()
{
    DiskStatsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.apply(withDisks("diskstats-a.txt"));
    QCOMPARE(model.rowCount(), 10);
    const QPersistentModelIndex sda
        = model.index(rowOf(model, QStringLiteral("sda")), DiskStatsModel::Device);
    QCOMPARE(
        model.index(rowOf(model, QStringLiteral("sda1")), DiskStatsModel::Kind).data().toString(),
        QStringLiteral("partition"));
    QCOMPARE(
        model.index(sda.row(), DiskStatsModel::Kind).data().toString(), QStringLiteral("disk"));
    QCOMPARE(
        model.index(sda.row(), DiskStatsModel::Reads).data().toString(), QStringLiteral("6,893"));
    // No rate on the first sample: a dash, sorted below every real rate, with a reason.
    QCOMPARE(
        model.index(sda.row(), DiskStatsModel::ReadsPerSec).data().toString(), QStringLiteral("–"));
    QCOMPARE(model.index(sda.row(), DiskStatsModel::ReadsPerSec)
                 .data(DiskStatsModel::SortRole)
                 .toDouble(),
        -1.0);
    QVERIFY(!model.index(sda.row(), DiskStatsModel::ReadsPerSec)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .isEmpty());

    // sdb vanishes, sdc appears, sda changes: the row for sda survives (selection is kept).
    SystemOverview b = withDisks("diskstats-b.txt");
    const auto& devs = b.disks.value->devices;
    for (std::size_t i = 0; i < devs.size(); ++i) {
        if (devs[i].name == "sda")
            b.diskRates[i] = DiskRate { true, 100, 50, 2048 * 1024.0, 0 };
    }
    model.apply(b);
    QCOMPARE(model.rowCount(), 9);
    QVERIFY(sda.isValid());
    QCOMPARE(sda.data().toString(), QStringLiteral("sda"));
    QCOMPARE(model.index(sda.row(), DiskStatsModel::ReadsPerSec).data().toString(),
        QStringLiteral("100/s"));
    QCOMPARE(model.index(sda.row(), DiskStatsModel::ReadRate).data().toString(),
        QStringLiteral("2.00 MiB/s"));
    QCOMPARE(rowOf(model, QStringLiteral("sdb")), -1);
    QVERIFY(rowOf(model, QStringLiteral("sdc")) >= 0);

    model.apply(SystemOverview {}); // /proc/diskstats unreadable
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!sda.isValid());
    model.apply(withDisks("diskstats-a.txt"));
    QCOMPARE(model.rowCount(), 10);
}

void TestOverviewModels::netModelSequence()
{
    NetDevModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    KeyedSortProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.sort(NetDevModel::RxBytes, Qt::DescendingOrder);
    model.apply(withNet("netdev-long-names.txt"));
    QCOMPARE(model.rowCount(), 4);
    // Sorted by raw bytes, not by the formatted text ("11.50 GiB" vs "29.37 MiB").
    QCOMPARE(proxy.index(0, NetDevModel::Interface).data().toString(),
        QStringLiteral("wlp0s20f3longname"));
    QCOMPARE(proxy.index(1, NetDevModel::Interface).data().toString(), QStringLiteral("enp0s3"));
    QCOMPARE(proxy.index(1, NetDevModel::RxBytes).data().toString(), QStringLiteral("29.4 MiB"));
    QCOMPARE(proxy.index(0, NetDevModel::TxPackets).data().toString(), QStringLiteral("1,234,567"));
    model.apply(withNet("netdev-b.txt"));
    QCOMPARE(column0(proxy), (QStringList { QStringLiteral("lo"), QStringLiteral("enp0s3") }));
}

void TestOverviewModels::modulesModelAndFilter()
{
    ModulesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    KeyedSortProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.sort(ModulesModel::Name, Qt::AscendingOrder);
    Modules mods = parseModules(fixture(QStringLiteral("modules.txt"))).value();
    model.apply(mods);
    QCOMPARE(model.rowCount(), 8);
    const int snd = rowOf(model, QStringLiteral("snd"));
    // lsmod's columns: Module, Size, Used by (count and users without the trailing comma).
    QCOMPARE(model.index(snd, ModulesModel::Size).data().toString(), QStringLiteral("94208"));
    QCOMPARE(model.index(snd, ModulesModel::UseCount).data().toString(), QStringLiteral("8"));
    QCOMPARE(model.index(snd, ModulesModel::UsedBy).data().toString(),
        QStringLiteral("snd_hda_intel,snd_hda_codec,snd_hwdep,snd_pcm"));
    const int loading = rowOf(model, QStringLiteral("half_loaded"));
    QCOMPARE(
        model.index(loading, ModulesModel::State).data().toString(), QStringLiteral("Loading"));
    const int nounload = rowOf(model, QStringLiteral("nounload"));
    QCOMPARE(model.index(nounload, ModulesModel::UseCount).data().toString(), QStringLiteral("–"));
    QVERIFY(model.index(nounload, ModulesModel::UseCount)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("without module unloading")));

    // Refreshing with the same list changes nothing; one module's use count changing updates that
    // cell only (no reset, no whole-row repaint).
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.apply(mods);
    QCOMPARE(changes.count(), 0);
    for (ModuleInfo& m : mods.modules) {
        if (m.name == "snd")
            m.useCount = 9;
    }
    model.apply(mods);
    QCOMPARE(changes.count(), 1);
    const auto topLeft = changes.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changes.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), snd);
    QCOMPARE(bottomRight.row(), snd);
    QCOMPARE(topLeft.column(), int(ModulesModel::UseCount));
    QCOMPARE(bottomRight.column(), int(ModulesModel::UseCount));
    QCOMPARE(resets.count(), 0);

    proxy.setFilterFixedString(QStringLiteral("SND_HDA"));
    QCOMPARE(column0(proxy),
        (QStringList { QStringLiteral("snd_hda_codec"), QStringLiteral("snd_hda_intel") }));
    // A module unloads and another loads while filtered: the filtered view follows.
    mods.modules.erase(mods.modules.begin() + 2); // snd_hda_codec
    ModuleInfo added;
    added.name = "snd_hda_codec_hdmi";
    added.sizeBytes = 4096;
    added.useCount = 1;
    added.address = "0x0";
    mods.modules.push_back(added);
    model.apply(mods);
    QCOMPARE(column0(proxy),
        (QStringList { QStringLiteral("snd_hda_codec_hdmi"), QStringLiteral("snd_hda_intel") }));
    proxy.setFilterFixedString(QString());
    proxy.sort(ModulesModel::Size, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("vboxguest"));
    model.apply(Modules {});
    QCOMPARE(proxy.rowCount(), 0);
}

void TestOverviewModels::pageReportsUnreadableFiles()
{
    SystemOverviewPage page;
    auto o = std::make_shared<SystemOverview>();
    o->stat.value = parseSystemStat(
        "cpu 100 0 50 800 10 0 0 0 0 0\ncpu0 100 0 50 800 10 0 0 0 0 0\nctxt 101698\nbtime "
        "1551376475\nprocesses 2345\nprocs_running 1\nprocs_blocked 0\n")
                        .value();
    o->stat.path = "/proc/stat";
    o->memory.path = "/proc/meminfo";
    o->memory.error = Error::PermissionDenied;
    o->modules.path = "/proc/modules";
    o->modules.error = Error::FileMissing;
    o->disks.value = parseDiskStats(fixture(QStringLiteral("diskstats-a.txt"))).value();
    o->disks.path = "/proc/diskstats";
    o->diskRates.resize(o->disks.value->devices.size());
    o->version.value = parseKernelVersion(fixture(QStringLiteral("version-bionic.txt"))).value();
    o->ticksPerSecond = 100;
    page.applyOverview(o);
    OverviewSummaryWidget* s = page.summary();
    // The memory section names the file and the reason; its figures are dashes, never 0.
    QCOMPARE(s->sectionError(QStringLiteral("memory")),
        QStringLiteral("Cannot read /proc/meminfo: permission denied"));
    QCOMPARE(s->figureText(QStringLiteral("memory.total")), QStringLiteral("–"));
    // The rest works.
    QCOMPARE(s->sectionError(QStringLiteral("cpu")), QString());
    QCOMPARE(s->figureText(QStringLiteral("ctxt")), QStringLiteral("101,698"));
    QCOMPARE(s->figureText(QStringLiteral("cpu.user.time")), QStringLiteral("0:01.00"));
    QCOMPARE(s->figureText(QStringLiteral("cpu.user.since_boot")), QStringLiteral("10.4 %"));
    QCOMPARE(s->figureText(QStringLiteral("cpu.user.now")), QStringLiteral("–"));
    QCOMPARE(s->figureText(QStringLiteral("procs")), QStringLiteral("1 / 0"));
    QVERIFY(s->figureText(QStringLiteral("kernel.proc_version"))
                .startsWith(QStringLiteral("Linux version 4.15.0-45-generic")));
    QVERIFY(s->sectionError(QStringLiteral("paging")).startsWith(QStringLiteral("Cannot read")));
    QCOMPARE(page.diskModel()->rowCount(), 10);
    QVERIFY(page.sourceError(QStringLiteral("disks")).isEmpty());
    QVERIFY(page.sourceError(QStringLiteral("modules"))
                .contains(QStringLiteral("/proc/modules: file not found")));
    QVERIFY(page.sourceError(QStringLiteral("modules"))
                .contains(QStringLiteral("without loadable module support")));
    QCOMPARE(page.modulesModel()->rowCount(), 0);
    // The per-IRQ link asks the main window for the Interrupts page.
    QSignalSpy spy(&page, &SystemOverviewPage::showPageRequested);
    emit s->pageLinkActivated(QStringLiteral("interrupts"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("interrupts"));
}

void TestOverviewModels::chartHistoryIsBounded()
{
    SystemOverviewPage page(1000);
    for (int i = 0; i < 700; ++i) {
        auto o = std::make_shared<SystemOverview>();
        o->now.timeSeconds = i;
        o->now.cpu.valid = true;
        o->now.cpu.user = 10;
        o->now.cpu.idle = 90;
        o->cpuShares.push_back(o->now.cpu);
        o->cpuShares.back().cpu = 0;
        page.applyOverview(o);
    }
    QVERIFY(page.cpuChart(-1));
    QVERIFY(page.cpuChart(0));
    QCOMPARE(page.cpuChart(-1)->sampleCount(), std::size_t(601)); // 10 minutes at 1 s
    QCOMPARE(page.cpuChart(0)->sampleCount(), std::size_t(601));
    page.setIntervalMs(2000);
    QCOMPARE(page.cpuChart(-1)->sampleCount(), std::size_t(301)); // keeps the newest 10 minutes
}

void TestOverviewModels::chartsExistOnlyWhileShown()
{
    SystemOverviewPage page(1000);
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.showTab(QStringLiteral("summary")));
    for (int i = 0; i < 30; ++i) {
        auto o = std::make_shared<SystemOverview>();
        o->now.timeSeconds = i;
        o->now.cpu.valid = i > 0;
        o->now.cpu.user = 20;
        o->now.cpu.system = 10;
        o->now.cpu.idle = 70;
        o->now.forksPerSec = i > 0 ? std::optional(3.0) : std::nullopt;
        o->cpuShares.push_back(o->now.cpu);
        o->cpuShares.back().cpu = 0;
        page.applyOverview(o);
    }
    // The Summary tab is showing: the CPU tab's charts draw nothing, they keep only their history.
    CpuStackChart* total = page.cpuChart(-1);
    QVERIFY(total->points(0).isEmpty());
    QVERIFY(page.cpuChart(0)->points(0).isEmpty());
    QCOMPARE(total->sampleCount(), std::size_t(30));
    QVERIFY(page.showTab(QStringLiteral("cpu")));
    QVERIFY(!page.cpuChart(0)->points(0).isEmpty());
    // Rebuilt from the history: 29 valid samples (the first had no share), user at the bottom,
    // system stacked on it.
    QCOMPARE(total->points(0).size(), 29);
    QCOMPARE(total->points(0).last(), QPointF(0, 20));
    QCOMPARE(total->points(2).last(), QPointF(0, 30));
    QCOMPARE(total->points(0).first(), QPointF(-28, 20));
    QVERIFY(total->hoverText(-5).contains(QStringLiteral("system: 10.0 %")));
    QVERIFY(total->hoverText(-5).contains(QStringLiteral("idle: 70.0 %")));
    // Back to the summary: dropped again; the history survives.
    QVERIFY(page.showTab(QStringLiteral("summary")));
    QVERIFY(total->points(0).isEmpty());
    QCOMPARE(total->sampleCount(), std::size_t(30));
    // Activity tab: its rate charts (painted, no Qt Charts objects) draw on show, from the history
    // pushed while hidden; hidden, they keep only the history.
    const QList<RateChart*> rateCharts = page.findChildren<RateChart*>();
    QCOMPARE(rateCharts.size(), 8);
    for (const RateChart* c : rateCharts)
        QVERIFY(c->points(0).isEmpty());
    QVERIFY(page.showTab(QStringLiteral("activity")));
    RateChart* forks = nullptr;
    for (RateChart* c : rateCharts) {
        if (c->title().contains(QStringLiteral("forks")))
            forks = c;
    }
    QVERIFY(forks);
    QCOMPARE(forks->points(0).size(), 29); // no point for the unknown first rate
    QCOMPARE(forks->points(0).last(), QPointF(0, 3));
    QCOMPARE(forks->yLabels(), QStringList({ "0", "1", "2", "3", "4", "5" }));
    QVERIFY(forks->hoverText(-10).contains(QStringLiteral("forks: 3.0 processes/s")));
    // A spontaneous hide (the window minimised) keeps what is drawn.
    QHideEvent spontaneous;
    QSpontaneKeyEvent::setSpontaneous(&spontaneous);
    // Straight to event(): sendEvent() would clear the spontaneous flag.
    static_cast<QObject*>(forks)->event(&spontaneous);
    QCOMPARE(forks->points(0).size(), 29);
    QVERIFY(page.showTab(QStringLiteral("summary")));
    QVERIFY(forks->points(0).isEmpty());
}

void TestOverviewModels::rateChartCapsPointsKeepsSpikesAndGaps()
{
    // Ten minutes at 0.25 s.
    const std::size_t n = SystemOverviewCollector::historyCapacityFor(250);
    RateChart chart(QStringLiteral("Paging"), QStringLiteral("KiB/s"),
        { QStringLiteral("page in"), QStringLiteral("page out") });
    chart.setCapacity(n);
    chart.resize(800, 300);
    for (std::size_t i = 0; i < n + 50; ++i) {
        const double t = double(i) * 0.25;
        std::optional<double> in = 2.0;
        if (i == 999)
            in = 5000.0; // one sample's burst
        else if (i >= 1500 && i < 1600)
            in = std::nullopt; // vmstat unreadable for 25 s
        chart.push(t, { in, 1.0 });
    }
    QCOMPARE(chart.sampleCount(), n); // full resolution kept
    QCOMPARE(chart.value(999 - 50, 0).value_or(-1), 5000.0);
    QVERIFY(!chart.value(1500 - 50, 0));
    QVERIFY(chart.points(0).isEmpty()); // nothing drawn while hidden
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QList<QPointF> in = chart.points(0);
    const QList<QPointF> out = chart.points(1);
    QVERIFY2(in.size() <= chart.maxPoints(), qPrintable(QString::number(in.size())));
    QVERIFY(in.size() >= 100);
    QVERIFY(out.size() <= chart.maxPoints());
    const double now = double(n + 49) * 0.25;
    double peak = 0;
    for (const QPointF& p : in) {
        peak = std::max(peak, p.y());
        QVERIFY2(!(p.x() > 1500 * 0.25 - now && p.x() < 1599 * 0.25 - now),
            qPrintable(QString::number(p.x()))); // the gap stays a gap
    }
    QCOMPARE(peak, 5000.0);
    QVERIFY(in.contains(QPointF(999 * 0.25 - now, 5000.0)));
    QCOMPARE(chart.lineCount(0), 2); // the line breaks at the gap
    QCOMPARE(chart.lineCount(1), 1);
    // Another ten minutes of ticks: the series stop growing at the cap.
    const int replaces = chart.replaceCount();
    for (std::size_t i = n + 50; i < 2 * n; ++i)
        chart.push(double(i) * 0.25, { 2.0, 1.0 });
    QCOMPARE(chart.replaceCount() - replaces, 2 * int(2 * n - (n + 50))); // one per series per tick
    QVERIFY(chart.points(0).size() <= chart.maxPoints());
    QCOMPARE(chart.sampleCount(), n);
}

void TestOverviewModels::cpuChartDrawsBusiestSampleOfEachBucket()
{
    const std::size_t n = SystemOverviewCollector::historyCapacityFor(250);
    CpuStackChart chart(QStringLiteral("CPU 0"), true);
    chart.setCapacity(n);
    chart.setWindowSeconds(600);
    chart.resize(400, 200);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    for (std::size_t i = 0; i < n; ++i) {
        CpuShare share;
        share.valid = true;
        share.user = i == 1200 ? 80 : 10; // a quarter-second burst
        share.system = i == 1200 ? 15 : 5;
        share.idle = 100 - share.user - share.system;
        chart.push(double(i) * 0.25, share);
    }
    const QList<QPointF> top = chart.points(CpuStackChart::kStates - 1);
    QVERIFY2(top.size() <= chart.maxPoints(), qPrintable(QString::number(top.size())));
    double peak = 0;
    for (const QPointF& p : top) {
        peak = std::max(peak, p.y());
        QVERIFY(p.y() <= 100.0); // whole samples, not per-state maxima: never past 100 %
    }
    QCOMPARE(peak, 95.0);
    const QList<QPointF> user = chart.points(0);
    QCOMPARE(user.size(), top.size());
    QVERIFY(user.contains(QPointF(1200 * 0.25 - double(n - 1) * 0.25, 80.0)));
}

QTEST_MAIN(TestOverviewModels)
#include "tst_overview_models.moc"
