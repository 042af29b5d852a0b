// SPDX-License-Identifier: GPL-3.0-or-later
// The process page as GNOME System Monitor, KDE and htop users expect it (issue 14): column
// chooser on both views with View > Columns, user filter, toggles remembered across restarts
// (command-line options never saved), the keyboard flow from the filter box into the rows and to
// the context menu, menu mnemonics, Help > Keyboard shortcuts, the tree in the first column with
// the table's sort, the status bar's "1 of N", signals disabled for kernel threads, zombies as
// [comm] and the details pane's share at launch.

#include "tests/support/ProcessWindow.h"
#include "ui/common/HeaderColumnChooser.h"
#include "ui/details/ProcessDetailsPanel.h"
#include "ui/processes/ProcessActionsController.h"
#include "ui/processes/ProcessFilterProxy.h"
#include "ui/processes/ProcessTableModel.h"
#include "ui/processes/ProcessTablePage.h"
#include "ui/processes/ProcessTreeModel.h"
#include "ui/shell/KeyboardShortcuts.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <map>
#include <unistd.h>

using namespace pg;

namespace {

struct P
{
    int pid;
    int ppid = 1;
    const char* comm = nullptr;
    const char* user = "alice";
    std::uint32_t uid = 1000;
    bool kernelThread = false;
    char state = 'S';
    double cpu = 0;
    std::uint64_t resKib = 0;
};

ProcessSnapshotPtr snapshot(const std::vector<P>& list)
{
    static std::uint64_t sequence = 0;
    auto s = std::make_shared<ProcessSnapshot>();
    s->sequence = ++sequence;
    static std::map<std::string, std::shared_ptr<const std::string>> users;
    for (const P& p : list) {
        ProcessInfo info;
        info.key = { p.pid, 100 };
        info.ppid = p.ppid;
        info.state = p.state;
        info.cpuPercent = p.cpu;
        info.resKib = p.resKib;
        info.kernelThread = p.kernelThread;
        auto& user = users[p.user];
        if (!user)
            user = std::make_shared<const std::string>(p.user);
        info.user = user;
        info.uid = p.uid;
        info.uidKnown = true;
        auto names = std::make_shared<ProcessNames>();
        names->comm = p.comm ? p.comm : "proc" + std::to_string(p.pid);
        if (!p.kernelThread)
            names->cmdline = names->comm + " --flag";
        info.names = names;
        s->processes.push_back(info);
    }
    std::sort(s->processes.begin(), s->processes.end(),
        [](const auto& a, const auto& b) { return a.key.pid < b.key.pid; });
    return s;
}

std::uint32_t me()
{
    return ::getuid();
}

// root's processes, unless the test runs as root (then "My processes" are ours alone).
std::uint32_t rootUid()
{
    return me() == 0 ? 99 : 0;
}

// init, two of alice's, one of bob's, one of ours, a kernel thread.
ProcessSnapshotPtr mixed()
{
    return snapshot({ { 1, 0, "init", "root", rootUid() },
        { 10, 1, "editor", "alice", 1000, false, 'S', 2, 500 },
        { 11, 1, "shell", "alice", 1000, false, 'S', 1, 9000 },
        { 20, 1, "server", "bob", 1001, false, 'S', 7, 100 },
        { 30, 1, "mine", "me", me(), false, 'S', 0, 50 },
        { 40, 2, "kworker/0:1", "root", rootUid(), true, 'I' } });
}

QStringList pidsShown(const QAbstractItemModel* model)
{
    QStringList pids;
    for (int r = 0; r < model->rowCount(); ++r)
        pids << model->index(r, 0).data(ProcessTableModel::PidRole).toString();
    pids.sort();
    return pids;
}

QString statusText(MainWindow& window)
{
    for (QLabel* label : window.statusBar()->findChildren<QLabel*>()) {
        if (label->text().contains(QStringLiteral("processes")))
            return label->text();
    }
    return {};
}

} // namespace

