// SPDX-License-Identifier: GPL-3.0-or-later
// The memory-map page's two views across processes and time: "Changes since the baseline" (fed
// scripted snapshots under QAbstractItemModelTester, then a live child that grows its [heap] with
// sbrk and maps a new file) with its sparklines, Set baseline, another pid and the CSV; and "Who
// else maps this?" on two live children sharing one file: both listed with half the file's Pss
// each, and activating a row asks the page to show that pid.

#include "core/memory/MemoryMapReader.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/SmapsText.h"
#include "ui/common/Banner.h"
#include "ui/memory/MapChangesModel.h"
#include "ui/memory/MemoryMapModel.h"
#include "ui/memory/MemoryMapPage.h"
#include "ui/memory/WhoMapsDialog.h"
#include "ui/memory/WhoMapsModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

using namespace pg;
using pgtest::SmapsSpec;

namespace {

// A snapshot of pid `pid` taken at `when` whose smaps is `specs`.
MemoryMapSnapshotPtr snapshotOf(int pid, std::int64_t when, const std::vector<SmapsSpec>& specs)
{
    auto snap = std::make_shared<MemoryMapSnapshot>();
    snap->key = ProcessKey { pid, 5 };
    snap->comm = "demo";
    snap->takenAtUnixMs = when;
    auto shared = std::make_shared<const Smaps>(pgtest::smapsOf(specs));
    snap->grouping = std::make_shared<const MemoryMapGrouping>(groupMappings(*shared));
    snap->smaps = std::move(shared);
    return snap;
}

MemoryMapSnapshotPtr live(int pid)
{
    return std::make_shared<MemoryMapSnapshot>(
        readMemoryMapSnapshot("/proc", ProcessKey { pid, 0 }));
}

QModelIndex changeGroup(const QAbstractItemModel& m, const QString& name)
{
    for (int r = 0; r < m.rowCount(); ++r) {
        const QModelIndex i = m.index(r, 0);
        if (i.data(MapChangesModel::FilterRole).toString() == name)
            return i;
    }
    return {};
}

// The top-level row of the map that is `path`.
QModelIndex fileRowOf(const MemoryMapModel& model, const std::string& path)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        const SmapsMapping* m = model.mappingAt(model.index(r, 0));
        if (m && m->path == path)
            return model.index(r, 0);
    }
    return {};
}

// Threads of this process named `name` (as /proc/self/task/TID/comm has it: 15 bytes at most).
int threadsNamed(const QString& name)
{
    int n = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly) && QString::fromUtf8(comm.readAll()).trimmed() == name)
            ++n;
    }
    return n;
}

QString cell(const QModelIndex& i, int column)
{
    return i.siblingAtColumn(column).data().toString();
}

// A child that waits on a pipe; told to, it grows [heap] by `heapBytes` and maps `path` (written
// to `fileBytes`) shared, touching all of it. `mapAtStart`: it maps the file before saying ready.
struct Grower
{
    pgtest::Child child;
    int toChild = -1;
    int fromChild = -1;

