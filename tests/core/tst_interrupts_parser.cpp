// SPDX-License-Identifier: GPL-3.0-or-later
// /proc/interrupts, /proc/softirqs and CPU-list parsing over fixture files: the seed's 2-CPU
// sample, this machine's virtio MSI-X lines, an arm64 GICv3 sample, CPU gaps, a synthetic 256-CPU
// file with 300 IRQs, a truncated file; plus the export table.

#include "core/export/InterruptsCsv.h"
#include "core/interrupts/Interrupts.h"
#include "core/interrupts/IrqAffinity.h"
#include "core/interrupts/Softirqs.h"
#include "tests/support/TestUtil.h"

#include <QTest>

using namespace pg;

Q_DECLARE_METATYPE(pg::Error)

namespace {

const InterruptRow* findRow(const Interrupts& in, std::string_view name)
{
    for (const InterruptRow& r : in.rows) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}

QList<qulonglong> toList(const std::vector<std::uint64_t>& v)
{
    QList<qulonglong> out;
    for (std::uint64_t x : v)
        out << x;
    return out;
}

QStringList toList(const std::vector<std::string>& v)
{
    QStringList out;
    for (const std::string& s : v)
        out << QString::fromStdString(s);
    return out;
}

} // namespace

class TestInterruptsParser : public QObject
{
    Q_OBJECT
private slots:
    void fixtures_data();
    void fixtures();
    void hostileText_data();
    void hostileText();
    void seedSampleNumbers();
    void softirqs_data();
    void softirqs();
    void cpuList_data();
    void cpuList();
    void csvExport();
};

void TestInterruptsParser::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QList<int>>("cpuIds"); // first, last and count are checked
    QTest::addColumn<int>("cpuCount");
    QTest::addColumn<int>("rowCount");
    QTest::addColumn<QString>("row");
    QTest::addColumn<qulonglong>("total");
    QTest::addColumn<QString>("chip");
    QTest::addColumn<QString>("hwirq");
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QStringList>("devices");

    QTest::newRow("seed 2-CPU, two devices") << "interrupts/seed-2cpu.txt" << QList<int> { 0, 1 }
                                             << 2 << 30 << "20" << qulonglong(7734) << "IO-APIC"
                                             << "20"
                                             << "fasteoi" << QStringList { "ioc0", "vboxguest" };
    QTest::newRow("seed 2-CPU, timer") << "interrupts/seed-2cpu.txt" << QList<int> { 0, 1 } << 2
                                       << 30 << "0" << qulonglong(38) << "IO-APIC"
                                       << "2"
                                       << "edge" << QStringList { "timer" };
    QTest::newRow("x86 virtio PCI-MSIX chip")
        << "interrupts/x86-virtio-msix-2cpu.txt" << QList<int> { 0, 1 } << 2 << 35 << "36"
        << qulonglong(52248) << "PCI-MSIX-0000:00:02.0"
        << "1"
        << "edge" << QStringList { "virtio1-req.0" };
    QTest::newRow("arm64 GICv3 level")
        << "interrupts/arm64-gicv3-4cpu.txt" << QList<int> { 0, 1, 2, 3 } << 4 << 21 << "11"
        << qulonglong(23017 + 20531 + 20935 + 20624) << "GICv3"
        << "27"
        << "Level" << QStringList { "arch_timer" };
    QTest::newRow("arm64 ITS-MSI, device with a space")
        << "interrupts/arm64-gicv3-4cpu.txt" << QList<int> { 0, 1, 2, 3 } << 4 << 21 << "48"
        << qulonglong(0) << "ITS-MSI"
        << "16384"
        << "Edge" << QStringList { "PCIe PME", "aerdrv" };
    QTest::newRow("arm64 no action")
        << "interrupts/arm64-gicv3-4cpu.txt" << QList<int> { 0, 1, 2, 3 } << 4 << 21 << "55"
        << qulonglong(0) << "GICv3"
        << "23"
        << "Level" << QStringList {};
    QTest::newRow("CPU gaps") << "interrupts/cpu-gaps.txt" << QList<int> { 0, 2, 3 } << 3 << 6
                              << "24" << qulonglong(1515) << "PCI-MSI"
                              << "524288"
                              << "edge" << QStringList { "nvme0q0" };
    QTest::newRow("256 CPUs x 300 IRQs")
        << "interrupts/interrupts-256cpu.txt" << QList<int> { 0, 255 } << 256 << 316 << "24"
        << qulonglong(6525035) << "IR-PCI-MSIX-0000:3b:00.0"
        << "0"
        << "edge" << QStringList { "mlx5_comp0@pci:0000:3b:00.0" };
    QTest::newRow("256 CPUs named row")
        << "interrupts/interrupts-256cpu.txt" << QList<int> { 0, 255 } << 256 << 316 << "LOC"
        << qulonglong(114648738) << ""
        << ""
        << "" << QStringList {};
}

