// SPDX-License-Identifier: GPL-3.0-or-later
// `procglass export processes|interrupts|system --host unix:SOCKET` against a private pmcd (only
// the pmcd, proc and linux agents; tests/support/PrivatePmcd.h) agrees with the local exports of
// the same moment: the same pids with the same comm and uid (two children this test names itself,
// and pmcd's own pid, in both), the same IRQ rows and CPU columns, the same MemTotal and CPUs.
// And the errors: an unreachable host, a host that refuses per-process metrics (TCP without
// credentials), tables PCP cannot give: one line, exit status, no file.

#include "tests/support/BinaryCopy.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/CliRun.h"
#include "tests/support/PrivatePmcd.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <sys/prctl.h>

namespace {

const QString kProcglass = QStringLiteral(PROCGLASS_BINARY_DIR "/app/procglass");

using Row = pgtest::CsvRow;
using pgtest::readBack;
using pgtest::run;
using pgtest::RunResult;

// The CSV file read back by the independent reader: header first.
QList<Row> readCsv(const QString& path, QString* problem)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("cannot open ") + path;
        return {};
    }
    return readBack(f.readAll(), problem);
}

int columnOf(const QList<Row>& rows, const char* name)
{
    return rows.isEmpty() ? -1 : static_cast<int>(rows.front().indexOf(QByteArray(name)));
}

struct ProcRow
{
    QByteArray comm, uid, startTime;
    bool kernelThread = false;
};

// A kernel worker names the work queue it serves after a '-' ("kworker/1:1-events"), which
// changes from one moment to the next: for kernel threads only the part before it is stable.
QByteArray stableComm(const ProcRow& p)
{
    const qsizetype dash = p.comm.indexOf('-');
    return p.kernelThread && dash > 0 ? p.comm.left(dash) : p.comm;
}

// pid -> comm, uid, start time of a processes export.
QMap<int, ProcRow> processesByPid(const QList<Row>& rows)
{
    QMap<int, ProcRow> out;
    const int pid = columnOf(rows, "pid"), comm = columnOf(rows, "comm"),
              uid = columnOf(rows, "uid"), start = columnOf(rows, "start_time"),
              kernel = columnOf(rows, "kernel_thread");
    for (qsizetype i = 1; i < rows.size(); ++i)
        out.insert(rows[i].at(pid).toInt(),
            { rows[i].at(comm), rows[i].at(uid), rows[i].at(start), rows[i].at(kernel) == "1" });
    return out;
}

// A child that names itself (prctl PR_SET_NAME: its comm) and sleeps until killed.
pid_t namedChild(const char* name)
{
    return pgtest::forkReadyChild([name] { return ::prctl(PR_SET_NAME, name, 0, 0, 0) == 0; });
}

} // namespace

class TestPcpExport : public QObject
{
    Q_OBJECT

private:
    pgtest::PrivatePmcd m_pmcd;
    QTemporaryDir m_out;

    // `procglass export ARGS -o DIR/NAME`; the CSV read back, or a failed check.
    QList<Row> exportTable(const QStringList& args, const QString& name)
    {
        const QString path = m_out.filePath(name);
        const RunResult r = run(kProcglass,
            QStringList { QStringLiteral("export") } << args << QStringLiteral("-o") << path);
        if (r.exitCode != 0) {
            qWarning("procglass export %s: exit %d: %s", qPrintable(args.join(u' ')), r.exitCode,
                r.err.constData());
            return {};
        }
        QString problem;
        const QList<Row> rows = readCsv(path, &problem);
        if (!problem.isEmpty())
            qWarning("%s: %s", qPrintable(path), qPrintable(problem));
        return rows;
    }

private slots:
    void initTestCase()
    {
        PRIVATE_PMCD_START_OR_SKIP(m_pmcd);
        QVERIFY(m_out.isValid());
    }

