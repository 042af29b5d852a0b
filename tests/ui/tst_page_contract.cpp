// SPDX-License-Identifier: GPL-3.0-or-later
// The Page contract (ui/shell/Page.h): the window drives every page's source the same way
// (interval, pause, F5, on screen or not), builds the tab, the page's menu and File > Export from
// the page, and app/Pages.cpp assembles the four real pages and the jumps between them.

#include "Pages.h"
#include "core/export/ExportTables.h"
#include "core/sampler/Sampler.h"
#include "ui/memory/MemoryMapPage.h"
#include "ui/processes/ProcessTablePage.h"
#include "ui/shell/MainWindow.h"
#include "ui/system/SystemOverviewPage.h"

#include <QAction>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace pg;

namespace {

// Records what the window asks of it (the calls are queued, as to the sampler thread).
class RecordingSampler final : public Sampler
{
public:
    int refreshes = 0;

protected:
    void sample() override { ++refreshes; }
};

class FakePage final : public QWidget, public Page
{
public:
    FakePage(QString id, bool onlyWhileShown)
        : m_id(std::move(id))
        , m_onlyWhileShown(onlyWhileShown)
        , m_action(new QAction(QStringLiteral("Do it"), this))
    { }
    QString pageId() const override { return m_id; }
    QString pageTitle() const override { return QStringLiteral("Title of ") + m_id; }
    QWidget* pageWidget() override { return this; }
    Sampler* pageSource() const override { return const_cast<RecordingSampler*>(&source); }
    bool samplesOnlyWhileShown() const override { return m_onlyWhileShown; }
    int sourceIntervalMs(int windowMs) const override { return windowMs * 2; }
    QList<ExportSource> pageExports() override
    {
        return { { m_id, QStringLiteral("Table of ") + m_id,
            [] {
                return ExportTable { {}, QStringLiteral("nothing yet") };
            },
            {}, {} } };
    }
    QList<QAction*> pageActions() override { return { m_action }; }
    QString pageMenuTitle() const override { return QStringLiteral("Menu of ") + m_id; }
    void setIntervalMs(int ms) override { pageIntervalMs = ms; }

    RecordingSampler source;
    int pageIntervalMs = 0;

private:
    QString m_id;
    bool m_onlyWhileShown;
    QAction* m_action;
};

} // namespace

class TestPageContract : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void windowDrivesEverySourceAlike();
    void sourceReadsOnlyWhileItsPageIsShown();
    void pagesComeFromThePage();
    void appAssemblesTheFourPages();
    void jumpsAreConnected();
};

void TestPageContract::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProcglassTests"));
    QCoreApplication::setApplicationName(QStringLiteral("ProcglassPageContractTest"));
}

void TestPageContract::windowDrivesEverySourceAlike()
{
    MainWindow window(AppOptions {});
    auto* a = new FakePage(QStringLiteral("a"), false);
    auto* b = new FakePage(QStringLiteral("b"), false);
    window.addPage(a);
    window.addPage(b);
    a->source.start();
    b->source.start();
    QCoreApplication::processEvents();
    const int startA = a->source.refreshes;
    const int startB = b->source.refreshes;

    window.setIntervalMs(2000);
    QCoreApplication::processEvents();
    // The page says what its source uses (here twice the window's interval), and hears the
    // window's own interval for its axes.
    QCOMPARE(a->source.intervalMs(), 4000);
    QCOMPARE(b->source.intervalMs(), 4000);
    QCOMPARE(a->pageIntervalMs, 2000);

    window.refreshNow();
    QCoreApplication::processEvents();
    QCOMPARE(a->source.refreshes, startA + 1);
    QCOMPARE(b->source.refreshes, startB + 1);

    window.setPaused(true);
    QCoreApplication::processEvents();
    window.setIntervalMs(500); // the sources get 1 s (twice the window's), and stay paused
    QCoreApplication::processEvents();
    QTest::qWait(1200);
    QCOMPARE(a->source.refreshes, startA + 1); // nothing while paused
    window.setPaused(false);
    QCoreApplication::processEvents();
    QCOMPARE(a->source.refreshes, startA + 2); // resuming samples at once
}