void TestInterruptsParser::fixtures()
{
    QFETCH(QString, file);
    QFETCH(QList<int>, cpuIds);
    QFETCH(int, cpuCount);
    QFETCH(int, rowCount);
    QFETCH(QString, row);
    QFETCH(qulonglong, total);
    QFETCH(QString, chip);
    QFETCH(QString, hwirq);
    QFETCH(QString, trigger);
    QFETCH(QStringList, devices);

    const Result<Interrupts> parsed = parseInterrupts(pgtest::fixture(file));
    QVERIFY2(parsed.ok(), errorText(parsed.error()).data());
    QCOMPARE(int(parsed->cpuIds.size()), cpuCount);
    QCOMPARE(parsed->cpuIds.front(), cpuIds.front());
    QCOMPARE(parsed->cpuIds.back(), cpuIds.back());
    if (cpuIds.size() == cpuCount)
        QCOMPARE(QList<int>(parsed->cpuIds.begin(), parsed->cpuIds.end()), cpuIds);
    QCOMPARE(int(parsed->rows.size()), rowCount);
    const InterruptRow* r = findRow(*parsed, row.toStdString());
    QVERIFY(r);
    QCOMPARE(r->total(), total);
    QCOMPARE(int(r->counts.size()), cpuCount);
    QCOMPARE(QString::fromStdString(r->chip), chip);
    QCOMPARE(QString::fromStdString(r->hwirq), hwirq);
    QCOMPARE(QString::fromStdString(r->trigger), trigger);
    QCOMPARE(toList(r->devices), devices);
    // Every per-CPU row of every fixture has exactly one count per header CPU.
    for (const InterruptRow& each : parsed->rows)
        QVERIFY2(each.singleCount ? each.counts.size() == 1 : int(each.counts.size()) == cpuCount,
            each.name.c_str());
}

void TestInterruptsParser::hostileText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<pg::Error>("error");
    QTest::newRow("empty") << QByteArray("") << Error::Empty;
    QTest::newRow("only spaces") << QByteArray("   \n\n") << Error::Empty;
    QTest::newRow("truncated mid-row")
        << QByteArray(pgtest::fixture("interrupts/truncated.txt").c_str()) << Error::Truncated;
    QTest::newRow("cut at a row's counts")
        << QByteArray("    CPU0 CPU1\n  0:  38\n  1: 0 9 IO-APIC 1-edge i8042\n")
        << Error::Truncated;
    QTest::newRow("header only, no newline") << QByteArray("    CPU0 CPU1") << Error::Truncated;
    QTest::newRow("no CPU header")
        << QByteArray("  0: 38 0 IO-APIC 2-edge timer\n") << Error::BadFormat;
    QTest::newRow("CPU ids out of order") << QByteArray("  CPU1 CPU0\n") << Error::BadFormat;
    QTest::newRow("count over 2^64")
        << QByteArray("  CPU0\n  0: 99999999999999999999 IO-APIC 2-edge timer\n")
        << Error::BadNumber;
    QTest::newRow("row without colon")
        << QByteArray("  CPU0 CPU1\n  garbage 1 2\n") << Error::BadFormat;
    QTest::newRow("ERR without count") << QByteArray("  CPU0 CPU1\nERR:\n") << Error::Truncated;
}

void TestInterruptsParser::hostileText()
{
    QFETCH(QByteArray, text);
    QFETCH(pg::Error, error);
    const Result<Interrupts> parsed
        = parseInterrupts(std::string_view(text.constData(), std::size_t(text.size())));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error(), error);
}

void TestInterruptsParser::seedSampleNumbers()
{
    // The numbers a user reads in the seed's `cat /proc/interrupts`.
    const Result<Interrupts> parsed = parseInterrupts(pgtest::fixture("interrupts/seed-2cpu.txt"));
    QVERIFY(parsed.ok());
    const InterruptRow* loc = findRow(*parsed, "LOC");
    QVERIFY(loc);
    QCOMPARE(toList(loc->counts), (QList<qulonglong> { 20289, 19450 }));
    QCOMPARE(loc->description, std::string("Local timer interrupts"));
    QCOMPARE(loc->irq, -1);
    const InterruptRow* ttyS0 = findRow(*parsed, "4");
    QVERIFY(ttyS0);
    QCOMPARE(ttyS0->irq, 4);
    QCOMPARE(toList(ttyS0->counts), (QList<qulonglong> { 0, 1734 }));
    for (const char* single : { "ERR", "MIS" }) {
        const InterruptRow* r = findRow(*parsed, single);
        QVERIFY(r);
        QVERIFY(r->singleCount);
        QCOMPARE(r->total(), 0u);
    }
    const InterruptRow* mcp = findRow(*parsed, "MCP");
    QVERIFY(mcp && !mcp->singleCount);
    QCOMPARE(mcp->total(), 10u);
    QCOMPARE(parsed->rows.back().name, std::string("PIW"));
    // A one-CPU machine: every row has one count, and only ERR/MIS are machine-wide.
    const Result<Interrupts> one
        = parseInterrupts("           CPU0\n  0:   12   IO-APIC   2-edge   timer\nLOC:  5  Local "
                          "timer interrupts\nERR:  0\n");
    QVERIFY(one.ok());
    QVERIFY(!one->rows[0].singleCount);
    QVERIFY(!one->rows[1].singleCount);
    QVERIFY(one->rows[2].singleCount);
}