    void processesAgreeWithTheLocalExport()
    {
        pgtest::Child a, b;
        a.pid = namedChild("pgpcp-alpha");
        b.pid = namedChild("pgpcp-beta");
        QVERIFY(a.pid > 0 && b.pid > 0);
        const QList<Row> remote = exportTable(
            { QStringLiteral("processes"), QStringLiteral("--host"), m_pmcd.hostSpec(),
                QStringLiteral("--interval"), QStringLiteral("200") },
            QStringLiteral("remote-processes.csv"));
        const QList<Row> local = exportTable(
            { QStringLiteral("processes"), QStringLiteral("--interval"), QStringLiteral("200") },
            QStringLiteral("local-processes.csv"));
        QVERIFY(remote.size() > 1 && local.size() > 1);
        QCOMPARE(remote.front(), local.front()); // the same columns, in the same order

        const QMap<int, ProcRow> r = processesByPid(remote);
        const QMap<int, ProcRow> l = processesByPid(local);
        for (const pid_t child : { a.pid, b.pid }) {
            QVERIFY2(r.contains(child), "a child of this test is missing from the pmcd export");
            QVERIFY(l.contains(child));
        }
        QCOMPARE(r.value(a.pid).comm, QByteArray("pgpcp-alpha"));
        QCOMPARE(r.value(b.pid).comm, QByteArray("pgpcp-beta"));
        QCOMPARE(r.value(a.pid).uid, QByteArray::number(::geteuid()));
        QCOMPARE(r.value(a.pid).startTime, l.value(a.pid).startTime);
        // pmcd itself (the pid this test started) is a process the host has.
        QVERIFY(r.contains(static_cast<int>(m_pmcd.pid())));
        QCOMPARE(r.value(static_cast<int>(m_pmcd.pid())).comm, QByteArray("pmcd"));

        // Every process in both with the same start time has the same comm and uid; a process
        // younger than 30 s may have exec'd between the two exports (tests run beside this one).
        int common = 0, young = 0, reused = 0;
        const QByteArray recent
            = QDateTime::currentDateTimeUtc().addSecs(-30).toString(Qt::ISODate).toLatin1();
        for (auto it = r.cbegin(); it != r.cend(); ++it) {
            if (!l.contains(it.key()))
                continue;
            const ProcRow& there = l.value(it.key());
            if (there.startTime != it->startTime) {
                ++reused; // the pid was reused between the two exports
                continue;
            }
            ++common;
            QCOMPARE(it->kernelThread, there.kernelThread);
            if (stableComm(there) == stableComm(*it) && there.uid == it->uid)
                continue;
            QVERIFY2(!it->startTime.isEmpty() && it->startTime >= recent,
                qPrintable(QStringLiteral("pid %1 (started %2): comm %3 from pmcd, %4 local")
                               .arg(it.key())
                               .arg(QString::fromLatin1(it->startTime), QString::fromUtf8(it->comm),
                                   QString::fromUtf8(there.comm))));
            ++young;
        }
        QVERIFY2(common > 10, "hardly any process in both exports");
        QVERIFY2(young <= 20, qPrintable(QStringLiteral("%1 young processes differ").arg(young)));
        QVERIFY2(
            reused <= 5, qPrintable(QStringLiteral("%1 pids differ in start time").arg(reused)));
        // The two sets differ only by what started or ended between the two exports.
        const int remoteOnly = static_cast<int>(r.size()) - common - reused;
        const int localOnly = static_cast<int>(l.size()) - common - reused;
        const int churn = std::max(10, static_cast<int>(l.size()) / 10);
        QVERIFY2(remoteOnly <= churn && localOnly <= churn,
            qPrintable(QStringLiteral("%1 only from pmcd, %2 only local, %3 in both")
                           .arg(remoteOnly)
                           .arg(localOnly)
                           .arg(common)));
    }