    bool start(
        const std::string& path, std::size_t heapBytes, std::size_t fileBytes, bool mapAtStart)
    {
        int down[2];
        int up[2];
        if (::pipe(down) != 0 || ::pipe(up) != 0)
            return false;
        child.pid = ::fork();
        if (child.pid < 0)
            return false;
        if (child.pid == 0) {
            ::close(down[1]);
            ::close(up[0]);
            auto mapFile = [&] {
                const int fd = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
                if (fd < 0 || ::ftruncate(fd, static_cast<off_t>(fileBytes)) != 0)
                    ::_exit(3);
                void* p = ::mmap(nullptr, fileBytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
                if (p == MAP_FAILED)
                    ::_exit(4);
                std::memset(p, 0x11, fileBytes);
            };
            if (mapAtStart)
                mapFile();
            // A first brk so that [heap] is in the baseline (a fresh process may have none yet).
            auto* first = static_cast<char*>(::sbrk(64 * 1024));
            if (first == reinterpret_cast<char*>(-1))
                ::_exit(5);
            std::memset(first, 0x5a, 64 * 1024);
            char c = 'r';
            (void)!::write(up[1], &c, 1);
            if (::read(down[0], &c, 1) == 1) {
                auto* heap = static_cast<char*>(::sbrk(static_cast<intptr_t>(heapBytes)));
                if (heap == reinterpret_cast<char*>(-1))
                    ::_exit(2);
                std::memset(heap, 0x5a, heapBytes);
                mapFile();
                (void)!::write(up[1], &c, 1);
            }
            for (;;)
                ::pause();
        }
        ::close(down[0]);
        ::close(up[1]);
        toChild = down[1];
        fromChild = up[0];
        char c = 0;
        return ::read(fromChild, &c, 1) == 1;
    }
    bool grow()
    {
        char c = 'g';
        return ::write(toChild, &c, 1) == 1 && ::read(fromChild, &c, 1) == 1;
    }
    ~Grower()
    {
        if (toChild >= 0)
            ::close(toChild);
        if (fromChild >= 0)
            ::close(fromChild);
    }
};

// `page` shows `g`, a child started here, which then grows its heap by `heapBytes` and maps
// `fileBytes` of the file at `path`, and the page reads it again. Returns the first map read
// (the baseline), or null when the child could not be started or grown.
MemoryMapSnapshotPtr watchGrowth(MemoryMapPage& page, Grower& g, const std::string& path,
    std::size_t heapBytes, std::size_t fileBytes)
{
    if (!g.start(path, heapBytes, fileBytes, false))
        return {};
    page.openProcess(ProcessKey { g.child.pid, 0 });
    MemoryMapSnapshotPtr first = live(g.child.pid);
    page.applyMaps(first);
    if (!g.grow())
        return {};
    page.applyMaps(live(g.child.pid));
    return first;
}

} // namespace

class TestMemoryChangesUx : public QObject
{
    Q_OBJECT
private slots:
    void changesOfScriptedSnapshots();
    void changesOfLiveChild();
    void whoMapsTwoChildren();
    void changesWhenTheProcessExits();
    void changesModeIsRemembered();
};

