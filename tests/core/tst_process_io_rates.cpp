// SPDX-License-Identifier: GPL-3.0-or-later
// The collector's I/O rates on a fake /proc tree with an injected clock: /proc/PID/io is read only
// while asked for, rates are exact byte deltas over the elapsed time, a process born since the
// last sample counts from zero, an unreadable io file is unknown with its reason (an empty CSV
// cell and one stderr line), and switching io off closes the kept io files.

#include "core/export/ProcessCsv.h"
#include "core/process/ProcessCollector.h"
#include "tests/support/FakeProc.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <cmath>

using namespace pg;

class TestProcessIoRates : public QObject
{
    Q_OBJECT
private slots:
    void offByDefault();
    void ratesFromDeltas_data();
    void ratesFromDeltas();
    void newProcessCountsFromZero();
    void unreadableIoIsUnknown();
    void counterGoingBackIsUnknown();
    void switchingOffClosesIoFiles();

private:
    static std::string io(std::uint64_t readBytes, std::uint64_t writeBytes)
    {
        return "rchar: 1\nwchar: 2\nsyscr: 3\nsyscw: 4\nread_bytes: " + std::to_string(readBytes)
            + "\nwrite_bytes: " + std::to_string(writeBytes) + "\ncancelled_write_bytes: 0\n";
    }
    static const ProcessInfo* find(const ProcessSnapshot& s, int pid)
    {
        for (const auto& p : s.processes)
            if (p.key.pid == pid)
                return &p;
        return nullptr;
    }
    ProcessCollector::Options options(const pgtest::FakeProc& fake, bool keep, bool readIo)
    {
        ProcessCollector::Options o;
        o.procRoot = fake.root().toStdString();
        o.keepFilesOpen = keep;
        o.readIo = readIo;
        o.monotonicNs = [this] { return m_clockNs; };
        return o;
    }
    std::int64_t m_clockNs = 1000000000;
};

void TestProcessIoRates::offByDefault()
{
    pgtest::FakeProc fake;
    fake.addProcess(100, "writer", 0, 5, std::string("writer\0", 7));
    // A folder where the file belongs: reading it would be an error, so no error means not read.
    QVERIFY(QFile::remove(fake.root() + QStringLiteral("/100/io")));
    QVERIFY(QDir(fake.root()).mkpath(QStringLiteral("100/io")));
    QVERIFY(!ProcessCollector::Options {}.readIo);
    ProcessCollector collector(options(fake, true, false));
    QVERIFY(!collector.readsIo());
    for (int i = 0; i < 2; ++i) {
        const ProcessSnapshot s = collector.sample();
        QVERIFY(!s.ioSampled);
        const ProcessInfo* p = find(s, 100);
        QVERIFY(p);
        QCOMPARE(p->ioError, Error::None);
        QVERIFY(std::isnan(p->ioReadBytesPerS));
        QVERIFY(std::isnan(p->ioWriteBytesPerS));
        QVERIFY(processExportWarnings(s).empty());
        m_clockNs += 1000000000;
    }
    QCOMPARE(collector.keptFdCount(), std::size_t(3)); // stat, statm, cmdline: no io
}

void TestProcessIoRates::ratesFromDeltas_data()
{
    QTest::addColumn<bool>("keep");
    QTest::newRow("kept descriptors") << true;
    QTest::newRow("open/read/close") << false;
}

void TestProcessIoRates::ratesFromDeltas()
{
    QFETCH(bool, keep);
    pgtest::FakeProc fake;
    fake.addProcess(100, "writer", 0, 5, std::string("writer\0", 7));
    fake.writeFile("100/io", io(1000, 5000));
    ProcessCollector collector(options(fake, keep, true));
    const ProcessSnapshot first = collector.sample();
    QVERIFY(first.ioSampled);
    const ProcessInfo* p = find(first, 100);
    QVERIFY(p);
    // One reading: no rate yet, and no error either.
    QCOMPARE(p->ioError, Error::None);
    QVERIFY(std::isnan(p->ioReadBytesPerS));
    QCOMPARE(processesToCsv(first).rows[0].back(), std::string());

    // 4 MiB read and 2 MiB written in 2 s.
    fake.writeFile("100/io", io(1000 + (4u << 20), 5000 + (2u << 20)));
    m_clockNs += 2000000000;
    const ProcessSnapshot second = collector.sample();
    p = find(second, 100);
    QVERIFY(p);
    QCOMPARE(p->ioReadBytesPerS, double(2u << 20));
    QCOMPARE(p->ioWriteBytesPerS, double(1u << 20));
    const CsvTable table = processesToCsv(second);
    const auto& header = table.header;
    const auto column = [&header](const char* name) {
        return std::size_t(std::find(header.begin(), header.end(), name) - header.begin());
    };
    QCOMPARE(header[header.size() - 2], std::string("io_read_bytes_per_s"));
    QCOMPARE(header.back(), std::string("io_write_bytes_per_s"));
    QCOMPARE(table.rows[0][column("io_read_bytes_per_s")], std::string("2097152"));
    QCOMPARE(table.rows[0][column("io_write_bytes_per_s")], std::string("1048576"));
    QVERIFY(processExportWarnings(second).empty());

    // Nothing more: 0 B/s, a known zero.
    m_clockNs += 1000000000;
    const ProcessSnapshot third = collector.sample(); // p points into it: keep it alive
    p = find(third, 100);
    QCOMPARE(p->ioReadBytesPerS, 0.0);
    QCOMPARE(p->ioWriteBytesPerS, 0.0);
    if (keep)
        QCOMPARE(collector.keptFdCount(), std::size_t(4)); // stat, statm, cmdline, io
}

