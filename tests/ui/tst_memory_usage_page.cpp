// SPDX-License-Identifier: GPL-3.0-or-later
// The Memory usage page (ui/memusage) on a fake /proc: the By process and By user tables, a
// selection that stays on its pid when rows arrive above it, the totals set against a known
// meminfo, the line naming what could not be read (kernel threads are not in it), the export, the
// jump to the memory map; and its sampler (core/sampler/MemoryUsageSampler): reads only while
// active, stops when asked, reports progress, and the page frees its rows when hidden.

#include "Pages.h"
#include "core/export/MemoryCensusCsv.h"
#include "core/memory/MemoryUsageSnapshot.h"
#include "core/sampler/MemoryUsageSampler.h"
#include "tests/support/FakeProc.h"
#include "tests/support/StatusText.h"
#include "ui/common/Format.h"
#include "ui/common/KeyedSortProxy.h"
#include "ui/memory/MemoryMapPage.h"
#include "ui/memusage/MappingUsageModel.h"
#include "ui/memusage/MemoryUsagePage.h"
#include "ui/memusage/MemoryUsageText.h"
#include "ui/memusage/ProcessUsageModel.h"
#include "ui/memusage/UserUsageModel.h"
#include "ui/shell/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace pg;

namespace {

std::string status(const std::string& name, unsigned uid, bool userMemory)
{
    return pgtest::statusText(name, uid, userMemory);
}

std::string rollup(int rss, int pss, int privateClean, int privateDirty, int swap)
{
    return "55a0c0000000-7ffc00000000 ---p 00000000 00:00 0          [rollup]\nRss:  "
        + std::to_string(rss) + " kB\nPss:  " + std::to_string(pss) + " kB\nPrivate_Clean:  "
        + std::to_string(privateClean) + " kB\nPrivate_Dirty:  " + std::to_string(privateDirty)
        + " kB\nSwap:  " + std::to_string(swap) + " kB\nSwapPss:  " + std::to_string(swap)
        + " kB\n";
}

void addProcess(pgtest::FakeProc& proc, int pid, const std::string& name, unsigned uid, int pss)
{
    const QString dir = QString::number(pid);
    proc.writeFile(dir + "/status", status(name, uid, true));
    proc.writeFile(dir + "/smaps_rollup", rollup(pss * 2, pss, pss / 4, pss / 4, 8));
}

MemoryUsageSnapshotPtr read(const pgtest::FakeProc& proc)
{
    return std::make_shared<MemoryUsageSnapshot>(readMemoryUsage(proc.root().toStdString()));
}

// The source row of the By process table that has `pid`, or -1.
int rowOf(const ProcessUsageModel& model, int pid)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, 0).data(ProcessUsageModel::PidRole).toInt() == pid)
            return r;
    }
    return -1;
}

} // namespace

class TestMemoryUsagePage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void tablesByProcessAndByUser();
    void selectionStaysOnItsPid();
    void reconcilesWithMeminfo();
    void pssAboveInUseIsExplained();
    void namesWhatWasNotCounted();
    void exportsTheCensusTable();
    void byMappingTab();
    void samplerFollowsTheTab();
    void openMemoryMapCarriesThePid();
    void samplerReadsOnlyWhileActive();
    void samplerStopsWhenAsked();
    void rowsFreedWhenHidden();
};

void TestMemoryUsagePage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProcglassTests"));
    QCoreApplication::setApplicationName(QStringLiteral("ProcglassMemoryUsageTest"));
    registerSnapshotMetaTypes();
}

