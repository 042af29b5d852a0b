// SPDX-License-Identifier: GPL-3.0-or-later
// `procglass record` and `procglass export ... --archive` with the real PCP tools: 3 samples of
// the local /proc at --interval 500 make an archive that pmdumplog reads (label: version 2; the
// metrics with pmdalinux's PMIDs and this test's own children), whose processes table lists the
// two children started before the recording (pid and comm) and whose system table has
// /proc/meminfo's MemTotal; --at the first sample has no CPU % (nothing before it) and an earlier
// uptime than the last; a TIME outside the archive and existing targets (a file, a dangling
// symlink) are refused in one line; recording from a private pmcd (--host unix:SOCKET) works, and
// an archive that pmlogger wrote from that pmcd reads back too (pids, comm, MemTotal); without
// --duration, SIGINT ends the recording with a complete archive; pmrep reads it too.

#include "tests/support/ChildProcess.h"
#include "tests/support/CliRun.h"
#include "tests/support/PrivatePmcd.h"

#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace {

const QString kProcglass = QStringLiteral(PROCGLASS_BINARY_DIR "/app/procglass");
const QString kPmdumplog = QStringLiteral("/usr/bin/pmdumplog");

using Row = pgtest::CsvRow;
using pgtest::run;
using pgtest::RunResult;

pid_t namedChild(const char* name)
{
    return pgtest::forkReadyChild([name] { return ::prctl(PR_SET_NAME, name, 0, 0, 0) == 0; });
}

int columnOf(const QList<Row>& rows, const char* name)
{
    return rows.isEmpty() ? -1 : static_cast<int>(rows.front().indexOf(QByteArray(name)));
}

// The value of `metric` in a system export.
QByteArray systemValue(const QList<Row>& rows, const char* metric)
{
    for (const Row& r : rows) {
        if (r.size() >= 2 && r.at(0) == metric)
            return r.at(1);
    }
    return {};
}

QByteArray memTotalKib()
{
    QFile f(QStringLiteral("/proc/meminfo"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith("MemTotal:"))
            return line.mid(9).trimmed().split(' ').front();
    }
    return {};
}

} // namespace

class TestPcpRecord : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_archive;
    pgtest::Child m_alpha, m_beta;

    QList<Row> exportArchive(const QStringList& args, const QString& archive = {})
    {
        const RunResult r = run(kProcglass,
            QStringList { QStringLiteral("export") } << args << QStringLiteral("--archive")
                                                     << (archive.isEmpty() ? m_archive : archive));
        if (r.exitCode != 0) {
            qWarning("export %s: exit %d: %s", qPrintable(args.join(u' ')), r.exitCode,
                r.err.constData());
            return {};
        }
        QString problem;
        const QList<Row> rows = pgtest::readBack(r.out, &problem);
        if (!problem.isEmpty())
            qWarning("%s", qPrintable(problem));
        return rows;
    }