class TestProcessPageUx final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void columnChooserOnBothViews();
    void viewColumnsMenuMatchesHeader();
    void userFilter();
    void togglesRemembered();
    void commandLineNeverSaved();
    void downFromFilterSelectsFirstRow();
    void singleMatchSelectedWithHome();
    void keyboardContextMenu();
    void mnemonicsDoNotClash();
    void tabOrderFilterThenTable();
    void shortcutListHasEveryAction();
    void treeFirstColumnKeepsSort();
    void treeGroupsIdenticalChildren();
    void statusSaysHowManyShown();
    void kernelThreadSignalsDisabled();
    void zombieShowsBracketedName();
    void detailsPaneShareAtLaunch();
};

void TestProcessPageUx::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ProcglassTests"));
    QApplication::setApplicationName(QStringLiteral("ProcglassPageUxTest"));
}

void TestProcessPageUx::init()
{
    QSettings().clear();
}

void TestProcessPageUx::columnChooserOnBothViews()
{
    {
        ProcessTablePage page;
        page.applySnapshot(mixed());
        HeaderColumnChooser* chooser = HeaderColumnChooser::of(page.view()->header());
        QVERIFY(chooser);
        QCOMPARE(chooser, page.columnChooser());
        QVERIFY(HeaderColumnChooser::of(page.treeView()->header()));
        QSignalSpy visibility(&page, &ProcessTablePage::columnVisibilityChanged);
        QVERIFY(page.isColumnVisible(ProcessTableModel::Shr));
        chooser->setColumnVisible(ProcessTableModel::Shr, false);
        QVERIFY(!page.isColumnVisible(ProcessTableModel::Shr));
        QCOMPARE(visibility.count(), 1);
        QCOMPARE(visibility.first().at(0).toInt(), int(ProcessTableModel::Shr));
        QCOMPARE(visibility.first().at(1).toBool(), false);
        // The tree follows the table.
        QVERIFY(page.treeView()->header()->isSectionHidden(ProcessTableModel::Shr));
    }
    ProcessTablePage again; // remembered, without any layout restore
    QVERIFY(again.view()->header()->isSectionHidden(ProcessTableModel::Shr));
    QVERIFY(again.treeView()->header()->isSectionHidden(ProcessTableModel::Shr));
    QVERIFY(!again.isColumnVisible(ProcessTableModel::Shr));
}

void TestProcessPageUx::viewColumnsMenuMatchesHeader()
{
    pgtest::ProcessWindow app;
    app.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&app.window));
    app.page->applySnapshot(mixed());
    QMenu* columns = app.window.findChild<QMenu*>(QStringLiteral("columnsMenu"));
    QVERIFY(columns);
    emit columns->aboutToShow();
    QStringList fromView;
    for (QAction* a : columns->actions())
        fromView << a->text();
    QMenu header;
    app.page->columnChooser()->fillMenu(&header);
    QStringList fromHeader;
    for (QAction* a : header.actions())
        fromHeader << a->text();
    QCOMPARE(fromView, fromHeader);
    QCOMPARE(fromView.size(), int(ProcessTableModel::ColumnCount));
    QVERIFY(fromView.contains(QStringLiteral("RES")));
}