void TestMemoryUsagePage::tablesByProcessAndByUser()
{
    pgtest::FakeProc proc;
    addProcess(proc, 100, "init", 0, 1000);
    addProcess(proc, 200, "editor", 1000, 4000);
    addProcess(proc, 300, "shell", 1000, 2000);
    MemoryUsagePage page;
    QAbstractItemModelTester processTester(
        page.processModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester userTester(
        page.userModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.applyUsage(read(proc));

    const ProcessUsageModel& m = *page.processModel();
    QCOMPARE(m.rowCount(), 3);
    const int editor = rowOf(m, 200);
    QVERIFY(editor >= 0);
    QCOMPARE(
        m.index(editor, ProcessUsageModel::Command).data().toString(), QStringLiteral("editor"));
    QCOMPARE(m.index(editor, ProcessUsageModel::Rss).data().toString(), fmt::kib(8000));
    QCOMPARE(m.index(editor, ProcessUsageModel::Pss).data().toString(), fmt::kib(4000));
    QCOMPARE(m.index(editor, ProcessUsageModel::Uss).data().toString(), fmt::kib(2000));
    QCOMPARE(m.index(editor, ProcessUsageModel::Pss).data(ProcessUsageModel::SortRole).toLongLong(),
        4000);
    // Sorted by Pss, largest first.
    QCOMPARE(page.processProxy()->index(0, 0).data(ProcessUsageModel::PidRole).toInt(), 200);
    // The filter box: pid, user or command.
    page.processProxy()->setFilterFixedString(QStringLiteral("shell"));
    QCOMPARE(page.processProxy()->rowCount(), 1);
    page.processProxy()->setFilterFixedString(QString());

    const UserUsageModel& u = *page.userModel();
    QCOMPARE(u.rowCount(), 2);
    int uidRow = -1;
    for (int r = 0; r < u.rowCount(); ++r) {
        if (u.index(r, UserUsageModel::Processes).data().toString() == QLatin1String("2"))
            uidRow = r;
    }
    QVERIFY(uidRow >= 0);
    QCOMPARE(u.index(uidRow, UserUsageModel::Pss).data().toString(), fmt::kib(6000));
    QCOMPARE(u.index(uidRow, UserUsageModel::Rss).data().toString(), fmt::kib(12000));
    QCOMPARE(u.index(uidRow, UserUsageModel::Swap).data().toString(), fmt::kib(16));
}

void TestMemoryUsagePage::selectionStaysOnItsPid()
{
    pgtest::FakeProc proc;
    addProcess(proc, 500, "kept", 1000, 3000);
    addProcess(proc, 600, "other", 1000, 1000);
    MemoryUsagePage page;
    QAbstractItemModelTester tester(
        page.processModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.processView()->sortByColumn(ProcessUsageModel::Pid, Qt::AscendingOrder);
    page.applyUsage(read(proc));
    QTreeView* view = page.processView();
    const QModelIndex kept = page.processProxy()->index(0, 0);
    QCOMPARE(kept.data(ProcessUsageModel::PidRole).toInt(), 500);
    view->selectionModel()->setCurrentIndex(
        kept, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    // Rows arrive above it (lower pids, sorted first) and its figures change.
    addProcess(proc, 100, "new1", 0, 9000);
    addProcess(proc, 200, "new2", 0, 8000);
    addProcess(proc, 500, "kept", 1000, 3500);
    page.applyUsage(read(proc));
    QCOMPARE(page.processModel()->rowCount(), 4);
    QCOMPARE(page.currentPid(), 500);
    const QModelIndexList selected = view->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.front().data(ProcessUsageModel::PidRole).toInt(), 500);
    QCOMPARE(selected.front().row(), 2);
    QCOMPARE(
        selected.front().siblingAtColumn(ProcessUsageModel::Pss).data().toString(), fmt::kib(3500));
}

void TestMemoryUsagePage::reconcilesWithMeminfo()
{
    MemoryUsageSnapshot snap;
    snap.census.processes = { { 1, 0, "a", 250000, 200000, 150000, 0, 0, true },
        { 2, 1000, "b", 150000, 100000, 50000, 4096, 0, true } };
    snap.memInfo = MemInfo {};
    snap.memInfo->fields = { { "MemTotal", 1000000 }, { "MemFree", 300000 },
        { "MemAvailable", 600000 }, { "Buffers", 10000 }, { "Cached", 200000 }, { "Shmem", 10000 },
        { "Slab", 50000 }, { "SReclaimable", 30000 }, { "KernelStack", 8000 },
        { "PageTables", 12000 }, { "Mapped", 50000 } };
    MemoryUsagePage page;
    page.applyUsage(std::make_shared<MemoryUsageSnapshot>(snap));

    const QString totals = page.totalsText();
    QVERIFY2(totals.startsWith(
                 QStringLiteral("2 processes: Rss %1 · Pss %2 · USS %3 · Swap %4")
                     .arg(fmt::kib(400000), fmt::kib(300000), fmt::kib(200000), fmt::kib(4096))),
        qPrintable(totals));
    const QString text = page.reconciliationText();
    // Pss 300,000 of 400,000 in use (MemTotal − MemAvailable): 75 %, 100,000 in no Pss.
    QVERIFY2(text.contains(
                 QStringLiteral("adds up to %1 of the %2 in use (MemTotal − MemAvailable), 75.0 %")
                     .arg(fmt::kib(300000), fmt::kib(400000))),
        qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("The other %1 is in no process's Pss").arg(fmt::kib(100000))),
        qPrintable(text));
    for (const QString& part : { QStringLiteral("Slab %1").arg(fmt::kib(50000)),
             QStringLiteral("KernelStack %1").arg(fmt::kib(8000)),
             QStringLiteral("PageTables %1").arg(fmt::kib(12000)),
             QStringLiteral("page cache that no process maps (Cached − Mapped: %1")
                 .arg(fmt::kib(150000)),
             QStringLiteral("tmpfs files that no process maps (part of Shmem %1)")
                 .arg(fmt::kib(10000)) })
        QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" in: ") + text));
    QVERIFY(page.notCountedText().isEmpty());
}