void TestMemoryChangesUx::changesOfScriptedSnapshots()
{
    MemoryMapPage page;
    QAbstractItemModelTester tester(
        page.changesModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.openProcess(ProcessKey { 10, 5 });
    const std::vector<SmapsSpec> first = {
        { 0x400000, 0x402000, "/usr/bin/demo", 7, 8 },
        { 0x1000000, 0x1004000, "[heap]", 0, 12 },
        { 0x7f0000000000, 0x7f0000010000, "/usr/lib/libgone.so", 7, 40 },
    };
    page.applyMaps(snapshotOf(10, 1000, first));
    QVERIFY(page.baseline()); // the first map read is the baseline
    QCOMPARE(page.baseline()->takenAtUnixMs, std::int64_t(1000));
    QVERIFY(page.showingTable());

    // Three refreshes: the heap grows each time, the library goes, a file comes.
    for (int k = 1; k <= 3; ++k) {
        page.applyMaps(snapshotOf(10, 1000 + 2000 * k,
            { { 0x400000, 0x402000, "/usr/bin/demo", 7, 8 },
                { 0x1000000, 0x1004000 + 0x100000 * static_cast<std::uint64_t>(k), "[heap]", 0,
                    12 + 1024 * static_cast<std::uint64_t>(k) },
                { 0x7f0000030000, 0x7f0000040000, "/tmp/new.bin", 7, 64 } }));
    }
    QCOMPARE(page.history().samples(), std::size_t(4));
    page.setShowChanges(true);
    QVERIFY(page.showingChanges());
    QVERIFY(!page.showingTable());
    QCOMPARE(page.findChild<QComboBox*>()->currentIndex(), 2);
    QAbstractItemModel* view = page.changesView()->model();
    QCOMPARE(view->rowCount(), 3); // [heap], libgone, new.bin

    const QModelIndex heap = changeGroup(*view, QStringLiteral("[heap]"));
    QVERIFY(heap.isValid());
    QCOMPARE(cell(heap, MapChangesModel::Status), QStringLiteral("grew"));
    QCOMPARE(cell(heap, MapChangesModel::RssDelta), QStringLiteral("+3.00 MiB"));
    QCOMPARE(cell(heap, MapChangesModel::SizeDelta), QStringLiteral("+3.00 MiB"));
    QCOMPARE(view->rowCount(heap), 1);
    QCOMPARE(cell(view->index(0, 0, heap), MapChangesModel::Mapping),
        QStringLiteral("000001000000-000001304000"));
    // The sparkline: the heap's Rss in each of the four samples.
    const auto trend = heap.siblingAtColumn(MapChangesModel::Trend)
                           .data(MapChangesModel::SparklineRole)
                           .value<QList<qreal>>();
    QCOMPARE(trend, QList<qreal>({ 12, 1036, 2060, 3084 }));
    // Largest growth first.
    QCOMPARE(view->index(0, 0), heap);

    const QModelIndex gone = changeGroup(*view, QStringLiteral("/usr/lib/libgone.so"));
    QVERIFY(gone.isValid());
    QCOMPARE(cell(gone, MapChangesModel::Status), QStringLiteral("vanished"));
    QCOMPARE(cell(gone, MapChangesModel::RssNow), QStringLiteral("–"));
    QCOMPARE(cell(view->index(0, 0, gone), MapChangesModel::Status), QStringLiteral("vanished"));
    const QModelIndex added = changeGroup(*view, QStringLiteral("/tmp/new.bin"));
    QCOMPARE(cell(added, MapChangesModel::Status), QStringLiteral("appeared"));
    QCOMPARE(cell(added, MapChangesModel::RssDelta), QStringLiteral("+64 KiB"));
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("baselineInfo"))
                ->text()
                .contains(QStringLiteral("1 appeared, 1 vanished, 1 grew")));

    const CsvTable csv = page.changesCsv();
    QCOMPARE(csv.rows.size(), std::size_t(3));
    QCOMPARE(csv.rows[0][0], std::string("grew"));
    QCOMPARE(csv.rows[0][1], std::string("[heap]"));
    QCOMPARE(csv.rows[0][12], std::string("3072"));

    // A refresh with the same changed rows updates them in place.
    QSignalSpy resets(page.changesModel(), &QAbstractItemModel::modelAboutToBeReset);
    page.applyMaps(snapshotOf(10, 9000,
        { { 0x400000, 0x402000, "/usr/bin/demo", 7, 8 },
            { 0x1000000, 0x1404000, "[heap]", 0, 4108 },
            { 0x7f0000030000, 0x7f0000040000, "/tmp/new.bin", 7, 64 } }));
    QCOMPARE(resets.size(), 0);
    QCOMPARE(cell(changeGroup(*view, QStringLiteral("[heap]")), MapChangesModel::RssDelta),
        QStringLiteral("+4.00 MiB"));

    // Set baseline: nothing has changed since.
    page.setBaseline();
    QCOMPARE(view->rowCount(), 0);
    QVERIFY(page.changesCsv().rows.empty());

    // Another process: a history and a baseline of its own.
    page.openProcess(ProcessKey { 11, 5 });
    QVERIFY(!page.baseline());
    QCOMPARE(page.history().samples(), std::size_t(0));
    page.applyMaps(snapshotOf(11, 20000, first));
    QCOMPARE(page.baseline()->takenAtUnixMs, std::int64_t(20000));
    QCOMPARE(view->rowCount(), 0);

    // Back to the tree: the mode list and the stack follow.
    page.setShowChanges(false);
    QVERIFY(page.showingTable());
    QCOMPARE(page.findChild<QComboBox*>()->currentIndex(), 0);
}

