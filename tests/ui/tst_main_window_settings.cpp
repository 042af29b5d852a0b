// SPDX-License-Identifier: GPL-3.0-or-later
// Settings persistence (issue 6): what a user arranged (refresh interval, sort column, column
// widths and order, window size, last page) comes back in the next session; --interval and --page
// win over the saved values. QStandardPaths' test mode keeps the user's own settings out of it.

#include "tests/support/ProcessWindow.h"
#include "ui/processes/ProcessTableModel.h"
#include "ui/processes/ProcessTablePage.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace pg;

class TestMainWindowSettings : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void layoutAndIntervalComeBack();
    void commandLineWins();
    void shortcutsExist();
    void intervalShownExactly();
    void cycleVisitsEveryTab();
};

void TestMainWindowSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ProcglassTests"));
    QApplication::setApplicationName(QStringLiteral("ProcglassSettingsTest"));
}

void TestMainWindowSettings::init()
{
    QSettings().clear();
}

void TestMainWindowSettings::layoutAndIntervalComeBack()
{
    int movedTo = -1;
    {
        pgtest::ProcessWindow windowApp(AppOptions {});
        MainWindow& window = windowApp.window;
        QCoreApplication::processEvents(); // the deferred layout restore runs on an empty store
        window.resize(900, 640);
        window.setIntervalMs(2000);
        QTreeView* view = windowApp.page->view();
        view->sortByColumn(ProcessTableModel::Pid, Qt::AscendingOrder);
        view->header()->resizeSection(ProcessTableModel::User, 211);
        view->header()->moveSection(view->header()->visualIndex(ProcessTableModel::Command), 1);
        movedTo = view->header()->visualIndex(ProcessTableModel::Command);
        window.saveSettings();
    }
    pgtest::ProcessWindow windowApp(AppOptions {});
    MainWindow& window = windowApp.window;
    QCoreApplication::processEvents();
    QCOMPARE(window.intervalMs(), 2000);
    QTreeView* view = windowApp.page->view();
    QCOMPARE(view->header()->sortIndicatorSection(), int(ProcessTableModel::Pid));
    QCOMPARE(view->header()->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(view->header()->sectionSize(ProcessTableModel::User), 211);
    QCOMPARE(view->header()->visualIndex(ProcessTableModel::Command), movedTo);
    QCOMPARE(window.size(), QSize(900, 640));
    QCOMPARE(QSettings().value(QStringLiteral("window/lastPage")).toString(),
        QStringLiteral("processes"));
}

void TestMainWindowSettings::commandLineWins()
{
    {
        pgtest::ProcessWindow windowApp(AppOptions {});
        MainWindow& window = windowApp.window;
        window.setIntervalMs(5000);
        window.saveSettings();
    }
    AppOptions options;
    options.intervalMs = 500;
    options.intervalSet = true;
    pgtest::ProcessWindow windowApp(options);
    MainWindow& window = windowApp.window;
    QCoreApplication::processEvents();
    QCOMPARE(window.intervalMs(), 500);

    pgtest::ProcessWindow secondApp(AppOptions {});
    MainWindow& second = secondApp.window;
    QCOMPARE(second.intervalMs(), 1000); // restored once the pages are connected, not before
    QSignalSpy changed(&second, &MainWindow::intervalChanged);
    QCoreApplication::processEvents();
    QCOMPARE(second.intervalMs(), 5000);
    // Every sampler and page connected to the window hears the restored interval.
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.front().front().toInt(), 5000);
}

// --interval 250 (the soak's refresh) reads "0.25 s" in the toolbar, not a rounded "0.3 s".
void TestMainWindowSettings::intervalShownExactly()
{
    AppOptions options;
    options.intervalMs = 250;
    options.intervalSet = true;
    pgtest::ProcessWindow windowApp(options);
    MainWindow& window = windowApp.window;
    QCoreApplication::processEvents();
    auto shown = [&window] {
        QStringList texts;
        for (const QComboBox* box : window.findChildren<QComboBox*>())
            if (box->toolTip().contains(QStringLiteral("sampled")))
                texts << box->currentText();
        return texts;
    };
    QCOMPARE(shown(), QStringList { QStringLiteral("0.25 s") });
    window.setIntervalMs(2000);
    QCOMPARE(shown(), QStringList { QStringLiteral("2 s") });
}

// --cycle-pages (the soak test) shows every tab of a page before the next page, so every chart
// and table is built and torn down in turn.
void TestMainWindowSettings::cycleVisitsEveryTab()
{
    pgtest::ProcessWindow windowApp(AppOptions {});
    MainWindow& window = windowApp.window;
    auto* tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("tabbed"));
    for (const char* name : { "one", "two", "three" })
        tabs->addTab(new QWidget, QString::fromLatin1(name));
    window.addPage(QStringLiteral("tabbed"), QStringLiteral("Tabbed"), tabs);
    window.addPage(QStringLiteral("plain"), QStringLiteral("Plain"), new QWidget);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.showPage(QStringLiteral("tabbed")));
    QStringList seen;
    for (int i = 0; i < 5; ++i) {
        seen << window.currentPageId() + QLatin1Char('/') + QString::number(tabs->currentIndex());
        window.showNextView();
    }
    QCOMPARE(seen,
        QStringList(
            { QStringLiteral("tabbed/0"), QStringLiteral("tabbed/1"), QStringLiteral("tabbed/2"),
                QStringLiteral("plain/0"), QStringLiteral("processes/0") }));
}

void TestMainWindowSettings::shortcutsExist()
{
    pgtest::ProcessWindow windowApp(AppOptions {});
    MainWindow& window = windowApp.window;
    QStringList shortcuts;
    for (QAction* action : window.findChildren<QAction*>())
        shortcuts << action->shortcut().toString(QKeySequence::PortableText);
    for (const char* key : { "Ctrl+E", "Ctrl+F", "F5", "Space", "Ctrl+Q" })
        QVERIFY2(shortcuts.contains(QLatin1String(key)), key);
}

QTEST_MAIN(TestMainWindowSettings)
#include "tst_main_window_settings.moc"
