// SPDX-License-Identifier: GPL-3.0-or-later
// The headless `procglass export` command, end to end: runs the built binary, reads every export
// back with Python's csv module (tests/data/export/read_csv.py, an independent reader) and
// compares field by field: a fixture /proc tree, a live child with a hostile name and argv
// (commas, quotes, newlines, a leading '=', bytes that are not UTF-8), the live table against ps,
// and failures (unwritable target, full disk, bad command line) that must leave no file behind.

#include "Pages.h"
#include "core/process/ProcessCollector.h"
#include "tests/support/BinaryCopy.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/CliRun.h"
#include "tests/support/ProcessWindow.h"
#include "ui/shell/ExportDialog.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

const QString kProcglass = QStringLiteral(PROCGLASS_BINARY_DIR "/app/procglass");
const QString kReader = QStringLiteral(PROCGLASS_TEST_DATA "/export/read_csv.py");
const QString kProcRoot = QStringLiteral(PROCGLASS_TEST_DATA "/export/procroot");

// What the hostile child calls itself (PR_SET_NAME, at most 15 bytes) and its argv.
const char kHostileComm[] = "=x,\"y\"\n\xff";
const std::vector<QByteArray> kHostileArgv = { QByteArray("=cmd,\"0\""),
    QByteArray("--hostile-child"), QByteArray("a,b"), QByteArray("\"quoted\""),
    QByteArray("line1\nline2"), QByteArray("=1+1"), QByteArray("bad\xfe\xff utf8"),
    QByteArray("back\\slash"), QByteArray("-rf"), QByteArray("'apos") };

using Row = pgtest::CsvRow;
using pgtest::readBack;
using pgtest::run;
using pgtest::RunResult;

using pgtest::Child;

// Starts `path` with exactly `argv` (argv[0] included, any bytes) and waits for its first byte on
// stdout when `waitReady` is set.
bool spawn(Child& child, const char* path, const std::vector<QByteArray>& argv, bool waitReady)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return false;
    std::vector<char*> cargv;
    for (const QByteArray& a : argv)
        cargv.push_back(const_cast<char*>(a.constData()));
    cargv.push_back(nullptr);
    child.pid = ::fork();
    if (child.pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        ::close(fds[0]);
        ::close(fds[1]);
        ::execv(path, cargv.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    bool ok = child.pid > 0;
    if (ok && waitReady) {
        char c = 0;
        ok = ::read(fds[0], &c, 1) == 1;
    }
    ::close(fds[0]);
    return ok;
}

int column(const Row& header, const char* name)
{
    return static_cast<int>(header.indexOf(QByteArray(name)));
}

const Row* findPid(const QList<Row>& rows, int pid)
{
    const QByteArray key = QByteArray::number(pid);
    for (const Row& r : rows) {
        if (!r.isEmpty() && r.front() == key)
            return &r;
    }
    return nullptr;
}

pg::ProcessCollector::Options fixtureOptions()
{
    pg::ProcessCollector::Options options;
    options.procRoot = kProcRoot.toStdString();
    options.readIo = true; // as the command line does (and the window while an I/O column shows)
    return options;
}

QByteArray userName(uid_t uid)
{
    const passwd* pw = ::getpwuid(uid);
    return pw ? QByteArray(pw->pw_name) : QByteArray::number(uid);
}

// A child with `count` one-page mappings of alternating protection (the kernel cannot merge
// them): about 750 bytes of smaps each. Killed when the test process ends; -1 on failure.
pid_t startManyMappings(std::size_t count)
{
    int ready[2];
    if (::pipe(ready) != 0)
        return -1;
    const pid_t child = ::fork();
    if (child < 0)
        return -1;
    if (child == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
        auto* base = static_cast<char*>(::mmap(
            nullptr, page * count, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
        for (std::size_t i = 0; base != MAP_FAILED && i < count; ++i) {
            base[i * page] = 1;
            if (i % 2)
                ::mprotect(base + i * page, page, PROT_READ);
        }
        (void)!::write(ready[1], "x", 1);
        for (;;)
            ::pause();
    }
    ::close(ready[1]);
    char byte = 0;
    const bool ok = ::read(ready[0], &byte, 1) == 1;
    ::close(ready[0]);
    if (!ok) {
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
        return -1;
    }
    return child;
}

// Killed and reaped whatever happens.
struct Reaper
{
    pid_t pid;
    ~Reaper() { reap(); }
    void reap()
    {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
        pid = -1;
    }
};

// The header, then per row what does not move while the test runs (pid to mapping, size_kib):
// Rss, Pss and Referenced of shared pages change with what other processes map meanwhile.
QList<QByteArray> mappingsOf(const QByteArray& csv)
{
    QList<QByteArray> rows = csv.split('\n');
    for (qsizetype i = 1; i < rows.size(); ++i)
        rows[i] = rows[i].split(',').mid(0, 9).join(',');
    return rows;
}

// The files in `dir`, hidden ones (a temporary file) included.
QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestExportCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fixtureTreeReadsBackExactly();
    void stdoutAndFileAreTheSame();
    void hostileNamesSurvive();
    void matchesPs();
    void unwritableTargetLeavesNoFile();
    void fullDiskKeepsOldFile();
    void badCommandLines_data();
    void badCommandLines();
    void runsWithoutDisplay();
    void guiExportMatchesCli();
    void interruptsFromFixture();
    void systemFromFixture();
    void memoryTotalsMatchPmap();
    void memoryErrors();
    void memoryOfProcessExitingMidRead_data();
    void memoryOfProcessExitingMidRead();
    void memoryStreamedIntoTheTarget();
    void memoryFullDiskMidStreamKeepsOldFile();
    void exportLoadsNoGuiLibrary();
    void guiExportErrorsInWords();
    void guiSourcesUseTableNames();
};

void TestExportCli::initTestCase()
{
    QVERIFY2(QFileInfo(kProcglass).isExecutable(), qPrintable(kProcglass));
    QVERIFY2(QFileInfo(kReader).isReadable(), qPrintable(kReader));
    QStandardPaths::setTestModeEnabled(
        true); // the window's QSettings stay out of the user's config
}

void TestExportCli::fixtureTreeReadsBackExactly()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("p.csv"));
    const RunResult r = run(kProcglass,
        { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--proc-root"),
            kProcRoot, QStringLiteral("--interval"), QStringLiteral("100"), QStringLiteral("-o"),
            out });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.isEmpty());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString problem;
    const QList<Row> rows = readBack(f.readAll(), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // The owner of each fixture directory is whoever checked the tree out.
    const auto owner = [](const char* pid) {
        const uint uid = QFileInfo(kProcRoot + QLatin1Char('/') + QLatin1String(pid)).ownerId();
        return std::pair { userName(uid), QByteArray::number(uid) };
    };
    const auto [user1, uid1] = owner("1");
    const auto [user2, uid2] = owner("2");
    const auto [user4242, uid4242] = owner("4242");
    const auto [user4300, uid4300] = owner("4300");
    // btime 1795729557 (2026-11-26T21:45:57Z) plus starttime / 100 Hz.
    const QList<Row> expected = {
        { "pid", "ppid", "user", "uid", "state", "comm", "cmdline", "threads", "nice", "priority",
            "cpu_percent", "cpu_time_s", "virt_kib", "res_kib", "shr_kib", "start_time",
            "kernel_thread", "io_read_bytes_per_s", "io_write_bytes_per_s" },
        { "1", "0", user1, uid1, "S", "systemd", "/sbin/init splash", "1", "0", "20", "0.00",
            "2.00", "166016", "12000", "8000", "2026-11-26T21:45:57Z", "0", "0", "0" },
        { "2", "0", user2, uid2, "S", "kthreadd", "", "1", "0", "20", "0.00", "0.03", "0", "0", "0",
            "2026-11-26T21:45:57Z", "1", "0", "0" },
        { "4242", "1", user4242, uid4242, "R", "=x,\"y\" \xff\nz",
            "=calc a,b \"q\" line1\nline2 \xfe\\x @sum", "4", "5", "25", "0.00", "3.00", "19532",
            "2000", "1200", "2026-11-26T22:06:31Z", "0", "0", "0" },
        // No statm: memory is unknown, so the fields are empty, not 0.
        { "4300", "1", user4300, uid4300, "Z", "no statm", "", "1", "-5", "20", "0.00", "0.08", "",
            "", "", "2026-11-26T22:19:17Z", "0", "0", "0" },
    };
    QCOMPARE(rows.size(), expected.size());
    for (qsizetype i = 0; i < rows.size(); ++i)
        QCOMPARE(rows[i], expected[i]);
}