void TestMemoryUsagePage::pssAboveInUseIsExplained()
{
    MemoryUsageSnapshot snap;
    snap.census.processes = { { 1, 0, "a", 600000, 500000, 100000, 0, 0, true } };
    snap.memInfo = MemInfo {};
    snap.memInfo->fields = { { "MemTotal", 1000000 }, { "MemAvailable", 600000 } };
    const QString text = MemoryUsageText::reconciliation(snap);
    QVERIFY2(
        text.contains(QStringLiteral("Pss is %1 more").arg(fmt::kib(100000))), qPrintable(text));
    snap.memInfo.reset();
    QVERIFY(MemoryUsageText::reconciliation(snap).contains(QStringLiteral("could not be read")));
}

void TestMemoryUsagePage::namesWhatWasNotCounted()
{
    pgtest::FakeProc proc;
    addProcess(proc, 100, "app", 1000, 1000);
    proc.writeFile("101/status", status("kworker/0:1", 0, false)); // a kernel thread
    proc.writeFile("102/status", status("broken", 1000, true)); // no smaps_rollup
    proc.writeFile("103/status", status("garbage", 1000, true));
    proc.writeFile("103/smaps_rollup", "not smaps\n");
    MemoryUsagePage page;
    page.applyUsage(read(proc));
    QCOMPARE(page.processModel()->rowCount(), 1);
    const QString line = page.notCountedText();
    QVERIFY2(line.startsWith(QStringLiteral("2 processes not counted: ")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("102 broken")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("103 garbage")), qPrintable(line));
    QVERIFY2(!line.contains(QStringLiteral("kworker")), qPrintable(line)); // not unreadable
    QVERIFY2(page.totalsText().contains(QStringLiteral("1 kernel thread or zombie")),
        qPrintable(page.totalsText()));
    QVERIFY(page.reconciliationText().contains(QStringLiteral("not counted below")));

    // A stopped read says its figures are partial.
    MemoryUsageSnapshot stopped;
    stopped.census.stopped = true;
    stopped.census.processes = { { 1, 0, "a", 1, 1, 1, 0, 0, true } };
    QVERIFY(MemoryUsageText::notCounted(stopped).contains(QStringLiteral("partial")));
}

