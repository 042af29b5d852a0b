// SPDX-License-Identifier: GPL-3.0-or-later
// The changes of one process's memory map since a baseline (core/memory/MapChanges): appeared,
// vanished, grew and shrank mappings on synthetic smaps, a mapping replaced at the same address,
// the bounded per-group Rss history; and live, a child that grows its [heap] with sbrk and maps a
// new file between two snapshots.

#include "core/memory/MapChanges.h"
#include "core/memory/MemoryMapReader.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/SmapsText.h"

#include <QTemporaryDir>
#include <QTest>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

using namespace pg;
using pgtest::smapsOf;

namespace {

const MappingChange* changeOf(const std::vector<MappingChange>& changes, const std::string& group)
{
    for (const MappingChange& c : changes) {
        if (c.latest().group == group)
            return &c;
    }
    return nullptr;
}

} // namespace

class TestMapChanges : public QObject
{
    Q_OBJECT
private slots:
    void diffSynthetic();
    void replacedAtSameAddress();
    void unchangedIsNotListed();
    void csvTable();
    void historyRing();
    void historyForgetsGone();
    void liveHeapGrowsAndFileAppears();
};

void TestMapChanges::diffSynthetic()
{
    const Smaps before = smapsOf({
        { 0x400000, 0x402000, "/usr/bin/demo", 11, 8 },
        { 0x1000000, 0x1004000, "[heap]", 0, 12 },
        { 0x7f0000000000, 0x7f0000010000, "/usr/lib/libgone.so", 12, 40 },
        { 0x7f0000020000, 0x7f0000028000, "", 0, 32 },
    });
    const Smaps after = smapsOf({
        { 0x400000, 0x402000, "/usr/bin/demo", 11, 8 },
        { 0x1000000, 0x1404000, "[heap]", 0, 4108 }, // + 4 MiB, all touched
        { 0x7f0000020000, 0x7f0000028000, "", 0, 16 }, // half swapped out or freed
        { 0x7f0000030000, 0x7f0000040000, "/tmp/new.bin", 13, 64 },
    });
    const MapBaseline base = makeBaseline(before, 1000);
    QCOMPARE(base.mappings.size(), std::size_t(4));
    const std::vector<MappingChange> changes = diffMaps(base, after);
    QCOMPARE(changes.size(), std::size_t(4));

    const MappingChange* heap = changeOf(changes, "[heap]");
    QVERIFY(heap);
    QCOMPARE(heap->status, MappingChangeStatus::Grew);
    QCOMPARE(heap->sizeDeltaKib(), std::int64_t(4096));
    QCOMPARE(heap->rssDeltaKib(), std::int64_t(4096));
    QCOMPARE(heap->before->rssKib, std::uint64_t(12));
    QCOMPARE(heap->now->rssKib, std::uint64_t(4108));

    const MappingChange* gone = changeOf(changes, "/usr/lib/libgone.so");
    QVERIFY(gone);
    QCOMPARE(gone->status, MappingChangeStatus::Vanished);
    QVERIFY(!gone->now);
    QCOMPARE(gone->rssDeltaKib(), std::int64_t(-40));

    const MappingChange* anon = changeOf(changes, "");
    QVERIFY(anon);
    QCOMPARE(anon->status, MappingChangeStatus::Shrank);
    QCOMPARE(anon->rssDeltaKib(), std::int64_t(-16));
    QCOMPARE(anon->sizeDeltaKib(), std::int64_t(0));

    const MappingChange* file = changeOf(changes, "/tmp/new.bin");
    QVERIFY(file);
    QCOMPARE(file->status, MappingChangeStatus::Appeared);
    QVERIFY(!file->before);
    QCOMPARE(file->now->inode, std::uint64_t(13));
    QCOMPARE(file->rssDeltaKib(), std::int64_t(64));

    // Address order, the vanished library at its old place.
    for (std::size_t k = 1; k < changes.size(); ++k)
        QVERIFY(changes[k - 1].latest().start < changes[k].latest().start);
    QCOMPARE(changeStatusName(MappingChangeStatus::Appeared), std::string_view("appeared"));
}

