// SPDX-License-Identifier: GPL-3.0-or-later
// The summary strip above the process table gets new figures every refresh. Figures that fit the
// room their labels already have must not lay out the page around the strip again (each such
// layout ended in a repaint of the whole page); a figure that needs more room must get it.

#include "tests/support/EventCounter.h"
#include "ui/processes/SystemSummaryBar.h"

#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QVBoxLayout>
#include <memory>
#include <vector>

using namespace pg;
using pgtest::EventCounter;

namespace {

ProcessSnapshot snapshotAt(double upSeconds, double cpuPercent, std::uint64_t threads)
{
    ProcessSnapshot s;
    s.system.cpuBusyPercent = cpuPercent;
    s.system.cpuCount = 2;
    s.system.uptime = Uptime { upSeconds, 0 };
    s.threadCount = threads;
    return s;
}

void settle()
{
    for (int i = 0; i < 6; ++i)
        QTest::qWait(10);
}

QLabel* labelStartingWith(const SystemSummaryBar& bar, const QString& start)
{
    for (QLabel* label : bar.findChildren<QLabel*>()) {
        if (label->text().startsWith(start))
            return label;
    }
    return nullptr;
}

} // namespace

class TestSummaryStripLayout : public QObject
{
    Q_OBJECT
private slots:
    void newFiguresOfTheSameWidthLayOutNothing();
    void aLongerFigureGetsItsRoom();
    void unchangedFiguresRepaintNothing();
};

void TestSummaryStripLayout::newFiguresOfTheSameWidthLayOutNothing()
{
    QWidget page;
    auto* layout = new QVBoxLayout(&page);
    auto* bar = new SystemSummaryBar;
    layout->addWidget(bar);
    layout->addWidget(new QLineEdit);
    bar->applySnapshot(snapshotAt(3 * 3600 + 20 * 60, 37.5, 400));
    page.resize(900, 200);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    settle();
    EventCounter counter(QEvent::LayoutRequest);
    page.installEventFilter(&counter);
    // The next refreshes: other figures, none needing more room than the first ones had.
    for (int i = 1; i <= 5; ++i) {
        bar->applySnapshot(snapshotAt(3 * 3600 + 20 * 60 + i, 37.5 - i, 400 + i));
        settle();
    }
    QCOMPARE(counter.count, 0);
    QLabel* cpu = labelStartingWith(*bar, QStringLiteral("<b>CPU</b>"));
    QVERIFY(cpu);
    QVERIFY2(cpu->text().contains(QStringLiteral("32.5")), qPrintable(cpu->text()));
    QVERIFY(cpu->width() >= cpu->sizeHint().width());
}

void TestSummaryStripLayout::aLongerFigureGetsItsRoom()
{
    QWidget page;
    auto* layout = new QVBoxLayout(&page);
    auto* bar = new SystemSummaryBar;
    layout->addWidget(bar);
    bar->applySnapshot(snapshotAt(5, 1, 10));
    page.resize(1400, 100);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    settle();
    QLabel* tasks = labelStartingWith(*bar, QStringLiteral("<b>Tasks</b>"));
    QVERIFY(tasks);
    const int before = tasks->width();
    bar->applySnapshot(snapshotAt(6, 1, 1234567890));
    settle();
    QVERIFY(tasks->sizeHint().width() > before);
    QVERIFY2(tasks->width() >= tasks->sizeHint().width(),
        qPrintable(QStringLiteral("%1 < %2").arg(tasks->width()).arg(tasks->sizeHint().width())));
    // Much shorter again: the label gives the room back.
    bar->applySnapshot(snapshotAt(7, 1, 1));
    settle();
    QVERIFY(tasks->width() < tasks->sizeHint().width() * 4 / 3 + 1);
}

void TestSummaryStripLayout::unchangedFiguresRepaintNothing()
{
    // A refresh that shows the same figures (a replay paused, a quiet second) leaves every label
    // alone; one new figure repaints its own label only.
    QWidget page;
    auto* layout = new QVBoxLayout(&page);
    auto* bar = new SystemSummaryBar;
    layout->addWidget(bar);
    bar->applySnapshot(snapshotAt(100, 12.5, 40));
    page.resize(1400, 100);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    settle();
    const QList<QLabel*> labels = bar->findChildren<QLabel*>();
    QVERIFY(labels.size() >= 6);
    std::vector<std::unique_ptr<EventCounter>> counters;
    for (QLabel* label : labels) {
        counters.push_back(std::make_unique<EventCounter>());
        label->installEventFilter(counters.back().get());
    }
    bar->applySnapshot(snapshotAt(100, 12.5, 40));
    settle();
    for (const auto& c : counters)
        QCOMPARE(c->count, 0);
    bar->applySnapshot(snapshotAt(100, 50, 40));
    settle();
    QLabel* cpu = labelStartingWith(*bar, QStringLiteral("<b>CPU</b>"));
    QVERIFY(cpu);
    QVERIFY2(cpu->text().contains(QStringLiteral("50")), qPrintable(cpu->text()));
    int painted = 0;
    for (std::size_t i = 0; i < counters.size(); ++i) {
        if (counters[i]->count > 0) {
            ++painted;
            QCOMPARE(labels[static_cast<qsizetype>(i)], cpu);
        }
    }
    QCOMPARE(painted, 1);
}

QTEST_MAIN(TestSummaryStripLayout)
#include "tst_summary_strip_layout.moc"
