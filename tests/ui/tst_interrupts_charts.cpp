// SPDX-License-Identifier: GPL-3.0-or-later
// The Interrupts page's charts receive the right series from a scripted sequence of samples: the
// busiest IRQs (or the selected ones), one replace per series per tick, all-zero series hidden,
// per-CPU totals, the distribution bars and the heatmap; a hidden panel keeps history but does not
// redraw; a hidden chart holds no Qt Charts objects and is rebuilt from the history when shown;
// ten minutes at 0.25 s draw a bounded number of points with spikes kept and gaps left empty.

#include "ui/charts/ChartLegend.h"
#include "ui/charts/DistributionBars.h"
#include "ui/charts/IrqHeatmap.h"
#include "ui/charts/RateChart.h"
#include "ui/charts/SeriesPalette.h"
#include "ui/charts/TimeSeriesChart.h"
#include "ui/common/Format.h"
#include "ui/interrupts/InterruptsPage.h"
#include "ui/interrupts/InterruptsPanel.h"

#include <QComboBox>
#include <QPalette>
#include <QSet>

#include <QChart>
#include <QItemSelectionModel>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <cmath>
#include <limits>

using namespace pg;

namespace {

InterruptsSnapshotPtr snapshot(IrqRates& rates, const std::string& text, double t)
{
    auto snap = std::make_shared<InterruptsSnapshot>();
    Result<Interrupts> parsed = parseInterrupts(text);
    if (!parsed)
        qFatal("bad scripted text");
    snap->interrupts = std::move(parsed).value();
    snap->irqRates
        = rates.update(t, snap->interrupts.cpuIds, IrqRates::views(snap->interrupts.rows));
    snap->affinity.resize(snap->interrupts.rows.size());
    snap->softirqsError = Error::FileMissing;
    return snap;
}

// Tick n of a 2-CPU machine: IRQ 24 at 100/s on CPU0 and 300/s on CPU1, IRQ 25 at 50/s on CPU1,
// IRQ 26 idle, LOC at 1000/s per CPU, IRQs 27 and 28 at 1/s and 2/s (so 28 makes the top 5, 27
// does not), ERR one machine-wide count.
std::string tick(std::uint64_t n)
{
    auto num = [](std::uint64_t v) { return std::to_string(v); };
    return "           CPU0       CPU1\n"
           " 24: "
        + num(1000 + 100 * n) + " " + num(2000 + 300 * n)
        + " PCI-MSI 524288-edge nvme0q0\n"
          " 25: 0 "
        + num(50 * n)
        + " PCI-MSI 524289-edge eth0\n"
          " 26: 7 7 IO-APIC 8-edge rtc0\n"
          " 27: "
        + num(n)
        + " 0 IO-APIC 1-edge i8042\n"
          " 28: 0 "
        + num(2 * n)
        + " IO-APIC 4-edge ttyS0\n"
          "LOC: "
        + num(1000 * n) + " " + num(1000 * n)
        + " Local timer interrupts\n"
          "ERR: 0\n";
}

} // namespace

class TestInterruptsCharts : public QObject
{
    Q_OBJECT
private slots:
    void busiestSeriesFromScriptedSamples();
    void selectionDrivesTheCharts();
    void hiddenPanelDoesNotRedraw();
    void heatmapGroupsManyCpus();
    void chartHidesAllZeroAndDropsStaleSeries();
    void chartsExistOnlyWhileShown();
    void pointCountIsCappedSpikesAndGapsKept();
    void historyRangeHidesAndShowsAgain();
    void xAxisSpansTheChosenRange();
    void selectedSeriesGetDistinctStableColours();
    void coloursReadOnADarkPalette();
    void legendShowsFullNamesWithTooltips();
    void ratesReadTheSameEverywhere();
    void aReplayJumpStartsTheChartsAgain();
};

