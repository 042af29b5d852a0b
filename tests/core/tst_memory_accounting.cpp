// SPDX-License-Identifier: GPL-3.0-or-later
// VIRT, RES and SHR against smaps and status (core/memory/MemoryAccounting.h), on smaps fixtures
// with hand-built statm and status values: each figure and its source, when two sources agree,
// and which explanation a difference gets.

#include "core/memory/MemoryAccounting.h"
#include "core/memory/MemoryMapGroups.h"
#include "core/memory/MemoryMapSnapshot.h"
#include "core/memory/Smaps.h"
#include "tests/support/TestUtil.h"

#include <QTest>
#include <memory>

using namespace pg;

Q_DECLARE_METATYPE(pg::MemoryMatch)

namespace {

// python-127-mappings.smaps sums to Size 16972 KiB (4 of them the [vsyscall] page), Rss 14068,
// Anonymous 7208, Pss 12000, Shared_Clean 2428, Shared_Dirty 0, Private_Clean 4404, Private_Dirty
// 7236, Swap 0.
constexpr std::uint64_t kPythonVirtPages = (16972 - 4) / 4;
constexpr std::uint64_t kPythonResPages = 14068 / 4;
constexpr std::uint64_t kPythonShrPages = (14068 - 7208) / 4;

// One snapshot as the sampler publishes it: smaps parsed and grouped, statm and status as given.
struct Fixture
{
    std::shared_ptr<const Smaps> smaps;
    std::shared_ptr<const MemoryMapGrouping> grouping;

    explicit Fixture(const std::string& text)
    {
        auto parsed = parseSmaps(text);
        if (!parsed)
            qFatal("fixture does not parse: %s", errorText(parsed.error()).data());
        smaps = std::make_shared<const Smaps>(std::move(parsed).value());
        grouping = std::make_shared<const MemoryMapGrouping>(groupMappings(*smaps));
    }

    MemoryMapSnapshot snapshot(std::optional<PidStatm> statm, std::optional<PidStatus> status) const
    {
        MemoryMapSnapshot s;
        s.key = ProcessKey { 4242, 77 };
        s.smaps = smaps;
        s.grouping = grouping;
        s.statm = statm;
        s.status = status;
        s.pageKib = 4;
        return s;
    }
};

PidStatm statm(std::uint64_t size, std::uint64_t resident, std::uint64_t shared)
{
    PidStatm m;
    m.sizePages = size;
    m.residentPages = resident;
    m.sharedPages = shared;
    return m;
}

// The status of the python fixture's process: the counters agree with statm.
PidStatus pythonStatus()
{
    PidStatus s;
    s.vmSizeKib = kPythonVirtPages * 4;
    s.rssAnonKib = 7208;
    s.rssFileKib = 6800;
    s.rssShmemKib = 60;
    s.vmSwapKib = 0;
    return s;
}

const Fixture& python()
{
    static const Fixture f(pgtest::fixture(QStringLiteral("smaps/python-127-mappings.smaps")));
    return f;
}

// A private anonymous mapping with 8 KiB swapped out, and System V shared memory with 12 KiB.
const char kSwapSmaps[]
    = "7f0000000000-7f0000010000 rw-p 00000000 00:00 0 \n"
      "Size:                 64 kB\n"
      "Rss:                  24 kB\n"
      "Pss:                  24 kB\n"
      "Shared_Clean:          0 kB\n"
      "Shared_Dirty:          0 kB\n"
      "Private_Clean:         0 kB\n"
      "Private_Dirty:        24 kB\n"
      "Anonymous:            24 kB\n"
      "Swap:                  8 kB\n"
      "SwapPss:               8 kB\n"
      "7f0000010000-7f0000018000 rw-s 00000000 00:01 3 /SYSV00000000 (deleted)\n"
      "Size:                 32 kB\n"
      "Rss:                  16 kB\n"
      "Pss:                  16 kB\n"
      "Shared_Clean:          0 kB\n"
      "Shared_Dirty:          0 kB\n"
      "Private_Clean:         0 kB\n"
      "Private_Dirty:        16 kB\n"
      "Anonymous:             0 kB\n"
      "Swap:                 12 kB\n"
      "SwapPss:              12 kB\n";

} // namespace

class TestMemoryAccounting : public QObject
{
    Q_OBJECT
private slots:
    void figuresAndSources();
    void virtIsSumOfSizeBesideVsyscall();
    void resIsSumOfRss();
    void shrIsFileAndShmem();
    void mismatchExplained();
    void swap_data();
    void swap();
    void kernelThread();
    void emptySmaps();
    void nothingRead();
};

