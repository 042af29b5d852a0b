// SPDX-License-Identifier: GPL-3.0-or-later
// The streaming memory-map export (`procglass export memory PID`): SmapsStreamParser fed chunks
// of every size into MemoryMapCsvStream must give the very bytes and errors of the whole-text
// path, csvEncode(memoryMapToCsv(pid, parseSmaps(text))), on every fixture in tests/data/smaps,
// on a text whose columns appear late (a known field and unknown kB fields first printed by the
// third and fifth mappings), with a chunk boundary at every byte, and for malformed text; then
// streamSmapsToCsv() on files (a missing file, a FIFO, a file cut mid-line, one over the size
// limit). Through a CsvOutput (the export target's temporary file) the bytes appended plus what
// finish() gives are the same, also when a column first appears after rows went out.

#include "core/base/ProcFs.h"
#include "core/base/ReadAheadFile.h"
#include "core/export/CsvOutput.h"
#include "core/export/CsvWriter.h"
#include "core/export/MemoryMapCsv.h"
#include "core/export/MemoryMapCsvStream.h"
#include "core/memory/Smaps.h"
#include "core/memory/SmapsStreamParser.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <utility>

using namespace pg;

namespace {

constexpr int kPid = 4242;

std::string fixture(const QString& name)
{
    auto text = readWholeFile(std::string(PROCGLASS_TEST_DATA) + "/smaps/" + name.toStdString());
    if (!text)
        qFatal("missing fixture %s", qPrintable(name));
    return std::move(text).value();
}

struct Encoded
{
    Error error = Error::None;
    std::string csv;
};

// The old path: the whole text, parsed, a table of strings, encoded.
Encoded wholeText(std::string_view text)
{
    const auto smaps = parseSmaps(text);
    if (!smaps)
        return { smaps.error(), {} };
    return { Error::None, csvEncode(memoryMapToCsv(kPid, *smaps)) };
}

// The new path, fed at the given cut points (each a byte offset into `text`).
Encoded streamed(std::string_view text, const std::vector<std::size_t>& cuts)
{
    MemoryMapCsvStream csv(kPid);
    SmapsStreamParser parser([&csv](SmapsMapping& m) { csv.add(m); });
    std::size_t from = 0;
    for (std::size_t cut : cuts) {
        parser.feed(text.substr(from, cut - from));
        from = cut;
    }
    parser.feed(text.substr(from));
    const Error error = parser.finish();
    if (error != Error::None)
        return { error, {} };
    return { Error::None, std::string(csv.finish()) };
}

// An output in memory that counts what it is asked; `failAt` makes the Nth append fail.
class MemoryOutput final : public CsvOutput
{
public:
    bool append(std::string_view more) override
    {
        if (++appends == failAt)
            return false;
        bytes += more;
        return true;
    }
    bool takeBack(std::string& all) override
    {
        ++takeBacks;
        all = std::exchange(bytes, {});
        return true;
    }
    std::string bytes;
    int appends = 0;
    int takeBacks = 0;
    int failAt = 0;
};

// The new path through an output, in chunks of `chunk` bytes: what went out, then finish().
Encoded streamedInto(MemoryOutput& output, std::string_view text, std::size_t chunk)
{
    MemoryMapCsvStream csv(kPid, &output);
    SmapsStreamParser parser([&csv](SmapsMapping& m) { csv.add(m); });
    for (std::size_t at = 0; at < text.size(); at += chunk)
        parser.feed(text.substr(at, chunk));
    const Error error = parser.finish();
    if (error != Error::None)
        return { error, {} };
    if (csv.outputFailed())
        return { Error::IoError, {} };
    return { Error::None, output.bytes + std::string(csv.finish()) };
}

Encoded streamedInChunks(std::string_view text, std::size_t chunk)
{
    std::vector<std::size_t> cuts;
    for (std::size_t at = chunk; at < text.size(); at += chunk)
        cuts.push_back(at);
    return streamed(text, cuts);
}

std::string mapping(const std::string& header, const std::string& extraLines)
{
    return header + "\n"
        + "Size:                  4 kB\nRss:                   4 kB\nPss:                   2 kB\n"
          "Shared_Clean:          0 kB\nShared_Dirty:          0 kB\n"
          "Private_Clean:         0 kB\nPrivate_Dirty:         4 kB\nReferenced:            4 kB\n"
          "Anonymous:             4 kB\n"
        + extraLines
        + "Swap:                  0 kB\nSwapPss:               0 kB\nLocked:                0 kB\n"
          "THPeligible:           0\nVmFlags: rd wr mr mw me ac sd \n";
}

// Columns that first appear late: KSM (a known field outside the fixed columns) in the third
// mapping, NewThing and Other (unknown kB fields) in the third and fifth, NewThing twice in one
// mapping (its last value counts). Paths with a comma, a quote, a leading '=', " (deleted)", a
// backslash and a byte that is not UTF-8 exercise the CSV writer's rules.
std::string lateColumns()
{
    std::string text;
    text += mapping("00400000-00401000 r--p 00000000 fe:00 1001    /opt/a,b \"c\"", "");
    text += mapping("00401000-00402000 r-xp 00001000 fe:00 1001    =cmd()", "");
    text += mapping("7f0000000000-7f0000001000 rw-p 00000000 00:00 0 ",
        "KSM:                   0 kB\nNewThing:              7 kB\n");
    text += mapping("7f0000001000-7f0000002000 rw-s 00000000 00:05 77    /memfd:x (deleted)", "");
    text += mapping("7f0000002000-7f0000003000 rw-p 00000000 00:00 0    [anon:a\\b\xff]",
        "NewThing:              1 kB\nOther:                 3 kB\nNewThing:              2 kB\n");
    text += mapping("ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0    [vsyscall]",
        "KSM:                   5 kB\n");
    return text;
}

// 60 unknown fields with long names: a header longer than the room kept for it.
std::string longHeader()
{
    std::string extra;
    for (int i = 0; i < 60; ++i)
        extra += "AVeryLongFieldNameThatANewerKernelMightPrintSomeDayNumber" + std::to_string(i)
            + "Of60:    " + std::to_string(i) + " kB\n";
    return mapping("00400000-00401000 r--p 00000000 fe:00 1001    /bin/x", "")
        + mapping("00401000-00402000 r--p 00000000 fe:00 1001    /bin/x", extra);
}

// `count` mappings with the usual fields (about 200 bytes of CSV each), then from mapping
// `lateAt` on a known field (KSM) and an unknown one that none printed before.
std::string manyMappings(std::size_t count, std::size_t lateAt)
{
    std::string text;
    char header[96];
    for (std::size_t i = 0; i < count; ++i) {
        std::snprintf(header, sizeof header, "%012zx-%012zx rw-p 00000000 00:00 0    [anon:%zu]",
            0x7f0000000000 + i * 0x1000, 0x7f0000001000 + i * 0x1000, i);
        text += mapping(header,
            i >= lateAt ? "KSM:                   4 kB\nLateField:             9 kB\n" : "");
    }
    return text;
}

} // namespace

