// SPDX-License-Identifier: GPL-3.0-or-later
// The command lines, end to end (runs the built binary): `procglass` and `procglass export` refuse
// a bad value with one line naming it and what is accepted, and a non-zero status; --interval has
// the window's bounds on both; --help names the program; `export memory` of a zombie or a kernel
// thread says why there is no map instead of printing a header alone. `procglass` is the small
// export program that execs procglass-gui for the window, in the same process, and says so in
// one line when procglass-gui is missing.

#include "core/export/ExportTables.h"
#include "core/process/PidStat.h"
#include "tests/support/BinaryCopy.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace {

const QString kProcglass = QStringLiteral(PROCGLASS_BINARY_DIR "/app/procglass");
const QString kProcRoot = QStringLiteral(PROCGLASS_TEST_DATA "/export/procroot");

struct RunResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs procglass with no display (so that a GUI command line the binary wrongly accepts ends with
// "no display" instead of a window) and its settings in `configHome`.
RunResult run(const QStringList& args, const QString& configHome = QString())
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : { "QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY" })
        env.remove(QString::fromLatin1(name));
    if (!configHome.isEmpty())
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    p.setProcessEnvironment(env);
    p.start(kProcglass, args);
    if (!p.waitForStarted(10000))
        return {};
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(10000);
        return {};
    }
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError() };
}

// A stat line with `state` and `flags` (9), every field up to (24) rss present.
QByteArray statLine(int pid, const char* comm, char state, unsigned long flags)
{
    return QByteArray::number(pid) + " (" + comm + ") " + state + " 1 " + QByteArray::number(pid)
        + " " + QByteArray::number(pid) + " 0 -1 " + QByteArray::number(qulonglong(flags))
        + " 0 0 0 0 0 0 0 0 20 0 1 0 100 0 0 0 0 0\n";
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

const char kSmaps[] = "00400000-00401000 r-xp 00000000 08:01 1234 /usr/bin/fake\n"
                      "Size:                  4 kB\n"
                      "KernelPageSize:        4 kB\n"
                      "MMUPageSize:           4 kB\n"
                      "Rss:                   4 kB\n"
                      "Pss:                   4 kB\n"
                      "Shared_Clean:          0 kB\n"
                      "Shared_Dirty:          0 kB\n"
                      "Private_Clean:         4 kB\n"
                      "Private_Dirty:         0 kB\n"
                      "Referenced:            4 kB\n"
                      "Anonymous:             0 kB\n"
                      "Swap:                  0 kB\n"
                      "SwapPss:               0 kB\n"
                      "Locked:                0 kB\n"
                      "VmFlags: rd ex mr mw me \n";

} // namespace

class TestCliArgs : public QObject
{
    Q_OBJECT
private slots:
    void exportIntervalRefused_data();
    void exportIntervalRefused();
    void exportIntervalBoundsAccepted();
    void guiIntervalRefused_data();
    void guiIntervalRefused();
    void guiBadValuesRefused_data();
    void guiBadValuesRefused();
    void exportStrayArgumentsRefused_data();
    void exportStrayArgumentsRefused();
    void helpNamesProcglass_data();
    void helpNamesProcglass();
    void memoryOfFixtureZombieAndKernelThread_data();
    void memoryOfFixtureZombieAndKernelThread();
    void memoryOfRealZombie();
    void memoryOfRealKernelThread();
    void oldMapsNameStillWorks();
    void helpNamesEveryTable();
    void windowStartsThroughProcglass();
    void windowProgramMissingSaysSo();
};

void TestCliArgs::exportIntervalRefused_data()
{
    QTest::addColumn<QString>("value");
    for (const char* v :
        { "0", "1", "99", "-5", "-100", "abc", "1.5", "1e3", "99999999999", "3600001", "" })
        QTest::newRow(*v ? v : "empty") << QString::fromLatin1(v);
}

