// SPDX-License-Identifier: GPL-3.0-or-later
// Chart value axes: a round ceiling, ticks on round numbers and labels with the decimals the step
// needs (an idle interrupts chart once read "0 0 0 1 1" on its y axis).

#include "ui/charts/NiceAxis.h"

#include <QTest>
#include <cmath>

using namespace pg;

class TestNiceAxis : public QObject
{
    Q_OBJECT
private slots:
    void roundRange_data();
    void roundRange();
    void fineScaleFillsAFixedSize_data();
    void fineScaleFillsAFixedSize();
};

void TestNiceAxis::roundRange_data()
{
    QTest::addColumn<double>("maxValue");
    QTest::addColumn<double>("floor");
    QTest::addColumn<double>("top");
    QTest::addColumn<int>("ticks");
    QTest::addColumn<int>("decimals");
    QTest::newRow("idle") << 0.0 << 1.0 << 1.0 << 6 << 1; // 0.0 0.2 ... 1.0
    QTest::newRow("1.5/s") << 1.5 << 1.0 << 2.0 << 5 << 1; // 0.0 0.5 ...
    QTest::newRow("4/s") << 4.0 << 1.0 << 5.0 << 6 << 0; // 0 1 2 3 4 5
    QTest::newRow("exactly 9.5 -> 10") << 9.5 << 1.0 << 10.0 << 6 << 0;
    QTest::newRow("26,000/s") << 26000.0 << 1.0 << 50000.0 << 6 << 0;
    QTest::newRow("0.15/s, small floor") << 0.15 << 0.01 << 0.2 << 5 << 2;
    QTest::newRow("NaN") << std::nan("") << 1.0 << 1.0 << 6 << 1;
}

void TestNiceAxis::roundRange()
{
    QFETCH(double, maxValue);
    QFETCH(double, floor);
    QFETCH(double, top);
    QFETCH(int, ticks);
    QFETCH(int, decimals);
    const NiceScale scale = niceScale(maxValue, floor);
    QVERIFY2(qFuzzyCompare(scale.top, top), qPrintable(QString::number(scale.top)));
    QCOMPARE(scale.ticks, ticks);
    QCOMPARE(scale.decimals, decimals);
    const QString format = QStringLiteral("%.%1f").arg(decimals);
    // Every tick is a round number in that format: printing it loses nothing.
    const double step = top / (ticks - 1);
    for (int i = 0; i < ticks; ++i) {
        const double tick = i * step;
        const QString shown = QString::asprintf(qPrintable(format), tick);
        QVERIFY2(std::abs(shown.toDouble() - tick) < 1e-9 * std::max(1.0, top), qPrintable(shown));
    }
}

void TestNiceAxis::fineScaleFillsAFixedSize_data()
{
    QTest::addColumn<double>("maxValue");
    QTest::addColumn<double>("top");
    QTest::addColumn<int>("ticks");
    QTest::addColumn<int>("decimals");
    // The memory chart's axis runs to the RAM size: 23.5 GiB reads 0..25, not 0..50.
    QTest::newRow("23.5 GiB") << 23.5 << 25.0 << 6 << 0; // 0 5 10 15 20 25
    QTest::newRow("0.96 GiB (the seed's procinfo)") << 0.962 << 1.5 << 4 << 1; // 0.0 0.5 1.0 1.5
    QTest::newRow("2.8 GiB") << 2.8 << 3.0 << 4 << 0; // 0 1 2 3
    QTest::newRow("3.5 GiB") << 3.5 << 4.0 << 5 << 0;
    QTest::newRow("5.5 GiB") << 5.5 << 6.0 << 4 << 0; // 0 2 4 6
    QTest::newRow("7.5 GiB") << 7.5 << 8.0 << 5 << 0; // 0 2 4 6 8
    QTest::newRow("62.8 GiB") << 62.8 << 80.0 << 5 << 0;
    QTest::newRow("125 GiB") << 125.0 << 150.0 << 4 << 0;
}

void TestNiceAxis::fineScaleFillsAFixedSize()
{
    QFETCH(double, maxValue);
    QFETCH(double, top);
    QFETCH(int, ticks);
    QFETCH(int, decimals);
    const NiceScale scale = fineNiceScale(maxValue);
    QVERIFY2(qFuzzyCompare(scale.top, top), qPrintable(QString::number(scale.top)));
    QCOMPARE(scale.ticks, ticks);
    QCOMPARE(scale.decimals, decimals);
    QVERIFY(scale.top >= maxValue * 1.05);
    // Never wastes more than 30 % of the height (the 1-2-5 scale can waste 50 %).
    QVERIFY(maxValue / scale.top > 0.6);
    const double step = scale.top / (scale.ticks - 1);
    const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
    QVERIFY2(qFuzzyCompare(mantissa, 1.0) || qFuzzyCompare(mantissa, 2.0)
            || qFuzzyCompare(mantissa, 5.0),
        qPrintable(QString::number(step)));
}

QTEST_MAIN(TestNiceAxis)
#include "tst_nice_axis.moc"