private slots:
    void initTestCase()
    {
        if (!QFile::exists(kPmdumplog))
            QSKIP("pmdumplog is not installed (Debian: pcp; build.sh installs it)");
        if (!QFile::exists(QStringLiteral(PROCGLASS_BINARY_DIR "/app/procglass-pcp.so")))
            QSKIP("the procglass-pcp module was not built (libpcp3-dev, libpcp-import1-dev)");
        QVERIFY(m_dir.isValid());
        m_alpha.pid = namedChild("pgrec-alpha");
        m_beta.pid = namedChild("pgrec-beta");
        QVERIFY(m_alpha.pid > 0 && m_beta.pid > 0);
        m_archive = m_dir.filePath(QStringLiteral("local"));
        // 3 samples: at 0, 0.5 and 1.0 s
        const RunResult r = run(kProcglass,
            { QStringLiteral("record"), QStringLiteral("-o"), m_archive,
                QStringLiteral("--interval"), QStringLiteral("500"), QStringLiteral("--duration"),
                QStringLiteral("1") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("3 samples"), r.err.constData());
        for (const char* suffix : { ".0", ".meta", ".index" })
            QVERIFY(QFile::exists(m_archive + QLatin1String(suffix)));
        // the private folder libpcp_import wrote in is gone
        QCOMPARE(QDir(m_dir.path())
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                     .size(),
            3);
    }

    void pmdumplogReadsAVersion2Label()
    {
        const RunResult r = run(kPmdumplog, { QStringLiteral("-L"), m_archive });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("Log Label (Log Format Version 2)"), r.out.constData());
    }

    void pmdumplogShowsTheMetrics()
    {
        const RunResult r = run(kPmdumplog,
            { m_archive, QStringLiteral("mem.physmem"), QStringLiteral("proc.psinfo.cmd"),
                QStringLiteral("kernel.percpu.interrupts") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("60.1.0 (mem.physmem): value " + memTotalKib()));
        QVERIFY(r.out.contains(QByteArray::number(m_alpha.pid).rightJustified(6, '0')
            + " pgrec-alpha\"] value \"pgrec-alpha\""));
        QVERIFY(r.out.contains("::cpu0\"]"));
        QCOMPARE(r.out.count("60.1.0 (mem.physmem)"), 3); // one per sample
        const RunResult d = run(kPmdumplog, { QStringLiteral("-d"), m_archive });
        QVERIFY(d.out.contains("PMID: 60.0.20 (kernel.all.cpu.user)"));
        QVERIFY(d.out.contains("Semantics: counter  Units: millisec"));
    }

    // PCP's own reporting tool reads it: the recorded MemTotal, and per-CPU interrupt rates
    // (counter semantics, so pmrep turns them into rates) under pmdalinux's instance names.
    void pmrepReadsTheArchive()
    {
        const QString pmrep = QStringLiteral("/usr/bin/pmrep");
        if (!QFile::exists(pmrep))
            QSKIP("pmrep is not installed (Debian: pcp)");
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // pmpython runs "python3" from PATH: the system's, which has python3-pcp (not a pyenv's).
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        p.setProcessEnvironment(env);
        p.start(pmrep,
            { QStringLiteral("-a"), m_archive, QStringLiteral("-t"), QStringLiteral("0.5"),
                QStringLiteral("-o"), QStringLiteral("csv"), QStringLiteral("mem.physmem"),
                QStringLiteral("kernel.percpu.interrupts") });
        QVERIFY(p.waitForFinished(60000));
        const QByteArray out = p.readAllStandardOutput();
        const QByteArray err = p.readAllStandardError();
        if (err.contains("No module named 'pcp'"))
            QSKIP("python3-pcp is not installed for /usr/bin/python3 (pmrep needs it)");
        QVERIFY2(p.exitCode() == 0, err.constData());
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QVERIFY2(lines.size() >= 3, out.constData()); // header and at least two samples
        QVERIFY(lines.front().contains("\"mem.physmem\""));
        QVERIFY(lines.front().contains("\"kernel.percpu.interrupts-"));
        QVERIFY(lines.front().contains("::cpu0\""));
        const QList<QByteArray> last = lines.back().split(',');
        QVERIFY(last.size() > 2);
        QCOMPARE(last.at(1), memTotalKib());
        QVERIFY2(!last.at(2).isEmpty(), lines.back().constData()); // a rate from two samples
    }

    void processesFromTheArchiveListTheChildren()
    {
        const QList<Row> rows = exportArchive({ QStringLiteral("processes") });
        QVERIFY(rows.size() > 3);
        const int pid = columnOf(rows, "pid"), comm = columnOf(rows, "comm");
        QMap<int, QByteArray> byPid;
        for (qsizetype i = 1; i < rows.size(); ++i)
            byPid.insert(rows[i].at(pid).toInt(), rows[i].at(comm));
        QCOMPARE(byPid.value(m_alpha.pid), QByteArray("pgrec-alpha"));
        QCOMPARE(byPid.value(m_beta.pid), QByteArray("pgrec-beta"));
        QCOMPARE(byPid.value(1).isEmpty(), false);
    }

    void systemFromTheArchiveHasMemTotal()
    {
        const QList<Row> rows = exportArchive({ QStringLiteral("system") });
        QCOMPARE(systemValue(rows, "memory.total"), memTotalKib());
    }

    void firstAndLastSampleDiffer()
    {
        const QList<Row> first = exportArchive(
            { QStringLiteral("processes"), QStringLiteral("--at"), QStringLiteral("+0") });
        const QList<Row> last = exportArchive({ QStringLiteral("processes") });
        QVERIFY(first.size() > 1 && last.size() > 1);
        const int cpu = columnOf(first, "cpu_percent"), pid = columnOf(first, "pid");
        int firstRates = 0, childRates = 0;
        for (qsizetype i = 1; i < first.size(); ++i)
            firstRates += first[i].at(cpu).isEmpty() ? 0 : 1;
        // Every process alive at both samples has a rate at the last one (this test's children
        // do; a process the machine started between the samples does not).
        for (qsizetype i = 1; i < last.size(); ++i) {
            const int p = last[i].at(pid).toInt();
            if (p == m_alpha.pid || p == m_beta.pid)
                childRates += last[i].at(cpu).isEmpty() ? 0 : 1;
        }
        QCOMPARE(firstRates, 0); // nothing before the first sample: no rate
        QCOMPARE(childRates, 2);
        const double upFirst = systemValue(exportArchive({ QStringLiteral("system"),
                                               QStringLiteral("--at"), QStringLiteral("+0") }),
            "uptime")
                                   .toDouble();
        const double upLast
            = systemValue(exportArchive({ QStringLiteral("system") }), "uptime").toDouble();
        QVERIFY2(upLast - upFirst > 0.8 && upLast - upFirst < 1.5,
            qPrintable(QStringLiteral("%1 -> %2").arg(upFirst).arg(upLast)));
    }

    void timeOutsideTheArchiveIsRefused()
    {
        const RunResult r = run(kProcglass,
            { QStringLiteral("export"), QStringLiteral("system"), QStringLiteral("--archive"),
                m_archive, QStringLiteral("--at"), QStringLiteral("+1h") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("is outside the archive, which runs from "), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }

    void existingTargetsAreRefused_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<bool>("danglingSymlink");
        QTest::newRow(".0 file") << ".0" << false;
        QTest::newRow(".index file") << ".index" << false;
        QTest::newRow(".meta dangling symlink") << ".meta" << true;
    }

    void existingTargetsAreRefused()
    {
        QFETCH(QString, suffix);
        QFETCH(bool, danglingSymlink);
        const QString base
            = m_dir.filePath(QStringLiteral("taken") + QString(QTest::currentDataTag()).left(2));
        const QString planted = base + suffix;
        const QString victim = m_dir.filePath(QStringLiteral("victim-") + suffix.mid(1));
        if (danglingSymlink) {
            QVERIFY(QFile::link(victim, planted));
        } else {
            QFile f(planted);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("keep me");
        }
        const RunResult r = run(kProcglass,
            { QStringLiteral("record"), QStringLiteral("-o"), base, QStringLiteral("--duration"),
                QStringLiteral("0.2") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.err.contains("refusing to overwrite " + planted.toLocal8Bit()), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(!QFile::exists(victim)); // nothing written through the symlink
        if (!danglingSymlink) {
            QFile f(planted);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), QByteArray("keep me"));
        }
        for (const char* other : { ".0", ".meta", ".index" }) {
            if (suffix != QLatin1String(other))
                QVERIFY(!QFileInfo(base + QLatin1String(other)).exists());
        }
    }

    // Without --duration it records until SIGINT (Ctrl+C), then finishes the archive: exit 0,
    // every file there, readable.
    void sigintEndsTheRecordingWithACompleteArchive()
    {
        const QString archive = m_dir.filePath(QStringLiteral("interrupted"));
        QProcess rec;
        rec.start(kProcglass,
            { QStringLiteral("record"), QStringLiteral("-o"), archive, QStringLiteral("--interval"),
                QStringLiteral("200") });
        QVERIFY(rec.waitForStarted(10000));
        // Taken between samples: a few samples, then Ctrl+C.
        QTest::qWait(1500);
        QVERIFY(rec.state() == QProcess::Running);
        QCOMPARE(::kill(static_cast<pid_t>(rec.processId()), SIGINT), 0);
        QVERIFY(rec.waitForFinished(20000));
        const QByteArray err = rec.readAllStandardError();
        QCOMPARE(rec.exitStatus(), QProcess::NormalExit);
        QVERIFY2(rec.exitCode() == 0, err.constData());
        QVERIFY2(err.contains(" samples in "), err.constData());
        QVERIFY2(!err.startsWith("procglass record: 0 samples"), err.constData());
        for (const char* suffix : { ".0", ".meta", ".index" })
            QVERIFY(QFile::exists(archive + QLatin1String(suffix)));
        QVERIFY(run(kPmdumplog, { QStringLiteral("-L"), archive })
                    .out.contains("Log Format Version 2"));
        const QList<Row> rows = exportArchive({ QStringLiteral("processes") }, archive);
        const int pid = columnOf(rows, "pid");
        bool listed = false;
        for (qsizetype i = 1; i < rows.size(); ++i)
            listed |= rows[i].at(pid).toInt() == m_alpha.pid;
        QVERIFY(listed);
    }

    void recordsFromAPrivatePmcd()
    {
        pgtest::PrivatePmcd pmcd;
        PRIVATE_PMCD_START_OR_SKIP(pmcd);
        const QString archive = m_dir.filePath(QStringLiteral("remote"));
        const RunResult r = run(kProcglass,
            { QStringLiteral("record"), QStringLiteral("-o"), archive, QStringLiteral("--host"),
                pmcd.hostSpec(), QStringLiteral("--interval"), QStringLiteral("500"),
                QStringLiteral("--duration"), QStringLiteral("0.5") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("2 samples"), r.err.constData());
        const RunResult label = run(kPmdumplog, { QStringLiteral("-L"), archive });
        QVERIFY(label.out.contains("Log Format Version 2"));
        const QList<Row> rows = exportArchive({ QStringLiteral("processes") }, archive);
        QVERIFY(rows.size() > 1);
        const int pid = columnOf(rows, "pid"), comm = columnOf(rows, "comm"),
                  cpu = columnOf(rows, "cpu_percent"), io = columnOf(rows, "io_read_bytes_per_s");
        bool found = false, haveIo = false;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            if (rows[i].at(pid).toInt() == m_alpha.pid) {
                found = rows[i].at(comm) == "pgrec-alpha" && !rows[i].at(cpu).isEmpty();
            }
            haveIo |= !rows[i].at(io).isEmpty(); // pmdaproc's proc.io.* are recorded from a host
        }
        QVERIFY(found);
        QVERIFY(haveIo);
        QCOMPARE(systemValue(exportArchive({ QStringLiteral("system") }, archive), "memory.total"),
            memTotalKib());

        // An archive written by pmlogger itself (3 samples a second apart) reads back the same way.
        QFile conf(m_dir.filePath(QStringLiteral("pmlogger.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(
            "log mandatory on 1 sec {\n proc.psinfo\n proc.id.uid\n proc.id.uid_nm\n"
            " proc.psinfo.vsize\n proc.memory.rss\n proc.memory.share\n kernel.all.boottime\n"
            " mem.physmem\n mem.util.free\n kernel.all.cpu.user\n}\n");
        conf.close();
        const QString logged = m_dir.filePath(QStringLiteral("pmlogged"));
        QProcess pmlogger;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PCP_TMP_DIR"), m_dir.path());
        env.insert(QStringLiteral("PCP_DERIVED_CONFIG"), QString());
        pmlogger.setProcessEnvironment(env);
        pmlogger.start(QStringLiteral("/usr/lib/pcp/bin/pmlogger"),
            { QStringLiteral("-h"), pmcd.hostSpec(), QStringLiteral("-c"), conf.fileName(),
                QStringLiteral("-s"), QStringLiteral("3"), QStringLiteral("-l"),
                m_dir.filePath(QStringLiteral("pmlogger.log")), logged });
        QVERIFY(pmlogger.waitForFinished(30000));
        QFile log(m_dir.filePath(QStringLiteral("pmlogger.log")));
        log.open(QIODevice::ReadOnly);
        QVERIFY2(pmlogger.exitCode() == 0, log.readAll().constData());
        const QList<Row> fromPmlogger = exportArchive({ QStringLiteral("processes") }, logged);
        bool listed = false;
        for (qsizetype i = 1; i < fromPmlogger.size(); ++i)
            listed |= fromPmlogger[i].at(pid).toInt() == m_beta.pid
                && fromPmlogger[i].at(comm) == "pgrec-beta";
        QVERIFY(listed);
        QCOMPARE(systemValue(exportArchive({ QStringLiteral("system") }, logged), "memory.total"),
            memTotalKib());
    }
};

QTEST_GUILESS_MAIN(TestPcpRecord)
#include "tst_pcp_record.moc"