void TestInterruptsParser::softirqs_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("cpus");
    QTest::addColumn<int>("rows");
    QTest::newRow("this machine") << "interrupts/softirqs-2cpu.txt" << 2 << 10;
    QTest::newRow("256 CPUs") << "procroot-256cpu/softirqs" << 256 << 10;
}

void TestInterruptsParser::softirqs()
{
    QFETCH(QString, file);
    QFETCH(int, cpus);
    QFETCH(int, rows);
    const Result<Softirqs> parsed = parseSoftirqs(pgtest::fixture(file));
    QVERIFY(parsed.ok());
    QCOMPARE(int(parsed->cpuIds.size()), cpus);
    QCOMPARE(int(parsed->rows.size()), rows);
    QStringList names;
    for (const SoftirqRow& r : parsed->rows) {
        names << QString::fromStdString(r.name);
        QCOMPARE(int(r.counts.size()), cpus);
        QVERIFY2(!softirqDescription(r.name).empty(), r.name.c_str());
    }
    QCOMPARE(names,
        (QStringList { "HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL", "TASKLET", "SCHED",
            "HRTIMER", "RCU" }));

    const Result<Softirqs> cut = parseSoftirqs("    CPU0 CPU1\n  HI: 0 0\nTIMER: 5\n");
    QCOMPARE(cut.error(), Error::Truncated);
    const Result<Softirqs> bad = parseSoftirqs("    CPU0 CPU1\n  HI: 0 x\n");
    QCOMPARE(bad.error(), Error::BadNumber);
}

void TestInterruptsParser::cpuList_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QList<int>>("cpus");
    QTest::addColumn<QString>("formatted");
    QTest::newRow("range and single") << "0-3,8\n"
                                      << true << QList<int> { 0, 1, 2, 3, 8 } << "0-3,8";
    QTest::newRow("single") << "5\n" << true << QList<int> { 5 } << "5";
    QTest::newRow("empty effective list") << "\n" << true << QList<int> {} << "";
    QTest::newRow("overlap is merged") << "2-4,3,0" << true << QList<int> { 0, 2, 3, 4 } << "0,2-4";
    QTest::newRow("reversed range") << "3-1" << false << QList<int> {} << "";
    QTest::newRow("not a number") << "a-b" << false << QList<int> {} << "";
    QTest::newRow("beyond NR_CPUS") << "0-9000" << false << QList<int> {} << "";
    QTest::newRow("dangling comma") << "1," << false << QList<int> {} << "";
}

void TestInterruptsParser::cpuList()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QList<int>, cpus);
    QFETCH(QString, formatted);
    const std::string bytes = text.toStdString();
    const Result<std::vector<int>> parsed = parseCpuList(bytes);
    QCOMPARE(parsed.ok(), ok);
    if (!ok)
        return;
    QCOMPARE(QList<int>(parsed->begin(), parsed->end()), cpus);
    QCOMPARE(QString::fromStdString(formatCpuList(*parsed)), formatted);
}

void TestInterruptsParser::csvExport()
{
    const Result<Interrupts> seed = parseInterrupts(pgtest::fixture("interrupts/seed-2cpu.txt"));
    QVERIFY(seed.ok());
    const CsvTable table = interruptsToCsv(*seed);
    QCOMPARE(toList(table.header),
        (QStringList { "irq", "cpu0", "cpu1", "total", "chip", "hwirq", "trigger", "devices" }));
    QCOMPARE(int(table.rows.size()), 30);
    QCOMPARE(toList(table.rows[9]),
        (QStringList {
            "20", "5198", "2536", "7734", "IO-APIC", "20", "fasteoi", "ioc0, vboxguest" }));
    QCOMPARE(toList(table.rows[11]),
        (QStringList { "LOC", "20289", "19450", "39739", "", "", "", "Local timer interrupts" }));
    QCOMPARE(toList(table.rows[25]), (QStringList { "ERR", "", "", "0", "", "", "", "" }));

    const Result<Interrupts> gaps = parseInterrupts(pgtest::fixture("interrupts/cpu-gaps.txt"));
    QVERIFY(gaps.ok());
    QCOMPARE(toList(interruptsToCsv(*gaps).header),
        (QStringList {
            "irq", "cpu0", "cpu2", "cpu3", "total", "chip", "hwirq", "trigger", "devices" }));
}

QTEST_GUILESS_MAIN(TestInterruptsParser)
#include "tst_interrupts_parser.moc"