void TestMemoryUsagePage::exportsTheCensusTable()
{
    pgtest::FakeProc proc;
    addProcess(proc, 100, "init", 0, 1000);
    addProcess(proc, 200, "editor", 1000, 4000);
    MemoryUsagePage page;
    QList<ExportSource> sources = page.pageExports();
    QCOMPARE(sources.size(), 1);
    // The table `procglass export memory --by process` writes, under that name.
    QCOMPARE(sources.front().id, QStringLiteral("memory"));
    QCOMPARE(sources.front().fileStem, QStringLiteral("memory-by-process"));
    QVERIFY(!sources.front().produce().unavailable.isEmpty()); // nothing counted yet

    const MemoryUsageSnapshotPtr snap = read(proc);
    page.applyUsage(snap);
    auto names = [&snap](std::uint32_t uid) { return snap->userName(uid); };
    const ExportTable byProcess = sources.front().produce();
    QVERIFY(byProcess.unavailable.isEmpty());
    const CsvTable expected = memoryByProcessToCsv(snap->census, names);
    QCOMPARE(byProcess.table.header, expected.header);
    QCOMPARE(byProcess.table.rows, expected.rows);
    page.tabs()->setCurrentIndex(1); // By user
    sources = page.pageExports();
    QCOMPARE(sources.front().fileStem, QStringLiteral("memory-by-user"));
    const ExportTable byUser = sources.front().produce();
    QCOMPARE(byUser.table.header, memoryByUserToCsv(snap->census, names).header);
    QCOMPARE(byUser.table.rows, memoryByUserToCsv(snap->census, names).rows);
    page.tabs()->setCurrentIndex(2); // By mapping: nothing until a read of every smaps
    sources = page.pageExports();
    QCOMPARE(sources.front().fileStem, QStringLiteral("memory-by-mapping"));
    QVERIFY(!sources.front().produce().unavailable.isEmpty());
}