void TestExportCli::stdoutAndFileAreTheSame()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("p.csv"));
    const QStringList common
        = { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--proc-root"),
              kProcRoot, QStringLiteral("--interval"), QStringLiteral("100") };
    const RunResult toStdout = run(kProcglass, common);
    const RunResult toFile = run(kProcglass, common + QStringList { QStringLiteral("-o"), out });
    QCOMPARE(toStdout.exitCode, 0);
    QCOMPARE(toFile.exitCode, 0);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), toStdout.out);
    // The hostile fixture row is in the raw file exactly as README documents it.
    QVERIFY(toStdout.out.contains("4242,1,"));
    QVERIFY(toStdout.out.contains(",R,\"'=x,\"\"y\"\" \\xFF\nz\",\"'=calc a,b \"\"q\"\" "
                                  "line1\nline2 \\xFE\\\\x @sum\",4,5,25,"));
}

void TestExportCli::hostileNamesSurvive()
{
    Child child;
    QVERIFY(spawn(child, "/proc/self/exe", kHostileArgv, true));
    const RunResult r = run(kProcglass,
        { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--interval"),
            QStringLiteral("200") });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QString problem;
    const QList<Row> rows = readBack(r.out, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(rows.size() > 2);
    const Row& header = rows.front();
    const Row* row = findPid(rows, child.pid);
    QVERIFY2(row, "the child is not in the export");
    QCOMPARE(row->size(), header.size());
    QByteArray cmdline;
    for (const QByteArray& a : kHostileArgv)
        cmdline += (cmdline.isEmpty() ? "" : " ") + a;
    QCOMPARE(row->at(column(header, "comm")), QByteArray(kHostileComm));
    QCOMPARE(row->at(column(header, "cmdline")), cmdline);
    QCOMPARE(row->at(column(header, "ppid")), QByteArray::number(::getpid()));
    QCOMPARE(row->at(column(header, "uid")), QByteArray::number(::getuid()));
    QCOMPARE(row->at(column(header, "user")), userName(::getuid()));
    QCOMPARE(row->at(column(header, "state")), QByteArray("S"));
    QCOMPARE(row->at(column(header, "kernel_thread")), QByteArray("0"));
}

void TestExportCli::matchesPs()
{
    Child sleeper;
    QVERIFY(spawn(sleeper, "/bin/sleep", { "sleep", "300" }, false));
    Child busy;
    QVERIFY(spawn(busy, "/bin/sh", { "sh", "-c", "echo r; while :; do :; done" }, true));
    QTest::qWait(200); // let sleep finish exec

    const RunResult r = run(kProcglass,
        { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--interval"),
            QStringLiteral("1000") });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QString problem;
    const QList<Row> rows = readBack(r.out, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const Row& header = rows.front();

    QProcess ps;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    ps.setProcessEnvironment(env);
    ps.start(QStringLiteral("ps"),
        { QStringLiteral("-e"), QStringLiteral("-o"),
            QStringLiteral("pid=,ppid=,uid=,ni=,priority=,nlwp=,vsz=,rss=,lstart=,user:64=") });
    QVERIFY(ps.waitForFinished(30000));
    const QList<QByteArray> psLines = ps.readAllStandardOutput().split('\n');

    int compared = 0;
    for (const QByteArray& line : psLines) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 14)
            continue;
        const int pid = f[0].toInt();
        const Row* row = findPid(rows, pid);
        if (!row)
            continue; // started after the export
        ++compared;
        const auto field = [&](const char* name) { return row->at(column(header, name)); };
        // A parent that exited between the export and ps leaves its children to init or a
        // subreaper: then ps may show another ppid, and the exported parent is gone.
        const int exportedParent = field("ppid").toInt();
        if (field("ppid") != f[1])
            QVERIFY2(exportedParent > 1 && ::kill(exportedParent, 0) != 0 && errno == ESRCH,
                qPrintable(
                    QStringLiteral("pid %1: exported ppid %2, ps %3")
                        .arg(pid)
                        .arg(QString::fromLatin1(field("ppid")), QString::fromLatin1(f[1]))));
        QCOMPARE(field("uid"), f[2]);
        QCOMPARE(field("user"), f[13]);
        // lstart: "Thu Nov 26 21:45:57 2026", in UTC because of TZ above.
        const QDateTime psStart = QDateTime::fromString(
            QString::fromLatin1(f[9] + ' ' + f[10] + ' ' + f[11] + ' ' + f[12]),
            QStringLiteral("MMM d HH:mm:ss yyyy"));
        const QDateTime ourStart
            = QDateTime::fromString(QString::fromLatin1(field("start_time")), Qt::ISODate);
        QVERIFY2(psStart.isValid() && ourStart.isValid(), line.constData());
        QVERIFY2(std::abs(QDateTime(psStart.date(), psStart.time(), Qt::UTC).secsTo(ourStart)) <= 1,
            line.constData());
        QVERIFY2(!field("cpu_percent").isEmpty(), "cpu_percent must be a measured rate");
        if (pid == sleeper.pid || pid == busy.pid) {
            // Our own children hold still: every figure must agree with ps.
            QCOMPARE(field("nice"), f[3]);
            QCOMPARE(field("priority"), f[4]);
            QCOMPARE(field("threads"), f[5]);
            QCOMPARE(field("virt_kib"), f[6]);
            QCOMPARE(field("res_kib"), f[7]);
        }
    }
    QVERIFY2(compared > 5, "too few processes in common with ps");
    const Row* sleepRow = findPid(rows, sleeper.pid);
    const Row* busyRow = findPid(rows, busy.pid);
    QVERIFY(sleepRow && busyRow);
    QCOMPARE(sleepRow->at(column(header, "comm")), QByteArray("sleep"));
    QCOMPARE(sleepRow->at(column(header, "cmdline")), QByteArray("sleep 300"));
    // Two samples a second apart: a busy loop shows real CPU use, a sleeper none.
    QVERIFY2(busyRow->at(column(header, "cpu_percent")).toDouble() > 5.0,
        busyRow->at(column(header, "cpu_percent")).constData());
    QVERIFY2(sleepRow->at(column(header, "cpu_percent")).toDouble() < 5.0,
        sleepRow->at(column(header, "cpu_percent")).constData());
}

