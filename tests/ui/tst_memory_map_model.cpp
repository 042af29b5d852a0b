// SPDX-License-Identifier: GPL-3.0-or-later
// The memory-map tree model and page, fed scripted snapshots under QAbstractItemModelTester
// (Fatal): a mapping appears, grows, vanishes; refreshes never reset the model, so expanded groups,
// the selection and persistent indexes survive. The proxy sorts within groups and keeps the totals
// row last; the page says in words why a map is missing (permission, exit, kernel thread).

#include "core/sampler/MemoryMapSampler.h"
#include "ui/memory/MemoryMapModel.h"
#include "ui/memory/MemoryMapPage.h"
#include "ui/memory/MemoryMapProxy.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace pg;

namespace {

struct Spec
{
    std::uint64_t start;
    std::uint64_t end;
    const char* perms;
    const char* path;
    std::uint64_t rssKib;
    std::uint64_t sharedCleanKib;
};

MemoryMapSnapshotPtr snapshotOf(int pid, std::uint64_t startTime, const std::vector<Spec>& specs)
{
    std::string text;
    char buf[512];
    for (const Spec& s : specs) {
        std::snprintf(buf, sizeof buf,
            "%llx-%llx %s 00000000 fe:00 %d %s\nSize: %llu kB\nRss: %llu kB\nPss: %llu kB\n"
            "Shared_Clean: %llu kB\nShared_Dirty: 0 kB\nPrivate_Clean: 0 kB\nPrivate_Dirty: %llu "
            "kB\n"
            "Referenced: %llu kB\nAnonymous: 0 kB\nSwap: 0 kB\nSwapPss: 0 kB\nLocked: 0 "
            "kB\nVmFlags: rd \n",
            static_cast<unsigned long long>(s.start), static_cast<unsigned long long>(s.end),
            s.perms, s.path[0] == '/' ? 7 : 0, s.path,
            static_cast<unsigned long long>((s.end - s.start) / 1024),
            static_cast<unsigned long long>(s.rssKib),
            static_cast<unsigned long long>(s.rssKib - s.sharedCleanKib / 2),
            static_cast<unsigned long long>(s.sharedCleanKib),
            static_cast<unsigned long long>(s.rssKib - s.sharedCleanKib),
            static_cast<unsigned long long>(s.rssKib));
        text += buf;
    }
    auto smaps = parseSmaps(text);
    if (!smaps)
        qFatal("bad synthetic smaps");
    auto snap = std::make_shared<MemoryMapSnapshot>();
    snap->key = ProcessKey { pid, startTime };
    snap->comm = "demo";
    snap->cmdline = "demo --flag";
    auto shared = std::make_shared<const Smaps>(std::move(smaps).value());
    snap->grouping = std::make_shared<const MemoryMapGrouping>(groupMappings(*shared));
    snap->smaps = std::move(shared);
    snap->smapsPath = "/proc/" + std::to_string(pid) + "/smaps";
    return snap;
}

const std::vector<Spec> kFirst = {
    { 0x400000, 0x402000, "r-xp", "/usr/bin/demo", 8, 8 },
    { 0x1000000, 0x1004000, "rw-p", "[heap]", 12, 0 },
    { 0x7f0000000000, 0x7f0000010000, "r-xp", "/usr/lib/libc.so.6", 40, 40 },
    { 0x7f0000010000, 0x7f0000012000, "rw-p", "/usr/lib/libc.so.6", 8, 0 },
    { 0x7f0000020000, 0x7f0000024000, "rw-p", "", 16, 0 },
};

QModelIndex groupIndex(const QAbstractItemModel& model, const QString& name)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex i = model.index(r, MemoryMapModel::Mapping);
        if (i.data().toString() == name)
            return i;
    }
    return {};
}

qulonglong rssOf(const QModelIndex& index)
{
    return index.siblingAtColumn(MemoryMapModel::Rss).data(MemoryMapModel::SortRole).toULongLong();
}

} // namespace