    void interruptsAgreeWithTheLocalExport()
    {
        const QList<Row> remote = exportTable(
            { QStringLiteral("interrupts"), QStringLiteral("--host"), m_pmcd.hostSpec(),
                QStringLiteral("--interval"), QStringLiteral("200") },
            QStringLiteral("remote-interrupts.csv"));
        const QList<Row> local
            = exportTable({ QStringLiteral("interrupts") }, QStringLiteral("local-interrupts.csv"));
        QVERIFY(remote.size() > 1 && local.size() > 1);
        QCOMPARE(remote.front(), local.front()); // irq, cpu0..cpuN, ...: the same CPU columns
        QStringList remoteIrqs, localIrqs;
        for (qsizetype i = 1; i < remote.size(); ++i)
            remoteIrqs << QString::fromUtf8(remote[i].front());
        for (qsizetype i = 1; i < local.size(); ++i)
            localIrqs << QString::fromUtf8(local[i].front());
        // The same rows (x86 prints ERR and MIS among the named rows; PCP does not say where,
        // so the order of those two is Procglass's guess: compared as sets).
        QCOMPARE(remoteIrqs.size(), localIrqs.size());
        remoteIrqs.sort();
        localIrqs.sort();
        QCOMPARE(remoteIrqs, localIrqs);
        QVERIFY(localIrqs.contains(QStringLiteral("LOC")) || localIrqs.size() > 3);
        // The chip, hwirq, trigger and devices from the instances' irqtext labels: as the file
        // says them, for every numeric IRQ.
        QMap<QByteArray, QByteArray> localText, remoteText;
        auto describe = [](const QList<Row>& rows, QMap<QByteArray, QByteArray>& out) {
            const int chip = columnOf(rows, "chip"), hwirq = columnOf(rows, "hwirq");
            const int trigger = columnOf(rows, "trigger"), devices = columnOf(rows, "devices");
            QVERIFY(chip > 0 && hwirq > 0 && trigger > 0 && devices > 0);
            for (qsizetype i = 1; i < rows.size(); ++i)
                out.insert(rows[i].front(),
                    rows[i].at(chip) + '|' + rows[i].at(hwirq) + '|' + rows[i].at(trigger) + '|'
                        + rows[i].at(devices));
        };
        describe(local, localText);
        describe(remote, remoteText);
        int described = 0;
        for (auto it = localText.cbegin(); it != localText.cend(); ++it) {
            if (it.key().isEmpty() || it.key().front() < '0' || it.key().front() > '9')
                continue;
            QCOMPARE(remoteText.value(it.key()), it.value());
            described += it.value().startsWith('|') ? 0 : 1;
        }
        QVERIFY(described > 0);
        // With --interval the rates come from two fetches: present for the per-CPU rows.
        const int rate = columnOf(remote, "rate_per_s");
        QVERIFY(rate > 0);
        QVERIFY(!remote.at(1).at(rate).isEmpty());
    }

    void softirqsAgreeWithTheLocalExport()
    {
        const QList<Row> remote
            = exportTable({ QStringLiteral("softirqs"), QStringLiteral("--host"), m_pmcd.hostSpec(),
                              QStringLiteral("--interval"), QStringLiteral("200") },
                QStringLiteral("remote-softirqs.csv"));
        const QList<Row> local
            = exportTable({ QStringLiteral("softirqs") }, QStringLiteral("local-softirqs.csv"));
        QVERIFY(remote.size() > 1 && local.size() > 1);
        QCOMPARE(remote.front(), local.front()); // softirq, cpu0..cpuN, total, rate_per_s
        QStringList remoteKinds, localKinds;
        for (qsizetype i = 1; i < remote.size(); ++i)
            remoteKinds << QString::fromUtf8(remote[i].front());
        for (qsizetype i = 1; i < local.size(); ++i)
            localKinds << QString::fromUtf8(local[i].front());
        QCOMPARE(remoteKinds, localKinds);
        QVERIFY(localKinds.contains(QStringLiteral("TIMER")));
        const int rate = columnOf(remote, "rate_per_s");
        QVERIFY(rate > 0);
        QVERIFY(!remote.at(1).at(rate).isEmpty());
    }