// `--interval 0` gave a busy loop 0 % or 200 % CPU: the export takes what the window takes.
void TestCliArgs::exportIntervalRefused()
{
    QFETCH(QString, value);
    for (const char* table : { "processes", "system" }) {
        const RunResult r = run({ QStringLiteral("export"), QString::fromLatin1(table),
            QStringLiteral("--proc-root"), kProcRoot, QStringLiteral("--interval"), value });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("--interval takes milliseconds from 100 to 3600000, not '"
                     + value.toUtf8() + "'"),
            r.err.constData());
    }
}

void TestCliArgs::exportIntervalBoundsAccepted()
{
    const RunResult r = run(
        { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--proc-root"),
            kProcRoot, QStringLiteral("--interval"), QStringLiteral("100") });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.startsWith("pid,"));
}

void TestCliArgs::guiIntervalRefused_data()
{
    exportIntervalRefused_data();
}

void TestCliArgs::guiIntervalRefused()
{
    QFETCH(QString, value);
    const RunResult r = run({ QStringLiteral("--interval"), value });
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains(
                 "--interval takes milliseconds from 100 to 3600000, not '" + value.toUtf8() + "'"),
        r.err.constData());
}

void TestCliArgs::guiBadValuesRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArrayList>("said");
    const QByteArray pages = "processes, memory, memusage, interrupts, system";
    QTest::newRow("unknown page") << QStringList { QStringLiteral("--page"),
        QStringLiteral("nope") } << QByteArrayList { "--page takes " + pages + ", not 'nope'" };
    QTest::newRow("empty page") << QStringList { QStringLiteral("--page"), QString() }
                                << QByteArrayList { "--page takes " + pages + ", not ''" };
    QTest::newRow("page in another case")
        << QStringList { QStringLiteral("--page=System") } << QByteArrayList { "not 'System'" };
    QTest::newRow("stray argument")
        << QStringList { QStringLiteral("processes") }
        << QByteArrayList { "unexpected argument 'processes'", "export" };
    QTest::newRow("stray argument after options") << QStringList {
        QStringLiteral("--interval"), QStringLiteral("500"), QStringLiteral("extra")
    } << QByteArrayList { "unexpected argument 'extra'" };
    QTest::newRow("bad pid") << QStringList { QStringLiteral("--pid"), QStringLiteral("-3") }
                             << QByteArrayList { "--pid takes a process id", "not '-3'" };
    QTest::newRow("missing proc root")
        << QStringList { QStringLiteral("--proc-root"), QStringLiteral("/nonexistent/proc") }
        << QByteArrayList { "--proc-root takes a folder, not '/nonexistent/proc'" };
    QTest::newRow("bad cycle") << QStringList { QStringLiteral("--cycle-pages"),
        QStringLiteral("soon") }
                               << QByteArrayList { "--cycle-pages takes milliseconds from 100" };
    QTest::newRow("--at without --archive")
        << QStringList { QStringLiteral("--at"), QStringLiteral("+5m") }
        << QByteArrayList { "--at is a moment in a recording: it needs --archive ARCHIVE" };
    QTest::newRow("--archive with --host") << QStringList { QStringLiteral("--archive"),
        QStringLiteral("lunch"), QStringLiteral("--host"),
        QStringLiteral("db1") } << QByteArrayList { "--archive replays a recording", "--host" };
    QTest::newRow("control characters stay on one line") << QStringList { QStringLiteral("--page"),
        QStringLiteral("a\nb") } << QByteArrayList { "not 'a?b'" };
}

// Before: --page nope opened the first page, a stray argument was dropped, both silently.
void TestCliArgs::guiBadValuesRefused()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArrayList, said);
    const RunResult r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.startsWith("procglass: "), r.err.constData());
    for (const QByteArray& s : said)
        QVERIFY2(r.err.contains(s), r.err.constData());
}

