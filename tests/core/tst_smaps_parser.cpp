// SPDX-License-Identifier: GPL-3.0-or-later
// The /proc/PID/smaps and smaps_rollup parsers, the grouping and the CSV table, over fixtures in
// tests/data/smaps: a real 127-mapping python process, every header form (paths with spaces,
// " (deleted)", [heap], [stack], [vdso], [vvar], [vsyscall], [anon:name], memfd:, /SYSV, shared
// anonymous, an escaped newline), a field a newer kernel might add, truncated and empty files.

#include "core/base/ProcFs.h"
#include "core/export/MemoryMapCsv.h"
#include "core/memory/MemoryMapGroups.h"
#include "core/memory/MemoryMapReader.h"
#include "core/memory/Smaps.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <string>

using namespace pg;

namespace {

void writeFile(const QString& path, const std::string& text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)
        || f.write(text.data(), static_cast<qint64>(text.size()))
            != static_cast<qint64>(text.size()))
        qFatal("cannot write %s", qPrintable(path));
}

std::string fixture(const char* name)
{
    auto text = readWholeFile(std::string(PROCGLASS_TEST_DATA) + "/smaps/" + name);
    if (!text)
        qFatal("missing fixture %s", name);
    return std::move(text).value();
}

// A synthetic smaps of `count` mappings, as a process with 30,000 mmaps of alternating protection
// would show it.
std::string syntheticSmaps(int count)
{
    std::string out;
    char line[256];
    for (int i = 0; i < count; ++i) {
        const unsigned long long start
            = 0x7f0000000000ULL + static_cast<unsigned long long>(i) * 0x1000;
        std::snprintf(line, sizeof line, "%llx-%llx %s 00000000 00:00 0 \n", start, start + 0x1000,
            i % 2 ? "r--p" : "rw-p");
        out += line;
        out += "Size:                  4 kB\nKernelPageSize:        4 kB\nMMUPageSize:           4 "
               "kB\n"
               "Rss:                   4 kB\nPss:                   4 kB\nPss_Dirty:             4 "
               "kB\n"
               "Shared_Clean:          0 kB\nShared_Dirty:          0 kB\nPrivate_Clean:         0 "
               "kB\n"
               "Private_Dirty:         4 kB\nReferenced:            4 kB\nAnonymous:             4 "
               "kB\n"
               "KSM:                   0 kB\nLazyFree:              0 kB\nAnonHugePages:         0 "
               "kB\n"
               "ShmemPmdMapped:        0 kB\nFilePmdMapped:         0 kB\nShared_Hugetlb:        0 "
               "kB\n"
               "Private_Hugetlb:       0 kB\nSwap:                  0 kB\nSwapPss:               0 "
               "kB\n"
               "Locked:                0 kB\nTHPeligible:           0\nVmFlags: rd wr mr mw me ac "
               "sd \n";
    }
    return out;
}

} // namespace