    void systemAgreesWithTheLocalExport()
    {
        const QList<Row> remote
            = exportTable({ QStringLiteral("system"), QStringLiteral("--host"), m_pmcd.hostSpec(),
                              QStringLiteral("--interval"), QStringLiteral("100") },
                QStringLiteral("remote-system.csv"));
        const QList<Row> local = exportTable(
            { QStringLiteral("system"), QStringLiteral("--interval"), QStringLiteral("100") },
            QStringLiteral("local-system.csv"));
        QVERIFY(remote.size() > 1 && local.size() > 1);
        auto value = [](const QList<Row>& rows, const char* metric) {
            for (const Row& row : rows) {
                if (row.front() == metric)
                    return row.at(1);
            }
            return QByteArray("(absent)");
        };
        auto cpus = [](const QList<Row>& rows) {
            QSet<QByteArray> ids;
            for (const Row& row : rows) {
                const QByteArray m = row.front();
                if (m.startsWith("cpu") && m.size() > 3 && m.at(3) >= '0' && m.at(3) <= '9')
                    ids.insert(m.left(m.indexOf('.')));
            }
            return ids;
        };
        QVERIFY(!value(local, "memory.total").isEmpty());
        QCOMPARE(value(remote, "memory.total"), value(local, "memory.total"));
        QCOMPARE(value(remote, "boot.time"), value(local, "boot.time"));
        QCOMPARE(value(remote, "uname.release"), value(local, "uname.release"));
        QVERIFY(!cpus(local).isEmpty());
        QCOMPARE(cpus(remote), cpus(local));
        // Network interfaces: the same names (net.NAME.*); their byte counters only grow.
        auto named = [](const QList<Row>& rows, const QByteArray& prefix, const QByteArray& end) {
            QSet<QByteArray> names;
            for (const Row& row : rows) {
                const QByteArray m = row.front();
                if (m.startsWith(prefix) && m.endsWith(end))
                    names.insert(m.mid(prefix.size(), m.size() - prefix.size() - end.size()));
            }
            return names;
        };
        const QSet<QByteArray> ifaces = named(local, "net.", ".rx_bytes");
        QVERIFY(ifaces.contains("lo"));
        QCOMPARE(named(remote, "net.", ".rx_bytes"), ifaces);
        // Disks: PCP's disk.dev holds whole disks; each is a disk in the local export too, and
        // every local whole disk that pmdalinux does not leave out (device-mapper, md, loop and
        // RAM disks) is there.
        const QSet<QByteArray> remoteDisks = named(remote, "disk.", ".kind");
        for (const QByteArray& d : remoteDisks)
            QCOMPARE(value(local, ("disk." + d + ".kind").constData()), QByteArray("disk"));
        for (const QByteArray& d : named(local, "disk.", ".kind")) {
            const bool whole = value(local, ("disk." + d + ".kind").constData()) == "disk";
            const bool virtualDisk = d.startsWith("dm-") || d.startsWith("md")
                || d.startsWith("loop") || d.startsWith("ram") || d.startsWith("zram");
            if (whole && !virtualDisk)
                QVERIFY2(remoteDisks.contains(d), d.constData());
        }
        // vmstat: the counters since boot are there and only grow between the two exports.
        QVERIFY(!value(remote, "page_faults.total").isEmpty());
        QVERIFY(value(remote, "page_faults.total") != "(absent)");
        QVERIFY(value(remote, "page_faults.total").toLongLong()
            <= value(local, "page_faults.total").toLongLong());
    }