void TestMemoryChangesUx::changesOfLiveChild()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("grown.bin")).toStdString();
    Grower g;
    MemoryMapPage page;
    const MemoryMapSnapshotPtr first = watchGrowth(page, g, path, 8u << 20, 2u << 20);
    QVERIFY(first);
    QVERIFY(page.baseline());
    QCOMPARE(page.baseline()->takenAtUnixMs, first->takenAtUnixMs); // the first map read
    page.setShowChanges(true);
    QAbstractItemModel* view = page.changesView()->model();

    const QModelIndex heap = changeGroup(*view, QStringLiteral("[heap]"));
    QVERIFY(heap.isValid());
    QCOMPARE(cell(heap, MapChangesModel::Status), QStringLiteral("grew"));
    const qlonglong heapDelta = heap.siblingAtColumn(MapChangesModel::RssDelta)
                                    .data(MapChangesModel::SortRole)
                                    .toLongLong();
    QVERIFY2(heapDelta >= 8 * 1024 - 64 && heapDelta <= 9 * 1024,
        qPrintable(QString::number(heapDelta)));
    // Largest growth first: the heap heads the list.
    QCOMPARE(view->index(0, 0), heap);
    const QModelIndex file = changeGroup(*view, QString::fromStdString(path));
    QVERIFY(file.isValid());
    QCOMPARE(cell(file, MapChangesModel::Status), QStringLiteral("appeared"));
    QCOMPARE(cell(file, MapChangesModel::RssDelta), QStringLiteral("+2.00 MiB"));
    const auto trend = heap.siblingAtColumn(MapChangesModel::Trend)
                           .data(MapChangesModel::SparklineRole)
                           .value<QList<qreal>>();
    QCOMPARE(trend.size(), 2);
    QVERIFY(trend[1] - trend[0] >= 8 * 1024 - 64);
}