class TestSmapsParser : public QObject
{
    Q_OBJECT
private slots:
    void parseFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("error");
        QTest::addColumn<int>("mappings");
        QTest::addColumn<qulonglong>("sizeKib");
        QTest::addColumn<qulonglong>("rssKib");
        QTest::addColumn<qulonglong>("pssKib");
        QTest::addColumn<qulonglong>("privateDirtyKib");
        // Totals computed with awk over the fixture files.
        QTest::newRow("real python, 127 mappings")
            << "python-127-mappings.smaps" << int(Error::None) << 127 << 16972ULL << 14068ULL
            << 12000ULL << 7236ULL;
        QTest::newRow("every header form") << "every-header-form.smaps" << int(Error::None) << 14
                                           << 372ULL << 72ULL << 60ULL << 52ULL;
        QTest::newRow("kernel thread: empty, no mappings")
            << "empty-kernel-thread.smaps" << int(Error::None) << 0 << 0ULL << 0ULL << 0ULL << 0ULL;
        QTest::newRow("cut in the middle of a line")
            << "truncated-mid-line.smaps" << int(Error::Truncated) << 0 << 0ULL << 0ULL << 0ULL
            << 0ULL;
        QTest::newRow("header without fields")
            << "header-only.smaps" << int(Error::Truncated) << 0 << 0ULL << 0ULL << 0ULL << 0ULL;
        QTest::newRow("Rss: 4x kB")
            << "bad-number.smaps" << int(Error::BadNumber) << 0 << 0ULL << 0ULL << 0ULL << 0ULL;
        QTest::newRow("field before any header")
            << "field-before-header.smaps" << int(Error::BadFormat) << 0 << 0ULL << 0ULL << 0ULL
            << 0ULL;
    }
    void parseFiles()
    {
        QFETCH(QString, file);
        QFETCH(int, error);
        QFETCH(int, mappings);
        QFETCH(qulonglong, sizeKib);
        QFETCH(qulonglong, rssKib);
        QFETCH(qulonglong, pssKib);
        QFETCH(qulonglong, privateDirtyKib);
        const auto smaps = parseSmaps(fixture(file.toUtf8().constData()));
        QCOMPARE(int(smaps.error()), error);
        if (error != int(Error::None))
            return;
        QCOMPARE(int(smaps->mappings.size()), mappings);
        const MemoryMapGrouping grouping = groupMappings(*smaps);
        QCOMPARE(int(grouping.totals.mappingCount), mappings);
        QCOMPARE(grouping.totals.get(SmapsField::Size), sizeKib);
        QCOMPARE(grouping.totals.sizeBytes / 1024, sizeKib);
        QCOMPARE(grouping.totals.get(SmapsField::Rss), rssKib);
        QCOMPARE(grouping.totals.get(SmapsField::Pss), pssKib);
        QCOMPARE(grouping.totals.get(SmapsField::Private_Dirty), privateDirtyKib);
    }

    void headerForms_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<qulonglong>("start");
        QTest::addColumn<qulonglong>("end");
        QTest::addColumn<QString>("perms");
        QTest::addColumn<qulonglong>("offset");
        QTest::addColumn<QString>("device");
        QTest::addColumn<qulonglong>("inode");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("deleted");
        QTest::addColumn<QString>("kind");
        QTest::newRow("path with spaces")
            << 0 << 0x400000ULL << 0x401000ULL << "r--p" << 0ULL << "fe:00" << 1001ULL
            << "/opt/my app/bin/with spaces" << false << "file";
        QTest::newRow("offset") << 1 << 0x401000ULL << 0x403000ULL << "r-xp" << 0x1000ULL << "fe:00"
                                << 1001ULL << "/opt/my app/bin/with spaces" << false << "file";
        QTest::newRow("[heap]") << 2 << 0x1000000ULL << 0x1021000ULL << "rw-p" << 0ULL << "00:00"
                                << 0ULL << "[heap]" << false << "heap";
        QTest::newRow("anonymous") << 3 << 0x7f0000000000ULL << 0x7f0000004000ULL << "rw-p" << 0ULL
                                   << "00:00" << 0ULL << "" << false << "anonymous";
        QTest::newRow("[anon:name]")
            << 4 << 0x7f0000004000ULL << 0x7f0000008000ULL << "rw-p" << 0ULL << "00:00" << 0ULL
            << "[anon:libc_malloc]" << false << "named anonymous";
        QTest::newRow("deleted file")
            << 5 << 0x7f0000008000ULL << 0x7f0000009000ULL << "rw-s" << 0ULL << "fe:00" << 2002ULL
            << "/tmp/scratch.bin" << true << "file";
        QTest::newRow("memfd") << 6 << 0x7f0000009000ULL << 0x7f000000c000ULL << "rw-s" << 0ULL
                               << "00:01" << 26ULL << "/memfd:pgtest" << true << "shared memory";
        QTest::newRow("SYSV shm") << 7 << 0x7f000000c000ULL << 0x7f000000e000ULL << "rw-s" << 0ULL
                                  << "00:01" << 3ULL << "/SYSV00000000" << true << "shared memory";
        QTest::newRow("shared anonymous")
            << 8 << 0x7f000000e000ULL << 0x7f0000010000ULL << "rw-s" << 0ULL << "00:01" << 28ULL
            << "/dev/zero" << true << "shared memory";
        QTest::newRow("escaped newline")
            << 9 << 0x7f0000010000ULL << 0x7f0000011000ULL << "r--p" << 0ULL << "fe:00" << 3003ULL
            << "/tmp/odd\\012name" << false << "file";
        QTest::newRow("[stack]") << 10 << 0x7ffc00000000ULL << 0x7ffc00021000ULL << "rw-p" << 0ULL
                                 << "00:00" << 0ULL << "[stack]" << false << "stack";
        QTest::newRow("[vvar]") << 11 << 0x7ffc00100000ULL << 0x7ffc00104000ULL << "r--p" << 0ULL
                                << "00:00" << 0ULL << "[vvar]" << false << "kernel";
        QTest::newRow("[vdso]") << 12 << 0x7ffc00104000ULL << 0x7ffc00106000ULL << "r-xp" << 0ULL
                                << "00:00" << 0ULL << "[vdso]" << false << "kernel";
        QTest::newRow("[vsyscall]")
            << 13 << 0xffffffffff600000ULL << 0xffffffffff601000ULL << "--xp" << 0ULL << "00:00"
            << 0ULL << "[vsyscall]" << false << "kernel";
    }
    void headerForms()
    {
        QFETCH(int, index);
        QFETCH(qulonglong, start);
        QFETCH(qulonglong, end);
        QFETCH(QString, perms);
        QFETCH(qulonglong, offset);
        QFETCH(QString, device);
        QFETCH(qulonglong, inode);
        QFETCH(QString, path);
        QFETCH(bool, deleted);
        QFETCH(QString, kind);
        const auto smaps = parseSmaps(fixture("every-header-form.smaps"));
        QVERIFY(smaps.ok());
        const SmapsMapping& m = smaps->mappings.at(static_cast<std::size_t>(index));
        QCOMPARE(qulonglong(m.start), start);
        QCOMPARE(qulonglong(m.end), end);
        QCOMPARE(QString::fromLatin1(m.perms), perms);
        QCOMPARE(qulonglong(m.offset), offset);
        QCOMPARE(QString::fromStdString(m.device), device);
        QCOMPARE(qulonglong(m.inode), inode);
        QCOMPARE(QString::fromStdString(m.path), path);
        QCOMPARE(m.deleted, deleted);
        QCOMPARE(QString::fromUtf8(mappingKindName(mappingKind(m)).data()), kind);
        QCOMPARE(m.get(SmapsField::Size) * 1024, m.sizeBytes());
    }

    void everyFieldKept()
    {
        const auto real = parseSmaps(fixture("python-127-mappings.smaps"));
        QVERIFY(real.ok());
        // A 6.x kernel prints every per-mapping field; only the rollup's Pss_Anon/File/Shmem are
        // missing.
        for (std::size_t i = 0; i < kSmapsFieldCount; ++i) {
            const auto f = static_cast<SmapsField>(i);
            const bool rollupOnly = f == SmapsField::Pss_Anon || f == SmapsField::Pss_File
                || f == SmapsField::Pss_Shmem;
            QVERIFY2(real->mappings.front().has(f) != rollupOnly, smapsFieldName(f).data());
        }
        QCOMPARE(real->mappings.front().thpEligible, std::optional<int>(0));
        QCOMPARE(real->mappings.front().vmFlags, std::string("rd mr mw me"));

        const auto forms = parseSmaps(fixture("every-header-form.smaps"));
        QVERIFY(forms.ok());
        QCOMPARE(forms->mappings[1].protectionKey, std::optional<int>(0));
        QVERIFY(!forms->mappings[0].protectionKey);
        const SmapsMapping& odd = forms->mappings[9];
        QCOMPARE(odd.extraKib.size(), std::size_t(1));
        QCOMPARE(odd.extraKib[0].first, std::string("FutureField"));
        QCOMPARE(odd.extraKib[0].second, std::uint64_t(7));
        QCOMPARE(odd.extraText.size(), std::size_t(1));
        QCOMPARE(odd.extraText[0].second, std::string("yes"));
    }

    // Lines that start like the usual "Key:<spaces>N kB" but are not one of the well-known
    // fields, or not a plain number, must mean what they always meant, whatever the position of
    // the line in the mapping (the parser takes a shortcut for the field it expects next).
    void nearMissFieldLines()
    {
        const std::string head = "00400000-00401000 r-xp 00000000 08:01 42   /bin/x\n";
        const auto one = [&](const std::string& fields) { return parseSmaps(head + fields); };

        const auto prefix = one("Size:  4 kB\nRss_Extra:     3 kB\nRss:4 kB\nPss:       2 kB\n");
        QVERIFY(prefix.ok());
        const SmapsMapping& m = prefix->mappings.front();
        QCOMPARE(m.get(SmapsField::Rss), std::uint64_t(4)); // no padding at all
        QCOMPARE(m.get(SmapsField::Pss), std::uint64_t(2));
        QCOMPARE(m.extraKib.size(), std::size_t(1));
        QCOMPARE(m.extraKib[0].first, std::string("Rss_Extra"));
        QCOMPARE(m.extraKib[0].second, std::uint64_t(3));

        // A 16-byte-long line start whose first bytes spell the expected field.
        const auto longer = one("Size:                  4 kB\nKernelPageSizeX:       4 kB\n");
        QVERIFY(longer.ok());
        QVERIFY(!longer->mappings.front().has(SmapsField::KernelPageSize));
        QCOMPARE(longer->mappings.front().extraKib[0].first, std::string("KernelPageSizeX"));

        QCOMPARE(
            int(one("Size: 4 kB\nRss:  18446744073709551616 kB\n").error()), int(Error::BadNumber));
        QCOMPARE(int(one("Size: 4 kB\nRss:  -1 kB\n").error()), int(Error::BadNumber));
        QCOMPARE(int(one("Size: 4 kB\nRss:\t1 kB\n").error()), int(Error::BadNumber));
        QCOMPARE(int(one("Size: 4 kB\nRss:  1x kB\n").error()), int(Error::BadNumber));
        const auto mb = one("Size: 4 kB\nRss:  1 MB\n"); // not kB: kept raw
        QVERIFY(mb.ok());
        QVERIFY(!mb->mappings.front().has(SmapsField::Rss));
        QCOMPARE(mb->mappings.front().extraText[0].second, std::string("1 MB"));
        QCOMPARE(int(parseSmaps("Size:   4 kB\n" + head).error()), int(Error::BadFormat));
        QCOMPARE(int(one("Size: 4 kB\nRss:  1 kB").error()), int(Error::Truncated));
        const auto crlf = one("Size: 4 kB\nRss:  5 kB\r\n");
        QVERIFY(crlf.ok());
        QCOMPARE(crlf->mappings.front().get(SmapsField::Rss), std::uint64_t(5));
    }

    void rollup()
    {
        const auto rollup = parseSmapsRollup(fixture("rollup-python.txt"));
        QVERIFY(rollup.ok());
        QCOMPARE(rollup->path, std::string("[rollup]"));
        QCOMPARE(rollup->get(SmapsField::Rss), std::uint64_t(14256));
        QCOMPARE(rollup->get(SmapsField::Pss), std::uint64_t(12196));
        QVERIFY(rollup->has(SmapsField::Pss_Anon));
        QVERIFY(!rollup->has(SmapsField::Size)); // the rollup prints no Size: unknown, not 0
        QCOMPARE(parseSmapsRollup("").error(), Error::Empty);
        QCOMPARE(
            parseSmapsRollup("00400000-00401000 ---p 00000000 00:00 0  [rollup]\nRss: 1").error(),
            Error::Truncated);
    }

    void grouping()
    {
        const auto smaps = parseSmaps(fixture("every-header-form.smaps"));
        QVERIFY(smaps.ok());
        const MemoryMapGrouping g = groupMappings(*smaps);
        QCOMPARE(
            g.groups.size(), std::size_t(13)); // the two mappings of "with spaces" share a group
        const MemoryMapGroup& exe = g.groups[0];
        QCOMPARE(exe.key, std::string("/opt/my app/bin/with spaces"));
        QCOMPARE(exe.mappings.size(), std::size_t(2));
        QCOMPARE(exe.totals.get(SmapsField::Rss), std::uint64_t(12));
        QCOMPARE(exe.totals.get(SmapsField::Pss), std::uint64_t(6));
        QCOMPARE(exe.totals.sharedKib(), std::uint64_t(12));
        QCOMPARE(g.groups[4].key, std::string("/tmp/scratch.bin (deleted)"));

        // Real process: libc's five mappings form one group whose Rss is the sum of theirs.
        const auto real = parseSmaps(fixture("python-127-mappings.smaps"));
        QVERIFY(real.ok());
        const MemoryMapGrouping rg = groupMappings(*real);
        std::uint64_t sumRss = 0;
        std::size_t sumMappings = 0;
        for (const MemoryMapGroup& group : rg.groups) {
            sumRss += group.totals.get(SmapsField::Rss);
            sumMappings += group.mappings.size();
        }
        QCOMPARE(sumRss, rg.totals.get(SmapsField::Rss));
        QCOMPARE(sumMappings, real->mappings.size());
    }

    void thirtyThousandMappings()
    {
        const auto smaps = parseSmaps(syntheticSmaps(30000));
        QVERIFY(smaps.ok());
        QCOMPARE(smaps->mappings.size(), std::size_t(30000));
        const MemoryMapGrouping g = groupMappings(*smaps);
        QCOMPARE(g.groups.size(), std::size_t(1)); // all anonymous
        QCOMPARE(g.totals.get(SmapsField::Rss), std::uint64_t(120000));
    }

    // The reader on a fake /proc tree: identity, smaps, statm and status of one pid; a pid now
    // owned by another process, a zombie, a missing pid and a cut smaps each say what happened.
    void readerOnFakeTree_data()
    {
        QTest::addColumn<QString>("stat");
        QTest::addColumn<QString>("smapsFile");
        QTest::addColumn<qulonglong>("askedStartTime");
        QTest::addColumn<bool>("exited");
        QTest::addColumn<int>("smapsError");
        QTest::addColumn<int>("mappings");
        const QString stat = QStringLiteral(
            "42 (my app) S 1 42 42 0 -1 4194560 0 0 0 0 5 6 0 0 20 0 1 0 777 1000 3 0");
        QTest::newRow("any process with the pid")
            << stat << "every-header-form.smaps" << 0ULL << false << int(Error::None) << 14;
        QTest::newRow("the same process")
            << stat << "every-header-form.smaps" << 777ULL << false << int(Error::None) << 14;
        QTest::newRow("pid reused by another process")
            << stat << "every-header-form.smaps" << 500ULL << true << int(Error::ProcessGone) << 0;
        QTest::newRow("zombie") << QStringLiteral(
            "42 (my app) Z 1 42 42 0 -1 4194560 0 0 0 0 5 6 0 0 20 0 1 0 777 0 0 0")
                                << "empty-kernel-thread.smaps" << 0ULL << true
                                << int(Error::ProcessGone) << 0;
        QTest::newRow("smaps cut short")
            << stat << "truncated-mid-line.smaps" << 0ULL << false << int(Error::Truncated) << 0;
        QTest::newRow("no such pid")
            << QString() << QString() << 0ULL << true << int(Error::FileMissing) << 0;
    }
    void readerOnFakeTree()
    {
        QFETCH(QString, stat);
        QFETCH(QString, smapsFile);
        QFETCH(qulonglong, askedStartTime);
        QFETCH(bool, exited);
        QFETCH(int, smapsError);
        QFETCH(int, mappings);
        QTemporaryDir root;
        QVERIFY(root.isValid());
        if (!stat.isEmpty()) {
            const QString dir = root.path() + QStringLiteral("/42");
            QVERIFY(QDir().mkpath(dir));
            writeFile(dir + QStringLiteral("/stat"), stat.toStdString() + "\n");
            writeFile(dir + QStringLiteral("/smaps"), fixture(smapsFile.toUtf8().constData()));
            writeFile(dir + QStringLiteral("/statm"), "93 18 9 1 0 20 0\n");
            writeFile(dir + QStringLiteral("/status"),
                "Name:\tmy app\nUid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\n"
                "VmSize:\t     372 kB\nRssAnon:\t      40 kB\nRssFile:\t      28 kB\nRssShmem:\t   "
                "    4 kB\n");
            writeFile(dir + QStringLiteral("/cmdline"),
                std::string("/opt/my app/bin/with spaces\0--verbose\0", 38));
        }
        const MemoryMapSnapshot snap
            = readMemoryMapSnapshot(root.path().toStdString(), ProcessKey { 42, askedStartTime });
        QCOMPARE(snap.exited, exited);
        QCOMPARE(int(snap.smapsError), smapsError);
        QCOMPARE(snap.smapsPath, root.path().toStdString() + "/42/smaps");
        QCOMPARE(snap.smaps ? int(snap.smaps->mappings.size()) : 0, mappings);
        if (exited || smapsError != int(Error::None))
            return;
        QCOMPARE(snap.key.startTimeTicks, std::uint64_t(777));
        QCOMPARE(snap.comm, std::string("my app"));
        QCOMPARE(snap.cmdline, std::string("/opt/my app/bin/with spaces --verbose"));
        QVERIFY(snap.statm && snap.status);
        QCOMPARE(snap.statm->sizePages * snap.pageKib, std::uint64_t(93) * snap.pageKib);
        QCOMPARE(snap.status->rssFileKib, std::optional<std::uint64_t>(28));
        QCOMPARE(snap.uid, std::optional<std::uint32_t>(1000));
        QCOMPARE(snap.grouping->totals.get(SmapsField::Rss), std::uint64_t(72));
    }

    void snakeCaseNames_data()
    {
        QTest::addColumn<QString>("kernel");
        QTest::addColumn<QString>("snake");
        QTest::newRow("Shared_Clean") << "Shared_Clean"
                                      << "shared_clean";
        QTest::newRow("KernelPageSize") << "KernelPageSize"
                                        << "kernel_page_size";
        QTest::newRow("MMUPageSize") << "MMUPageSize"
                                     << "mmu_page_size";
        QTest::newRow("SwapPss") << "SwapPss"
                                 << "swap_pss";
        QTest::newRow("KSM") << "KSM"
                             << "ksm";
        QTest::newRow("AnonHugePages") << "AnonHugePages"
                                       << "anon_huge_pages";
        QTest::newRow("Pss_Dirty") << "Pss_Dirty"
                                   << "pss_dirty";
        QTest::newRow("ShmemPmdMapped") << "ShmemPmdMapped"
                                        << "shmem_pmd_mapped";
    }
    void snakeCaseNames()
    {
        QFETCH(QString, kernel);
        QFETCH(QString, snake);
        QCOMPARE(QString::fromStdString(snakeCase(kernel.toStdString())), snake);
    }

    void csvExport()
    {
        const auto smaps = parseSmaps(fixture("every-header-form.smaps"));
        QVERIFY(smaps.ok());
        const CsvTable table = memoryMapToCsv(42, *smaps);
        const std::vector<std::string> fixed = { "pid", "start", "end", "perms", "offset", "device",
            "inode", "mapping", "size_kib", "rss_kib", "pss_kib", "shared_clean_kib",
            "shared_dirty_kib", "private_clean_kib", "private_dirty_kib", "referenced_kib",
            "anonymous_kib", "swap_kib", "swap_pss_kib", "locked_kib" };
        QVERIFY(table.header.size() > fixed.size());
        QVERIFY(std::equal(fixed.begin(), fixed.end(), table.header.begin()));
        // Every other field the kernel printed follows, the newer kernel's last.
        const std::vector<std::string> rest(
            table.header.begin() + static_cast<long>(fixed.size()), table.header.end());
        const std::vector<std::string> expectedRest = { "kernel_page_size_kib", "mmu_page_size_kib",
            "pss_dirty_kib", "ksm_kib", "lazy_free_kib", "anon_huge_pages_kib",
            "shmem_pmd_mapped_kib", "file_pmd_mapped_kib", "shared_hugetlb_kib",
            "private_hugetlb_kib", "future_field_kib" };
        QCOMPARE(rest, expectedRest);
        QCOMPARE(table.rows.size(), std::size_t(14));
        const std::vector<std::string>& exe = table.rows[1];
        QCOMPARE(exe[0], std::string("42"));
        QCOMPARE(exe[1], std::string("00401000"));
        QCOMPARE(exe[2], std::string("00403000"));
        QCOMPARE(exe[3], std::string("r-xp"));
        QCOMPARE(exe[4], std::string("00001000"));
        QCOMPARE(exe[7], std::string("/opt/my app/bin/with spaces"));
        QCOMPARE(exe[8], std::string("8")); // size_kib
        QCOMPARE(exe.back(), std::string()); // no FutureField here: empty, not 0
        QCOMPARE(table.rows[9].back(), std::string("7"));
        QCOMPARE(table.rows[5][7], std::string("/tmp/scratch.bin (deleted)"));
        QCOMPARE(table.rows[13][1], std::string("ffffffffff600000"));
    }
};

QTEST_GUILESS_MAIN(TestSmapsParser)
#include "tst_smaps_parser.moc"