void TestProcessPageUx::userFilter()
{
    ProcessTablePage page;
    page.applySnapshot(mixed());
    QComboBox* box = page.userFilterBox();
    QVERIFY(box->findText(QStringLiteral("bob")) > 0);
    QVERIFY(box->findText(QStringLiteral("alice")) > 0);
    page.setUserFilter({ UserFilter::Kind::Uid, me(), {} });
    QCOMPARE(box->currentText(), QStringLiteral("My processes"));
    QCOMPARE(pidsShown(page.proxy()), QStringList({ "30" }));
    QCOMPARE(page.userFilter().toSetting(me()), QStringLiteral("me"));
    box->setCurrentIndex(box->findText(QStringLiteral("alice")));
    QCOMPARE(pidsShown(page.proxy()), QStringList({ "10", "11" }));
    // The tree filters the same way (a match keeps its ancestors).
    page.setTreeMode(true);
    QCOMPARE(page.treeModel()->rowCount(), 1); // init, kept for its children
    QCOMPARE(page.treeModel()->rowCount(page.treeModel()->indexOfPid(1)), 2);
    // The text filter combines with it.
    page.setTreeMode(false);
    page.filterEdit()->setText(QStringLiteral("shell"));
    QCOMPARE(pidsShown(page.proxy()), QStringList({ "11" }));
    box->setCurrentIndex(0);
    page.filterEdit()->clear();
    QCOMPARE(page.proxy()->rowCount(), 6);
}

void TestProcessPageUx::togglesRemembered()
{
    {
        pgtest::ProcessWindow app;
        QCoreApplication::processEvents();
        app.page->applySnapshot(mixed());
        app.page->kernelThreadsBox()->setChecked(false);
        app.page->treeSwitch()->setChecked(true);
        app.page->setUserFilter({ UserFilter::Kind::Name, 0, QStringLiteral("bob") });
        QVERIFY(app.page->treeMode());
        app.window.saveSettings();
    }
    pgtest::ProcessWindow app;
    QCoreApplication::processEvents(); // the deferred restore
    QVERIFY(!app.page->kernelThreadsBox()->isChecked());
    QVERIFY(app.page->proxy()->hideKernelThreads());
    QVERIFY(app.page->treeMode());
    QVERIFY(app.page->treeSwitch()->isChecked());
    QCOMPARE(app.page->userFilterBox()->currentText(), QStringLiteral("bob"));
    app.page->applySnapshot(mixed());
    QCOMPARE(app.page->userFilterBox()->currentText(), QStringLiteral("bob"));
    QCOMPARE(pidsShown(app.page->proxy()), QStringList({ "20" }));
}

void TestProcessPageUx::commandLineNeverSaved()
{
    {
        pgtest::ProcessWindow app;
        QCoreApplication::processEvents();
        app.window.setIntervalMs(2000);
        app.window.saveSettings();
    }
    QSettings before;
    const QString page = before.value(QStringLiteral("window/lastPage")).toString();
    AppOptions options;
    options.intervalMs = 250;
    options.intervalSet = true;
    options.initialPid = 1;
    options.initialPage = QStringLiteral("processes");
    {
        pgtest::ProcessWindow app(options);
        QCoreApplication::processEvents();
        app.page->applySnapshot(mixed());
        QCOMPARE(app.window.intervalMs(), 250);
        app.window.saveSettings();
    }
    QSettings after;
    QCOMPARE(after.value(QStringLiteral("refresh/intervalMs")).toInt(), 2000);
    QCOMPARE(after.value(QStringLiteral("window/lastPage")).toString(), page);
    for (const QString& key : after.allKeys()) {
        const QString value = after.value(key).toString();
        QVERIFY2(value != QLatin1String("250"), qPrintable(key));
    }
}

void TestProcessPageUx::downFromFilterSelectsFirstRow()
{
    pgtest::ProcessWindow app;
    app.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&app.window));
    app.page->applySnapshot(mixed());
    app.page->focusFilter();
    QVERIFY(app.page->filterEdit()->hasFocus());
    QVERIFY(!app.page->currentProcess());
    QTest::keyClick(app.page->filterEdit(), Qt::Key_Down);
    QVERIFY(app.page->view()->hasFocus());
    QVERIFY(app.page->currentProcess());
    QCOMPARE(app.page->selectedProcesses().size(), 1);
    QCOMPARE(app.page->view()->currentIndex().row(), 0);
    // Down again moves as usual.
    QTest::keyClick(app.page->view(), Qt::Key_Down);
    QCOMPARE(app.page->view()->currentIndex().row(), 1);
}