void TestMemoryAccounting::figuresAndSources()
{
    const MemoryAccounting a = accountMemory(python().snapshot(
        statm(kPythonVirtPages, kPythonResPages, kPythonShrPages), pythonStatus()));
    QCOMPARE(a.sizePages, std::optional<std::uint64_t>(kPythonVirtPages));
    QCOMPARE(a.virt.kib, std::optional<std::uint64_t>(16968));
    QCOMPARE(a.res.kib, std::optional<std::uint64_t>(14068));
    QCOMPARE(a.shr.kib, std::optional<std::uint64_t>(6860));
    QCOMPARE(a.shared.kib, std::optional<std::uint64_t>(2428));
    QCOMPARE(a.pss.kib, std::optional<std::uint64_t>(12000));
    QCOMPARE(a.uss.kib, std::optional<std::uint64_t>(4404 + 7236));
    QCOMPARE(a.privateDirty.kib, std::optional<std::uint64_t>(7236));
    QVERIFY(a.virt.source == MemorySource::Statm);
    QVERIFY(a.shr.source == MemorySource::Statm);
    QVERIFY(a.vmSize.source == MemorySource::Status);
    QVERIFY(a.rssShmem.source == MemorySource::Status);
    QVERIFY(a.shared.source == MemorySource::Smaps);
    QVERIFY(a.sizeSum.source == MemorySource::Smaps);
    QCOMPARE(a.statmError, Error::None);
}

void TestMemoryAccounting::virtIsSumOfSizeBesideVsyscall()
{
    // smaps lists the [vsyscall] page; VmSize and statm do not count it.
    MemoryAccounting a = accountMemory(python().snapshot(
        statm(kPythonVirtPages, kPythonResPages, kPythonShrPages), pythonStatus()));
    QCOMPARE(a.sizeSum.kib, std::optional<std::uint64_t>(16972));
    QCOMPARE(a.vsyscallKib, std::uint64_t(4));
    QCOMPARE(a.virtVsSize.match, MemoryMatch::VsyscallPage);
    QCOMPARE(a.virtVsSize.differenceKib, std::uint64_t(4));

    // A kernel that counts it in statm too (or a map without it): the same.
    a = accountMemory(python().snapshot(
        statm(kPythonVirtPages + 1, kPythonResPages, kPythonShrPages), pythonStatus()));
    QCOMPARE(a.virtVsSize.match, MemoryMatch::Same);
    QCOMPARE(a.virtVsSize.differenceKib, std::uint64_t(0));
}

void TestMemoryAccounting::resIsSumOfRss()
{
    const MemoryAccounting a = accountMemory(python().snapshot(
        statm(kPythonVirtPages, kPythonResPages, kPythonShrPages), pythonStatus()));
    QCOMPARE(a.rssSum.kib, std::optional<std::uint64_t>(14068));
    QCOMPARE(a.resVsRss.match, MemoryMatch::Same);
    // statm resident = RssAnon + RssFile + RssShmem: 7208 + 6800 + 60.
    QCOMPARE(a.resVsStatus.match, MemoryMatch::Same);
}

void TestMemoryAccounting::shrIsFileAndShmem()
{
    const MemoryAccounting a = accountMemory(python().snapshot(
        statm(kPythonVirtPages, kPythonResPages, kPythonShrPages), pythonStatus()));
    // statm shared = RssFile + RssShmem = 6800 + 60 = Σ Rss − Σ Anonymous = 14068 − 7208.
    QCOMPARE(a.anonymousSum.kib, std::optional<std::uint64_t>(7208));
    QCOMPARE(a.shrVsStatus.match, MemoryMatch::Same);
    QCOMPARE(a.shrVsSmaps.match, MemoryMatch::Same);

    PidStatus status = pythonStatus();
    status.rssShmemKib = 72;
    const MemoryAccounting b = accountMemory(
        python().snapshot(statm(kPythonVirtPages, kPythonResPages, kPythonShrPages), status));
    QCOMPARE(b.shrVsStatus.match, MemoryMatch::CounterDrift);
    QCOMPARE(b.shrVsStatus.differenceKib, std::uint64_t(12));
}

void TestMemoryAccounting::mismatchExplained()
{
    // A mapping of 40 KiB came between the statm and the smaps reads (statm is read first: larger
    // here means one went away), and the counters lag the page tables by three pages.
    const MemoryAccounting a = accountMemory(python().snapshot(
        statm(kPythonVirtPages + 10, kPythonResPages + 3, kPythonShrPages + 3), pythonStatus()));
    QCOMPARE(a.virtVsSize.match, MemoryMatch::MappingsChanged);
    QCOMPARE(a.virtVsSize.differenceKib, std::uint64_t(16968 + 40 - 16972));
    QCOMPARE(a.resVsRss.match, MemoryMatch::CounterDrift);
    QCOMPARE(a.resVsRss.differenceKib, std::uint64_t(12));
    QCOMPARE(a.resVsStatus.match, MemoryMatch::CounterDrift);
    QCOMPARE(a.shrVsSmaps.match, MemoryMatch::CounterDrift);
    QCOMPARE(a.shrVsSmaps.differenceKib, std::uint64_t(12));

    // Smaller: smaps saw fewer pages than the counters.
    const MemoryAccounting b = accountMemory(python().snapshot(
        statm(kPythonVirtPages - 10, kPythonResPages - 2, kPythonShrPages), pythonStatus()));
    QCOMPARE(b.virtVsSize.match, MemoryMatch::MappingsChanged);
    QCOMPARE(b.virtVsSize.differenceKib, std::uint64_t(16972 - (16968 - 40)));
    QCOMPARE(b.resVsRss.differenceKib, std::uint64_t(8));
}

