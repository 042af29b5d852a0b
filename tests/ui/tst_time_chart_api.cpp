// SPDX-License-Identifier: GPL-3.0-or-later
// Every time chart is fed the same way through TimeChart (ui/charts/TimeChart.h): the Qt Charts
// chart of the Interrupts page and the painted CPU stack and Activity charts of the System page.
// The same script of calls gives each the same kept samples, the same range and the same drawn
// window; a shorter range hides samples a longer one shows again; new series start empty.

#include "ui/charts/CpuStackChart.h"
#include "ui/charts/RateChart.h"
#include "ui/charts/TimeSeriesChart.h"
#include "ui/system/MemoryHistoryChart.h"

#include <QTest>
#include <cmath>
#include <functional>
#include <memory>

using namespace pg;

namespace {

struct Subject
{
    QWidget* widget;
    TimeChart* chart;
    QStringList names;
    // The drawn points of series k, as (seconds before the newest sample, value).
    std::function<QList<QPointF>(int)> points;
};

double oldestX(const QList<QPointF>& pts)
{
    double x = 0;
    for (const QPointF& p : pts)
        x = std::min(x, p.x());
    return x;
}

} // namespace

class TestTimeChartApi : public QObject
{
    Q_OBJECT
private slots:
    void everyChartIsFedTheSameWay();
    void backlogIsOneRedraw();
};

void TestTimeChartApi::everyChartIsFedTheSameWay()
{
    auto* series = new TimeSeriesChart("irq", "interrupts/s");
    auto* rate = new RateChart("ctxt", "switches/s", { "a" });
    auto* stack = new CpuStackChart("cpu", false);
    auto* memory = new MemoryHistoryChart();
    const QStringList stackNames { "u", "n", "s", "i", "si", "w", "st" };
    std::vector<Subject> subjects {
        { series, series, { "a", "b" },
            [series](int k) { return series->points(series->seriesNames().value(k)); } },
        { rate, rate, { "a", "b" }, [rate](int k) { return rate->points(k); } },
        { stack, stack, stackNames, [stack](int k) { return stack->points(k); } },
        { memory, memory, memory->seriesNames(),
            [memory](int k) {
                const std::vector<QPointF> p = memory->points(MemoryHistoryChart::Series(k));
                return QList<QPointF>(p.begin(), p.end());
            } },
    };
    for (Subject& s : subjects) {
        std::unique_ptr<QWidget> owner(s.widget);
        s.widget->resize(800, 400);
        s.widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(s.widget));
        TimeChart* c = s.chart;
        c->setCapacity(200);
        c->setRange(120);
        c->setSeries(s.names, {});
        QCOMPARE(c->seriesNames(), s.names);
        QCOMPARE(c->range(), 120.0);
        // 300 samples, one a second: the ring keeps 200; 120 s of them are drawn.
        for (int t = 0; t < 300; ++t) {
            std::vector<double> values(static_cast<std::size_t>(s.names.size()), 1.0);
            c->append(double(t), values);
        }
        QCOMPARE(c->sampleCount(), std::size_t(200));
        QCOMPARE(oldestX(s.points(0)), -120.0);
        QCOMPARE(s.points(0).last().x(), 0.0);
        c->setRange(30); // shrinking hides...
        QCOMPARE(oldestX(s.points(0)), -30.0);
        c->setRange(180); // ...growing shows again, as far as the ring reaches
        QCOMPARE(oldestX(s.points(0)), -180.0);
        c->setRange(600);
        QCOMPARE(oldestX(s.points(0)), -199.0);
        QCOMPARE(c->sampleCount(), std::size_t(200));
        c->clear();
        QCOMPARE(c->sampleCount(), std::size_t(0));
        QVERIFY(s.points(0).isEmpty());
        owner.reset();
    }
}

void TestTimeChartApi::backlogIsOneRedraw()
{
    TimeSeriesChart series("irq", "interrupts/s");
    RateChart rate("ctxt", "switches/s", { "a" });
    for (QWidget* w : { static_cast<QWidget*>(&series), static_cast<QWidget*>(&rate) }) {
        w->resize(800, 400);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
    }
    series.setSeries(QStringList { "a", "b" }, {});
    rate.setSeries(QStringList { "a", "b" }, {});
    std::vector<double> times;
    std::vector<double> values;
    for (int t = 0; t < 50; ++t) {
        times.push_back(t);
        values.push_back(t); // series a
        values.push_back(std::nan("")); // series b: unknown, drawn as nothing
    }
    const int seriesBefore = series.replaceCount();
    const int rateBefore = rate.replaceCount();
    series.appendMany(times, values);
    rate.appendMany(times, values);
    QCOMPARE(series.replaceCount() - seriesBefore, 2); // one replace per series, not per sample
    QCOMPARE(rate.replaceCount() - rateBefore, 2);
    QCOMPARE(series.points("a").size(), 50);
    QCOMPARE(series.points("a").last(), QPointF(0, 49));
    QVERIFY(series.points("b").isEmpty());
    QCOMPARE(rate.points(0).last(), QPointF(0, 49));
    QCOMPARE(rate.lineCount(1), 0);
    // Other names start an empty history; the same names with other colours keep it.
    series.setSeries(QStringList { "a", "b" }, { Qt::red, Qt::blue });
    QCOMPARE(series.sampleCount(), std::size_t(50));
    QCOMPARE(series.seriesColour("b"), QColor(Qt::blue));
    series.setSeries(QStringList { "c" }, {});
    QCOMPARE(series.sampleCount(), std::size_t(0));
}

QTEST_MAIN(TestTimeChartApi)
#include "tst_time_chart_api.moc"