void TestProcessPageUx::singleMatchSelectedWithHome()
{
    pgtest::ProcessWindow app;
    app.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&app.window));
    app.page->applySnapshot(mixed());
    app.page->filterEdit()->setText(QStringLiteral("server"));
    QCOMPARE(app.page->proxy()->rowCount(), 1);
    app.page->view()->setFocus();
    app.page->view()->selectionModel()->setCurrentIndex(
        app.page->proxy()->index(0, 0), QItemSelectionModel::NoUpdate);
    QVERIFY(!app.page->currentProcess());
    QTest::keyClick(app.page->view(), Qt::Key_Home);
    QVERIFY(app.page->currentProcess());
    QCOMPARE(app.page->currentProcess()->pid, 20);
    app.page->view()->clearSelection();
    QTest::keyClick(app.page->view(), Qt::Key_Down);
    QCOMPARE(app.page->currentProcess()->pid, 20);
}

void TestProcessPageUx::keyboardContextMenu()
{
    pgtest::ProcessWindow app;
    app.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&app.window));
    app.page->applySnapshot(mixed());
    QVERIFY(app.page->selectPid(20));
    QSignalSpy menu(app.page, &ProcessTablePage::contextMenuRequested);
    QTest::keyClick(app.page->view(), Qt::Key_F10, Qt::ShiftModifier);
    QCOMPARE(menu.count(), 1);
    QVERIFY(app.page->contextMenu()->isVisible());
    app.page->contextMenu()->close();
    QTest::keyClick(app.page->view(), Qt::Key_Menu);
    QCOMPARE(menu.count(), 2);
    app.page->contextMenu()->close();
}

void TestProcessPageUx::mnemonicsDoNotClash()
{
    pgtest::ProcessWindow app;
    std::map<QString, QStringList> owners;
    for (QAction* top : app.window.menuBar()->actions())
        owners[QKeySequence::mnemonic(top->text()).toString()] << top->text();
    auto* tabs = app.window.findChild<QTabWidget*>();
    for (int i = 0; i < tabs->count(); ++i)
        owners[QKeySequence::mnemonic(tabs->tabText(i)).toString()] << tabs->tabText(i);
    for (QAbstractButton* b : app.page->findChildren<QAbstractButton*>())
        owners[QKeySequence::mnemonic(b->text()).toString()] << b->text();
    owners.erase(QString());
    for (const auto& [key, texts] : owners)
        QVERIFY2(texts.size() == 1, qPrintable(key + QLatin1String(": ") + texts.join(", ")));
    QCOMPARE(owners[QStringLiteral("Alt+P")], QStringList({ "&Process" }));
    QVERIFY(owners.count(QStringLiteral("Alt+T"))); // the Tree switch
}

void TestProcessPageUx::tabOrderFilterThenTable()
{
    ProcessTablePage page;
    QList<QWidget*> order;
    const QList<QWidget*> wanted
        = { page.view(), page.userFilterBox(), page.treeSwitch(), page.kernelThreadsBox() };
    for (QWidget* w = page.filterEdit()->nextInFocusChain(); w != page.filterEdit();
         w = w->nextInFocusChain()) {
        if (wanted.contains(w))
            order << w;
    }
    QCOMPARE(order, wanted);
}

void TestProcessPageUx::shortcutListHasEveryAction()
{
    pgtest::ProcessWindow app;
    const QList<ShortcutEntry> entries = collectKeyboardShortcuts(&app.window);
    QStringList keys;
    for (const ShortcutEntry& e : entries)
        keys << e.keys;
    for (QAction* a : app.window.findChildren<QAction*>()) {
        for (const QKeySequence& k : a->shortcuts())
            QVERIFY2(keys.join(QStringLiteral(", ")).contains(k.toString(QKeySequence::NativeText)),
                qPrintable(a->text()));
    }
    for (const char* k : { "Alt+P", "Alt+T", "Alt+K", "Ctrl+F", "Shift+F10, Menu", "Down" })
        QVERIFY2(keys.contains(QLatin1String(k)), k);
    // And the Help menu offers it.
    bool offered = false;
    for (QAction* a : app.window.findChildren<QAction*>())
        offered = offered || a->text() == QLatin1String("&Keyboard shortcuts");
    QVERIFY(offered);
}