    void refusedPerProcessMetricsSayHowToGetThem()
    {
        // The same pmcd over TCP, without credentials: pmdaproc refuses every proc.* metric.
        PRIVATE_PMCD_SKIP_UNLESS_TCP();
        const QString path = m_out.filePath(QStringLiteral("refused.csv"));
        const RunResult r = run(kProcglass,
            { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--host"),
                m_pmcd.tcpHostSpec(), QStringLiteral("-o"), path });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.err.contains("PM_ERR_PERMISSION") && r.err.contains("pcps://"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(!QFile::exists(path));
        // Machine-wide metrics need no credentials.
        QVERIFY(!exportTable(
            { QStringLiteral("system"), QStringLiteral("--host"), m_pmcd.tcpHostSpec() },
            QStringLiteral("tcp-system.csv"))
                     .isEmpty());
    }

    void unreachableHostIsOneLine()
    {
        const QString path = m_out.filePath(QStringLiteral("nowhere.csv"));
        const RunResult r = run(kProcglass,
            { QStringLiteral("export"), QStringLiteral("interrupts"), QStringLiteral("--host"),
                QStringLiteral("unix:") + m_out.filePath(QStringLiteral("no-such.socket")),
                QStringLiteral("-o"), path });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("procglass export: cannot connect to pmcd at unix:"),
            r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(!QFile::exists(path));
    }

    void tablesPcpCannotGiveAreSaid()
    {
        const RunResult memory = run(kProcglass,
            { QStringLiteral("export"), QStringLiteral("memory"), QStringLiteral("1"),
                QStringLiteral("--host"), m_pmcd.hostSpec() });
        QCOMPARE(memory.exitCode, 2);
        QVERIFY2(memory.err.contains("not available from PCP"), memory.err.constData());
        const RunResult census = run(kProcglass,
            { QStringLiteral("export"), QStringLiteral("memory"), QStringLiteral("--host"),
                m_pmcd.hostSpec() });
        QCOMPARE(census.exitCode, 2);
        QVERIFY2(census.err.contains("not available from PCP"), census.err.constData());
    }

    // libpcp and its libraries (OpenSSL, SASL, libsystemd...) stay out of procglass's start-up:
    // the module is opened only for --host.
    void procglassDoesNotLinkLibpcp()
    {
        const RunResult r = run(QStringLiteral("readelf"), { QStringLiteral("-d"), kProcglass });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("(NEEDED)"));
        QVERIFY2(!r.out.contains("libpcp"), r.out.constData());
    }

    // procglass alone (no module beside it, none in ../libexec/procglass): one line naming where
    // the module was looked for; a module others may write is refused (procglass runs as root).
    void missingOrUnsafeModuleIsSaid()
    {
        const pgtest::BinaryCopy binary;
        QVERIFY(binary.isValid());
        const QStringList args { QStringLiteral("export"), QStringLiteral("system"),
            QStringLiteral("--host"), m_pmcd.hostSpec() };
        const RunResult missing = run(binary.path(), args);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("procglass-pcp.so module, which is missing"),
            missing.err.constData());
        QCOMPARE(missing.err.count('\n'), 1);

        const QString module = binary.folder() + QStringLiteral("/procglass-pcp.so");
        QVERIFY(QFile::copy(QStringLiteral(PROCGLASS_BINARY_DIR "/app/procglass-pcp.so"), module));
        QVERIFY(QFile::setPermissions(
            module, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::WriteGroup));
        const RunResult unsafe = run(binary.path(), args);
        QCOMPARE(unsafe.exitCode, 1);
        QVERIFY2(unsafe.err.contains("refusing"), unsafe.err.constData());

        QVERIFY(
            QFile::setPermissions(module, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
        const RunResult works = run(binary.path(), args);
        QVERIFY2(works.exitCode == 0, works.err.constData());
        QVERIFY(works.out.startsWith("metric,value,unit"));
    }

    void cleanupTestCase() { m_pmcd.stop(); }
};

QTEST_GUILESS_MAIN(TestPcpExport)
#include "tst_pcp_export.moc"