void TestProcessIoRates::newProcessCountsFromZero()
{
    pgtest::FakeProc fake;
    fake.addProcess(1, "init", 0, 5, std::string("init\0", 5));
    fake.writeFile("1/io", io(0, 0));
    ProcessCollector collector(options(fake, true, true));
    (void)collector.sample();
    // Born after that sample: every byte it has was read in this interval.
    fake.addProcess(200, "newborn", 0, 50, std::string("newborn\0", 8));
    fake.writeFile("200/io", io(3000, 1000));
    m_clockNs += 500000000;
    const ProcessSnapshot s = collector.sample();
    const ProcessInfo* p = find(s, 200);
    QVERIFY(p);
    QCOMPARE(p->ioReadBytesPerS, 6000.0);
    QCOMPARE(p->ioWriteBytesPerS, 2000.0);
}

void TestProcessIoRates::unreadableIoIsUnknown()
{
    pgtest::FakeProc fake;
    fake.addProcess(1, "init", 0, 5, std::string("init\0", 5));
    fake.writeFile("1/io", io(0, 0));
    fake.addProcess(300, "hidden", 0, 5, std::string("hidden\0", 7));
    QVERIFY(QFile::remove(fake.root() + QStringLiteral("/300/io")));
    QVERIFY(QDir(fake.root()).mkpath(QStringLiteral("300/io"))); // unreadable: a folder
    fake.addProcess(301, "old kernel", 0, 5, std::string("x\0", 2));
    QVERIFY(QFile::remove(fake.root() + QStringLiteral("/301/io"))); // no io file at all
    ProcessCollector collector(options(fake, true, true));
    (void)collector.sample();
    m_clockNs += 1000000000;
    const ProcessSnapshot s = collector.sample();
    QCOMPARE(find(s, 1)->ioError, Error::None);
    QCOMPARE(find(s, 1)->ioWriteBytesPerS, 0.0);
    const ProcessInfo* p = find(s, 300);
    QCOMPARE(p->ioError, Error::FolderNotFile);
    QVERIFY(std::isnan(p->ioReadBytesPerS));
    QVERIFY(std::isnan(p->ioWriteBytesPerS));
    QCOMPARE(find(s, 301)->ioError, Error::FileMissing);

    // The CSV: empty cells, never 0; stderr: one line with the count and the reasons.
    const CsvTable table = processesToCsv(s);
    QCOMPARE(table.rows[1][0], std::string("300"));
    QCOMPARE(table.rows[1][table.header.size() - 2], std::string());
    QCOMPARE(table.rows[1].back(), std::string());
    QCOMPARE(table.rows[0].back(), std::string("0"));
    const std::vector<std::string> warnings = processExportWarnings(s);
    QCOMPARE(warnings.size(), std::size_t(1));
    QVERIFY2(warnings[0].find("empty for 2 processes whose /proc/PID/io could not be read")
            != std::string::npos,
        warnings[0].c_str());
    QVERIFY2(warnings[0].find(std::string(errorText(Error::FolderNotFile))) != std::string::npos,
        warnings[0].c_str());
    QVERIFY2(warnings[0].find(std::string(errorText(Error::FileMissing))) != std::string::npos,
        warnings[0].c_str());
}

void TestProcessIoRates::counterGoingBackIsUnknown()
{
    pgtest::FakeProc fake;
    fake.addProcess(100, "writer", 0, 5, std::string("writer\0", 7));
    fake.writeFile("100/io", io(9000, 9000));
    ProcessCollector collector(options(fake, false, true));
    (void)collector.sample();
    fake.writeFile("100/io", io(10, 10));
    m_clockNs += 1000000000;
    const ProcessSnapshot s1 = collector.sample();
    const ProcessInfo* p = find(s1, 100);
    QCOMPARE(p->ioError, Error::None);
    QVERIFY(std::isnan(p->ioReadBytesPerS)); // not a wrapped 1.8e19 B/s
    fake.writeFile("100/io", io(1010, 10));
    m_clockNs += 1000000000;
    QCOMPARE(find(collector.sample(), 100)->ioReadBytesPerS, 1000.0);
}

void TestProcessIoRates::switchingOffClosesIoFiles()
{
    pgtest::FakeProc fake;
    fake.addProcess(100, "writer", 0, 5, std::string("writer\0", 7));
    fake.writeFile("100/io", io(0, 0));
    ProcessCollector collector(options(fake, true, false));
    (void)collector.sample();
    QCOMPARE(collector.keptFdCount(), std::size_t(3));
    collector.setReadIo(true);
    QVERIFY(collector.sample().ioSampled);
    QCOMPARE(collector.keptFdCount(), std::size_t(4));
    collector.setReadIo(false);
    QCOMPARE(collector.keptFdCount(), std::size_t(3));
    const ProcessSnapshot off = collector.sample();
    QVERIFY(!off.ioSampled);
    QVERIFY(std::isnan(find(off, 100)->ioWriteBytesPerS));
    // On again: the first reading after a gap is no rate (the gap is not this interval).
    collector.setReadIo(true);
    fake.writeFile("100/io", io(5000, 5000));
    m_clockNs += 1000000000;
    QVERIFY(std::isnan(find(collector.sample(), 100)->ioWriteBytesPerS));
}

QTEST_GUILESS_MAIN(TestProcessIoRates)
#include "tst_process_io_rates.moc"