void TestProcessPageUx::treeFirstColumnKeepsSort()
{
    ProcessTablePage page;
    page.applySnapshot(mixed());
    page.view()->sortByColumn(ProcessTableModel::Res, Qt::DescendingOrder);
    page.setTreeMode(true);
    QTreeView* tree = page.treeView();
    QCOMPARE(tree->treePosition(), int(ProcessTableModel::Command));
    QCOMPARE(tree->header()->visualIndex(ProcessTableModel::Command), 0);
    QCOMPARE(tree->header()->sortIndicatorSection(), int(ProcessTableModel::Res));
    QCOMPARE(tree->header()->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(page.treeModel()->sortColumn(), int(ProcessTableModel::Res));
    const QModelIndex init = page.treeModel()->indexOfPid(1);
    // init's children by RES, biggest first: shell (9000), editor (500), bob's server (100) ...
    QCOMPARE(page.treeModel()->index(0, 0, init).data(ProcessTableModel::PidRole).toInt(), 11);
    QCOMPARE(page.treeModel()->index(1, 0, init).data(ProcessTableModel::PidRole).toInt(), 10);
    // A sort chosen in the tree comes back to the table.
    tree->sortByColumn(ProcessTableModel::Pid, Qt::AscendingOrder);
    page.setTreeMode(false);
    QCOMPARE(page.view()->header()->sortIndicatorSection(), int(ProcessTableModel::Pid));
}

void TestProcessPageUx::treeGroupsIdenticalChildren()
{
    ProcessTablePage page;
    new QAbstractItemModelTester(
        page.treeModel(), QAbstractItemModelTester::FailureReportingMode::Fatal, &page);
    auto list = [](int firstWorker, int workers) {
        std::vector<P> l = { { 1, 0, "init" }, { 2, 1, "daemon" } };
        for (int i = 0; i < workers; ++i)
            l.push_back({ firstWorker + i, 2, "worker", "alice", 1000, false, 'S', 1.0, 10 });
        for (int i = 0; i < 3; ++i)
            l.push_back({ 500 + i, 2, "helper" });
        return snapshot(l);
    };
    page.applySnapshot(list(100, 25));
    page.setTreeMode(true);
    ProcessTreeModel* tree = page.treeModel();
    auto findGroup = [tree] {
        const QModelIndex daemon = tree->indexOfPid(2);
        for (int r = 0; r < tree->rowCount(daemon); ++r) {
            if (tree->isGroup(tree->index(r, 0, daemon)))
                return tree->index(r, 0, daemon);
        }
        return QModelIndex();
    };
    QCOMPARE(tree->rowCount(tree->indexOfPid(2)), 4); // the group and three helpers
    QPersistentModelIndex group = findGroup();
    QVERIFY(group.isValid());
    QCOMPARE(QModelIndex(group).siblingAtColumn(ProcessTableModel::Command).data().toString(),
        QStringLiteral("25 × worker --flag"));
    QCOMPARE(QModelIndex(group).siblingAtColumn(ProcessTableModel::Cpu).data().toString(),
        QStringLiteral("25.0"));
    QCOMPARE(tree->keyAt(group).pid, 0);
    QCOMPARE(tree->rowCount(group), 25);
    QVERIFY(!page.treeView()->isExpanded(group)); // collapsed: one row, not 25
    QVERIFY(page.treeView()->isExpanded(tree->indexOfPid(2)));
    page.treeView()->expand(group);
    // Workers come and go: the same row, still expanded, a selection under it kept.
    QVERIFY(page.selectPid(110));
    page.applySnapshot(list(101, 25));
    QVERIFY(group.isValid());
    QCOMPARE(findGroup(), QModelIndex(group));
    QVERIFY(page.treeView()->isExpanded(group));
    QCOMPARE(page.currentProcess()->pid, 110);
    QCOMPARE(tree->parent(tree->indexOfPid(110)), QModelIndex(group));
    // Fewer than 20: plain children again.
    page.applySnapshot(list(101, 5));
    QVERIFY(!findGroup().isValid());
    QCOMPARE(tree->rowCount(tree->indexOfPid(2)), 8);
    page.applySnapshot(list(101, 30));
    QVERIFY(findGroup().isValid());
    QVERIFY(!page.treeView()->isExpanded(findGroup()));
    QCOMPARE(tree->rowCount(findGroup()), 30);
}

void TestProcessPageUx::statusSaysHowManyShown()
{
    pgtest::ProcessWindow app;
    app.page->applySnapshot(mixed());
    QVERIFY2(statusText(app.window).startsWith(QStringLiteral("6 processes")),
        qPrintable(statusText(app.window)));
    app.page->filterEdit()->setText(QStringLiteral("server"));
    QVERIFY2(statusText(app.window).startsWith(QStringLiteral("1 of 6 processes")),
        qPrintable(statusText(app.window)));
    app.page->filterEdit()->clear();
    app.page->kernelThreadsBox()->setChecked(false);
    QVERIFY2(statusText(app.window).startsWith(QStringLiteral("5 of 6 processes")),
        qPrintable(statusText(app.window)));
}

void TestProcessPageUx::kernelThreadSignalsDisabled()
{
    ProcessTablePage page;
    page.applySnapshot(mixed());
    auto sendTerm = [&page]() -> QAction* {
        for (QAction* a : page.processActions()->menu()->actions()) {
            if (a->text().contains(QStringLiteral("SIGTERM")))
                return a;
        }
        return nullptr;
    };
    QVERIFY(sendTerm());
    QVERIFY(page.selectPid(40));
    QVERIFY(!sendTerm()->isEnabled());
    QVERIFY2(sendTerm()->toolTip().contains(QStringLiteral("kernel thread")),
        qPrintable(sendTerm()->toolTip()));
    QVERIFY(page.selectPid(20));
    QVERIFY(sendTerm()->isEnabled());
    QVERIFY(!sendTerm()->toolTip().contains(QStringLiteral("kernel thread")));
}

void TestProcessPageUx::zombieShowsBracketedName()
{
    ProcessTableModel model;
    // Running, it shows its command line; as a zombie the collector still holds the old one.
    auto running = snapshot({ { 50, 1, "sleep" } });
    model.applySnapshot(running);
    QCOMPARE(model.index(0, ProcessTableModel::Command).data().toString(),
        QStringLiteral("sleep --flag"));
    auto zombie = std::make_shared<ProcessSnapshot>(*running);
    zombie->processes[0].state = 'Z';
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applySnapshot(zombie);
    QCOMPARE(
        model.index(0, ProcessTableModel::Command).data().toString(), QStringLiteral("[sleep]"));
    QVERIFY(changed.count() > 0);
    QVERIFY(model.index(0, ProcessTableModel::Command)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("defunct")));
}

void TestProcessPageUx::detailsPaneShareAtLaunch()
{
    pgtest::ProcessWindow app;
    app.window.resize(1200, 760);
    app.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&app.window));
    QCoreApplication::processEvents();
    QSplitter* splitter = app.page->findChild<QSplitter*>();
    QVERIFY(splitter);
    const QList<int> sizes = splitter->sizes();
    QCOMPARE(sizes.size(), 2);
    QVERIFY2(sizes[0] >= 2 * sizes[1],
        qPrintable(QStringLiteral("%1 / %2").arg(sizes[0]).arg(sizes[1])));
}

QTEST_MAIN(TestProcessPageUx)
#include "tst_process_page_ux.moc"