namespace {

// Selects the rows with `keys` in the panel's table.
void selectKeys(InterruptsPanel& panel, const QStringList& keys)
{
    QSortFilterProxyModel* proxy = panel.proxy();
    QItemSelection selection;
    for (int r = 0; r < proxy->rowCount(); ++r) {
        if (keys.contains(proxy->index(r, 0).data(InterruptsModel::KeyRole).toString()))
            selection.select(proxy->index(r, 0), proxy->index(r, proxy->columnCount() - 1));
    }
    panel.view()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

double oldestX(const QList<QPointF>& pts)
{
    double x = 0;
    for (const QPointF& p : pts)
        x = std::min(x, p.x());
    return x;
}

} // namespace

void TestInterruptsCharts::busiestSeriesFromScriptedSamples()
{
    InterruptsPanel panel(InterruptsModel::Kind::Hardware);
    panel.resize(1200, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    IrqRates rates;
    for (std::uint64_t n = 0; n < 4; ++n)
        panel.applySnapshot(snapshot(rates, tick(n), 100.0 + double(n)));

    // Top 5 by rate: LOC 2000, 24 400, 25 50, 28 2, 27 1; never the single-count ERR.
    QCOMPARE(panel.chartedKeys(), (QStringList { "LOC", "24", "25", "28", "27" }));
    TimeSeriesChart* chart = panel.rateChart();
    QCOMPARE(chart->seriesNames(),
        (QStringList { "LOC Local timer interrupts", "IRQ 24 nvme0q0", "IRQ 25 eth0",
            "IRQ 28 ttyS0", "IRQ 27 i8042" }));
    QCOMPARE(chart->yAxisTitle(), QStringLiteral("interrupts/s"));
    // Three intervals of history, x relative to the newest sample, y the rate.
    QCOMPARE(
        chart->points("IRQ 24 nvme0q0"), (QList<QPointF> { { -2, 400 }, { -1, 400 }, { 0, 400 } }));
    QCOMPARE(chart->points("IRQ 25 eth0"), (QList<QPointF> { { -2, 50 }, { -1, 50 }, { 0, 50 } }));
    QVERIFY(chart->hoverText("IRQ 24 nvme0q0", -0.9).contains("400 interrupts/s"));

    // Per CPU: everything summed, ERR excluded (it is not per CPU).
    QCOMPARE(panel.cpuChart()->seriesNames(), (QStringList { "CPU 0", "CPU 1" }));
    QCOMPARE(panel.cpuChart()->points(0).last(), QPointF(0, 1000 + 100 + 1));
    QCOMPARE(panel.cpuChart()->points(1).last(), QPointF(0, 1000 + 300 + 50 + 2));

    // Distribution of the charted rows: IRQ 24 splits 25 % / 75 %.
    DistributionBars* bars = panel.distribution();
    QCOMPARE(bars->groupCount(), 5);
    QCOMPARE(bars->listedCpus(), (std::vector<int> { 0, 1 }));
    QCOMPARE(bars->share(1, 0), 0.25);
    QCOMPARE(bars->share(1, 1), 0.75);
    QCOMPARE(bars->share(2, 1), 1.0);

    // Heatmap: the rows with interrupts in the last interval, busiest first; idle 26 left out.
    IrqHeatmap* heat = panel.heatmap();
    QCOMPARE(heat->rowCount(), 5);
    QCOMPARE(heat->columnCount(), 2);
    QCOMPARE(heat->cellValue(1, 1), 300.0); // IRQ 24 on CPU 1
    QVERIFY(heat->cellText(1, 1).contains("CPU 1"));
}

void TestInterruptsCharts::selectionDrivesTheCharts()
{
    InterruptsPanel panel(InterruptsModel::Kind::Hardware);
    panel.resize(1200, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    IrqRates rates;
    for (std::uint64_t n = 0; n < 3; ++n)
        panel.applySnapshot(snapshot(rates, tick(n), double(n)));
    // Select IRQ 26 (idle) and IRQ 25 in the table.
    QSortFilterProxyModel* proxy = panel.proxy();
    QItemSelection selection;
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const QString key = proxy->index(r, 0).data(InterruptsModel::KeyRole).toString();
        if (key == "25" || key == "26")
            selection.select(proxy->index(r, 0), proxy->index(r, proxy->columnCount() - 1));
    }
    panel.view()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    QCOMPARE(panel.rateChart()->seriesNames().size(), 2);
    QVERIFY(panel.rateChart()->seriesNames().contains("IRQ 26 rtc0"));
    // The idle IRQ's series stays hidden: all zero over the window.
    QCOMPARE(panel.rateChart()->visibleSeriesNames(), (QStringList { "IRQ 25 eth0" }));
    // The next tick updates exactly the two selected series: one replace each.
    const int before = panel.rateChart()->replaceCount();
    panel.applySnapshot(snapshot(rates, tick(3), 3.0));
    QCOMPARE(panel.rateChart()->replaceCount() - before, 2);
    QCOMPARE(panel.rateChart()->points("IRQ 25 eth0").size(), 3);
}

void TestInterruptsCharts::hiddenPanelDoesNotRedraw()
{
    InterruptsPanel panel(InterruptsModel::Kind::Hardware);
    panel.resize(1000, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    IrqRates rates;
    panel.applySnapshot(snapshot(rates, tick(0), 0));
    panel.applySnapshot(snapshot(rates, tick(1), 1));
    const int redraws = panel.redrawCount();
    const int replaces = panel.rateChart()->replaceCount();
    panel.hide();
    for (std::uint64_t n = 2; n < 6; ++n)
        panel.applySnapshot(snapshot(rates, tick(n), double(n)));
    QCOMPARE(panel.redrawCount(), redraws);
    QCOMPARE(panel.rateChart()->replaceCount(), replaces);
    QCOMPARE(panel.history().row("24")->size(), 5u); // history kept while hidden
    panel.show();
    QCOMPARE(panel.redrawCount(), redraws + 1); // one catch-up redraw, not one per missed tick
    QCOMPARE(panel.rateChart()->points("IRQ 24 nvme0q0").size(), 5);
}

void TestInterruptsCharts::heatmapGroupsManyCpus()
{
    IrqHeatmap heat;
    std::vector<int> cpus(256);
    for (int i = 0; i < 256; ++i)
        cpus[std::size_t(i)] = i;
    std::vector<double> values(2 * 256, 0.0);
    values[5] = 10; // row 0, CPU 5
    values[6] = 20; // row 0, CPU 6
    values[256 + 255] = 7; // row 1, CPU 255
    heat.setData({ "IRQ 24", "IRQ 25" }, cpus, values, "interrupts/s");
    heat.resize(600, 200);
    QCOMPARE(heat.columnCount(), 256);
    heat.setGroupSize(8);
    QCOMPARE(heat.columnCount(), 32);
    QCOMPARE(heat.cellValue(0, 0), 30.0);
    QCOMPARE(heat.cellValue(1, 31), 7.0);
    QCOMPARE(heat.columnLabel(31), QStringLiteral("CPU 248-255"));
    // Fixed cells scroll instead of squeezing 256 columns into the width.
    heat.setGroupSize(1);
    heat.show();
    QVERIFY(QTest::qWaitForWindowExposed(&heat));
    QVERIFY(heat.horizontalScrollBar()->maximum() > 0);
}

void TestInterruptsCharts::chartHidesAllZeroAndDropsStaleSeries()
{
    TimeSeriesChart chart("t", "interrupts/s");
    RingBuffer<double> times(10);
    RingBuffer<float> busy(10);
    RingBuffer<float> idle(10);
    for (int i = 0; i < 4; ++i) {
        times.push(double(i));
        busy.push(float(i * 10));
        idle.push(0.0f);
    }
    // Never shown: no Qt Charts objects, and feeding it is a no-op.
    chart.setSeries({ { "busy", RateSeries(times, busy) } }, 3.0);
    QVERIFY(!chart.chart());
    QCOMPARE(chart.replaceCount(), 0);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QVERIFY(chart.chart());
    chart.setSeries(
        { { "busy", RateSeries(times, busy) }, { "idle", RateSeries(times, idle) } }, 3.0);
    QCOMPARE(chart.seriesNames(), (QStringList { "busy", "idle" }));
    QCOMPARE(chart.visibleSeriesNames(), (QStringList { "busy" }));
    QCOMPARE(chart.points("busy").last(), QPointF(0, 30));
    QVERIFY(chart.chart()->title().contains("1 all-zero series hidden"));
    chart.setSeries({ { "idle", RateSeries(times, idle) } }, 3.0);
    QCOMPARE(chart.seriesNames(), (QStringList { "idle" }));
    QVERIFY(chart.points("busy").isEmpty());
    QCOMPARE(chart.chart()->series().size(), 1);
}

void TestInterruptsCharts::aReplayJumpStartsTheChartsAgain()
{
    InterruptsPanel panel(InterruptsModel::Kind::Hardware);
    panel.resize(1200, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    IrqRates rates;
    for (std::uint64_t n = 10; n < 15; ++n)
        panel.applySnapshot(snapshot(rates, tick(n), double(n)));
    QCOMPARE(panel.rateChart()->points("IRQ 24 nvme0q0").size(), 4);
    QCOMPARE(panel.cpuChart()->points(1).size(), 4);
    // A replay seeks back to second 3: its source says so; the charts hold only that moment on,
    // not the later seconds drawn as if they were its past.
    rates.clear();
    (void)rates.update(2.0, { 0, 1 }, IrqRates::views(parseInterrupts(tick(2)).value().rows));
    auto jumped = snapshot(rates, tick(3), 3.0);
    std::const_pointer_cast<InterruptsSnapshot>(jumped)->timelineRestarted = true;
    panel.applySnapshot(jumped);
    QCOMPARE(panel.rateChart()->points("IRQ 24 nvme0q0"), (QList<QPointF> { { 0, 400 } }));
    QCOMPARE(panel.cpuChart()->points(1).size(), 1);
    // And they go on from there.
    panel.applySnapshot(snapshot(rates, tick(4), 4.0));
    QCOMPARE(
        panel.rateChart()->points("IRQ 24 nvme0q0"), (QList<QPointF> { { -1, 400 }, { 0, 400 } }));
}

void TestInterruptsCharts::chartsExistOnlyWhileShown()
{
    InterruptsPanel panel(InterruptsModel::Kind::Hardware);
    panel.resize(1200, 900);
    IrqRates rates;
    // Fed while never shown: history only.
    for (std::uint64_t n = 0; n < 4; ++n)
        panel.applySnapshot(snapshot(rates, tick(n), double(n)));
    QVERIFY(!panel.rateChart()->chart());
    QVERIFY(panel.cpuChart()->points(1).isEmpty()); // painted: nothing computed while hidden
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(panel.rateChart()->chart());
    QCOMPARE(panel.rateChart()->points("IRQ 24 nvme0q0").size(), 3);
    QCOMPARE(panel.cpuChart()->points(1).size(), 3);

    // The "Per-CPU distribution" tab hides the charts: they drop their Qt Charts objects...
    auto* lower = panel.findChild<QTabWidget*>();
    QVERIFY(lower);
    lower->setCurrentIndex(1);
    QVERIFY(!panel.rateChart()->chart());
    QVERIFY(panel.cpuChart()->points(1).isEmpty());
    panel.applySnapshot(snapshot(rates, tick(4), 4.0)); // ...and ticks only extend the history
    // ...and come back from the history, including the tick that arrived meanwhile.
    lower->setCurrentIndex(0);
    QVERIFY(panel.rateChart()->chart());
    QCOMPARE(panel.rateChart()->points("IRQ 24 nvme0q0"),
        (QList<QPointF> { { -3, 400 }, { -2, 400 }, { -1, 400 }, { 0, 400 } }));
    QCOMPARE(panel.rateChart()->chart()->series().size(), 5);

    // Hiding the panel (another page) drops them too; showing it rebuilds them, even when no
    // tick arrived in between.
    panel.hide();
    QVERIFY(!panel.rateChart()->chart());
    panel.show();
    QVERIFY(panel.rateChart()->chart());
    QCOMPARE(panel.rateChart()->points("IRQ 24 nvme0q0").size(), 4);
    QCOMPARE(panel.cpuChart()->points(0).last(), QPointF(0, 1000 + 100 + 1));
}

void TestInterruptsCharts::pointCountIsCappedSpikesAndGapsKept()
{
    // Ten minutes at 0.25 s: 2,401 samples, flat at 5/s with one 1-sample spike and a gap.
    const std::size_t n = 2401;
    RingBuffer<double> times(n);
    RingBuffer<float> values(n);
    for (std::size_t i = 0; i < n + 100; ++i) { // wrapped: absolute indexes do not start at 0
        times.push(double(i) * 0.25);
        float v = 5.0f;
        if (i == 1337)
            v = 900.0f;
        else if (i >= 2000 && i < 2100)
            v = std::numeric_limits<float>::quiet_NaN();
        values.push(v);
    }
    const RateSeries series(times, values);
    QCOMPARE(series.size(), n); // the history keeps every sample
    TimeSeriesChart chart("t", "interrupts/s");
    chart.resize(900, 300);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const double now = times.newest();
    chart.setSeries({ { "irq", series } }, now);
    const QList<QPointF> pts = chart.points("irq");
    QVERIFY2(pts.size() <= ChartHost::kMaxPoints, qPrintable(QString::number(pts.size())));
    QVERIFY(pts.size() >= 100);
    QVERIFY(pts.size() <= chart.maxPoints());
    double peak = 0;
    for (const QPointF& p : pts) {
        peak = std::max(peak, p.y());
        // No point inside the gap: it stays a gap, not a 0 or an interpolated value.
        QVERIFY2(!(p.x() > 2000 * 0.25 - now && p.x() < 2099 * 0.25 - now),
            qPrintable(QString::number(p.x())));
        QVERIFY(p.y() == 5.0 || p.y() == 900.0);
    }
    QCOMPARE(peak, 900.0); // the spike survives bucketing, at its own time
    QVERIFY(pts.contains(QPointF(1337 * 0.25 - now, 900.0)));
    QCOMPARE(pts.last().x(), 0.0);
    // Redrawn one tick later, the points do not reshuffle: the same buckets, one more sample.
    times.push(double(n + 100) * 0.25);
    values.push(5.0f);
    chart.setSeries({ { "irq", RateSeries(times, values) } }, times.newest());
    QVERIFY(chart.points("irq").contains(QPointF(1337 * 0.25 - times.newest(), 900.0)));
    QVERIFY(chart.points("irq").size() <= chart.maxPoints());
}

void TestInterruptsCharts::historyRangeHidesAndShowsAgain()
{
    // 10 min -> 1 min -> 10 min shows the 10 minutes again: the history keeps the longest range,
    // the History box only chooses how much of it the charts show.
    InterruptsPage page;
    page.setIntervalMs(1000);
    page.resize(1200, 900);
    IrqRates rates;
    for (std::uint64_t n = 0; n <= 700; ++n) // recorded while the page is hidden
        page.applySnapshot(snapshot(rates, tick(n), double(n)));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    TimeSeriesChart* chart = page.hardware()->rateChart();
    QCOMPARE(page.historySeconds(), 600.0);
    QVERIFY(oldestX(chart->points("IRQ 24 nvme0q0")) <= -595.0);

    page.setHistorySeconds(60);
    QCOMPARE(oldestX(chart->points("IRQ 24 nvme0q0")), -60.0);
    QCOMPARE(chart->xAxisRange(), std::pair(-60.0, 0.0));
    // Whole seconds, as the table counts them (a value axis's default would print "-60.0").
    QCOMPARE(chart->xAxisLabels(), QStringList({ "-60", "-50", "-40", "-30", "-20", "-10", "0" }));
    // Still kept: the ten minutes, not one.
    QCOMPARE(page.keptSeconds(), 600.0);
    QCOMPARE(page.hardware()->history().capacity(), historyCapacityFor(600, 1000));
    QCOMPARE(chart->sampleCount(), std::size_t(601));
    page.applySnapshot(snapshot(rates, tick(701), 701.0)); // a tick while 1 minute is shown

    page.setHistorySeconds(600);
    // 601 samples bucketed into the plot's points: the oldest drawn is within a bucket of -600.
    QVERIFY(oldestX(chart->points("IRQ 24 nvme0q0")) <= -595.0);
    QVERIFY(oldestX(chart->points("IRQ 24 nvme0q0")) >= -600.0);
    QCOMPARE(chart->xAxisRange(), std::pair(-600.0, 0.0));
    QCOMPARE(chart->xAxisLabels(), QStringList({ "-600", "-480", "-360", "-240", "-120", "0" }));
    QVERIFY(oldestX(page.hardware()->cpuChart()->points(1)) <= -595.0);
    // The History box drives the same thing.
    QComboBox* box = page.historyBox();
    box->setCurrentIndex(box->findData(60));
    emit box->activated(box->currentIndex());
    QCOMPARE(chart->xAxisRange(), std::pair(-60.0, 0.0));
    // A longer range grows what is kept (and keeps it): an hour at 1 s.
    page.setHistorySeconds(3600);
    page.setHistorySeconds(300);
    QCOMPARE(page.keptSeconds(), 3600.0);
    QCOMPARE(page.hardware()->history().capacity(), historyCapacityFor(3600, 1000));
    QCOMPARE(page.soft()->history().capacity(), historyCapacityFor(3600, 1000));
    QCOMPARE(chart->xAxisRange(), std::pair(-300.0, 0.0));
}

void TestInterruptsCharts::xAxisSpansTheChosenRange()
{
    // Only 20 s recorded: the axis still spans the chosen minute, the data fills its right end.
    InterruptsPage page;
    page.resize(1200, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    IrqRates rates;
    for (std::uint64_t n = 0; n <= 20; ++n)
        page.applySnapshot(snapshot(rates, tick(n), double(n)));
    page.setHistorySeconds(60);
    QCOMPARE(page.hardware()->rateChart()->xAxisRange(), std::pair(-60.0, 0.0));
    QCOMPARE(page.hardware()->cpuChart()->range(), 60.0);
    page.setHistorySeconds(300);
    QCOMPARE(page.hardware()->rateChart()->xAxisRange(), std::pair(-300.0, 0.0));
    QCOMPARE(oldestX(page.hardware()->rateChart()->points("IRQ 24 nvme0q0")), -19.0);
}

void TestInterruptsCharts::selectedSeriesGetDistinctStableColours()
{
    InterruptsPanel panel(InterruptsModel::Kind::Hardware);
    panel.resize(1200, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    IrqRates rates;
    for (std::uint64_t n = 0; n < 3; ++n)
        panel.applySnapshot(snapshot(rates, tick(n), double(n)));
    TimeSeriesChart* chart = panel.rateChart();
    // Six selected rows (more than Qt Charts' five theme colours): six different colours.
    selectKeys(panel, { "24", "25", "26", "27", "28", "LOC" });
    QSet<QRgb> seen;
    for (const QString& name : chart->seriesNames())
        seen.insert(chart->seriesColour(name).rgb());
    QCOMPARE(seen.size(), 6);
    // Two neighbours (38 and 39 on the VM; 24 and 25 here) never share one.
    selectKeys(panel, { "24", "25" });
    const QColor c25 = chart->seriesColour("IRQ 25 eth0");
    QVERIFY(chart->seriesColour("IRQ 24 nvme0q0") != c25);
    // IRQ 25 keeps its colour while it stays selected, whatever joins or leaves, and ticks pass.
    selectKeys(panel, { "25", "28" });
    QCOMPARE(chart->seriesColour("IRQ 25 eth0"), c25);
    QVERIFY(chart->seriesColour("IRQ 28 ttyS0") != c25);
    panel.applySnapshot(snapshot(rates, tick(3), 3.0));
    QCOMPARE(chart->seriesColour("IRQ 25 eth0"), c25);
    selectKeys(panel, { "LOC", "24", "25", "26", "27", "28" });
    QCOMPARE(chart->seriesColour("IRQ 25 eth0"), c25);

    // The palette: 13 colours that differ from each other on light and dark windows alike.
    for (const QColor& bg : { QColor(Qt::white), QColor(0x35, 0x35, 0x35) }) {
        SeriesPalette palette;
        QStringList keys;
        for (int i = 0; i < SeriesPalette::kDistinctColours; ++i)
            keys << QString::number(i);
        const QList<QColor> colours = palette.colours(keys, bg);
        QSet<QRgb> distinct;
        for (const QColor& c : colours)
            distinct.insert(c.rgb());
        QCOMPARE(distinct.size(), SeriesPalette::kDistinctColours);
        for (const QColor& c : colours)
            QVERIFY2(SeriesPalette::contrast(c, bg) >= 3.0, qPrintable(c.name()));
    }
    QCOMPARE(SeriesPalette::colour(0, Qt::white), QColor(0x00, 0x72, 0xb2)); // Okabe-Ito blue
    QCOMPARE(SeriesPalette::penStyle(0), Qt::SolidLine);
    QCOMPARE(SeriesPalette::penStyle(8), Qt::DashLine); // the extension is told apart by its line
}

void TestInterruptsCharts::coloursReadOnADarkPalette()
{
    InterruptsPanel panel(InterruptsModel::Kind::Hardware);
    panel.resize(1200, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    IrqRates rates;
    for (std::uint64_t n = 0; n < 3; ++n)
        panel.applySnapshot(snapshot(rates, tick(n), double(n)));
    TimeSeriesChart* chart = panel.rateChart();
    // The series drawn in Okabe-Ito blue on the light palette.
    QString blue;
    for (const QString& name : chart->seriesNames()) {
        if (chart->seriesColour(name) == QColor(0x00, 0x72, 0xb2))
            blue = name;
    }
    QVERIFY(!blue.isEmpty());
    // Fusion's usual dark palette: a dark window, light text.
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::WindowText, Qt::white);
    dark.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
    dark.setColor(QPalette::Text, Qt::white);
    dark.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
    panel.setPalette(dark);
    QCoreApplication::processEvents();
    const QColor onDark = chart->seriesColour(blue);
    // Okabe-Ito blue is too dark on a dark window (2.4:1): a lighter blue in its place.
    QVERIFY(onDark != QColor(0x00, 0x72, 0xb2));
    QVERIFY(onDark.lightnessF() > QColor(0x00, 0x72, 0xb2).lightnessF());
    for (const QString& name : chart->seriesNames())
        QVERIFY2(
            SeriesPalette::contrast(chart->seriesColour(name), dark.color(QPalette::Window)) >= 3.0,
            qPrintable(name));
}

void TestInterruptsCharts::legendShowsFullNamesWithTooltips()
{
    InterruptsPanel panel(InterruptsModel::Kind::Hardware);
    panel.resize(1200, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    IrqRates rates;
    for (std::uint64_t n = 0; n < 3; ++n)
        panel.applySnapshot(snapshot(rates, tick(n), double(n)));
    QCoreApplication::processEvents(); // the layout gives the legend the rows it asks for
    ChartLegend* legend = panel.rateChart()->legend();
    QVERIFY(legend->isVisible());
    QCOMPARE(legend->entryCount(), 5);
    QCOMPARE(legend->entry(0).name, QStringLiteral("LOC Local timer interrupts"));
    // At the chart's width every name is shown whole (the rows wrap instead of cutting).
    for (int i = 0; i < legend->entryCount(); ++i)
        QCOMPARE(legend->shownText(i), legend->entry(i).name);
    QVERIFY(legend->height() >= legend->heightForWidth(legend->width()));
    // Hovering an entry names it in full, with its newest value.
    const QString tip = legend->toolTipAt(legend->entryRect(0).center());
    QVERIFY2(tip.contains("LOC Local timer interrupts"), qPrintable(tip));
    QVERIFY2(tip.contains("2000 interrupts/s"), qPrintable(tip));
    // Too narrow for a name: elided on screen, whole in the tooltip.
    ChartLegend narrow;
    narrow.setEntries({ { "LOC Local timer interrupts", Qt::blue, Qt::SolidLine, {} } });
    narrow.resize(90, narrow.heightForWidth(90));
    QVERIFY(narrow.shownText(0) != "LOC Local timer interrupts");
    QVERIFY(narrow.shownText(0).endsWith(QChar(0x2026)));
    QCOMPARE(narrow.toolTipAt(narrow.entryRect(0).center()), "LOC Local timer interrupts");
    QVERIFY(narrow.toolTipAt(QPoint(89, narrow.height() - 1)).isEmpty()
        || narrow.entryRect(0).contains(QPoint(89, narrow.height() - 1)));
}

void TestInterruptsCharts::ratesReadTheSameEverywhere()
{
    // Integers from 10 up, one decimal below: never "3.00" beside "20.0".
    QCOMPARE(fmt::rate(3), QStringLiteral("3.0"));
    QCOMPARE(fmt::rate(1), QStringLiteral("1.0"));
    QCOMPARE(fmt::rate(20), QStringLiteral("20"));
    QCOMPARE(fmt::rate(3000), QStringLiteral("3000"));
    QCOMPARE(fmt::rate(9.96), QStringLiteral("10.0"));
    QCOMPARE(fmt::rate(0.2), QStringLiteral("0.2"));
    QCOMPARE(fmt::rate(0), QStringLiteral("0"));
    QCOMPARE(fmt::rate(0.01), QStringLiteral("<0.1"));
    QCOMPARE(fmt::rate(std::nan("")), QString());

    InterruptsPanel panel(InterruptsModel::Kind::Hardware);
    panel.resize(1200, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    IrqRates rates;
    for (std::uint64_t n = 0; n < 3; ++n)
        panel.applySnapshot(snapshot(rates, tick(n), double(n)));
    // IRQ 28 at 2/s and IRQ 25 at 50/s: the table, the legend, the hover and the axis agree.
    InterruptsModel* model = panel.model();
    const int rateColumn = model->columnOf(InterruptsModel::Rate);
    QCOMPARE(model->index(model->rowOfKey("28"), rateColumn).data().toString(), "2.0");
    QCOMPARE(model->index(model->rowOfKey("25"), rateColumn).data().toString(), "50");
    TimeSeriesChart* chart = panel.rateChart();
    QVERIFY(chart->hoverText("IRQ 28 ttyS0", 0).contains("2.0 interrupts/s"));
    QVERIFY(chart->hoverText("IRQ 25 eth0", 0).contains("50 interrupts/s"));
    ChartLegend* legend = chart->legend();
    for (int i = 0; i < legend->entryCount(); ++i) {
        if (legend->entry(i).name == "IRQ 28 ttyS0")
            QVERIFY(legend->entry(i).toolTip.contains("2.0 interrupts/s"));
    }
    selectKeys(panel, { "28" });
    QCOMPARE(chart->yAxisLabels(), (QStringList { "0", "1.0", "2.0", "3.0", "4.0", "5.0" }));
    selectKeys(panel, { "24" });
    QCOMPARE(chart->yAxisLabels(), (QStringList { "0", "100", "200", "300", "400", "500" }));
}

QTEST_MAIN(TestInterruptsCharts)
#include "tst_interrupts_charts.moc"