void TestMemoryChangesUx::whoMapsTwoChildren()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("shared.bin")).toStdString();
    constexpr std::size_t kBytes = 4u << 20;
    Grower a;
    Grower b;
    QVERIFY(a.start(path, 0, kBytes, true));
    QVERIFY(b.start(path, 0, kBytes, true));

    MemoryMapPage page;
    page.show();
    page.openProcess(ProcessKey { a.child.pid, 0 });
    page.applyMaps(live(a.child.pid));
    MemoryMapModel* model = page.model();
    const QModelIndex fileRow = fileRowOf(*model, path);
    QVERIFY(fileRow.isValid());
    // Not for anonymous memory: there is no file to look for.
    for (int r = 0; r < model->rowCount(); ++r) {
        const SmapsMapping* m = model->mappingAt(model->index(r, 0));
        if (m && m->path == "[heap]")
            QVERIFY(!page.showWhoMaps(model->index(r, 0)));
    }

    WhoMapsDialog* dialog = page.showWhoMaps(fileRow);
    QVERIFY(dialog);
    QCOMPARE(page.whoMapsDialog(), dialog);
    QSignalSpy done(dialog, &WhoMapsDialog::finished);
    QVERIFY(dialog->isRunning() || done.size() == 1);
    QVERIFY(done.size() == 1 || done.wait(120000));
    QVERIFY(!dialog->isRunning());

    WhoMapsModel* who = dialog->model();
    QCOMPARE(who->rowCount(), 2);
    std::vector<int> pids;
    for (const FileMapper& p : who->mappers()) {
        pids.push_back(p.pid);
        QCOMPARE(p.rssKib, std::uint64_t(kBytes / 1024));
        QCOMPARE(p.pssKib, std::uint64_t(kBytes / 1024 / 2));
    }
    std::sort(pids.begin(), pids.end());
    std::vector<int> expected { a.child.pid, b.child.pid };
    std::sort(expected.begin(), expected.end());
    QCOMPARE(pids, expected);
    QCOMPARE(who->index(0, WhoMapsModel::Pss).data().toString(), QStringLiteral("2.00 MiB"));
    QVERIFY(dialog->totalLabel()->text().contains(QStringLiteral("2 processes")));
    QVERIFY(dialog->totalLabel()->text().contains(QStringLiteral("Pss 4.00 MiB")));

    // Enter on b's row asks the page to show b.
    QSignalSpy asked(&page, &MemoryMapPage::targetRequested);
    QTableView* table = dialog->view();
    int bRow = -1;
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()->index(r, 0).data(WhoMapsModel::PidRole).toInt() == b.child.pid)
            bRow = r;
    }
    QVERIFY(bRow >= 0);
    table->setCurrentIndex(table->model()->index(bRow, WhoMapsModel::Command));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.front().at(0).toInt(), b.child.pid);
    QCOMPARE(page.titleLabel()->text(), QStringLiteral("PID %1").arg(b.child.pid));
    // A double-click on a's row shows a again.
    int aRow = 1 - bRow;
    const QModelIndex aIndex = table->model()->index(aRow, WhoMapsModel::Pid);
    const QPoint at = table->visualRect(aIndex).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at); // sets the pressed index
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(asked.size(), 2);
    QCOMPARE(asked.back().at(0).toInt(), a.child.pid);

    // The search's thread ended with the search: nothing of it stays while the dialog shows the
    // answer, nor after it closes.
    QTRY_COMPARE(
        threadsNamed(QStringLiteral("procglass-whoma")), 0); // it ends just after answering
    QVERIFY(dialog->stateLabel()->text().startsWith(QStringLiteral("Searched in")));

    // Closing the dialog while nothing runs is immediate; closing during a search stops it.
    const QPointer<WhoMapsDialog> closed(dialog);
    dialog->close();
    QTRY_VERIFY(closed.isNull()); // deleted on close: no per-process rows are kept

    // A second search, closed at once: the close stops and joins its thread.
    page.applyMaps(live(a.child.pid));
    dialog = page.showWhoMaps(fileRowOf(*model, path));
    QVERIFY(dialog);
    QVERIFY(dialog->isRunning());
    const QPointer<WhoMapsDialog> second(dialog);
    dialog->close();
    QTRY_VERIFY(second.isNull());
    // QThread::wait() returns once the thread's run has finished, a moment before the kernel
    // removes the task (seen on a loaded machine): wait for that too.
    QTRY_COMPARE(threadsNamed(QStringLiteral("procglass-whoma")), 0);
}