void TestCliArgs::exportStrayArgumentsRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("said");
    QTest::newRow("processes") << QStringList { QStringLiteral("processes"), QStringLiteral("42") }
                               << QByteArray("unexpected argument '42': export processes takes "
                                             "no other argument");
    QTest::newRow("memory") << QStringList { QStringLiteral("memory"), QStringLiteral("1"),
        QStringLiteral("2") }
                            << QByteArray("unexpected argument '2': export memory takes one PID");
    QTest::newRow("unknown table")
        << QStringList { QStringLiteral("nope") }
        << QByteArray(
               "unknown table 'nope': choose one of processes, memory, interrupts, softirqs, "
               "system");
    QTest::newRow("page option") << QStringList { QStringLiteral("processes"),
        QStringLiteral("--page"), QStringLiteral("system") }
                                 << QByteArray("Unknown option 'page'");
}

void TestCliArgs::exportStrayArgumentsRefused()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, said);
    const RunResult r = run(QStringList { QStringLiteral("export") } + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains(said), r.err.constData());
}

void TestCliArgs::helpNamesProcglass_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("usage");
    QTest::newRow("procglass") << QStringList { QStringLiteral("--help") }
                               << QByteArray("Usage: procglass [options]\n");
    QTest::newRow("procglass -h") << QStringList { QStringLiteral("-h") }
                                  << QByteArray("Usage: procglass [options]\n");
    QTest::newRow("export") << QStringList { QStringLiteral("export"), QStringLiteral("--help") }
                            << QByteArray("Usage: procglass export ");
    QTest::newRow("export -h") << QStringList { QStringLiteral("export"), QStringLiteral("-h") }
                               << QByteArray("Usage: procglass export ");
}

// Before: "Usage: <executable_name> [options]" (QCommandLineParser without a QCoreApplication).
void TestCliArgs::helpNamesProcglass()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, usage);
    const RunResult r = run(args);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(usage), r.out.constData());
    QVERIFY2(!r.out.contains("executable_name"), r.out.constData());
    QVERIFY(r.out.contains("--interval"));
    QVERIFY(r.out.contains("3600000"));
    QVERIFY(r.err.isEmpty());
}

void TestCliArgs::memoryOfFixtureZombieAndKernelThread_data()
{
    QTest::addColumn<QByteArray>("stat");
    QTest::addColumn<bool>("withSmaps");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("said");
    QTest::newRow("zombie") << statLine(4242, "zomb", 'Z', 0x400100) << false << 1
                            << QByteArray("pid 4242 (zomb) is a zombie: its memory is already "
                                          "freed");
    QTest::newRow("dead") << statLine(4242, "zomb", 'X', 0x400100) << false << 1
                          << QByteArray("pid 4242 (zomb) is a zombie");
    QTest::newRow("kernel thread")
        << statLine(4242, "kworker/0:1", 'I', pg::kPfKthread | 0x8040) << false << 1
        << QByteArray("pid 4242 (kworker/0:1) is a kernel thread: it has no user memory map");
    QTest::newRow("kernel thread with a hostile name") << statLine(4242, "a) Z (b\nc", 'S',
        pg::kPfKthread) << false << 1 << QByteArray("pid 4242 (a) Z (b?c) is a kernel thread");
    QTest::newRow("empty smaps") << statLine(4242, "exiting", 'R', 0x400100) << false << 1
                                 << QByteArray("pid 4242 (exiting) has no memory map: ");
    QTest::newRow("a map") << statLine(4242, "fine", 'S', 0x400100) << true << 0 << QByteArray();
}

// Before: a header alone and status 0, as if the process had an empty map.
void TestCliArgs::memoryOfFixtureZombieAndKernelThread()
{
    QFETCH(QByteArray, stat);
    QFETCH(bool, withSmaps);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, said);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("4242")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("4242/stat")), stat));
    QVERIFY(writeFile(
        dir.filePath(QStringLiteral("4242/smaps")), withSmaps ? QByteArray(kSmaps) : QByteArray()));
    const RunResult r = run({ QStringLiteral("export"), QStringLiteral("memory"),
        QStringLiteral("4242"), QStringLiteral("--proc-root"), dir.path() });
    QCOMPARE(r.exitCode, exitCode);
    if (exitCode == 0) {
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QCOMPARE(r.out.count('\n'), 2); // the header and the one mapping
        return;
    }
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains(said), r.err.constData());
}