void TestExportCli::unwritableTargetLeavesNoFile()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("missing/folder/p.csv"));
    const RunResult r = run(kProcglass,
        { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--proc-root"),
            kProcRoot, QStringLiteral("--interval"), QStringLiteral("100"), QStringLiteral("-o"),
            out });
    QVERIFY(r.exitCode != 0);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains("cannot write " + out.toLocal8Bit()), r.err.constData());
    QVERIFY(QDir(dir.path())
                .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                .isEmpty());

    // /proc refuses new files even to root.
    const RunResult proc = run(kProcglass,
        { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--proc-root"),
            kProcRoot, QStringLiteral("--interval"), QStringLiteral("100"), QStringLiteral("-o"),
            QStringLiteral("/proc/procglass-export.csv") });
    QVERIFY(proc.exitCode != 0);
    QVERIFY2(proc.err.startsWith("procglass export: cannot write /proc/procglass-export.csv"),
        proc.err.constData());
    QVERIFY2(proc.err.contains("does not accept new files"), proc.err.constData());
    QVERIFY(!QFileInfo::exists(QStringLiteral("/proc/procglass-export.csv")));
}

void TestExportCli::fullDiskKeepsOldFile()
{
    // RLIMIT_FSIZE makes the write fail halfway, as a full disk would.
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("p.csv"));
    {
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous export\r\n");
    }
    const RunResult r = run(kProcglass,
        { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--proc-root"),
            kProcRoot, QStringLiteral("--interval"), QStringLiteral("100"), QStringLiteral("-o"),
            out },
        {}, [] {
            std::signal(SIGXFSZ, SIG_IGN);
            rlimit limit { 200, 200 };
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("cannot write " + out.toLocal8Bit()), r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("previous export\r\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList { QStringLiteral("p.csv") });
}

void TestExportCli::badCommandLines_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no table") << QStringList {} << QByteArray("name a table to export");
    QTest::newRow("unknown table")
        << QStringList { QStringLiteral("sockets") } << QByteArray("unknown table 'sockets'");
    QTest::newRow("bad interval") << QStringList { QStringLiteral("processes"),
        QStringLiteral("--interval"), QStringLiteral("soon") }
                                  << QByteArray("--interval takes milliseconds");
    QTest::newRow("extra argument") << QStringList { QStringLiteral("processes"),
        QStringLiteral("42") } << QByteArray("unexpected argument '42'");
    QTest::newRow("missing proc root") << QStringList { QStringLiteral("processes"),
        QStringLiteral("--proc-root"), QStringLiteral("/nonexistent/proc") }
                                       << QByteArray("cannot list /nonexistent/proc");
}

void TestExportCli::badCommandLines()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const RunResult r = run(kProcglass, QStringList { QStringLiteral("export") } + args);
    QVERIFY(r.exitCode > 0);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.startsWith("procglass export: ") && r.err.contains(message), r.err.constData());
}

