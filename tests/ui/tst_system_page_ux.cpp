// SPDX-License-Identifier: GPL-3.0-or-later
// The System page as a user of GNOME System Monitor, KDE or htop meets it (issue 14): a memory
// history chart (RAM used, cache and buffers, swap), one live bar per CPU that still fits 256 CPUs,
// filter boxes on Disks and Network, Paging labels that do not look cut off, a kernel banner that
// never breaks inside a word, and "used" memory both as free(1) and as procinfo count it.

#include "ui/common/Format.h"
#include "ui/common/KeyedSortProxy.h"
#include "ui/system/CpuCoreBars.h"
#include "ui/system/DiskStatsModel.h"
#include "ui/system/MemoryHistoryChart.h"
#include "ui/system/NetDevModel.h"
#include "ui/system/OverviewSummaryWidget.h"
#include "ui/system/SystemOverviewPage.h"

#include <QFile>
#include <QGridLayout>
#include <QGroupBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace pg;

namespace {

std::string readFixture(const QString& relative)
{
    QFile file(QStringLiteral(PROCGLASS_TEST_DATA "/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

// procinfo's sample from the seed: MemTotal 1008940, MemFree 487412, Buffers 16084, Cached
// 300000, SReclaimable 20000 (kB).
MemInfo procinfoMemory()
{
    return parseMemInfo(readFixture(QStringLiteral("system-basic/meminfo-procinfo.txt"))).value();
}

constexpr double kGib = 1024.0 * 1024.0;

} // namespace

class TestSystemPageUx : public QObject
{
    Q_OBJECT
private slots:
    void memoryHistoryChart();
    void coreBarsFit256Cpus();
    void disksAndNetworkFilter();
    void pagingLabelsAreWhole();
    void kernelBannerBreaksBetweenParts();
    void usedBothWays();
};

void TestSystemPageUx::memoryHistoryChart()
{
    SystemOverviewPage page(1000);
    page.resize(1200, 760);
    MemInfo mem = procinfoMemory();
    for (int i = 0; i < 20; ++i) {
        auto o = std::make_shared<SystemOverview>();
        o->now.timeSeconds = i;
        if (i != 5) // one tick without /proc/meminfo: a gap, never 0
            o->memory.value = mem;
        page.applyOverview(o);
    }
    MemoryHistoryChart* chart = page.memoryChart();
    QVERIFY(chart);
    QCOMPARE(chart->sampleCount(), std::size_t(20));
    const double used = 185444 / kGib; // total - free - buffers - cached - SReclaimable
    const double cache = (16084 + 300000 + 20000) / kGib;
    QCOMPARE(*chart->valueGib(19, MemoryHistoryChart::Used), float(used));
    QCOMPARE(*chart->valueGib(19, MemoryHistoryChart::Cache), float(cache));
    QCOMPARE(*chart->valueGib(19, MemoryHistoryChart::Swap), 0.0);
    QVERIFY(!chart->valueGib(5, MemoryHistoryChart::Used));
    // Drawn only once its tab is shown; the top of the stack is procinfo's Used (total - free).
    QVERIFY(chart->points(MemoryHistoryChart::Used).empty());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.showTab(QStringLiteral("activity")));
    QVERIFY(chart->isVisible());
    const std::vector<QPointF> top = chart->points(MemoryHistoryChart::Cache);
    QCOMPARE(top.size(), std::size_t(19));
    QCOMPARE(float(top.back().y()), float(float(used) + float(cache)));
    QVERIFY(std::abs(top.back().y() - (1008940 - 487412) / kGib) < 1e-5);
    // The axis runs to the RAM size at least, so the chart reads as "how full".
    QVERIFY(chart->axisTopGib() >= 1008940 / kGib);
    QVERIFY(chart->hoverText(0).contains(QStringLiteral("RAM used (as free): 0.18 GiB")));
}

void TestSystemPageUx::coreBarsFit256Cpus()
{
    const SystemStat stat
        = parseSystemStat(readFixture(QStringLiteral("procroot-256cpu/stat"))).value();
    QCOMPARE(stat.cpus.size(), std::size_t(256));
    auto o = std::make_shared<SystemOverview>();
    for (const CpuTimes& c : stat.cpus) {
        CpuShare s;
        s.cpu = c.cpu;
        s.valid = true;
        s.user = c.cpu % 50;
        s.system = 10;
        s.idle = 100 - s.user - s.system;
        s.busyPercent = s.user + s.system;
        o->cpuShares.push_back(s);
    }
    SystemOverviewPage page(1000);
    page.applyOverview(o);
    QCOMPARE(page.coreBars()->barCount(), 256);
    // The geometry on a bar widget of its own (the page's lays itself out to the page's width).
    CpuCoreBars own;
    CpuCoreBars* bars = &own;
    bars->apply(o->cpuShares);
    bars->resize(1150, bars->heightForWidth(1150));
    QVERIFY(bars->columnCount(1150) >= 4); // htop-like columns, not 256 rows
    QVERIFY(bars->height() < 256 * bars->fontMetrics().height() / 3);
    QSet<QPair<int, int>> places;
    for (int i = 0; i < 256; ++i) {
        const QRect r = bars->barRect(i);
        QVERIFY2(bars->rect().contains(r), qPrintable(QString::number(i)));
        QVERIFY(r.width() > 60);
        places.insert({ r.left(), r.top() });
    }
    QCOMPARE(places.size(), 256); // no two bars on top of each other
    // Column-major as htop: CPU 1 under CPU 0.
    QCOMPARE(bars->barRect(1).left(), bars->barRect(0).left());
    QVERIFY(bars->barRect(1).top() > bars->barRect(0).top());
    // The fill is the busy share; the text says it.
    QCOMPARE(bars->label(42), QStringLiteral("42"));
    QCOMPARE(bars->valueText(42), QStringLiteral("52.0 %"));
    const double fill42 = double(bars->filledRect(42).width()) / (bars->barRect(42).width() - 2);
    QVERIFY(std::abs(fill42 - 0.52) < 0.02);
    QVERIFY(bars->toolTipText(42).contains(QStringLiteral("system 10.0 %")));
    // Painted: the user part is user green.
    QImage image(bars->size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    bars->render(&image);
    const QRect f = bars->filledRect(49);
    QCOMPARE(
        image.pixelColor(f.left() + 4, f.center().y()), CpuCoreBars::partColor(CpuCoreBars::User));
    // Before a second sample: no fill, a dash.
    CpuShare first;
    first.cpu = 0;
    bars->apply({ first });
    QCOMPARE(bars->barCount(), 1);
    QCOMPARE(bars->valueText(0), QStringLiteral("–"));
    QVERIFY(bars->filledRect(0).isNull());
}

void TestSystemPageUx::disksAndNetworkFilter()
{
    SystemOverviewPage page(1000);
    auto o = std::make_shared<SystemOverview>();
    o->disks.value = parseDiskStats(readFixture(QStringLiteral("system/diskstats-a.txt"))).value();
    o->diskRates.resize(o->disks.value->devices.size());
    o->net.value = parseNetDev(readFixture(QStringLiteral("system/netdev-b.txt"))).value();
    o->netRates.resize(o->net.value->interfaces.size());
    page.applyOverview(o);
    const int disks = page.diskModel()->rowCount();
    const int nets = page.netModel()->rowCount();
    QVERIFY(disks > 2 && nets >= 2);

    QLineEdit* diskFilter = page.tableFilter(QStringLiteral("disks"));
    QVERIFY(diskFilter);
    QTest::keyClicks(diskFilter, QStringLiteral("SDA"));
    QVERIFY(page.diskProxy()->rowCount() > 0);
    QVERIFY(page.diskProxy()->rowCount() < disks);
    for (int r = 0; r < page.diskProxy()->rowCount(); ++r)
        QVERIFY(page.diskProxy()->index(r, 0).data().toString().startsWith(QStringLiteral("sda")));
    QCOMPARE(page.tableCount(QStringLiteral("disks")),
        QStringLiteral("%1 of %2 devices").arg(page.diskProxy()->rowCount()).arg(disks));
    // A refresh keeps the filter.
    page.applyOverview(o);
    QVERIFY(page.diskProxy()->rowCount() < disks);

    QLineEdit* netFilter = page.tableFilter(QStringLiteral("network"));
    QVERIFY(netFilter);
    QTest::keyClicks(netFilter, QStringLiteral("lo"));
    QCOMPARE(page.netProxy()->rowCount(), 1);
    QCOMPARE(page.netProxy()->index(0, 0).data().toString(), QStringLiteral("lo"));
    QCOMPARE(
        page.tableCount(QStringLiteral("network")), QStringLiteral("1 of %1 interfaces").arg(nets));
    netFilter->clear();
    QCOMPARE(page.netProxy()->rowCount(), nets);
}

void TestSystemPageUx::pagingLabelsAreWhole()
{
    OverviewSummaryWidget w;
    QStringList headings;
    for (const QGroupBox* box : w.findChildren<QGroupBox*>()) {
        if (!box->title().contains(QStringLiteral("Paging")))
            continue;
        for (const QLabel* l : box->findChildren<QLabel*>())
            headings << l->text();
    }
    QVERIFY(!headings.isEmpty());
    // procinfo's eight-character labels read as text cut off ("page dea...").
    for (const char* cut : { "page dea", "page act", "page flt", "major flt" })
        QVERIFY2(!headings.contains(QLatin1String(cut)), cut);
    QVERIFY(headings.contains(QStringLiteral("pages deactivated")));
    QVERIFY(headings.contains(QStringLiteral("page faults")));
}

void TestSystemPageUx::kernelBannerBreaksBetweenParts()
{
    const std::string text = readFixture(QStringLiteral("system/version-debian12.txt"));
    auto o = std::make_shared<SystemOverview>();
    o->version.value = parseKernelVersion(text).value();
    OverviewSummaryWidget w;
    w.resize(700, 900);
    w.apply(o);
    auto* banner = w.findChild<QLabel*>(QStringLiteral("kernel.proc_version"));
    QVERIFY(banner);
    // No word wrap (it broke "6.1.0-" | "13-amd64"): the lines are the banner's parts.
    QVERIFY(!banner->wordWrap());
    const QStringList lines = banner->text().split(QLatin1Char('\n'));
    QVERIFY(lines.size() >= 3);
    QVERIFY(lines.first().startsWith(QStringLiteral("Linux version ")));
    for (const QString& line : lines.mid(1))
        QVERIFY2(line.startsWith(QLatin1Char('(')) || line.startsWith(QLatin1Char('#')),
            qPrintable(line));
    QCOMPARE(lines.join(QLatin1Char(' ')), fmt::displayBytes(o->version.value->text));
    // Copied as the one line the kernel wrote.
    QCOMPARE(w.figureText(QStringLiteral("kernel.proc_version")),
        fmt::displayBytes(o->version.value->text));
    QVERIFY(w.summaryText().contains(fmt::displayBytes(o->version.value->text)));
    for (const char* name : { "uname.all", "uname.version", "kernel.compiler" })
        QVERIFY2(!w.findChild<QLabel*>(QLatin1String(name))->wordWrap(), name);
}

void TestSystemPageUx::usedBothWays()
{
    auto o = std::make_shared<SystemOverview>();
    o->memory.value = procinfoMemory();
    OverviewSummaryWidget w;
    w.apply(o);
    QCOMPARE(w.figureText(QStringLiteral("memory.used")), fmt::kib(185444)); // free(1)
    QCOMPARE(w.figureText(QStringLiteral("memory.used_procinfo")),
        fmt::kib(521528)); // the seed's procinfo: 1008940 - 487412
    auto* note = w.findChild<QLabel*>(QStringLiteral("memory.used_note"));
    QVERIFY(note);
    QVERIFY(note->text().contains(QStringLiteral("free(1)")));
    QVERIFY(note->text().contains(QStringLiteral("procinfo")));
    QVERIFY(note->text().contains(QStringLiteral("total − free")));
    // An unreadable meminfo: a dash, never 0.
    auto bad = std::make_shared<SystemOverview>();
    bad->memory.error = Error::PermissionDenied;
    bad->memory.path = "/proc/meminfo";
    w.apply(bad);
    QCOMPARE(w.figureText(QStringLiteral("memory.used_procinfo")), QStringLiteral("–"));
}

QTEST_MAIN(TestSystemPageUx)
#include "tst_system_page_ux.moc"