void TestCliArgs::memoryOfRealZombie()
{
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0)
        ::_exit(0);
    // Reaped when the test ends, whatever happens.
    struct Reaper
    {
        pid_t pid;
        ~Reaper() { ::waitpid(pid, nullptr, 0); }
    } reaper { child };
    const QString statPath = QStringLiteral("/proc/%1/stat").arg(child);
    auto state = [&statPath] {
        QFile f(statPath);
        if (!f.open(QIODevice::ReadOnly))
            return '?';
        const auto stat = pg::parsePidStat(f.readAll().toStdString());
        return stat ? stat->state : '?';
    };
    QTRY_COMPARE_WITH_TIMEOUT(state(), 'Z', 30000);
    const RunResult r
        = run({ QStringLiteral("export"), QStringLiteral("memory"), QString::number(child) });
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains(QStringLiteral("pid %1 (tst_cli_args) is a zombie: its memory is "
                                           "already freed")
                                .arg(child)
                                .toUtf8()),
        r.err.constData());
}

void TestCliArgs::memoryOfRealKernelThread()
{
    QFile f(QStringLiteral("/proc/2/stat"));
    if (!f.open(QIODevice::ReadOnly))
        QSKIP("no /proc/2 here (a PID namespace without kernel threads)");
    const auto stat = pg::parsePidStat(f.readAll().toStdString());
    if (!stat || !stat->isKernelThread())
        QSKIP("pid 2 is not a kernel thread here (a PID namespace of its own)");
    const RunResult r
        = run({ QStringLiteral("export"), QStringLiteral("memory"), QStringLiteral("2") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains("pid 2 (" + QByteArray::fromStdString(stat->comm)
                 + ") is a kernel thread: it has no user memory map"),
        r.err.constData());
}

QTEST_GUILESS_MAIN(TestCliArgs)

// The memory table was `maps` on the command line and `memory` in the window; now it is `memory`
// everywhere, and `maps` still works for one release with one line saying the new name.
void TestCliArgs::oldMapsNameStillWorks()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("4242")));
    QVERIFY(writeFile(
        dir.filePath(QStringLiteral("4242/stat")), statLine(4242, "fine", 'S', 0x400100)));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("4242/smaps")), QByteArray(kSmaps)));
    const QStringList rest { QStringLiteral("4242"), QStringLiteral("--proc-root"), dir.path() };

    const RunResult memory
        = run(QStringList { QStringLiteral("export"), QStringLiteral("memory") } + rest);
    QCOMPARE(memory.exitCode, 0);
    QVERIFY2(memory.err.isEmpty(), memory.err.constData());
    QCOMPARE(memory.out.count('\n'), 2); // the header and the one mapping

    const RunResult maps
        = run(QStringList { QStringLiteral("export"), QStringLiteral("maps") } + rest);
    QCOMPARE(maps.exitCode, 0);
    QCOMPARE(maps.err, QByteArray("procglass: 'export maps' is now 'export memory'\n"));
    QCOMPARE(maps.out, memory.out);

    // What follows the notice says the new name.
    const RunResult noPid = run({ QStringLiteral("export"), QStringLiteral("maps") });
    QCOMPARE(noPid.exitCode, 2);
    QCOMPARE(noPid.err,
        QByteArray("procglass: 'export maps' is now 'export memory'\n"
                   "procglass export: export memory needs a process id: procglass export memory "
                   "PID\n"));
}