void TestMapChanges::replacedAtSameAddress()
{
    // munmap then mmap of another file at the same address: not "grew", one gone, one new.
    const Smaps before = smapsOf({ { 0x7f0000000000, 0x7f0000010000, "/tmp/a", 21, 40 } });
    const Smaps after = smapsOf({ { 0x7f0000000000, 0x7f0000020000, "/tmp/b", 22, 80 } });
    const auto changes = diffMaps(makeBaseline(before, 0), after);
    QCOMPARE(changes.size(), std::size_t(2));
    QCOMPARE(changes[0].status, MappingChangeStatus::Vanished);
    QCOMPARE(changes[0].before->group, std::string("/tmp/a"));
    QCOMPARE(changes[1].status, MappingChangeStatus::Appeared);
    QCOMPARE(changes[1].now->group, std::string("/tmp/b"));
}

void TestMapChanges::unchangedIsNotListed()
{
    const Smaps same = smapsOf({ { 0x400000, 0x402000, "/usr/bin/demo", 11, 8 },
        { 0x1000000, 0x1004000, "[heap]", 0, 12 } });
    QVERIFY(diffMaps(makeBaseline(same, 0), same).empty());
    // Same size, fewer resident pages: shrank.
    const Smaps less = smapsOf({ { 0x400000, 0x402000, "/usr/bin/demo", 11, 4 },
        { 0x1000000, 0x1004000, "[heap]", 0, 12 } });
    const auto changes = diffMaps(makeBaseline(same, 0), less);
    QCOMPARE(changes.size(), std::size_t(1));
    QCOMPARE(changes[0].status, MappingChangeStatus::Shrank);
}

void TestMapChanges::csvTable()
{
    const Smaps before = smapsOf({ { 0x1000000, 0x1004000, "[heap]", 0, 12 },
        { 0x7f0000000000, 0x7f0000010000, "/usr/lib/libgone.so", 12, 40 } });
    const Smaps after = smapsOf({ { 0x1000000, 0x1404000, "[heap]", 0, 4108 } });
    const CsvTable t = mapChangesToCsv(diffMaps(makeBaseline(before, 0), after));
    QCOMPARE(t.header.size(), std::size_t(18));
    QCOMPARE(t.header[0], std::string("status"));
    QCOMPARE(t.header[12], std::string("rss_kib_delta"));
    QCOMPARE(t.rows.size(), std::size_t(2));
    QCOMPARE(t.rows[0],
        std::vector<std::string>({ "grew", "[heap]", "heap", "1000000", "1404000", "00:00", "0",
            "16", "4112", "4096", "12", "4108", "4096", "12", "4108", "4096", "0", "0" }));
    QCOMPARE(t.rows[1][0], std::string("vanished"));
    QCOMPARE(t.rows[1][8], std::string()); // no size now
    QCOMPARE(t.rows[1][12], std::string("-40"));
}

void TestMapChanges::historyRing()
{
    GroupHistory h(4);
    for (std::uint64_t rss : { 10, 20, 30, 40, 50, 60 }) {
        const Smaps s = smapsOf({ { 0x1000000, 0x1400000, "[heap]", 0, rss },
            { 0x400000, 0x402000, "/usr/bin/demo", 11, 8 } });
        h.add(groupMappings(s));
    }
    QCOMPARE(h.samples(), std::size_t(4));
    QCOMPARE(h.rssKib("[heap]"), std::vector<std::uint64_t>({ 30, 40, 50, 60 }));
    QCOMPARE(h.rssKib("/usr/bin/demo"), std::vector<std::uint64_t>({ 8, 8, 8, 8 }));
    QVERIFY(h.rssKib("/nowhere").empty());
    h.clear();
    QCOMPARE(h.samples(), std::size_t(0));
    QVERIFY(h.rssKib("[heap]").empty());
}

void TestMapChanges::historyForgetsGone()
{
    GroupHistory h(3);
    h.add(groupMappings(smapsOf({ { 0x7f0000000000, 0x7f0000010000, "/tmp/a", 21, 40 } })));
    const Smaps later = smapsOf({ { 0x1000000, 0x1004000, "[heap]", 0, 12 } });
    h.add(groupMappings(later));
    // Still in the window: its old value, then 0 where it was gone; the heap 0 before it came.
    QCOMPARE(h.rssKib("/tmp/a"), std::vector<std::uint64_t>({ 40, 0 }));
    QCOMPARE(h.rssKib("[heap]"), std::vector<std::uint64_t>({ 0, 12 }));
    h.add(groupMappings(later));
    QCOMPARE(h.groups(), std::size_t(2));
    h.add(groupMappings(later)); // the sample that had /tmp/a falls out of the ring
    QCOMPARE(h.groups(), std::size_t(1));
    QVERIFY(h.rssKib("/tmp/a").empty());
}