void TestExportCli::runsWithoutDisplay()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(kProcglass,
        { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--proc-root"),
            kProcRoot, QStringLiteral("--interval"), QStringLiteral("100") });
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(p.readAllStandardOutput().startsWith("pid,ppid,user,uid,state,comm,cmdline,"));
    // Without the subcommand the GUI refuses to start without a display: the export really is
    // headless.
    p.start(kProcglass, {});
    QVERIFY(p.waitForFinished(30000));
    QVERIFY(p.exitCode() != 0);
    QVERIFY(p.readAllStandardError().contains("no display"));
}

void TestExportCli::guiExportMatchesCli()
{
    // The window exports the snapshot it shows: same rows as the command line on the same tree.
    pg::ProcessCollector collector(fixtureOptions());
    (void)collector.sample();
    auto snapshot = std::make_shared<const pg::ProcessSnapshot>(collector.sample());
    pg::AppOptions options;
    options.procRoot = kProcRoot;
    pgtest::ProcessWindow windowApp(options);
    pg::MainWindow& window = windowApp.window;
    windowApp.page->applySnapshot(snapshot);

    QTemporaryDir dir;
    const QDateTime when
        = QDateTime::fromString(QStringLiteral("2026-11-26T21:53:40Z"), Qt::ISODate);
    QList<pg::ExportSource> processes;
    for (const pg::ExportSource& s : window.exportSources()) {
        if (s.id == QLatin1String("processes"))
            processes << s;
    }
    QCOMPARE(processes.size(), 1);
    const QList<pg::ExportOutcome> outcomes
        = pg::ExportDialog::exportTables(processes, dir.path(), when);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.front().error.isEmpty(), qPrintable(outcomes.front().error));
    QCOMPARE(outcomes.front().path,
        dir.filePath(QStringLiteral("procglass-processes-2026-11-26T215340Z.csv")));
    QFile f(outcomes.front().path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString problem;
    const QList<Row> guiRows = readBack(f.readAll(), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    const RunResult cli = run(kProcglass,
        { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--proc-root"),
            kProcRoot, QStringLiteral("--interval"), QStringLiteral("100") });
    QCOMPARE(cli.exitCode, 0);
    const QList<Row> cliRows = readBack(cli.out, &problem);
    QCOMPARE(guiRows.size(), 5);
    QCOMPARE(guiRows, cliRows);
}

void TestExportCli::guiExportErrorsInWords()
{
    pg::AppOptions options;
    pgtest::ProcessWindow windowApp(options);
    pg::MainWindow& window = windowApp.window;
    QTemporaryDir dir;
    // Before the first sample there is nothing to export, and the dialog says so.
    pg::ExportDialog dialog(window.exportSources(), QStringLiteral("processes"), &window);
    dialog.setOnlyCurrent(true);
    dialog.setFolder(dir.path());
    QVERIFY(!dialog.exportNow());
    QCOMPARE(dialog.lastOutcomes().size(), 1);
    QVERIFY2(dialog.lastOutcomes().front().error.contains(QStringLiteral("no sample")),
        qPrintable(dialog.lastOutcomes().front().error));
    QVERIFY(QDir(dir.path()).isEmpty());

    pg::ProcessCollector collector(fixtureOptions());
    windowApp.page->applySnapshot(std::make_shared<const pg::ProcessSnapshot>(collector.sample()));
    pg::ExportDialog second(window.exportSources(), QStringLiteral("processes"), &window);
    second.setFolder(dir.filePath(QStringLiteral("gone")));
    QVERIFY(!second.exportNow());
    QVERIFY2(second.lastOutcomes().front().error.contains(QStringLiteral("does not exist")),
        qPrintable(second.lastOutcomes().front().error));
    second.setFolder(QStringLiteral("/proc"));
    QVERIFY(!second.exportNow());
    QVERIFY2(second.lastOutcomes().front().error.startsWith(
                 QStringLiteral("cannot write /proc/procglass-processes-")),
        qPrintable(second.lastOutcomes().front().error));
    second.setFolder(dir.path());
    QVERIFY(second.exportNow());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
}

void TestExportCli::interruptsFromFixture()
{
    const RunResult r = run(kProcglass,
        { QStringLiteral("export"), QStringLiteral("interrupts"), QStringLiteral("--proc-root"),
            kProcRoot });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QString problem;
    const QList<Row> rows = readBack(r.out, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Issue 13 appended five columns after these; the original ones keep their order.
    QCOMPARE(rows.front().mid(0, 8),
        (Row { "irq", "cpu0", "cpu1", "total", "chip", "hwirq", "trigger", "devices" }));
    QCOMPARE(rows.front().mid(8),
        (Row { "rate_per_s", "affinity", "effective_affinity", "attached_to", "balance" }));
    // One sample (no --interval): the rate is empty and stderr says why, never a silent 0.
    QVERIFY2(r.err.contains("rate_per_s is empty"), r.err.constData());
    const Row* timer = nullptr;
    const Row* err = nullptr;
    for (const Row& row : rows) {
        if (row.front() == "0")
            timer = &row;
        if (row.front() == "ERR")
            err = &row;
    }
    QVERIFY(timer && err);
    QCOMPARE(timer->mid(0, 8), (Row { "0", "38", "0", "38", "IO-APIC", "2", "edge", "timer" }));
    QCOMPARE(timer->at(8), QByteArray());
    QCOMPARE(err->at(1), QByteArray()); // one machine-wide count: no per-CPU value
    QCOMPARE(err->at(3), QByteArray("0"));
    // Every row of the file is in the export (the header line excluded).
    QFile f(kProcRoot + QStringLiteral("/interrupts"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(rows.size(), f.readAll().trimmed().count('\n') + 1);

    const RunResult missing = run(kProcglass,
        { QStringLiteral("export"), QStringLiteral("interrupts"), QStringLiteral("--proc-root"),
            QStringLiteral(PROCGLASS_TEST_DATA "/pid") });
    QVERIFY(missing.exitCode != 0);
    QVERIFY2(
        missing.err.contains("cannot read " PROCGLASS_TEST_DATA "/pid/interrupts: file not found"),
        missing.err.constData());
}

void TestExportCli::systemFromFixture()
{
    const RunResult r = run(kProcglass,
        { QStringLiteral("export"), QStringLiteral("system"), QStringLiteral("--proc-root"),
            kProcRoot, QStringLiteral("--interval"), QStringLiteral("100") });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QString problem;
    const QList<Row> rows = readBack(r.out, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(rows.front(), (Row { "metric", "value", "unit" }));
    QMap<QByteArray, Row> byMetric;
    for (const Row& row : rows) {
        QCOMPARE(row.size(), 3);
        byMetric.insert(row.front(), row);
    }
    // The fixture's MemTotal and btime, raw, with the unit in its own column.
    QCOMPARE(byMetric.value("memory.total"), (Row { "memory.total", "24684084", "KiB" }));
    QCOMPARE(byMetric.value("boot.time").value(1), QByteArray("1795729557"));
}

void TestExportCli::memoryTotalsMatchPmap()
{
    // Pss counts a shared page once per process mapping it, so the libc of a plain `sleep` changes
    // its Pss whenever any process on the machine starts or exits. The child therefore runs from
    // private copies of sleep, libc and the dynamic loader (pages no other process maps) in the C
    // locale: its Pss is then as stable as its Rss, and every total must agree exactly.
    QTemporaryDir dir;
    QString loader;
    QString libc;
    {
        QFile maps(QStringLiteral("/proc/self/maps"));
        QVERIFY(maps.open(QIODevice::ReadOnly));
        for (const QByteArray& line : maps.readAll().split('\n')) {
            const QString path = QString::fromLocal8Bit(line.mid(line.indexOf('/')));
            if (line.contains('/') && path.contains(QStringLiteral("/ld-linux")))
                loader = path;
            if (line.contains('/') && path.endsWith(QStringLiteral("/libc.so.6")))
                libc = path;
        }
    }
    QVERIFY2(!loader.isEmpty() && !libc.isEmpty(),
        "cannot find the dynamic loader and libc of this test");
    const QString privateLoader = dir.filePath(QStringLiteral("ld.so"));
    QVERIFY(QFile::copy(loader, privateLoader));
    QVERIFY(QFile::copy(libc, dir.filePath(QStringLiteral("libc.so.6"))));
    QVERIFY(QFile::copy(QStringLiteral("/bin/sleep"), dir.filePath(QStringLiteral("sleep"))));
    QVERIFY(QFile::setPermissions(privateLoader, QFile::ReadOwner | QFile::ExeOwner));
    Child sleeper;
    {
        qputenv("LC_ALL", "C"); // inherited by the child only for the fork below
        const bool started = spawn(sleeper, QFile::encodeName(privateLoader).constData(),
            { QFile::encodeName(privateLoader), "--library-path", QFile::encodeName(dir.path()),
                QFile::encodeName(dir.filePath(QStringLiteral("sleep"))), "300" },
            false);
        qunsetenv("LC_ALL");
        QVERIFY(started);
    }
    QTest::qWait(300);
    const QString pid = QString::number(sleeper.pid);
    // pmap -X's footer: the kB totals under the column names of its header.
    const auto pmapTotals = [&pid]() {
        QMap<QByteArray, QByteArray> totals;
        const RunResult p = run(QStringLiteral("pmap"), { QStringLiteral("-X"), pid });
        const QList<QByteArray> lines = p.out.trimmed().split('\n');
        if (lines.size() < 4)
            return totals;
        const QList<QByteArray> names = lines.at(1).simplified().split(' ');
        const QList<QByteArray> values = lines.back().simplified().split(' ');
        const qsizetype first = names.indexOf("Size");
        for (qsizetype i = first; i >= 0 && i < names.size() && i - first < values.size(); ++i) {
            if (values.at(i - first) == "KB" || names.at(i) == "THPeligible"
                || names.at(i) == "Mapping")
                break; // THPeligible is a flag, not kB
            totals.insert(names.at(i), values.at(i - first));
        }
        return totals;
    };
    const auto snake = [](const QByteArray& name) {
        QByteArray out;
        for (qsizetype i = 0; i < name.size(); ++i) {
            const char c = name.at(i);
            if (std::isupper(static_cast<unsigned char>(c)) && i > 0
                && std::islower(static_cast<unsigned char>(name.at(i - 1))))
                out += '_';
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        return out + "_kib";
    };
    // pmap itself must give the same totals before and after the export (it always does for this
    // child; the retry only guards against a page the kernel reclaims at that moment).
    bool compared = false;
    for (int attempt = 0; attempt < 3 && !compared; ++attempt) {
        const QMap<QByteArray, QByteArray> before = pmapTotals();
        const RunResult r
            = run(kProcglass, { QStringLiteral("export"), QStringLiteral("memory"), pid });
        const QMap<QByteArray, QByteArray> after = pmapTotals();
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(before.size() > 8, "pmap -X printed no totals");
        if (before != after)
            continue;
        QString problem;
        const QList<Row> rows = readBack(r.out, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const Row& header = rows.front();
        QVERIFY(rows.size() > 5);
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            const int col = column(header, snake(it.key()).constData());
            QVERIFY2(col >= 0, snake(it.key()).constData());
            qint64 sum = 0;
            for (qsizetype i = 1; i < rows.size(); ++i) {
                QCOMPARE(rows[i].front(), pid.toLatin1());
                sum += rows[i].at(col).toLongLong();
            }
            QCOMPARE(QByteArray::number(sum) + " " + it.key(), it.value() + " " + it.key());
        }
        compared = true;
    }
    QVERIFY2(compared, "pmap -X gave different totals before and after the export every time");
}

void TestExportCli::memoryErrors()
{
    // A pid that cannot exist (above pid_max's ceiling of 2^22).
    const RunResult gone = run(kProcglass,
        { QStringLiteral("export"), QStringLiteral("memory"), QStringLiteral("99999999") });
    QVERIFY(gone.exitCode != 0);
    QCOMPARE(gone.err.count('\n'), 1);
    QVERIFY2(gone.err.contains("no such process: 99999999"), gone.err.constData());
    // Without a pid it is the census of every process (tst_memory_census), and --by is refused
    // with a pid.
    const RunResult byWithPid = run(kProcglass,
        { QStringLiteral("export"), QStringLiteral("memory"), QStringLiteral("1"),
            QStringLiteral("--by"), QStringLiteral("user") });
    QCOMPARE(byWithPid.exitCode, 2);
    QVERIFY2(byWithPid.err.contains("--by is for 'export memory' without a PID"),
        byWithPid.err.constData());
    const RunResult badBy = run(kProcglass,
        { QStringLiteral("export"), QStringLiteral("memory"), QStringLiteral("--by"),
            QStringLiteral("file") });
    QCOMPARE(badBy.exitCode, 2);
    QVERIFY2(badBy.err.contains("--by takes process, user or mapping, not 'file'"),
        badBy.err.constData());

    // Someone else's process: as root, drop to nobody to be that someone else. Nobody may not
    // reach the build folder (a checkout in root's 0700 home), so a copy of the binary runs.
    const pgtest::BinaryCopy binary;
    QVERIFY(binary.isValid());
    const RunResult denied = run(binary.path(),
        { QStringLiteral("export"), QStringLiteral("memory"), QStringLiteral("1") }, {}, [] {
            if (::getuid() == 0
                && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0))
                ::_exit(99);
        });
    QVERIFY(denied.exitCode != 0);
    QCOMPARE(denied.err.count('\n'), 1);
    QVERIFY2(denied.err.contains("permission denied reading /proc/1/smaps")
            && denied.err.contains("run as its owner or as root"),
        denied.err.constData());
}

void TestExportCli::memoryOfProcessExitingMidRead_data()
{
    QTest::addColumn<int>("mappings");
    QTest::addColumn<int>("chunk");
    QTest::addColumn<bool>("rowsWritten");
    // 4,000 mappings: about 3 MiB of smaps, 12 chunks, 400 KB of CSV. After the first chunk only
    // the (empty) temporary file exists. 10,000 mappings: 28 chunks, 1 MB of CSV; after the 20th
    // chunk rows are in it.
    QTest::newRow("first chunk") << 4000 << 1 << false;
    QTest::newRow("rows in the temporary file") << 10000 << 20 << true;
}

// The kernel ends the smaps of a process that exits while it is read early, at a mapping's end:
// a valid text, but a partial map. The export must fail in one line and write nothing, though it
// wrote rows into its temporary file as they were encoded. The test hook stops procglass after
// its Nth 256 KiB chunk; the process it reads is killed then.
void TestExportCli::memoryOfProcessExitingMidRead()
{
    QFETCH(int, mappings);
    QFETCH(int, chunk);
    QFETCH(bool, rowsWritten);
    const pid_t target = startManyMappings(std::size_t(mappings));
    QVERIFY(target > 0);
    Reaper targetReaper { target };

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray out = QFile::encodeName(dir.filePath(QStringLiteral("map.csv")));
    const QByteArray err = QFile::encodeName(dir.filePath(QStringLiteral("stderr.txt")));
    const QByteArray binary = QFile::encodeName(kProcglass);
    const QByteArray pid = QByteArray::number(target);
    const pid_t exporter = ::fork();
    QVERIFY(exporter >= 0);
    if (exporter == 0) {
        const int fd = ::open(err.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(fd, STDERR_FILENO);
        ::setenv("PROCGLASS_TEST_STOP_AFTER_CHUNK", QByteArray::number(chunk).constData(), 1);
        ::execl(binary.constData(), binary.constData(), "export", "memory", pid.constData(), "-o",
            out.constData(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    Reaper exporterReaper { exporter }; // on a failure below: killed, stopped or not
    int status = 0;
    QCOMPARE(::waitpid(exporter, &status, WUNTRACED), exporter);
    if (!WIFSTOPPED(status)) {
        exporterReaper.pid = -1;
        QFile errFile(QString::fromLocal8Bit(err));
        QVERIFY(errFile.open(QIODevice::ReadOnly));
        QFAIL(qPrintable(QStringLiteral("procglass did not stop after chunk %1 (status %2): %3")
                             .arg(chunk)
                             .arg(status)
                             .arg(QString::fromLocal8Bit(errFile.readAll()))));
    }
    // The rows go into a temporary file as they are encoded; the target does not exist yet.
    const QStringList whileStopped = filesIn(dir.path());
    QCOMPARE(whileStopped.size(), 2);
    QVERIFY2(whileStopped.first().startsWith(QStringLiteral(".procglass-"))
            && whileStopped.first().endsWith(QStringLiteral(".tmp")),
        qPrintable(whileStopped.join(QLatin1Char(' '))));
    QCOMPARE(whileStopped.last(), QStringLiteral("stderr.txt"));
    const qint64 tempBytes = QFileInfo(dir.filePath(whileStopped.first())).size();
    QVERIFY2(rowsWritten ? tempBytes > 0 : tempBytes == 0, qPrintable(QString::number(tempBytes)));
    // The process being read exits and stays a zombie (reaped at the end): the kernel then ends
    // its smaps without an error, so only procglass's own check can tell the map is partial.
    QCOMPARE(::kill(target, SIGKILL), 0);
    siginfo_t info {};
    QCOMPARE(::waitid(P_PID, static_cast<id_t>(target), &info, WEXITED | WNOWAIT), 0);
    QCOMPARE(::kill(exporter, SIGCONT), 0);
    QCOMPARE(::waitpid(exporter, &status, 0), exporter);
    exporterReaper.pid = -1;
    QFile errFile(QString::fromLocal8Bit(err));
    QVERIFY(errFile.open(QIODevice::ReadOnly));
    const QByteArray said = errFile.readAll();
    QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 1, said.constData());
    QCOMPARE(said.count('\n'), 1);
    QVERIFY2(said.startsWith("procglass export: no such process: " + pid
                 + " (it exited while its memory map was read; nothing was written)"),
        said.constData());
    // Nothing written: neither the file nor a temporary one.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList { QStringLiteral("stderr.txt") });
}

// The rows of a large map go into the temporary file as they are encoded (the test above sees
// them there); the file holds the rows standard output gets, and so does a hard-linked file,
// which is written in place at the end instead. (Byte for byte the same as the whole-text path on
// every fixture and chunk size: tst_memory_map_stream.)
void TestExportCli::memoryStreamedIntoTheTarget()
{
    const pid_t target = startManyMappings(10000);
    QVERIFY(target > 0);
    Reaper targetReaper { target };
    const QString pid = QString::number(target);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("map.csv"));
    const RunResult toFile = run(kProcglass,
        { QStringLiteral("export"), QStringLiteral("memory"), pid, QStringLiteral("-o"), out });
    QVERIFY2(toFile.exitCode == 0, toFile.err.constData());
    const RunResult toStdout
        = run(kProcglass, { QStringLiteral("export"), QStringLiteral("memory"), pid });
    QVERIFY2(toStdout.exitCode == 0, toStdout.err.constData());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY(written.startsWith("pid,start,end,perms,"));
    QVERIFY2(written.count("\r\n") > 10000, qPrintable(QString::number(written.count("\r\n"))));
    QVERIFY(written.size() > 512 * 1024); // more than two 256 KiB appends
    QCOMPARE(mappingsOf(written), mappingsOf(toStdout.out));
    QCOMPARE(filesIn(dir.path()), QStringList { QStringLiteral("map.csv") });

    const QString link = dir.filePath(QStringLiteral("link.csv"));
    QVERIFY(::link(QFile::encodeName(out).constData(), QFile::encodeName(link).constData()) == 0);
    QVERIFY(QFile::resize(out, 0));
    const RunResult inPlace = run(kProcglass,
        { QStringLiteral("export"), QStringLiteral("memory"), pid, QStringLiteral("-o"), link });
    QVERIFY2(inPlace.exitCode == 0, inPlace.err.constData());
    QFile linked(link);
    QVERIFY(linked.open(QIODevice::ReadOnly));
    const QByteArray inPlaceBytes = linked.readAll();
    QCOMPARE(mappingsOf(inPlaceBytes), mappingsOf(written));
    QVERIFY(file.seek(0));
    QCOMPARE(file.readAll(), inPlaceBytes); // one file under two names
}

// A write that fails after rows went into the temporary file (RLIMIT_FSIZE below the first
// 256 KiB append, as a full disk would) removes it and keeps the old file.
void TestExportCli::memoryFullDiskMidStreamKeepsOldFile()
{
    const pid_t target = startManyMappings(4000);
    QVERIFY(target > 0);
    Reaper targetReaper { target };
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("map.csv"));
    {
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous export\r\n");
    }
    const RunResult r = run(kProcglass,
        { QStringLiteral("export"), QStringLiteral("memory"), QString::number(target),
            QStringLiteral("-o"), out },
        {}, [] {
            std::signal(SIGXFSZ, SIG_IGN);
            rlimit limit { 100000, 100000 };
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains("cannot write " + out.toLocal8Bit() + ": file too large"),
        r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("previous export\r\n"));
    QCOMPARE(filesIn(dir.path()), QStringList { QStringLiteral("map.csv") });
}

// `procglass export` is the small program: it links no GUI library (readelf), and a running
// export has none mapped (its /proc/PID/maps, read while the test hook holds it stopped).
void TestExportCli::exportLoadsNoGuiLibrary()
{
    const QStringList gui { QStringLiteral("libQt6Gui"), QStringLiteral("libQt6Widgets"),
        QStringLiteral("libQt6Charts"), QStringLiteral("libQt6OpenGL"),
        QStringLiteral("libQt6DBus"), QStringLiteral("libGL") };
    QProcess readelf;
    readelf.start(QStringLiteral("readelf"), { QStringLiteral("-d"), kProcglass });
    QVERIFY(readelf.waitForFinished(30000));
    QCOMPARE(readelf.exitCode(), 0);
    const QString dynamic = QString::fromLocal8Bit(readelf.readAllStandardOutput());
    QVERIFY2(dynamic.contains(QStringLiteral("(NEEDED)"))
            && dynamic.contains(QStringLiteral("libQt6Core")),
        qPrintable(dynamic));
    for (const QString& library : gui)
        QVERIFY2(!dynamic.contains(library), qPrintable(library + QLatin1Char('\n') + dynamic));

    const pid_t target = startManyMappings(2000);
    QVERIFY(target > 0);
    Reaper targetReaper { target };
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray out = QFile::encodeName(dir.filePath(QStringLiteral("map.csv")));
    const QByteArray binary = QFile::encodeName(kProcglass);
    const QByteArray pid = QByteArray::number(target);
    const pid_t exporter = ::fork();
    QVERIFY(exporter >= 0);
    if (exporter == 0) {
        ::setenv("PROCGLASS_TEST_STOP_AFTER_CHUNK", "1", 1);
        ::execl(binary.constData(), binary.constData(), "export", "memory", pid.constData(), "-o",
            out.constData(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    Reaper exporterReaper { exporter };
    int status = 0;
    QCOMPARE(::waitpid(exporter, &status, WUNTRACED), exporter);
    QVERIFY2(WIFSTOPPED(status), qPrintable(QString::number(status)));
    QFile maps(QStringLiteral("/proc/%1/maps").arg(exporter));
    QVERIFY(maps.open(QIODevice::ReadOnly));
    const QString mapped = QString::fromLocal8Bit(maps.readAll());
    QVERIFY2(mapped.contains(QStringLiteral("libQt6Core")), qPrintable(mapped));
    for (const QString& library : gui)
        QVERIFY2(!mapped.contains(library), qPrintable(library + QLatin1Char('\n') + mapped));
    QCOMPARE(::kill(exporter, SIGCONT), 0);
    QCOMPARE(::waitpid(exporter, &status, 0), exporter);
    exporterReaper.pid = -1;
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    QVERIFY(QFileInfo(QFile::decodeName(out)).size() > 0);
}

void TestExportCli::guiSourcesUseTableNames()
{
    // The window names a table as the command line does: its file is procglass-<name>-....csv for
    // the name `procglass export <name>` takes, and the dialog shows the registry's title.
    for (const pg::ExportTableInfo& t : pg::exportTables()) {
        const pg::ExportSource source = pg::exportSource(t.id, [] { return pg::ExportTable {}; });
        QCOMPARE(source.id.toStdString(), std::string(t.name));
        QCOMPARE(source.title.toStdString(), std::string(t.title));
    }
    QCOMPARE(pg::exportSource(pg::ExportTableId::Memory, {}).id, QStringLiteral("memory"));
    QCOMPARE(pg::exportSource(pg::ExportTableId::Memory, {}).title, QStringLiteral("Memory map"));

    pg::AppOptions options;
    options.procRoot = kProcRoot;
    pg::MainWindow window(options);
    pg::assemblePages(window, options, nullptr); // every page, as the program has them
    QSet<QString> offered;
    for (const pg::ExportSource& s : window.exportSources()) {
        const pg::ExportTableInfo* t = pg::findExportTable(s.id.toStdString());
        QVERIFY2(t, qPrintable(s.id));
        offered.insert(s.id);
        if (s.fileStem == s.id) {
            QCOMPARE(s.title.toStdString(), std::string(t->title));
        } else {
            // A variant of the table (the Memory usage page's memory-by-process): its file says
            // which, as the command line's --by does.
            QVERIFY2(s.fileStem.startsWith(s.id + QLatin1Char('-')), qPrintable(s.fileStem));
            QVERIFY(s.title != QString::fromUtf8(t->title.data(), qsizetype(t->title.size())));
        }
    }
    QCOMPARE(offered.size(), int(pg::exportTables().size())); // every table, from some page
}

int main(int argc, char** argv)
{
    // Re-executed by hostileNamesSurvive() with a crafted argv: take the hostile name, say ready,
    // wait.
    if (argc >= 2 && std::strcmp(argv[1], "--hostile-child") == 0) {
        ::prctl(PR_SET_NAME, kHostileComm, 0, 0, 0);
        if (::write(STDOUT_FILENO, "r", 1) != 1)
            return 1;
        for (;;)
            ::pause();
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ProcglassTests"));
    TestExportCli test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_export_cli.moc"