// Both help texts name the tables of the registry (core/export/ExportTables.h), memory included.
void TestCliArgs::helpNamesEveryTable()
{
    const RunResult exportHelp = run({ QStringLiteral("export"), QStringLiteral("--help") });
    QCOMPARE(exportHelp.exitCode, 0);
    QVERIFY2(
        exportHelp.out.startsWith("Usage: procglass export processes|interrupts|softirqs|system "
                                  "[-o FILE]\n"
                                  "       procglass export memory PID [-o FILE]\n"),
        exportHelp.out.constData());
    for (const pg::ExportTableInfo& t : pg::exportTables()) {
        const QByteArray name = QByteArray(t.name.data(), qsizetype(t.name.size()));
        const QByteArray line = "\n  " + name + (t.needsPid ? " PID" : "");
        QVERIFY2(exportHelp.out.contains(line), name.constData());
        QVERIFY2(exportHelp.out.contains(
                     QByteArray(t.description.data(), qsizetype(t.description.size())) + "\n"),
            name.constData());
    }
    QVERIFY(!exportHelp.out.contains("export maps"));
    QVERIFY(!exportHelp.out.contains("maps PID"));

    const RunResult help = run({ QStringLiteral("--help") });
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains("  procglass export memory PID [-o FILE]"), help.out.constData());
    QVERIFY(!help.out.contains("export maps"));
}

// Without `export`, procglass execs procglass-gui with the same arguments: the pid the caller
// started becomes the window (the soak test and xdotool follow it), under the name procglass,
// and it quits as before.
void TestCliArgs::windowStartsThroughProcglass()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("HOME"), dir.path());
    p.setProcessEnvironment(env);
    p.start(kProcglass,
        { QStringLiteral("--proc-root"), kProcRoot, QStringLiteral("--page"),
            QStringLiteral("interrupts"), QStringLiteral("--quit-after"), QStringLiteral("4000") });
    QVERIFY(p.waitForStarted(10000));
    const QString proc = QStringLiteral("/proc/%1/").arg(p.processId());
    const QString gui = QFileInfo(kProcglass).canonicalPath() + QStringLiteral("/procglass-gui");
    QTRY_COMPARE_WITH_TIMEOUT(QFileInfo(proc + QStringLiteral("exe")).symLinkTarget(), gui, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&proc] {
            QFile maps(proc + QStringLiteral("maps"));
            return maps.open(QIODevice::ReadOnly) && maps.readAll().contains("libQt6Widgets");
        }(),
        20000);
    // Set first thing in main(), just after the loader mapped the libraries.
    QTRY_COMPARE_WITH_TIMEOUT(
        [&proc] {
            QFile comm(proc + QStringLiteral("comm"));
            return comm.open(QIODevice::ReadOnly) ? comm.readAll() : QByteArray();
        }(),
        QByteArray("procglass\n"), 20000);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
}

// procglass alone (a copy without procglass-gui beside it): the window cannot start, in one line
// naming where procglass-gui was looked for; the export still works.
void TestCliArgs::windowProgramMissingSaysSo()
{
    const pgtest::BinaryCopy binary;
    QVERIFY(binary.isValid());
    QProcess p;
    p.start(binary.path(), { QStringLiteral("--version") });
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 1);
    const QByteArray err = p.readAllStandardError();
    QCOMPARE(err.count('\n'), 1);
    QVERIFY2(err.startsWith("procglass: cannot start the window: procglass-gui is missing (not at "
                 + QFile::encodeName(binary.folder()) + "/procglass-gui nor at "),
        err.constData());
    QVERIFY2(err.contains("libexec/procglass/procglass-gui"), err.constData());
    QVERIFY(p.readAllStandardOutput().isEmpty());

    p.start(binary.path(),
        { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--proc-root"),
            kProcRoot, QStringLiteral("--interval"), QStringLiteral("100") });
    QVERIFY(p.waitForFinished(30000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY(p.readAllStandardOutput().startsWith("pid,ppid,user,"));
}

#include "tst_cli_args.moc"