void TestMapChanges::liveHeapGrowsAndFileAppears()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("appears.bin")).toStdString();
    constexpr std::size_t kHeapBytes = 8u << 20;
    constexpr std::size_t kFileBytes = 2u << 20;

    int toChild[2];
    int fromChild[2];
    QCOMPARE(::pipe(toChild), 0);
    QCOMPARE(::pipe(fromChild), 0);
    pgtest::Child child;
    child.pid = ::fork();
    QVERIFY(child.pid >= 0);
    if (child.pid == 0) {
        ::close(toChild[1]);
        ::close(fromChild[0]);
        // A first brk so that [heap] is in the baseline (a fresh process may have none yet).
        auto* first = static_cast<char*>(::sbrk(64 * 1024));
        if (first == reinterpret_cast<char*>(-1))
            ::_exit(5);
        std::memset(first, 0x5a, 64 * 1024);
        char c = 'r';
        (void)!::write(fromChild[1], &c, 1);
        if (::read(toChild[0], &c, 1) != 1)
            ::_exit(1);
        // sbrk, not malloc: malloc may take a large block from mmap instead of [heap].
        auto* heap = static_cast<char*>(::sbrk(static_cast<intptr_t>(kHeapBytes)));
        if (heap == reinterpret_cast<char*>(-1))
            ::_exit(2);
        std::memset(heap, 0x5a, kHeapBytes);
        const int fd = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
        if (fd < 0 || ::ftruncate(fd, kFileBytes) != 0)
            ::_exit(3);
        void* p = ::mmap(nullptr, kFileBytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (p == MAP_FAILED)
            ::_exit(4);
        std::memset(p, 0x11, kFileBytes);
        (void)!::write(fromChild[1], &c, 1);
        for (;;)
            ::pause();
    }
    ::close(toChild[0]);
    ::close(fromChild[1]);
    char c = 0;
    QCOMPARE(::read(fromChild[0], &c, 1), ssize_t(1));

    const MemoryMapSnapshot first = readMemoryMapSnapshot("/proc", ProcessKey { child.pid, 0 });
    QVERIFY(first.smaps);
    const MapBaseline base = makeBaseline(*first.smaps, first.takenAtUnixMs);
    QCOMPARE(::write(toChild[1], "g", 1), ssize_t(1));
    QCOMPARE(::read(fromChild[0], &c, 1), ssize_t(1));
    const MemoryMapSnapshot second = readMemoryMapSnapshot("/proc", ProcessKey { child.pid, 0 });
    QVERIFY(second.smaps);
    ::close(toChild[1]);
    ::close(fromChild[0]);

    const std::vector<MappingChange> changes = diffMaps(base, *second.smaps);
    const MappingChange* heap = changeOf(changes, "[heap]");
    QVERIFY(heap);
    const std::int64_t heapKib = kHeapBytes / 1024;
    // The heap existed (the first sbrk) and kept its start: it grew by what sbrk added.
    QCOMPARE(heap->status, MappingChangeStatus::Grew);
    QVERIFY2(heap->sizeDeltaKib() >= heapKib && heap->sizeDeltaKib() <= heapKib + 1024,
        qPrintable(QString::number(heap->sizeDeltaKib())));
    QVERIFY2(heap->rssDeltaKib() >= heapKib - 64 && heap->rssDeltaKib() <= heapKib + 1024,
        qPrintable(QString::number(heap->rssDeltaKib())));

    const MappingChange* file = changeOf(changes, path);
    QVERIFY(file);
    QCOMPARE(file->status, MappingChangeStatus::Appeared);
    QCOMPARE(file->now->kind, MappingKind::File);
    QCOMPARE(file->now->sizeKib(), std::uint64_t(kFileBytes / 1024));
    QCOMPARE(file->rssDeltaKib(), std::int64_t(kFileBytes / 1024));
    QVERIFY(file->now->inode != 0);

    // The history of the two samples shows the heap's rise.
    GroupHistory history;
    history.add(*first.grouping);
    history.add(*second.grouping);
    const std::vector<std::uint64_t> rss = history.rssKib("[heap]");
    QCOMPARE(rss.size(), std::size_t(2));
    QVERIFY(rss[1] >= rss[0] + heapKib - 64);
}

QTEST_GUILESS_MAIN(TestMapChanges)
#include "tst_map_changes.moc"
