// SPDX-License-Identifier: GPL-3.0-or-later
// `procglass export interrupts` and `export softirqs` with the columns of issue 13, run as the
// built binary and read back with the independent CSV reader (tests/data/export/read_csv.py): on
// the fixture trees (tests/data/irqtopo, with --sys-root) and live with --interval 1000, where
// every IRQ a PCI function lists in /sys/bus/pci/devices/*/msi_irqs must have an attached_to.

#include "tests/support/CliRun.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

const QString kProcglass = QStringLiteral(PROCGLASS_BINARY_DIR "/app/procglass");
const QString kTopo = QStringLiteral(PROCGLASS_TEST_DATA "/irqtopo/");

using Row = pgtest::CsvRow;
using pgtest::readBack;
using pgtest::run;
using pgtest::RunResult;

// Column name -> value, for the row whose first field is `key`.
QMap<QByteArray, QByteArray> rowOf(const QList<Row>& rows, const QByteArray& key)
{
    QMap<QByteArray, QByteArray> out;
    for (const Row& r : rows) {
        if (!r.isEmpty() && r.front() == key) {
            for (qsizetype i = 0; i < r.size() && i < rows.front().size(); ++i)
                out[rows.front().at(i)] = r.at(i);
        }
    }
    return out;
}

QList<Row> exportTable(const QStringList& args, RunResult* result = nullptr)
{
    const RunResult r = run(kProcglass, QStringList { QStringLiteral("export") } + args);
    if (result)
        *result = r;
    if (r.exitCode != 0) {
        qWarning("%s", r.err.constData());
        return {};
    }
    QString problem;
    QList<Row> rows = readBack(r.out, &problem);
    if (!problem.isEmpty())
        qWarning("%s", qPrintable(problem));
    return rows;
}

bool isRate(const QByteArray& field)
{
    bool ok = false;
    const double v = field.toDouble(&ok);
    return ok && v >= 0;
}

} // namespace

class TestIrqExport : public QObject
{
    Q_OBJECT
private slots:
    void interruptsOnFixtures();
    void softirqsOnFixture();
    void interruptsLive();
    void softirqsLive();
    void sysRootMustBeAFolder();
};

void TestIrqExport::interruptsOnFixtures()
{
    const QList<Row> rows = exportTable({ QStringLiteral("interrupts"),
        QStringLiteral("--proc-root"), kTopo + "vm-virtio/proc", QStringLiteral("--sys-root"),
        kTopo + "vm-virtio/sys", QStringLiteral("--interval"), QStringLiteral("100") });
    QVERIFY(!rows.isEmpty());
    QCOMPARE(rows.front().mid(rows.front().size() - 5),
        (Row { "rate_per_s", "affinity", "effective_affinity", "attached_to", "balance" }));
    auto nic = rowOf(rows, "38");
    QCOMPARE(nic["attached_to"], QByteArray("eth0 input.0"));
    QCOMPARE(nic["affinity"], QByteArray("0-1"));
    QCOMPARE(nic["effective_affinity"], QByteArray("1"));
    // A fixture does not move: two samples give 0/s, and no events in the window to judge.
    QCOMPARE(nic["rate_per_s"], QByteArray("0.000"));
    QCOMPARE(nic["balance"], QByteArray("too_few_events"));
    // One sample: judged on the counts since boot; one effective CPU is never flagged.
    const QList<Row> once
        = exportTable({ QStringLiteral("interrupts"), QStringLiteral("--proc-root"),
            kTopo + "vm-virtio/proc", QStringLiteral("--sys-root"), kTopo + "vm-virtio/sys" });
    QCOMPARE(rowOf(once, "38")["balance"], QByteArray("single_cpu"));
    for (qsizetype i = 1; i < once.size(); ++i)
        QVERIFY(once[i].back() != "concentrated" && once[i].back() != "fewer_cpus");
    QCOMPARE(rowOf(rows, "36")["attached_to"], QByteArray("vda req.0"));
    QCOMPARE(rowOf(rows, "LOC")["balance"], QByteArray());

    RunResult noSys;
    const QList<Row> bare = exportTable(
        { QStringLiteral("interrupts"), QStringLiteral("--proc-root"), kTopo + "nic16/proc" },
        &noSys);
    QCOMPARE(rowOf(bare, "60")["attached_to"], QByteArray());
    QVERIFY2(noSys.err.contains("pass --sys-root DIR"), noSys.err.constData());
    QVERIFY2(noSys.err.contains("rate_per_s is empty"), noSys.err.constData());
    QCOMPARE(rowOf(bare, "60")["rate_per_s"], QByteArray());

    const QList<Row> nic16
        = exportTable({ QStringLiteral("interrupts"), QStringLiteral("--proc-root"),
            kTopo + "nic16/proc", QStringLiteral("--sys-root"), kTopo + "nic16/sys" });
    QCOMPARE(rowOf(nic16, "63")["attached_to"], QByteArray("enp59s0f0 TxRx-3"));
    QCOMPARE(rowOf(nic16, "68")["balance"], QByteArray("concentrated"));
    QCOMPARE(rowOf(nic16, "70")["balance"], QByteArray("fewer_cpus"));
    QCOMPARE(rowOf(nic16, "72")["affinity"], QByteArray()); // unreadable: empty, not "0"
    const QList<Row> nvme
        = exportTable({ QStringLiteral("interrupts"), QStringLiteral("--proc-root"),
            kTopo + "nvme/proc", QStringLiteral("--sys-root"), kTopo + "nvme/sys" });
    QCOMPARE(rowOf(nvme, "124")["attached_to"], QByteArray("nvme0n1 q4"));
    QCOMPARE(rowOf(nvme, "130")["attached_to"], QByteArray("card0"));
}