class TestMemoryMapStream : public QObject
{
    Q_OBJECT
private slots:
    void sameBytesAsTheTable_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("error");
        const QStringList files = QDir(QStringLiteral(PROCGLASS_TEST_DATA "/smaps"))
                                      .entryList({ QStringLiteral("*.smaps") }, QDir::Files);
        QVERIFY(files.size() >= 7);
        for (const QString& file : files) {
            const std::string text = fixture(file);
            QTest::newRow(qPrintable(file))
                << QByteArray::fromStdString(text) << int(parseSmaps(text).error());
        }
        QTest::newRow("columns appearing late")
            << QByteArray::fromStdString(lateColumns()) << int(Error::None);
        QTest::newRow("a header longer than its room")
            << QByteArray::fromStdString(longHeader()) << int(Error::None);
        const std::string late = lateColumns();
        QTest::newRow("no newline at the end")
            << QByteArray::fromStdString(late.substr(0, late.size() - 1)) << int(Error::Truncated);
        // Cut short AND a bad number earlier: the whole-text parser says Truncated first.
        std::string bad = late;
        const std::string rss = "Rss:                   4 kB";
        bad.replace(bad.find(rss), rss.size(), "Rss:                   x kB");
        QTest::newRow("bad number") << QByteArray::fromStdString(bad) << int(Error::BadNumber);
        QTest::newRow("bad number and cut short")
            << QByteArray::fromStdString(bad.substr(0, bad.size() - 3)) << int(Error::Truncated);
        QTest::newRow("a header with no fields last")
            << QByteArray::fromStdString(late + "00500000-00501000 r--p 00000000 fe:00 1 /x\n")
            << int(Error::Truncated);
        QTest::newRow("bad header in the middle") << QByteArray::fromStdString(
            mapping("00400000-00401000 r--p 00000000 fe:00 1001 /a", "")
            + mapping("00401000-00400000 r--p 00000000 fe:00 1001 /a", "") + late)
                                                  << int(Error::BadFormat);
    }
    void sameBytesAsTheTable()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, error);
        const std::string_view view(text.constData(), static_cast<std::size_t>(text.size()));
        const Encoded expected = wholeText(view);
        QCOMPARE(int(expected.error), error);
        if (error == int(Error::None))
            QVERIFY(expected.csv.find("\r\n") != std::string::npos);
        for (std::size_t chunk : { std::size_t(1), std::size_t(2), std::size_t(3), std::size_t(7),
                 std::size_t(64), std::size_t(4096), std::size_t(256 * 1024) }) {
            const Encoded got = streamedInChunks(view, chunk);
            QCOMPARE(int(got.error), error);
            QVERIFY2(
                got.csv == expected.csv, qPrintable(QStringLiteral("chunks of %1").arg(chunk)));
        }
    }

    // Through an output: the same bytes for every fixture and chunk size.
    void sameBytesThroughAnOutput()
    {
        const QStringList files = QDir(QStringLiteral(PROCGLASS_TEST_DATA "/smaps"))
                                      .entryList({ QStringLiteral("*.smaps") }, QDir::Files);
        std::vector<std::string> texts { lateColumns(), longHeader() };
        for (const QString& file : files)
            texts.push_back(fixture(file));
        for (const std::string& text : texts) {
            const Encoded expected = wholeText(text);
            for (std::size_t chunk :
                { std::size_t(1), std::size_t(7), std::size_t(4096), std::size_t(256 * 1024) }) {
                MemoryOutput output;
                const Encoded got = streamedInto(output, text, chunk);
                QCOMPARE(int(got.error), int(expected.error));
                QVERIFY(got.csv == expected.csv);
            }
        }
    }

    // 10,000 rows (about 900 KB of CSV) go out 256 KiB at a time, the header in front of the first;
    // a column that appears after some went out takes them back once: the same bytes.
    void lateColumnAfterRowsWentOut_data()
    {
        QTest::addColumn<int>("lateAt");
        QTest::addColumn<int>("takeBacks");
        QTest::newRow("no late column") << 10000 << 0;
        QTest::newRow("late column after 7,000 rows") << 7000 << 1;
        QTest::newRow("late column in the last row") << 9999 << 1;
        QTest::newRow("late column in the first row") << 0 << 0;
    }
    void lateColumnAfterRowsWentOut()
    {
        QFETCH(int, lateAt);
        QFETCH(int, takeBacks);
        const std::string text = manyMappings(10000, std::size_t(lateAt));
        const Encoded expected = wholeText(text);
        QCOMPARE(int(expected.error), int(Error::None));
        QCOMPARE(
            expected.csv.find(",ksm_kib,late_field_kib\r\n") != std::string::npos, lateAt < 10000);
        for (std::size_t chunk : { std::size_t(4096), kSmapsChunkBytes }) {
            MemoryOutput output;
            const Encoded got = streamedInto(output, text, chunk);
            QCOMPARE(int(got.error), int(Error::None));
            QVERIFY(got.csv == expected.csv);
            QCOMPARE(output.takeBacks, takeBacks);
            // Most of it went out before finish(): the buffer stayed small.
            QVERIFY2(output.appends >= 3, qPrintable(QString::number(output.appends)));
            QVERIFY(output.bytes.size() + 300 * 1024 > expected.csv.size());
            QVERIFY(output.bytes.starts_with("pid,start,end,"));
        }
    }

    // An output that fails: the stream says so, gives nothing more and encodes no more.
    void outputFailure()
    {
        MemoryOutput output;
        output.failAt = 2;
        MemoryMapCsvStream csv(kPid, &output);
        SmapsStreamParser parser([&csv](SmapsMapping& m) { csv.add(m); });
        parser.feed(manyMappings(10000, 10000));
        QCOMPARE(int(parser.finish()), int(Error::None));
        QVERIFY(csv.outputFailed());
        QCOMPARE(output.appends, 2);
        QVERIFY(csv.finish().empty());
    }

    // One cut at every byte, and two cuts around every line end.
    void everyChunkBoundary()
    {
        const std::string text = lateColumns();
        const Encoded expected = wholeText(text);
        QCOMPARE(int(expected.error), int(Error::None));
        // The late columns are there, with empty cells in the rows before them.
        QVERIFY(expected.csv.find(",ksm_kib,new_thing_kib,other_kib\r\n") != std::string::npos);
        for (std::size_t cut = 0; cut <= text.size(); ++cut) {
            const Encoded got = streamed(text, { cut });
            QCOMPARE(int(got.error), int(Error::None));
            QVERIFY2(got.csv == expected.csv, qPrintable(QStringLiteral("cut at %1").arg(cut)));
        }
        for (std::size_t nl = text.find('\n'); nl != std::string::npos;
             nl = text.find('\n', nl + 1)) {
            const Encoded got = streamed(text, { nl > 0 ? nl - 1 : 0, nl, nl + 1 });
            QVERIFY(got.csv == expected.csv);
        }
    }

    void rowCountAndEmptyMap()
    {
        MemoryMapCsvStream csv(kPid);
        SmapsStreamParser parser([&csv](SmapsMapping& m) { csv.add(m); });
        parser.feed(lateColumns());
        QCOMPARE(int(parser.finish()), int(Error::None));
        QCOMPARE(csv.rowCount(), std::size_t(6));
        QCOMPARE(parser.mappingCount(), std::size_t(6));
        // finish() twice gives the same bytes.
        const std::string first(csv.finish());
        QCOMPARE(std::string(csv.finish()), first);

        MemoryMapCsvStream empty(kPid);
        QCOMPARE(empty.rowCount(), std::size_t(0));
        QCOMPARE(std::string(empty.finish()), wholeText("").csv);
    }

    // The reader: chunks from a file, the errors readWholeFile() + parseSmaps() would give.
    void streamFromFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string base = dir.path().toStdString();
        const auto write = [](const std::string& path, const std::string& text) {
            QFile f(QString::fromStdString(path));
            return f.open(QIODevice::WriteOnly)
                && f.write(text.data(), static_cast<qint64>(text.size()))
                == static_cast<qint64>(text.size());
        };
        const std::string real = fixture(QStringLiteral("python-127-mappings.smaps"));
        QVERIFY(write(base + "/smaps", real));
        for (std::size_t chunk : { std::size_t(5), std::size_t(4096), kSmapsChunkBytes }) {
            MemoryMapCsvStream csv(kPid);
            int chunks = 0;
            QCOMPARE(int(streamSmapsToCsv(base + "/smaps", csv, chunk, [&chunks] { ++chunks; })),
                int(Error::None));
            QCOMPARE(std::string(csv.finish()), wholeText(real).csv);
            QCOMPARE(chunks, int((real.size() + chunk - 1) / chunk));
        }
        MemoryMapCsvStream missing(kPid);
        QCOMPARE(int(streamSmapsToCsv(base + "/none", missing)), int(Error::FileMissing));
        QVERIFY(::mkfifo((base + "/fifo").c_str(), 0600) == 0);
        MemoryMapCsvStream fifo(kPid);
        QCOMPARE(int(streamSmapsToCsv(base + "/fifo", fifo)), int(Error::FifoNotFile));
        QVERIFY(write(base + "/cut", fixture(QStringLiteral("truncated-mid-line.smaps"))));
        MemoryMapCsvStream cut(kPid);
        QCOMPARE(int(streamSmapsToCsv(base + "/cut", cut, 3)), int(Error::Truncated));
    }

    // The read-ahead reader alone: every chunk in order on the caller's thread, whatever the
    // depth; readWholeFile()'s errors (a file of maxBytes or more is too large, after the chunks
    // read before).
    void readAheadFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.path().toStdString() + "/text";
        std::string text;
        for (int i = 0; i < 20000; ++i)
            text += std::to_string(i) + "\n";
        {
            QFile f(QString::fromStdString(path));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(text.data(), qint64(text.size())), qint64(text.size()));
        }
        for (std::size_t depth : { std::size_t(1), std::size_t(2), std::size_t(4) }) {
            for (std::size_t chunk : { std::size_t(1000), std::size_t(4096), text.size() + 1 }) {
                ReadAheadFile file(chunk, kSmapsExportMaxBytes, depth);
                QCOMPARE(int(file.open(path)), int(Error::None));
                std::string got;
                int chunks = 0;
                const std::thread::id caller = std::this_thread::get_id();
                bool sameThread = true;
                QCOMPARE(int(file.consume([&](std::string_view c) {
                    got += c;
                    ++chunks;
                    sameThread = sameThread && std::this_thread::get_id() == caller;
                })),
                    int(Error::None));
                QVERIFY(got == text);
                QCOMPARE(chunks, int((text.size() + chunk - 1) / chunk));
                QVERIFY(sameThread);
                // Once only.
                QCOMPARE(int(file.consume([](std::string_view) {})), int(Error::IoError));
            }
        }
        ReadAheadFile tooLarge(1000, 5000, 2);
        QCOMPARE(int(tooLarge.open(path)), int(Error::None));
        std::size_t seen = 0;
        QCOMPARE(int(tooLarge.consume([&seen](std::string_view c) { seen += c.size(); })),
            int(Error::TooLarge));
        QCOMPARE(seen, std::size_t(5000));
        ReadAheadFile missing(1000, 5000, 2);
        QCOMPARE(int(missing.open(path + "-none")), int(Error::FileMissing));
        QCOMPARE(int(missing.consume([](std::string_view) {})), int(Error::IoError));
    }
};

QTEST_GUILESS_MAIN(TestMemoryMapStream)
#include "tst_memory_map_stream.moc"