void TestMemoryUsagePage::byMappingTab()
{
    // Two processes of two users map one library (same device and inode, two paths) and have a
    // heap each; a third's smaps is malformed and is named, not counted.
    pgtest::FakeProc proc;
    auto mapping = [](const char* range, const char* perms, const char* devInode, const char* path,
                       int rss, int pss, int priv) {
        return std::string(range) + " " + perms + " 00000000 " + devInode + "     " + path
            + "\nSize:  64 kB\nRss:  " + std::to_string(rss) + " kB\nPss:  " + std::to_string(pss)
            + " kB\nShared_Clean:  " + std::to_string(rss - priv)
            + " kB\nShared_Dirty:  0 kB\nPrivate_Clean:  0 kB\nPrivate_Dirty:  "
            + std::to_string(priv) + " kB\nSwap:  0 kB\nSwapPss:  0 kB\n";
    };
    proc.writeFile(QStringLiteral("100/status"), status("editor", 1000, true));
    proc.writeFile(QStringLiteral("100/smaps"),
        mapping("7f0000000000-7f0000010000", "r-xp", "fe:01 4242", "/usr/lib/libfoo.so", 40, 20, 0)
            + mapping("55a000000000-55a000010000", "rw-p", "00:00 0", "[heap]", 60, 60, 60));
    proc.writeFile(QStringLiteral("200/status"), status("daemon", 0, true));
    proc.writeFile(QStringLiteral("200/smaps"),
        mapping("7f1000000000-7f1000010000", "r-xp", "fe:01 4242", "/lib/libfoo.so", 40, 20, 0)
            + mapping("55b000000000-55b000010000", "rw-p", "00:00 0", "[heap]", 12, 12, 12));
    proc.writeFile(QStringLiteral("300/status"), status("broken", 0, true));
    proc.writeFile(QStringLiteral("300/smaps"), std::string("Rss: 4 kB\n"));

    const auto snap = std::make_shared<MemoryUsageSnapshot>(
        readMemoryUsage(proc.root().toStdString(), nullptr, {}, true));
    QVERIFY(snap->mappings);
    MemoryUsagePage page;
    QAbstractItemModelTester tester(
        page.mappingModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.tabs()->setCurrentIndex(2);
    QVERIFY(page.readsMappings());
    page.applyUsage(snap);
    const MappingUsageModel& m = *page.mappingModel();
    QCOMPARE(m.rowCount(), 2); // libfoo once (one inode), [heap] once
    int lib = -1, heap = -1;
    for (int r = 0; r < m.rowCount(); ++r) {
        const QString name = m.index(r, MappingUsageModel::Mapping).data().toString();
        (name.endsWith(QLatin1String("libfoo.so")) ? lib : heap) = r;
    }
    QVERIFY(lib >= 0 && heap >= 0);
    auto sortValue = [&m](int row, int column) {
        return m.index(row, column).data(MappingUsageModel::SortRole).toLongLong();
    };
    QCOMPARE(sortValue(lib, MappingUsageModel::Processes), 2);
    QCOMPARE(sortValue(lib, MappingUsageModel::Rss), 80);
    QCOMPARE(sortValue(lib, MappingUsageModel::Pss), 40);
    QCOMPARE(sortValue(lib, MappingUsageModel::Uss), 0);
    QCOMPARE(sortValue(heap, MappingUsageModel::Processes), 2);
    QCOMPARE(sortValue(heap, MappingUsageModel::Pss), 72);
    QCOMPARE(sortValue(heap, MappingUsageModel::Uss), 72);
    // The same read gives the By process rows: each process's sums of its smaps.
    const ProcessUsageModel& p = *page.processModel();
    QCOMPARE(p.rowCount(), 2);
    const int editor = rowOf(p, 100);
    QVERIFY(editor >= 0);
    QCOMPARE(
        p.index(editor, ProcessUsageModel::Pss).data(ProcessUsageModel::SortRole).toLongLong(), 80);
    QCOMPARE(
        p.index(editor, ProcessUsageModel::Uss).data(ProcessUsageModel::SortRole).toLongLong(), 60);
    QVERIFY2(page.notCountedText().contains(QLatin1String("300 broken")),
        qPrintable(page.notCountedText()));
    // Export: what `procglass export memory --by mapping` writes for the same read.
    const ExportTable table = page.pageExports().front().produce();
    QVERIFY(table.unavailable.isEmpty());
    MappingCensus census;
    census.mappings = *snap->mappings;
    QCOMPARE(table.table.header, memoryByMappingToCsv(census).header);
    QCOMPARE(table.table.rows, memoryByMappingToCsv(census).rows);
    // A smaps_rollup read (back on By process) updates the processes, keeps the mapping rows.
    addProcess(proc, 400, "late", 1000, 500);
    page.tabs()->setCurrentIndex(0);
    QVERIFY(!page.readsMappings());
    page.applyUsage(read(proc));
    QCOMPARE(m.rowCount(), 2);
}

void TestMemoryUsagePage::samplerFollowsTheTab()
{
    // With the page shown, the By mapping tab switches its sampler to whole smaps and asks for a
    // read at once; that read carries the rows by mapping.
    pgtest::FakeProc proc;
    addProcess(proc, 100, "init", 0, 1000);
    proc.writeFile(QStringLiteral("100/smaps"),
        std::string("55a000000000-55a000010000 rw-p 00000000 00:00 0    [heap]\nSize:  64 kB\n"
                    "Rss:  8 kB\nPss:  8 kB\nPrivate_Dirty:  8 kB\n"));
    MemoryUsageSampler sampler(proc.root());
    MemoryUsagePage page(&sampler);
    page.show();
    sampler.start();
    sampler.setActive(true);
    page.tabs()->setCurrentIndex(2);
    QVERIFY(sampler.readsMappings());
    QTRY_VERIFY_WITH_TIMEOUT(page.mappingModel()->rowCount() == 1, 5000);
    QCOMPARE(page.mappingModel()->index(0, MappingUsageModel::Mapping).data().toString(),
        QStringLiteral("[heap]"));
    page.tabs()->setCurrentIndex(1);
    QVERIFY(!sampler.readsMappings());
}

void TestMemoryUsagePage::openMemoryMapCarriesThePid()
{
    pgtest::FakeProc proc;
    addProcess(proc, 4242, "target", 1000, 1000);
    AppOptions options;
    MainWindow window(options);
    const AppPages pages = assemblePages(window, options, nullptr);
    QVERIFY(pages.memoryUsage);
    QSignalSpy asked(pages.memoryUsage, &MemoryUsagePage::memoryMapRequested);
    QSignalSpy target(pages.memory, &MemoryMapPage::targetRequested);
    pages.memoryUsage->applyUsage(read(proc));
    // The context menu's "Open memory map" on the current row.
    QTreeView* view = pages.memoryUsage->processView();
    view->setCurrentIndex(view->model()->index(0, 0));
    QVERIFY(!pages.memoryUsage->contextMenu()->actions().isEmpty());
    pages.memoryUsage->contextMenu()->actions().front()->trigger();
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.front().at(0).toInt(), 4242);
    // connectJumps(): the memory map page opens that process and is shown.
    QCOMPARE(window.currentPageId(), QStringLiteral("memory"));
    QCOMPARE(target.size(), 1);
    QCOMPARE(target.front().at(0).toInt(), 4242);
    QCOMPARE(target.front().at(1).toULongLong(), 0ULL);
}

