// SPDX-License-Identifier: GPL-3.0-or-later
// SteadyTabLayout: a label inside a tab page that changes its text (as the process page's summary
// strip does every refresh) repaints itself and not the whole tab widget around it, while a change
// to the tab bar still lays the tab widget out and a change of the page's size hints still reaches
// the tab widget's parent layout.

#include "tests/support/EventCounter.h"
#include "ui/common/SteadyTabLayout.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QVBoxLayout>
#include <memory>

using namespace pg;
using pgtest::EventCounter;

namespace {

// A window holding a tab widget whose first page has a strip of labels above a line edit.
struct Window
{
    std::unique_ptr<QWidget> top = std::make_unique<QWidget>();
    QTabWidget* tabs = nullptr;
    QLabel* value = nullptr;
    QLineEdit* neighbour = nullptr;
    EventCounter neighbourPaints;
    EventCounter barPaints;

    explicit Window(bool steady)
    {
        auto* topLayout = new QVBoxLayout(top.get());
        tabs = new QTabWidget;
        topLayout->addWidget(tabs);
        auto* page = new QWidget;
        auto* pageLayout = new QVBoxLayout(page);
        auto* strip = new QHBoxLayout;
        value = new QLabel(QStringLiteral("<b>CPU</b> 1 %"));
        value->setTextFormat(Qt::RichText);
        strip->addWidget(value);
        strip->addWidget(new QLabel(QStringLiteral("<b>Up</b> 1 s")));
        strip->addStretch(1);
        pageLayout->addLayout(strip);
        neighbour = new QLineEdit(QStringLiteral("filter"));
        pageLayout->addWidget(neighbour);
        pageLayout->addStretch(1);
        tabs->addTab(page, QStringLiteral("Processes"));
        tabs->addTab(new QWidget, QStringLiteral("System"));
        if (steady)
            SteadyTabLayout::install(tabs);
        top->resize(600, 300);
        top->show();
    }

    bool settle()
    {
        if (!QTest::qWaitForWindowExposed(top.get()))
            return false;
        for (int i = 0; i < 5; ++i)
            QTest::qWait(20);
        neighbour->installEventFilter(&neighbourPaints);
        tabs->tabBar()->installEventFilter(&barPaints);
        return true;
    }

    // One refresh's worth: new text, then everything the event loop does with it.
    void setValue(const QString& text)
    {
        value->setText(text);
        for (int i = 0; i < 6; ++i)
            QTest::qWait(10);
    }

    SteadyTabLayout* filter() const { return tabs->findChild<SteadyTabLayout*>(); }
};

const QStringList kTexts { QStringLiteral("<b>CPU</b> 12 %"), QStringLiteral("<b>CPU</b> 7 %"),
    QStringLiteral("<b>CPU</b> 100 %"), QStringLiteral("<b>CPU</b> 3 %"),
    QStringLiteral("<b>CPU</b> 45 % of 2 CPUs") };

} // namespace

class TestSteadyTabLayout : public QObject
{
    Q_OBJECT
private slots:
    void plainTabWidgetRepaintsEverything();
    void labelTextRepaintsOnlyTheLabel();
    void tabBarChangeStillLaysOut();
    void pageHintsStillReachTheParent();
    void installedOnce();
};

// The behaviour worked around (Qt 6.4): without the filter, a label's new text repaints the
// page's other widgets too. If this stops failing, the filter is no longer needed.
void TestSteadyTabLayout::plainTabWidgetRepaintsEverything()
{
    Window w(false);
    QVERIFY(w.settle());
    for (const QString& text : kTexts)
        w.setValue(text);
    QVERIFY2(w.neighbourPaints.count >= 3,
        qPrintable(QStringLiteral("neighbour painted %1 times").arg(w.neighbourPaints.count)));
}

void TestSteadyTabLayout::labelTextRepaintsOnlyTheLabel()
{
    Window w(true);
    QVERIFY(w.settle());
    EventCounter labelPaints;
    w.value->installEventFilter(&labelPaints);
    for (const QString& text : kTexts)
        w.setValue(text);
    QCOMPARE(w.neighbourPaints.count, 0);
    QCOMPARE(w.barPaints.count, 0);
    QVERIFY(labelPaints.count >= kTexts.size()); // the label itself shows every new text
    QVERIFY(w.filter()->skipped() >= 3);
    // The page was still laid out: the label got the width its longest text needs.
    QCOMPARE(w.value->text(), kTexts.last());
    QVERIFY2(w.value->width() >= w.value->sizeHint().width(),
        qPrintable(
            QStringLiteral("%1 < %2").arg(w.value->width()).arg(w.value->sizeHint().width())));
}

void TestSteadyTabLayout::tabBarChangeStillLaysOut()
{
    Window w(true);
    QVERIFY(w.settle());
    const int before = w.tabs->tabBar()->width();
    w.tabs->setTabText(0, QStringLiteral("Processes, threads and everything else they own"));
    for (int i = 0; i < 6; ++i)
        QTest::qWait(10);
    QVERIFY(w.tabs->tabBar()->sizeHint().width() > before);
    QCOMPARE(w.tabs->tabBar()->width(), w.tabs->tabBar()->sizeHint().width());
    QVERIFY(w.barPaints.count > 0);
}

void TestSteadyTabLayout::pageHintsStillReachTheParent()
{
    Window w(true);
    QVERIFY(w.settle());
    const int before = w.top->minimumSizeHint().width();
    w.setValue(QStringLiteral("<b>CPU</b> %1").arg(QString(120, QLatin1Char('x'))));
    QVERIFY(w.tabs->minimumSizeHint().width() > before);
    // The parent's layout sees the tab widget's new minimum (its cached hints were invalidated).
    QVERIFY2(w.top->minimumSizeHint().width() >= w.tabs->minimumSizeHint().width(),
        qPrintable(QStringLiteral("%1 < %2")
                       .arg(w.top->minimumSizeHint().width())
                       .arg(w.tabs->minimumSizeHint().width())));
}

void TestSteadyTabLayout::installedOnce()
{
    QTabWidget tabs;
    SteadyTabLayout::install(&tabs);
    SteadyTabLayout::install(&tabs);
    QCOMPARE(tabs.findChildren<SteadyTabLayout*>().size(), 1);
}

QTEST_MAIN(TestSteadyTabLayout)
#include "tst_steady_tab_layout.moc"
