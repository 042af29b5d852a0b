// SPDX-License-Identifier: GPL-3.0-or-later
// The Process menu on a /proc root of another PID namespace (simulated by a tree whose `self`
// points to another process): every signal and renice action is disabled, with the reason as
// tooltip and status tip and as the menu's first line; requests are refused with the reason and
// never reach a confirmation; the main window says so in its status bar; Delete does nothing. On
// the live /proc the same window offers the actions (so the checks above can fail).

#include "core/sampler/DetailsSampler.h"
#include "tests/support/ProcessWindow.h"
#include "ui/processes/ProcessActionsController.h"
#include "ui/processes/ProcessTablePage.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <csignal>
#include <unistd.h>

using namespace pg;

namespace {

const QString kReason = QStringLiteral("belongs to another PID namespace: the process numbers it "
                                       "shows are not ours, so signals and renice are disabled");

ProcessSnapshotPtr twoProcesses()
{
    auto snapshot = std::make_shared<ProcessSnapshot>();
    for (int pid : { 100, 200 }) {
        ProcessInfo info;
        info.key = { pid, 5 };
        auto names = std::make_shared<ProcessNames>();
        names->comm = pid == 100 ? "alpha" : "beta";
        names->cmdline = names->comm + " --flag";
        info.names = names;
        snapshot->processes.push_back(info);
    }
    return snapshot;
}

// A directory that looks like another namespace's /proc: `self` is not us.
bool makeOtherNamespaceRoot(const QTemporaryDir& dir)
{
    const std::string self = dir.path().toStdString() + "/self";
    return ::symlink(std::to_string(::getpid() + 1).c_str(), self.c_str()) == 0;
}

} // namespace

class TestProcessActionsDisabled final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void controllerDisablesEverything();
    void mainWindowSaysWhy();
};

void TestProcessActionsDisabled::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ProcglassTests"));
    QApplication::setApplicationName(QStringLiteral("ProcglassActionsDisabledTest"));
}

void TestProcessActionsDisabled::controllerDisablesEverything()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid() && makeOtherNamespaceRoot(dir));
    ProcessTablePage page;
    page.applySnapshot(twoProcesses());
    ProcessActionsController actions(&page, dir.path(), &page);

    QVERIFY(!actions.actionsAllowed());
    QVERIFY2(actions.disabledReason().contains(kReason), qPrintable(actions.disabledReason()));
    const QList<QAction*> items = actions.menu()->actions();
    QVERIFY(items.size() > 9); // the reason, 8 signals, renice
    QVERIFY2(items.first()->text().contains(QStringLiteral("another PID namespace")),
        qPrintable(items.first()->text()));
    int named = 0;
    for (QAction* a : items) {
        QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
        if (a->isSeparator() || a == items.first())
            continue;
        ++named;
        QCOMPARE(a->toolTip(), actions.disabledReason());
        QCOMPARE(a->statusTip(), actions.disabledReason());
    }
    QCOMPARE(named, 9);
    QCOMPARE(actions.menu()->toolTip(), actions.disabledReason());

    // Asked anyway (a shortcut, a stale menu): refused with the reason, nothing confirmed.
    int asked = 0;
    actions.setConfirmer([&](const QString&) {
        ++asked;
        return true;
    });
    actions.setNiceChooser([&](int) -> std::optional<int> {
        ++asked;
        return 5;
    });
    QSignalSpy requests(&actions, &ProcessActionsController::actionRequested);
    QSignalSpy status(&actions, &ProcessActionsController::statusMessage);
    page.view()->selectAll();
    QCOMPARE(page.selectedProcesses().size(), 2);
    actions.requestSignal(SIGKILL);
    actions.requestNice();
    QCOMPARE(asked, 0);
    QCOMPARE(requests.count(), 0);
    QCOMPARE(status.count(), 2);
    QCOMPARE(status.first().at(0).toString(), actions.disabledReason());
}

void TestProcessActionsDisabled::mainWindowSaysWhy()
{
    for (const bool live : { false, true }) {
        QTemporaryDir dir;
        QVERIFY(dir.isValid() && makeOtherNamespaceRoot(dir));
        AppOptions options;
        options.procRoot = live ? QStringLiteral("/proc") : dir.path();
        DetailsSampler details(options.procRoot.toStdString());
        pgtest::ProcessWindow windowApp(options, &details);
        MainWindow& window = windowApp.window;
        windowApp.page->applySnapshot(twoProcesses());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        ProcessActionsController* actions = windowApp.page->processActions();
        QVERIFY(actions);
        int asked = 0;
        actions->setConfirmer([&](const QString&) {
            ++asked;
            return false;
        });

        auto* notice
            = window.statusBar()->findChild<QLabel*>(QStringLiteral("actionsDisabledNotice"));
        QAction* term = nullptr;
        for (QAction* a : actions->menu()->actions()) {
            if (a->shortcut() == QKeySequence(Qt::Key_Delete))
                term = a;
        }
        QVERIFY(term);
        QTreeView* view = windowApp.page->view();
        view->setFocus();
        view->selectAll();
        QTest::keyClick(view, Qt::Key_Delete);
        QCoreApplication::processEvents();
        if (live) {
            QVERIFY(actions->actionsAllowed());
            QVERIFY(!notice);
            QVERIFY(term->isEnabled());
            QCOMPARE(asked, 1); // Delete asks to send SIGTERM
        } else {
            QVERIFY(!actions->actionsAllowed());
            QVERIFY(notice);
            QVERIFY2(notice->text().contains(QStringLiteral("another PID namespace")),
                qPrintable(notice->text()));
            QCOMPARE(notice->toolTip(), actions->disabledReason());
            QVERIFY2(window.statusBar()->currentMessage().contains(kReason),
                qPrintable(window.statusBar()->currentMessage()));
            QVERIFY(!term->isEnabled());
            QCOMPARE(term->toolTip(), actions->disabledReason());
            QCOMPARE(asked, 0); // Delete is disabled with the action
            // The context menu is the same actions.
            for (QAction* a : windowApp.page->contextMenu()->actions())
                QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
        }
    }
}

QTEST_MAIN(TestProcessActionsDisabled)
#include "tst_process_actions_disabled.moc"