void TestIrqExport::softirqsOnFixture()
{
    const QList<Row> rows = exportTable({ QStringLiteral("softirqs"), QStringLiteral("--proc-root"),
        kTopo + "nic16/proc", QStringLiteral("--interval"), QStringLiteral("100") });
    QVERIFY(!rows.isEmpty());
    Row header { "softirq" };
    for (int c = 0; c < 16; ++c)
        header << "cpu" + QByteArray::number(c);
    header << "total"
           << "rate_per_s";
    QCOMPARE(rows.front(), header);
    QCOMPARE(rows.size(), 11);
    const auto netRx = rowOf(rows, "NET_RX");
    QCOMPARE(netRx["cpu0"], QByteArray("500000"));
    QCOMPARE(netRx["total"], QByteArray("4000000"));
    QCOMPARE(netRx["rate_per_s"], QByteArray("0.000"));
}

void TestIrqExport::interruptsLive()
{
    if (!QFileInfo::exists(QStringLiteral("/proc/interrupts")))
        QSKIP("no /proc/interrupts");
    const QList<Row> rows = exportTable(
        { QStringLiteral("interrupts"), QStringLiteral("--interval"), QStringLiteral("1000") });
    QVERIFY(rows.size() > 1);
    const int rate = int(rows.front().indexOf("rate_per_s"));
    const int attached = int(rows.front().indexOf("attached_to"));
    QVERIFY(rate > 0 && attached > rate);
    for (qsizetype i = 1; i < rows.size(); ++i) {
        if (rows[i].front() == "ERR" || rows[i].front() == "MIS")
            continue;
        QVERIFY2(isRate(rows[i].at(rate)), rows[i].front().constData());
    }
    // The kernel's own list: every MSI IRQ of a PCI function is attached to something.
    int checked = 0;
    for (const QString& fn :
        QDir(QStringLiteral("/sys/bus/pci/devices")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        for (const QString& irq : QDir(QStringLiteral("/sys/bus/pci/devices/%1/msi_irqs").arg(fn))
                                      .entryList(QDir::Files)) {
            const auto row = rowOf(rows, irq.toLatin1());
            if (row.isEmpty())
                continue; // not in /proc/interrupts (freed)
            QVERIFY2(!row["attached_to"].isEmpty(), qPrintable(irq));
            ++checked;
        }
    }
    // A virtio NIC (this VM, issue 13): its IRQs carry the interface's name. Its PCI function
    // is the parent of the virtioN device the interface's "device" link leads to.
    for (const QString& iface :
        QDir(QStringLiteral("/sys/class/net")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dev
            = QFileInfo(QStringLiteral("/sys/class/net/%1/device").arg(iface)).canonicalFilePath();
        if (!QFileInfo(dev).fileName().startsWith(QLatin1String("virtio")))
            continue;
        for (const QString& irq : QDir(dev + "/../msi_irqs").entryList(QDir::Files)) {
            const auto row = rowOf(rows, irq.toLatin1());
            if (!row.isEmpty())
                QVERIFY2(row["attached_to"].startsWith(iface.toLatin1()),
                    row["attached_to"].constData());
        }
    }
    qInfo("%d MSI IRQs checked", checked);
}

void TestIrqExport::softirqsLive()
{
    if (!QFileInfo::exists(QStringLiteral("/proc/softirqs")))
        QSKIP("no /proc/softirqs");
    const QList<Row> rows = exportTable(
        { QStringLiteral("softirqs"), QStringLiteral("--interval"), QStringLiteral("1000") });
    QVERIFY(rows.size() >= 10);
    QCOMPARE(rows.front().front(), QByteArray("softirq"));
    QCOMPARE(rows.front().back(), QByteArray("rate_per_s"));
    QCOMPARE(rows.front().at(rows.front().size() - 2), QByteArray("total"));
    bool anyMoving = false;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QVERIFY2(isRate(rows[i].back()), rows[i].front().constData());
        anyMoving = anyMoving || rows[i].back().toDouble() > 0;
    }
    QVERIFY(anyMoving); // the timer softirq runs every tick on a live machine
}

void TestIrqExport::sysRootMustBeAFolder()
{
    RunResult r;
    exportTable({ QStringLiteral("interrupts"), QStringLiteral("--sys-root"),
                    QStringLiteral("/nonexistent-sys") },
        &r);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--sys-root takes a folder"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestIrqExport)
#include "tst_irq_export.moc"