void TestMemoryUsagePage::samplerReadsOnlyWhileActive()
{
    pgtest::FakeProc proc;
    addProcess(proc, 100, "app", 1000, 1000);
    MemoryUsageSampler sampler(proc.root());
    QObject receiver;
    int ready = 0;
    int lastDone = -1, lastTotal = -1;
    connect(
        &sampler, &MemoryUsageSampler::usageReady, &receiver,
        [&ready](
            const MemoryUsageSnapshotPtr& s) { ready += s && s->census.processes.size() == 1; },
        Qt::QueuedConnection);
    connect(
        &sampler, &MemoryUsageSampler::progress, &receiver,
        [&](int done, int total) {
            lastDone = done;
            lastTotal = total;
        },
        Qt::QueuedConnection);
    sampler.start();
    sampler.refreshNow();
    QTest::qWait(300);
    QCOMPARE(ready, 0); // inactive until its page is shown: nothing read, F5 or not
    QVERIFY(!sampler.isReading());

    sampler.setActive(true);
    QTRY_COMPARE(ready, 1);
    QCOMPARE(lastDone, 1);
    QCOMPARE(lastTotal, 1);
    QCOMPARE(sampler.intervalMs(), MemoryUsageSampler::kMinIntervalMs);
    sampler.refreshNow(); // F5 while shown: at once
    QTRY_COMPARE(ready, 2);

    sampler.setActive(false);
    QTest::qWait(100);
    const int before = ready;
    sampler.refreshNow();
    QTest::qWait(300);
    QCOMPARE(ready, before);
}

void TestMemoryUsagePage::samplerStopsWhenAsked()
{
    pgtest::FakeProc proc;
    for (int pid = 100; pid < 140; ++pid)
        addProcess(proc, pid, "p" + std::to_string(pid), 1000, 100);
    MemoryUsageSampler sampler(proc.root());
    // Asked to stop as soon as the read has started (from the worker thread, where progress is
    // emitted): the snapshot says it stopped, with nothing read.
    connect(
        &sampler, &MemoryUsageSampler::progress, &sampler,
        [&sampler](int done, int) {
            if (done == 0)
                sampler.requestStop();
        },
        Qt::DirectConnection);
    QObject receiver;
    MemoryUsageSnapshotPtr got;
    connect(
        &sampler, &MemoryUsageSampler::usageReady, &receiver,
        [&got](const MemoryUsageSnapshotPtr& s) { got = s; }, Qt::QueuedConnection);
    sampler.start();
    sampler.setActive(true);
    QTRY_VERIFY(got != nullptr);
    QVERIFY(got->census.stopped);
    QVERIFY(got->census.processes.empty());
    QTRY_VERIFY(!sampler.isReading());

    // The page shows the stop as partial figures.
    MemoryUsagePage page;
    page.applyUsage(got);
    QVERIFY(page.notCountedText().contains(QStringLiteral("partial")));
}

void TestMemoryUsagePage::rowsFreedWhenHidden()
{
    pgtest::FakeProc proc;
    addProcess(proc, 100, "app", 1000, 1000);
    MemoryUsageSampler sampler(proc.root()); // never started: the page only needs a source
    MemoryUsagePage page(&sampler);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.showProgress(3, 10);
    QVERIFY(page.stopEnabled());
    QVERIFY2(page.statusText().contains(QStringLiteral("3 of 10")), qPrintable(page.statusText()));
    page.applyUsage(read(proc));
    QVERIFY(!page.stopEnabled());
    QCOMPARE(page.processModel()->rowCount(), 1);
    page.hide();
    QCOMPARE(page.processModel()->rowCount(), 0);
    QCOMPARE(page.userModel()->rowCount(), 0);
    QVERIFY(!page.pageExports().front().produce().unavailable.isEmpty());
    page.applyUsage(read(proc)); // a read that ends after the page was hidden is dropped
    QCOMPARE(page.processModel()->rowCount(), 0);
}

QTEST_MAIN(TestMemoryUsagePage)
#include "tst_memory_usage_page.moc"