class TestMemoryMapModel : public QObject
{
    Q_OBJECT
private slots:
    void treeUpdatesInPlace()
    {
        MemoryMapModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.applySnapshot(snapshotOf(10, 5, kFirst));
        QCOMPARE(model.rowCount(), 5); // demo, heap, libc, anonymous, totals
        const QModelIndex totals = model.index(model.rowCount() - 1, 0);
        QCOMPARE(
            totals.data(MemoryMapModel::RowKindRole).toInt(), int(MemoryMapModel::RowKind::Totals));
        QCOMPARE(rssOf(totals), 84ULL);
        const QPersistentModelIndex libc = groupIndex(model, QStringLiteral("/usr/lib/libc.so.6"));
        QVERIFY(libc.isValid());
        QCOMPARE(model.rowCount(libc), 2);
        QCOMPARE(rssOf(libc), 48ULL);
        // Shared and Private columns roll up clean + dirty.
        QCOMPARE(libc.sibling(libc.row(), MemoryMapModel::Shared)
                     .data(MemoryMapModel::SortRole)
                     .toULongLong(),
            40ULL);
        QCOMPARE(libc.sibling(libc.row(), MemoryMapModel::Private)
                     .data(MemoryMapModel::SortRole)
                     .toULongLong(),
            8ULL);
        const QPersistentModelIndex heap = groupIndex(model, QStringLiteral("[heap]"));
        const QPersistentModelIndex heapChild = model.index(0, 0, heap);
        QCOMPARE(heapChild.data().toString(), QStringLiteral("01000000-01004000 rw-p"));

        QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // A mapping appears: a new library and a second anonymous mapping.
        auto second = kFirst;
        second.push_back({ 0x7f0000030000, 0x7f0000031000, "r--p", "/usr/lib/libm.so.6", 4, 4 });
        second.push_back({ 0x7f0000040000, 0x7f0000042000, "rw-p", "", 8, 0 });
        model.applySnapshot(snapshotOf(10, 5, second));
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.index(model.rowCount() - 1, 0).data(MemoryMapModel::RowKindRole).toInt(),
            int(MemoryMapModel::RowKind::Totals));
        QCOMPARE(model.rowCount(groupIndex(model, QStringLiteral("[anonymous]"))), 2);
        QCOMPARE(libc.data().toString(), QStringLiteral("/usr/lib/libc.so.6"));
        QCOMPARE(rssOf(model.index(model.rowCount() - 1, 0)), 96ULL);

        // The heap grows.
        auto third = second;
        third[1] = { 0x1000000, 0x1008000, "rw-p", "[heap]", 28, 0 };
        changed.clear();
        model.applySnapshot(snapshotOf(10, 5, third));
        QCOMPARE(rssOf(heap), 28ULL);
        QCOMPARE(QModelIndex(heapChild).siblingAtColumn(MemoryMapModel::Size).data().toString(),
            QStringLiteral("32"));
        bool heapSignalled = false;
        for (const auto& args : changed) {
            const auto first = args.at(0).value<QModelIndex>();
            const auto last = args.at(1).value<QModelIndex>();
            if (first.parent() == heap.parent() && first.row() <= heap.row()
                && heap.row() <= last.row())
                heapSignalled = true;
        }
        QVERIFY(heapSignalled);
        QCOMPARE(rssOf(model.index(model.rowCount() - 1, 0)), 112ULL);

        // Mappings vanish: one of libc's two, and all of libm.
        auto fourth = third;
        fourth.erase(fourth.begin() + 3); // libc rw-p
        fourth.erase(fourth.begin() + 4); // libm
        model.applySnapshot(snapshotOf(10, 5, fourth));
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(!groupIndex(model, QStringLiteral("/usr/lib/libm.so.6")).isValid());
        QVERIFY(libc.isValid());
        QCOMPARE(model.rowCount(libc), 1);
        QCOMPARE(rssOf(libc), 40ULL);
        QVERIFY(heapChild.isValid());
        QCOMPARE(heapChild.parent(), QModelIndex(heap));
        QCOMPARE(resets.count(), 0);