void TestMemoryChangesUx::changesWhenTheProcessExits()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("grown.bin")).toStdString();
    Grower g;
    MemoryMapPage page;
    page.resize(1200, 800);
    page.show();
    const MemoryMapSnapshotPtr first = watchGrowth(page, g, path, 4u << 20, 1u << 20);
    QVERIFY(first);
    const int pid = g.child.pid;
    page.setShowChanges(true);
    QAbstractItemModel* view = page.changesView()->model();
    const int rows = view->rowCount();
    QVERIFY(rows >= 2); // the heap grew, the file appeared
    auto* setBaseline = page.findChild<QPushButton*>(QStringLiteral("setBaselineButton"));
    QVERIFY(setBaseline);
    QVERIFY(setBaseline->isEnabled());
    QVERIFY(!page.messageLabel()->isVisible());
    const QColor dim = toneColor(TextTone::Dim, QGuiApplication::palette());
    const QModelIndex heap = changeGroup(*view, QStringLiteral("[heap]"));
    QVERIFY(heap.isValid());
    QVERIFY(heap.siblingAtColumn(MapChangesModel::RssDelta).data(Qt::ForegroundRole).isNull());

    // The child exits and is reaped; the sampler's next read of it says so.
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    g.child.pid = -1;
    const auto gone
        = std::make_shared<MemoryMapSnapshot>(readMemoryMapSnapshot("/proc", first->key));
    QVERIFY(gone->exited);
    page.applyMaps(gone);

    // The view says so, in words with the pid and the time, and keeps the last changes, greyed.
    QVERIFY(page.targetExited());
    QVERIFY(page.showingChanges());
    QVERIFY(page.messageLabel()->isVisible());
    const QString text = page.messageLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("Process %1").arg(pid)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("had exited by %1")
                               .arg(QDateTime::fromMSecsSinceEpoch(gone->takenAtUnixMs)
                                        .toString(QStringLiteral("HH:mm:ss")))),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Set baseline is off")), qPrintable(text));
    QCOMPARE(view->rowCount(), rows);
    QVERIFY(page.changesModel()->isStale());
    QVERIFY(!page.findChild<QGroupBox*>()->isEnabled()); // the summary greyed with the rows
    const QModelIndex heapAfter = changeGroup(*view, QStringLiteral("[heap]"));
    QVERIFY(heapAfter.isValid());
    QCOMPARE(heapAfter.siblingAtColumn(MapChangesModel::RssDelta)
                 .data(Qt::ForegroundRole)
                 .value<QColor>(),
        dim);
    QCOMPARE(
        view->index(0, MapChangesModel::Status, heapAfter).data(Qt::ForegroundRole).value<QColor>(),
        dim);
    // No new baseline: no map comes after the last one.
    QVERIFY(!setBaseline->isEnabled());
    QVERIFY(!page.canSetBaseline());
    const std::int64_t baselineAt = page.baseline()->takenAtUnixMs;
    page.setBaseline();
    QCOMPARE(page.baseline()->takenAtUnixMs, baselineAt);
    QCOMPARE(view->rowCount(), rows);

    // The map view says it in its own words, greyed too.
    page.setShowChanges(false);
    QVERIFY(page.model()->isStale());
    QVERIFY(page.messageLabel()->text().contains(QStringLiteral("showing its last map")));
    QVERIFY(!page.messageLabel()->text().contains(QStringLiteral("Set baseline")));

    // Another process: live again, nothing greyed, a baseline may be set.
    page.openProcess(ProcessKey { static_cast<int>(::getpid()), 0 });
    page.applyMaps(live(static_cast<int>(::getpid())));
    QVERIFY(!page.targetExited());
    QVERIFY(!page.changesModel()->isStale());
    QVERIFY(!page.model()->isStale());
    QVERIFY(setBaseline->isEnabled());
    QVERIFY(page.findChild<QGroupBox*>()->isEnabled());
    QVERIFY(!page.messageLabel()->isVisible());
}

void TestMemoryChangesUx::changesModeIsRemembered()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    const QString prefix = QStringLiteral("pages/memory/");
    {
        MemoryMapPage page;
        page.setFlat(true);
        page.setShowChanges(true);
        QSettings settings(file, QSettings::IniFormat);
        page.saveLayout(settings, prefix);
    }
    {
        // A new page (a restart) opens on the changes view, and the map behind it is flat.
        MemoryMapPage page;
        QVERIFY(!page.showingChanges());
        QSettings settings(file, QSettings::IniFormat);
        page.restoreLayout(settings, prefix);
        QVERIFY(page.showingChanges());
        QCOMPARE(page.findChild<QComboBox*>()->currentIndex(), 2);
        page.setShowChanges(false);
        QVERIFY(page.isFlat());
        QCOMPARE(page.findChild<QComboBox*>()->currentIndex(), 1);
        // Left on the map: the next start shows the map.
        page.saveLayout(settings, prefix);
    }
    MemoryMapPage page;
    QSettings settings(file, QSettings::IniFormat);
    page.restoreLayout(settings, prefix);
    QVERIFY(!page.showingChanges());
    QVERIFY(page.isFlat());
    QCOMPARE(page.findChild<QComboBox*>()->currentIndex(), 1);
}

QTEST_MAIN(TestMemoryChangesUx)
#include "tst_memory_changes_ux.moc"