void TestMemoryAccounting::swap_data()
{
    QTest::addColumn<std::uint64_t>("vmSwapKib");
    QTest::addColumn<MemoryMatch>("match");
    QTest::addColumn<std::uint64_t>("differenceKib");
    // VmSwap counts the anonymous 8 KiB; smaps adds the 12 KiB of swapped shared memory.
    QTest::newRow("shmem swap") << std::uint64_t(8) << MemoryMatch::ShmemSwap << std::uint64_t(12);
    QTest::newRow("same") << std::uint64_t(20) << MemoryMatch::Same << std::uint64_t(0);
    QTest::newRow("drift") << std::uint64_t(4) << MemoryMatch::CounterDrift << std::uint64_t(16);
}

void TestMemoryAccounting::swap()
{
    QFETCH(std::uint64_t, vmSwapKib);
    QFETCH(MemoryMatch, match);
    QFETCH(std::uint64_t, differenceKib);
    const Fixture f { std::string(kSwapSmaps) };
    PidStatus status;
    status.vmSwapKib = vmSwapKib;
    status.rssAnonKib = 24;
    status.rssFileKib = 0;
    status.rssShmemKib = 16;
    const MemoryAccounting a = accountMemory(f.snapshot(statm(24, 10, 4), status));
    QCOMPARE(a.swapSum.kib, std::optional<std::uint64_t>(20));
    QCOMPARE(a.shmemSwapKib, std::uint64_t(12));
    QCOMPARE(a.swapVsSmaps.match, match);
    QCOMPARE(a.swapVsSmaps.differenceKib, differenceKib);
    // Swapped-out pages are not resident: RES is Rss alone.
    QCOMPARE(a.rssSum.kib, std::optional<std::uint64_t>(40));
    QCOMPARE(a.resVsRss.match, MemoryMatch::Same);
    QCOMPARE(a.resVsStatus.match, MemoryMatch::Same);
    QCOMPARE(a.virtVsSize.match, MemoryMatch::Same);
}

void TestMemoryAccounting::kernelThread()
{
    // A kernel thread: smaps and statm are empty, status has no Vm or Rss lines.
    const Fixture f(pgtest::fixture(QStringLiteral("smaps/empty-kernel-thread.smaps")));
    const MemoryAccounting a = accountMemory(f.snapshot(statm(0, 0, 0), PidStatus {}));
    QCOMPARE(a.virt.kib, std::optional<std::uint64_t>(0));
    QCOMPARE(a.sizeSum.kib, std::optional<std::uint64_t>(0));
    QCOMPARE(a.virtVsSize.match, MemoryMatch::Same);
    QCOMPARE(a.resVsRss.match, MemoryMatch::Same);
    QCOMPARE(a.shared.kib, std::optional<std::uint64_t>(0));
    QVERIFY(!a.vmSize.kib);
    // Nothing to compare RES with in status: unknown, not "the same".
    QCOMPARE(a.resVsStatus.match, MemoryMatch::Unknown);
    QCOMPARE(a.swapVsSmaps.match, MemoryMatch::Unknown);
}

void TestMemoryAccounting::emptySmaps()
{
    // An exiting process: its smaps already empty while statm still counts pages.
    const Fixture f { std::string() };
    const MemoryAccounting a = accountMemory(f.snapshot(statm(100, 10, 5), std::nullopt));
    QCOMPARE(a.virtVsSize.match, MemoryMatch::MappingsChanged);
    QCOMPARE(a.virtVsSize.differenceKib, std::uint64_t(400));
    QCOMPARE(a.resVsRss.match, MemoryMatch::CounterDrift);
    QCOMPARE(a.resVsStatus.match, MemoryMatch::Unknown);
}

void TestMemoryAccounting::nothingRead()
{
    // smaps denied (another user's process) and statm gone: every figure unknown, with why.
    MemoryMapSnapshot s;
    s.statmError = Error::ProcessGone;
    s.smapsError = Error::PermissionDenied;
    const MemoryAccounting a = accountMemory(s);
    QVERIFY(!a.virt.kib);
    QVERIFY(!a.res.kib);
    QVERIFY(!a.shared.kib);
    QVERIFY(!a.sizeSum.kib);
    QCOMPARE(a.statmError, Error::ProcessGone);
    QCOMPARE(a.smapsError, Error::PermissionDenied);
    QCOMPARE(a.virtVsSize.match, MemoryMatch::Unknown);
    QCOMPARE(a.resVsRss.match, MemoryMatch::Unknown);
    QCOMPARE(a.shrVsStatus.match, MemoryMatch::Unknown);
}

QTEST_GUILESS_MAIN(TestMemoryAccounting)
#include "tst_memory_accounting.moc"