        // Everything vanishes but one mapping; then the process is another one: that resets.
        model.applySnapshot(snapshotOf(10, 5, { kFirst[0] }));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(resets.count(), 0);
        model.applySnapshot(snapshotOf(10, 99, kFirst));
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 5);
    }

    void flatModeUpdatesInPlace()
    {
        MemoryMapModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setMode(MemoryMapModel::Mode::Flat);
        model.applySnapshot(snapshotOf(11, 5, kFirst));
        QCOMPARE(model.rowCount(), 6); // five mappings and the totals
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        QCOMPARE(model.index(2, MemoryMapModel::Path).data().toString(),
            QStringLiteral("/usr/lib/libc.so.6"));
        QCOMPARE(model.index(2, MemoryMapModel::Perms).data().toString(), QStringLiteral("r-xp"));
        QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
        auto next = kFirst;
        next.erase(next.begin());
        next.push_back({ 0x7f0000050000, 0x7f0000051000, "rw-p", "", 4, 0 });
        model.applySnapshot(snapshotOf(11, 5, next));
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(rssOf(model.index(model.rowCount() - 1, 0)), 80ULL);
        model.setMode(MemoryMapModel::Mode::Tree);
        QCOMPARE(model.rowCount(), 4); // heap, libc, anonymous, totals
    }

    // A new mapping goes to its place in address order (the totals row stays last), in one
    // insertion; the rows around it keep their persistent indexes.
    void newMappingTakesItsPlace()
    {
        MemoryMapModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setMode(MemoryMapModel::Mode::Flat);
        model.applySnapshot(snapshotOf(12, 5, kFirst));
        const QPersistentModelIndex heap = model.index(1, MemoryMapModel::Path);
        QCOMPARE(heap.data().toString(), QStringLiteral("[heap]"));
        auto next = kFirst;
        next.insert(next.begin() + 2, { 0x2000000, 0x2001000, "rw-p", "", 4, 0 });
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
        model.applySnapshot(snapshotOf(12, 5, next));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted[0][1].toInt(), 2);
        QCOMPARE(inserted[0][2].toInt(), 2);
        QCOMPARE(layouts.size(), 0);
        QCOMPARE(model.index(2, MemoryMapModel::Mapping).data().toString(),
            QStringLiteral("02000000-02001000 rw-p"));
        QCOMPARE(heap.row(), 1);
        QCOMPARE(model.index(model.rowCount() - 1, 0).data(MemoryMapModel::RowKindRole).toInt(),
            int(MemoryMapModel::RowKind::Totals));
    }

    void proxySortsWithinGroupsTotalsLast()
    {
        MemoryMapModel model;
        MemoryMapProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.applySnapshot(snapshotOf(12, 5, kFirst));
        for (Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
            proxy.sort(MemoryMapModel::Rss, order);
            const int last = proxy.rowCount() - 1;
            QCOMPARE(proxy.index(last, 0).data(MemoryMapModel::RowKindRole).toInt(),
                int(MemoryMapModel::RowKind::Totals));
            const qulonglong first = rssOf(proxy.index(0, 0));
            QCOMPARE(first, order == Qt::DescendingOrder ? 48ULL : 8ULL);
            // Within libc's group, too.
            const QModelIndex libc = groupIndex(proxy, QStringLiteral("/usr/lib/libc.so.6"));
            QCOMPARE(rssOf(proxy.index(0, 0, libc)), order == Qt::DescendingOrder ? 40ULL : 8ULL);
        }
        proxy.setNameFilter(QStringLiteral("LIBC"));
        QCOMPARE(proxy.rowCount(), 2); // libc and the totals
        QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 2);
        proxy.setNameFilter(QStringLiteral("anonymous"));
        QCOMPARE(proxy.rowCount(), 2);
    }

    void pageExplainsAndSurvivesRefresh()
    {
        MemoryMapPage page;
        page.resize(1200, 800);
        page.show();
        QSignalSpy target(&page, &MemoryMapPage::targetRequested);
        page.openProcess(ProcessKey { 20, 0 });
        QCOMPARE(target.count(), 1);
        QCOMPARE(target.at(0).at(0).toInt(), 20);

        auto snap = snapshotOf(20, 7, kFirst);
        auto mutableSnap = std::const_pointer_cast<MemoryMapSnapshot>(snap);
        PidStatm statm;
        statm.sizePages = 24; // 96 KiB, 4 less than the smaps Size sum (no vsyscall here)
        statm.residentPages = 21; // 84 KiB, as smaps Rss
        statm.sharedPages = 12; // 48 KiB
        mutableSnap->statm = statm;
        PidStatus status;
        status.vmSizeKib = 96;
        status.rssAnonKib = 36;
        status.rssFileKib = 48;
        status.rssShmemKib = 0;
        mutableSnap->status = status;
        page.applyMaps(snap);
        QVERIFY(page.showingTable());
        QVERIFY(page.titleLabel()->text().contains(QStringLiteral("20")));
        QVERIFY(page.titleLabel()->text().contains(QStringLiteral("demo")));
        const QString shr = page.summaryText(QStringLiteral("SHR"));
        QVERIFY2(shr.contains(QStringLiteral("RssFile 48 KiB"))
                && shr.contains(QStringLiteral("RssShmem 0 KiB")),
            qPrintable(shr));
        QVERIFY2(page.summaryText(QStringLiteral("RES")).contains(QStringLiteral("the same")),
            qPrintable(page.summaryText(QStringLiteral("RES"))));
        QVERIFY(page.summaryText(QStringLiteral("Shared")).contains(QStringLiteral("48 KiB")));
        QVERIFY(page.summaryText(QStringLiteral("USS")).contains(QStringLiteral("36 KiB")));

        // Expand libc and select its first mapping; a refresh keeps both.
        QTreeView* view = page.view();
        const QModelIndex libc = groupIndex(*view->model(), QStringLiteral("/usr/lib/libc.so.6"));
        view->expand(libc);
        view->setCurrentIndex(view->model()->index(0, 0, libc));
        auto grown = kFirst;
        grown[1] = { 0x1000000, 0x1010000, "rw-p", "[heap]", 60, 0 };
        page.applyMaps(snapshotOf(20, 7, grown));
        const QModelIndex libcAfter
            = groupIndex(*view->model(), QStringLiteral("/usr/lib/libc.so.6"));
        QVERIFY(view->isExpanded(libcAfter));
        QCOMPARE(view->currentIndex().parent(), libcAfter);

        // The process exits: the data stays, greyed, and the page says so.
        auto gone = std::make_shared<MemoryMapSnapshot>();
        gone->key = ProcessKey { 20, 7 };
        gone->exited = true;
        gone->smapsError = Error::FileMissing;
        page.applyMaps(gone);
        QVERIFY(page.showingTable());
        QVERIFY(page.model()->isStale());
        QVERIFY(page.messageLabel()->text().contains(QStringLiteral("exited")));
        QVERIFY(page.model()->rowCount() > 0);
    }

    // The sampler reads only while the map is on screen, and stops once the process is gone.
    void samplerReadsOnlyWhileShown()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString dir = root.path() + QStringLiteral("/42");
        QVERIFY(QDir().mkpath(dir));
        auto write = [&](const char* name, const QByteArray& text) {
            QFile f(dir + QLatin1Char('/') + QLatin1String(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        write("stat", "42 (demo) S 1 42 42 0 -1 4194560 0 0 0 0 5 6 0 0 20 0 1 0 777 1000 3 0\n");
        write("smaps",
            "00400000-00401000 r--p 00000000 fe:00 1 /usr/bin/demo\nSize: 4 kB\nRss: 4 kB\nPss: 4 "
            "kB\n");
        write("statm", "1 1 1 1 0 0 0\n");

        MemoryMapSampler sampler(root.path());
        QSignalSpy ready(&sampler, &MemoryMapSampler::mapsReady);
        sampler.start(); // as main.cpp does; nothing is read before
        sampler.setTarget(42, 0);
        QCOMPARE(ready.count(), 0); // nobody is looking: smaps is not read
        sampler.refreshNow();
        QCOMPARE(ready.count(), 0);
        sampler.setActive(true);
        QCOMPARE(ready.count(), 1);
        auto first = ready.at(0).at(0).value<MemoryMapSnapshotPtr>();
        QVERIFY(first && first->smaps);
        QCOMPARE(first->key.startTimeTicks, std::uint64_t(777));
        QCOMPARE(first->smaps->mappings.size(), std::size_t(1));
        sampler.refreshNow(); // F5
        QCOMPARE(ready.count(), 2);
        sampler.setIntervalMs(100);
        sampler.refreshNow();
        QTRY_VERIFY(ready.count() >= 4); // and again on its own
        sampler.setActive(false);
        const int whileHidden = static_cast<int>(ready.count());
        sampler.refreshNow();
        QTest::qWait(300);
        QCOMPARE(ready.count(), whileHidden);

        // The process exits: one snapshot says so, then the sampler stops reading.
        QVERIFY(QDir(dir).removeRecursively());
        sampler.setActive(true);
        QCOMPARE(ready.count(), whileHidden + 1);
        QVERIFY(ready.last().at(0).value<MemoryMapSnapshotPtr>()->exited);
        QTest::qWait(300);
        QCOMPARE(ready.count(), whileHidden + 1);
    }

    void pageSaysWhyThereIsNoMap()
    {
        MemoryMapPage page;
        page.openProcess(ProcessKey { 1, 0 });
        auto denied = std::make_shared<MemoryMapSnapshot>();
        denied->key = ProcessKey { 1, 3 };
        denied->comm = "systemd";
        denied->uid = 0;
        denied->smapsPath = "/proc/1/smaps";
        denied->smapsError = Error::PermissionDenied;
        page.applyMaps(denied);
        QVERIFY(!page.showingTable());
        bool explained = false;
        for (QLabel* label : page.findChildren<QLabel*>()) {
            const QString t = label->text();
            if (t.contains(QStringLiteral("/proc/1/smaps"))
                && t.contains(QStringLiteral("permission denied"))
                && t.contains(QStringLiteral("CAP_SYS_PTRACE"))
                && t.contains(QStringLiteral("root")))
                explained = true;
        }
        QVERIFY(explained);

        page.openProcess(ProcessKey { 2, 0 });
        auto kthread = std::make_shared<MemoryMapSnapshot>();
        kthread->key = ProcessKey { 2, 3 };
        kthread->comm = "kthreadd";
        kthread->kernelThread = true;
        kthread->smapsPath = "/proc/2/smaps";
        kthread->smaps = std::make_shared<const Smaps>();
        kthread->grouping = std::make_shared<const MemoryMapGrouping>();
        page.applyMaps(kthread);
        QVERIFY(!page.showingTable());
        bool saysKernelThread = false;
        for (QLabel* label : page.findChildren<QLabel*>())
            saysKernelThread = saysKernelThread
                || label->text().contains(
                    QStringLiteral("kernel thread: it has no user-space memory"));
        QVERIFY(saysKernelThread);
    }
};

QTEST_MAIN(TestMemoryMapModel)
#include "tst_memory_map_model.moc"
