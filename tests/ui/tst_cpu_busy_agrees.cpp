// SPDX-License-Identifier: GPL-3.0-or-later
// One moment, one CPU %: the Processes page's summary strip (SystemSummaryBar) and the System
// page's Summary tab (OverviewSummaryWidget) show the same busy figure when the overview is built
// on the process sample of the same tick, as the SystemSampler does. Also on a tick where iowait
// dips (NO_HZ kernels), which makes the per-state shares unknown but not the busy share.

#include "core/process/ProcessCollector.h"
#include "core/system/SystemOverview.h"
#include "tests/support/FakeProc.h"
#include "ui/processes/SystemSummaryBar.h"
#include "ui/system/OverviewSummaryWidget.h"

#include <QLabel>
#include <QTest>

using namespace pg;

class TestCpuBusyAgrees : public QObject
{
    Q_OBJECT
private slots:
    void summaryAndOverviewShowOneCpuPercent_data();
    void summaryAndOverviewShowOneCpuPercent();
};

namespace {

std::string statText(const char* cpuFields)
{
    return std::string("cpu  ") + cpuFields + "\ncpu0 " + cpuFields + "\ncpu1 " + cpuFields
        + "\nctxt 10\nbtime 1700000000\nprocesses 50\nprocs_running 1\nprocs_blocked 0\n";
}

QString cpuLabelText(const SystemSummaryBar& bar)
{
    for (const QLabel* label : bar.findChildren<QLabel*>()) {
        if (label->text().startsWith(QStringLiteral("<b>CPU</b>")))
            return label->text();
    }
    return QString();
}

} // namespace

void TestCpuBusyAgrees::summaryAndOverviewShowOneCpuPercent_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QString>("busy");
    // user nice system idle iowait irq softirq steal guest guest_nice
    QTest::newRow("steady") << QByteArray("100 0 50 1000 40 0 0 0 0 0")
                            << QByteArray("160 10 70 1100 50 5 5 0 0 0")
                            << QStringLiteral("47.6 %");
    // iowait goes back by 10 while idle goes on: 80 busy ticks out of 170.
    QTest::newRow("iowait dips") << QByteArray("100 0 50 1000 40 0 0 0 0 0")
                                 << QByteArray("160 0 70 1100 30 0 0 0 0 0")
                                 << QStringLiteral("47.1 %");
}

void TestCpuBusyAgrees::summaryAndOverviewShowOneCpuPercent()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QString, busy);

    pgtest::FakeProc fake;
    ProcessCollector::Options processOptions;
    processOptions.procRoot = fake.root().toStdString();
    ProcessCollector processes(processOptions);
    SystemOverviewCollector::Options overviewOptions;
    overviewOptions.procRoot = processOptions.procRoot;
    overviewOptions.sysRoot.clear();
    overviewOptions.readUname = false;
    SystemOverviewCollector overview(overviewOptions);

    // Two ticks, each process sample followed by an overview built on it (SystemSampler's way).
    fake.writeFile(QStringLiteral("stat"), statText(before.constData()));
    const ProcessSnapshot first = processes.sample();
    (void)overview.sampleAt(first.system, 10.0, 10000);
    fake.writeFile(QStringLiteral("stat"), statText(after.constData()));
    const ProcessSnapshot second = processes.sample();
    // The files change again before the overview is built: it must not read them itself.
    fake.writeFile(QStringLiteral("stat"), statText("900 0 900 1200 50 0 0 0 0 0"));
    auto secondOverview
        = std::make_shared<const SystemOverview>(overview.sampleAt(second.system, 11.0, 11000));

    SystemSummaryBar bar;
    bar.applySnapshot(second);
    OverviewSummaryWidget summary;
    summary.apply(secondOverview);

    const QString overviewBusy = summary.figureText(QStringLiteral("cpu.busy.now"));
    QCOMPARE(overviewBusy, busy);
    const QString barText = cpuLabelText(bar);
    QVERIFY2(barText.contains(overviewBusy + QStringLiteral(" of 2 CPUs")), qPrintable(barText));
}

QTEST_MAIN(TestCpuBusyAgrees)
#include "tst_cpu_busy_agrees.moc"