void TestPageContract::sourceReadsOnlyWhileItsPageIsShown()
{
    MainWindow window(AppOptions {});
    auto* first = new FakePage(QStringLiteral("first"), false);
    auto* shy = new FakePage(QStringLiteral("shy"), true);
    window.addPage(first);
    window.addPage(shy);
    shy->source.start();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.showPage(QStringLiteral("first")));
    QCoreApplication::processEvents();
    const int hidden = shy->source.refreshes;
    window.refreshNow();
    QCoreApplication::processEvents();
    QCOMPARE(shy->source.refreshes, hidden); // inactive while another page is shown

    QVERIFY(window.showPage(QStringLiteral("shy")));
    QCoreApplication::processEvents();
    QCOMPARE(shy->source.refreshes, hidden + 1); // shown: reads at once
    window.refreshNow();
    QCoreApplication::processEvents();
    QCOMPARE(shy->source.refreshes, hidden + 2);

    QVERIFY(window.showPage(QStringLiteral("first")));
    QCoreApplication::processEvents();
    window.refreshNow();
    QCoreApplication::processEvents();
    QCOMPARE(shy->source.refreshes, hidden + 2);
}

void TestPageContract::pagesComeFromThePage()
{
    MainWindow window(AppOptions {});
    auto* a = new FakePage(QStringLiteral("a"), false);
    window.addPage(a);
    auto* tabs = window.findChild<QTabWidget*>();
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 1);
    QCOMPARE(tabs->tabText(0), QStringLiteral("Title of a"));
    QCOMPARE(window.page(QStringLiteral("a")), static_cast<Page*>(a));
    QCOMPARE(window.page(QStringLiteral("nope")), nullptr);

    QStringList menus;
    QMenu* pageMenu = nullptr;
    for (QAction* m : window.menuBar()->actions()) {
        menus << m->text();
        if (m->text() == QLatin1String("Menu of a"))
            pageMenu = m->menu();
    }
    // The page's menu sits before Help.
    QCOMPARE(
        menus.indexOf(QStringLiteral("Menu of a")) + 1, menus.indexOf(QStringLiteral("&Help")));
    QVERIFY(pageMenu);
    QCOMPARE(pageMenu->actions().size(), 1);
    QCOMPARE(pageMenu->actions().front()->text(), QStringLiteral("Do it"));

    const QList<ExportSource> sources = window.exportSources();
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.front().id, QStringLiteral("a"));
    QCOMPARE(sources.front().produce().unavailable, QStringLiteral("nothing yet"));
}

void TestPageContract::appAssemblesTheFourPages()
{
    AppOptions options;
    MainWindow window(options);
    const AppPages pages = assemblePages(window, options, nullptr);
    QVERIFY(pages.processes && pages.memory && pages.interrupts && pages.system);
    QVERIFY(pages.samplers.isEmpty()); // no thread: the pages are fed by hand
    auto* tabs = window.findChild<QTabWidget*>();
    QStringList ids;
    for (int i = 0; i < tabs->count(); ++i)
        ids << tabs->widget(i)->objectName();
    QCOMPARE(ids, pageIds());
    for (const QString& id : pageIds())
        QCOMPARE(window.page(id)->pageId(), id);
    // Every registry table is exported, under the registry's names (memory twice: the Memory map
    // page's table of one process and the Memory usage page's of every process, as `export memory
    // PID` and `export memory` write them); each source names the page that offers it.
    QStringList exported;
    for (const ExportSource& s : window.exportSources()) {
        if (!exported.contains(s.id))
            exported << s.id;
        QVERIFY(ids.contains(s.page));
    }
    QStringList registry;
    for (const ExportTableInfo& t : exportTables())
        registry << QString::fromLatin1(t.name);
    QCOMPARE(exported, registry);
}

void TestPageContract::jumpsAreConnected()
{
    AppOptions options;
    MainWindow window(options);
    const AppPages pages = assemblePages(window, options, nullptr);
    QSignalSpy target(pages.memory, &MemoryMapPage::targetRequested);
    // Enter or a double-click on a process row opens its memory map.
    emit pages.processes->processActivated(ProcessKey { 4242, 77 });
    QCOMPARE(window.currentPageId(), QStringLiteral("memory"));
    QCOMPARE(target.size(), 1);
    QCOMPARE(target.front().at(0).toInt(), 4242);
    QCOMPARE(target.front().at(1).toULongLong(), 77ULL);
    // Ctrl+M is offered in the process page's menu and context menu.
    bool inContextMenu = false;
    for (QAction* a : pages.processes->contextMenu()->actions())
        inContextMenu |= a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_M);
    QVERIFY(inContextMenu);
    // A link on the System page shows the page it names.
    emit pages.system->showPageRequested(QStringLiteral("interrupts"));
    QCOMPARE(window.currentPageId(), QStringLiteral("interrupts"));
}

QTEST_MAIN(TestPageContract)
#include "tst_page_contract.moc"
