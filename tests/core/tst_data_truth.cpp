// SPDX-License-Identifier: GPL-3.0-or-later
// Wrong data must not be shown as right: a command line rewritten by exec or setproctitle is seen
// within one refresh (real children); /proc mounted with subset=pid is detected from the live
// mount table; an unknown start time is a dash or an empty field with a reason, never 1970; the
// export warns when hidepid= makes the list partial; hostile numbers neither wrap nor pass for
// real; processes whose stat cannot be read are counted and named.

#include "core/base/KernelNumbers.h"
#include "core/export/InterruptsCsv.h"
#include "core/export/ProcessCsv.h"
#include "core/interrupts/Interrupts.h"
#include "core/interrupts/InterruptsCollector.h"
#include "core/process/DetailsSample.h"
#include "core/process/ProcessCollector.h"
#include "core/process/ProcessDetails.h"
#include "core/system/ProcMounts.h"
#include "core/system/SystemStat.h"
#include "tests/support/FakeProc.h"
#include "ui/common/Format.h"
#include "ui/details/ProcessDetailsPanel.h"
#include "ui/interrupts/InterruptsModel.h"
#include "ui/processes/ProcessTableModel.h"
#include "ui/processes/ProcessTablePage.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace pg;

namespace {

const QString kProcglass = QStringLiteral(PROCGLASS_BINARY_DIR "/app/procglass");
const std::string kHuge = "18446744073709551615"; // 2^64-1

// A stat line whose fields hold the marker values 777001.. replaced by `values`, in order.
std::string replaced(
    std::string line, const std::vector<std::pair<std::string, std::string>>& values)
{
    for (const auto& [marker, value] : values) {
        const std::size_t at = line.find(" " + marker + " ");
        if (at == std::string::npos)
            qFatal("marker %s not found", marker.c_str());
        line.replace(at + 1, marker.size(), value);
    }
    return line;
}

const ProcessInfo* find(const ProcessSnapshot& s, int pid)
{
    for (const auto& p : s.processes)
        if (p.key.pid == pid)
            return &p;
    return nullptr;
}

QByteArray procCmdline(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Waits (without a fixed sleep) until the kernel shows the child's new command line.
bool waitForCmdline(qint64 pid, const QByteArray& needle)
{
    for (int i = 0; i < 1000; ++i) {
        if (procCmdline(pid).contains(needle))
            return true;
        QTest::qWait(10);
    }
    return false;
}

QString labelsText(const QWidget* w)
{
    QStringList texts;
    for (const QLabel* label : w->findChildren<QLabel*>())
        if (label->isVisible())
            texts << label->text() + QLatin1Char('\n') + label->toolTip();
    return texts.join(QLatin1Char('\n'));
}

int column(const CsvTable& table, const char* name)
{
    for (std::size_t i = 0; i < table.header.size(); ++i)
        if (table.header[i] == name)
            return static_cast<int>(i);
    return -1;
}

const std::vector<std::string>* csvRow(const CsvTable& table, int pid)
{
    for (const auto& row : table.rows)
        if (row[0] == std::to_string(pid))
            return &row;
    return nullptr;
}

struct Run
{
    int exitCode = -1;
    QByteArray out, err;
};

Run runProcglass(const QStringList& args)
{
    QProcess p;
    p.start(kProcglass, args);
    if (!p.waitForStarted(10000))
        return {};
    p.waitForFinished(60000);
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError() };
}

// Helper mode: rewrite argv in place (what setproctitle does) when told to, then wait for EOF.
int argvRewriteHelper(int argc, char** argv)
{
    char line[16];
    if (!std::fgets(line, sizeof line, stdin))
        return 1;
    char* const begin = argv[0];
    char* const end = argv[argc - 1] + std::strlen(argv[argc - 1]);
    const char title[] = "rewritten-title";
    if (static_cast<std::size_t>(end - begin) < sizeof title)
        return 2;
    std::memset(begin, 0, static_cast<std::size_t>(end - begin));
    std::memcpy(begin, title, sizeof title - 1);
    while (std::fgets(line, sizeof line, stdin)) { }
    return 0;
}

// Helper mode: in a mount namespace of its own, mount a proc with subset=pid at DIR and report
// what a collector on it says, one "key=value" per line. Exit 77: not permitted here.
int subsetPidHelper(const char* dir)
{
    if (::unshare(CLONE_NEWNS) != 0
        || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return 77;
    if (::mount("proc", dir, "proc", 0, "subset=pid") != 0)
        return 77; // kernel before 5.8, or no permission
    ProcessCollector::Options options;
    options.procRoot = dir;
    ProcessCollector collector(options);
    const ProcessSnapshot s = collector.sample();
    const ProcessInfo* self = find(s, static_cast<int>(::getpid()));
    const CsvTable csv = processesToCsv(s);
    const auto* row = csvRow(csv, static_cast<int>(::getpid()));
    std::printf("note=%s\n", s.visibilityNote.c_str());
    std::printf("found=%d\n", self ? 1 : 0);
    std::printf("startKnown=%d\n", self && self->startTimeUnixMs ? 1 : 0);
    std::printf("csvStart=%s\n", row ? (*row)[column(csv, "start_time")].c_str() : "?");
    std::printf("bootTimeError=%s\n", s.bootTimeError.c_str());
    return 0;
}

} // namespace

class TestDataTruth : public QObject
{
    Q_OBJECT
private slots:
    void execIntoSameNameIsSeen();
    void argvRewriteIsSeen();
    void subsetPidFromLiveMountTable();
    void subsetPidInFixtureSelfMounts();
    void unknownStartTimeIsNeverEpoch_data();
    void unknownStartTimeIsNeverEpoch();
    void exportWarnsWhenHidepidHides();
    void hostileProcessNumbers();
    void hostileTimesInDetails();
    void hostileThreadCountIsNotSummed();
    void hostileInterruptTotal();
    void hostileCounterSums();
    void unreadableProcessesAreNamed();
    void exportNamesUnreadableProcesses();
};

void TestDataTruth::execIntoSameNameIsSeen()
{
    // sh execs sh: comm stays "sh", the arguments change.
    QProcess child;
    child.start(QStringLiteral("/bin/sh"),
        { QStringLiteral("-c"), QStringLiteral("read x; exec /bin/sh -c 'read y' second-stage") });
    QVERIFY(child.waitForStarted());
    const qint64 pid = child.processId();
    QVERIFY(waitForCmdline(pid, "read x"));
    ProcessCollector collector;
    const ProcessSnapshot before = collector.sample();
    const ProcessInfo* p = find(before, static_cast<int>(pid));
    QVERIFY(p && p->names);
    QVERIFY(QString::fromStdString(p->names->cmdline).contains(QStringLiteral("read x")));

    child.write("go\n");
    QVERIFY(waitForCmdline(pid, QByteArray("read y\0second-stage", 19))); // NULs: after the exec
    const ProcessSnapshot after = collector.sample();
    p = find(after, static_cast<int>(pid));
    QVERIFY(p && p->names);
    QCOMPARE(QString::fromStdString(p->names->comm), QStringLiteral("sh"));
    QCOMPARE(QString::fromStdString(p->names->cmdline),
        QStringLiteral("/bin/sh -c read y second-stage"));
    // The export of that snapshot says the same.
    const CsvTable csv = processesToCsv(after);
    QCOMPARE((*csvRow(csv, static_cast<int>(pid)))[column(csv, "cmdline")],
        std::string("/bin/sh -c read y second-stage"));
    child.kill();
    child.waitForFinished();
}

void TestDataTruth::argvRewriteIsSeen()
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(),
        { QStringLiteral("--argv-rewrite-helper"), QStringLiteral("original-title-padding") });
    QVERIFY(child.waitForStarted());
    const qint64 pid = child.processId();
    QVERIFY(waitForCmdline(pid, "original-title-padding"));
    ProcessCollector collector;
    const ProcessInfo* p = find(collector.sample(), static_cast<int>(pid));
    const ProcessSnapshot before = collector.sample();
    p = find(before, static_cast<int>(pid));
    QVERIFY(p && p->names);
    QVERIFY(QString::fromStdString(p->names->cmdline).contains(QStringLiteral("original-title")));

    child.write("go\n");
    QVERIFY(waitForCmdline(pid, "rewritten-title"));
    const ProcessSnapshot after = collector.sample();
    p = find(after, static_cast<int>(pid));
    QVERIFY(p && p->names);
    QCOMPARE(QString::fromStdString(p->names->cmdline), QStringLiteral("rewritten-title"));
    // As the kernel shows it (what ps -o args reads too).
    QCOMPARE(procCmdline(pid).left(15), QByteArray("rewritten-title"));
    child.closeWriteChannel();
    QVERIFY(child.waitForFinished());
}

void TestDataTruth::subsetPidFromLiveMountTable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess helper;
    helper.start(QCoreApplication::applicationFilePath(),
        { QStringLiteral("--subset-pid-helper"), dir.path() });
    QVERIFY(helper.waitForFinished(60000));
    if (helper.exitCode() == 77)
        QSKIP("cannot mount a proc with subset=pid in a private mount namespace here (needs root "
              "and Linux 5.8)");
    QCOMPARE(helper.exitCode(), 0);
    const QString out = QString::fromUtf8(helper.readAllStandardOutput());
    QVERIFY2(out.contains(QStringLiteral("found=1")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("subset=pid")), qPrintable(out)); // detected
    QVERIFY2(out.contains(QStringLiteral("startKnown=0")), qPrintable(out)); // no btime: unknown
    QVERIFY2(out.contains(QStringLiteral("csvStart=\n")), qPrintable(out)); // empty, not 1970
    QVERIFY2(
        out.contains(QStringLiteral("bootTimeError=cannot read the boot time")), qPrintable(out));
}

void TestDataTruth::subsetPidInFixtureSelfMounts()
{
    // A copy of a subset=pid /proc: no top-level mounts, but self/mounts.
    pgtest::FakeProc fake;
    for (const char* file : { "stat", "meminfo", "loadavg", "uptime" })
        QVERIFY(QFile::remove(fake.root() + "/" + file));
    fake.writeFile(
        "self/mounts", "proc /proc proc rw,nosuid,nodev,noexec,relatime,subset=pid 0 0\n");
    fake.addProcess(7, "shell", 1, 5, std::string("sh\0", 3));
    QVERIFY(readProcMountOptions(fake.root().toStdString()).subsetPid);
    ProcessCollector::Options options;
    options.procRoot = fake.root().toStdString();
    ProcessCollector collector(options);
    const QString note = QString::fromStdString(collector.sample().visibilityNote);
    QVERIFY2(note.contains(QStringLiteral("subset=pid")), qPrintable(note));
}

void TestDataTruth::unknownStartTimeIsNeverEpoch_data()
{
    QTest::addColumn<QByteArray>("stat"); // empty: no stat file at all
    QTest::addColumn<QString>("reason");
    QTest::newRow("no stat") << QByteArray() << QStringLiteral("file not found");
    QTest::newRow("no btime") << QByteArray(
        "cpu  1 0 1 10 0 0 0 0 0 0\ncpu0 1 0 1 10 0 0 0 0 0 0\n")
                              << QStringLiteral("no btime line");
    QTest::newRow("btime beyond year 9999")
        << QByteArray("cpu  1 0 1 10 0 0 0 0 0 0\nbtime 18446744073709551615\n")
        << QStringLiteral("not a date");
}

void TestDataTruth::unknownStartTimeIsNeverEpoch()
{
    QFETCH(QByteArray, stat);
    QFETCH(QString, reason);
    pgtest::FakeProc fake;
    if (stat.isEmpty())
        QVERIFY(QFile::remove(fake.root() + "/stat"));
    else
        fake.writeFile("stat", stat.toStdString());
    fake.addProcess(7, "shell", 1, 500, std::string("sh\0", 3));
    ProcessCollector::Options options;
    options.procRoot = fake.root().toStdString();
    ProcessCollector collector(options);
    auto snap = std::make_shared<ProcessSnapshot>(collector.sample());
    QCOMPARE(snap->processes.size(), std::size_t(1));
    QVERIFY(!snap->processes[0].startTimeUnixMs);
    QVERIFY2(
        QString::fromStdString(snap->bootTimeError).contains(reason), snap->bootTimeError.c_str());

    // CSV: empty, not 1970-01-01T00:00:05Z; and the export says why on stderr.
    const CsvTable csv = processesToCsv(*snap);
    QCOMPARE((*csvRow(csv, 7))[column(csv, "start_time")], std::string());
    bool said = false;
    for (const std::string& line : processExportWarnings(*snap))
        said = said || line.find("start_time is empty") != std::string::npos;
    QVERIFY(said);

    // Table: a dash with the reason in the tooltip.
    ProcessTableModel model;
    model.applySnapshot(snap);
    const QModelIndex started = model.index(0, ProcessTableModel::Started);
    QCOMPARE(started.data().toString(), QStringLiteral("–"));
    QVERIFY2(started.data(Qt::ToolTipRole).toString().contains(reason),
        qPrintable(started.data(Qt::ToolTipRole).toString()));
}

void TestDataTruth::exportWarnsWhenHidepidHides()
{
    // A copied tree of a hidepid=invisible /proc, made by an ordinary user: only their process.
    pgtest::FakeProc fake;
    fake.writeFile("mounts", "proc /proc proc rw,relatime,hidepid=invisible 0 0\n");
    fake.addProcess(100, "mine", 1, 5, std::string("mine\0", 5));
    const Run r = runProcglass(
        { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--proc-root"),
            fake.root(), QStringLiteral("--interval"), QStringLiteral("100") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("pid,")); // the CSV is still written
    QCOMPARE(r.out.count('\n'), 2);
    const QList<QByteArray> lines = r.err.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines[0].startsWith("procglass export: warning: the process list is partial")
            && lines[0].contains("hidepid=invisible"),
        r.err.constData());
}

void TestDataTruth::hostileProcessNumbers()
{
    pgtest::FakeProc fake;
    // statm: pages * page size does not fit 64 bits.
    fake.addProcess(10, "bigmem", 1, 5, std::string("a\0", 2), false,
        "4611686018427387905 4611686018427387905 1 1 0 1 0\n");
    // utime 2^64-1 and a starttime 2^64-1 ticks after boot.
    fake.addProcess(11, "bigtime", 1, 5, std::string("b\0", 2));
    fake.writeFile("11/stat",
        replaced(pgtest::FakeProc::statLine(11, "bigtime", 'S', 1, 777001, 0, 777002),
            { { "777001", kHuge }, { "777002", kHuge } }));
    ProcessCollector::Options options;
    options.procRoot = fake.root().toStdString();
    ProcessCollector collector(options);
    (void)collector.sample();
    auto snap = std::make_shared<ProcessSnapshot>(collector.sample());
    const ProcessInfo* mem = find(*snap, 10);
    const ProcessInfo* time = find(*snap, 11);
    QVERIFY(mem && time);
    QCOMPARE(time->utimeTicks, kU64Max); // the parser did read it
    QVERIFY(mem->memError != Error::None);
    QVERIFY(!time->cpuTimeTicks());
    QVERIFY(std::isnan(time->cpuPercent));
    QVERIFY(!time->startTimeUnixMs);

    const CsvTable csv = processesToCsv(*snap);
    for (const char* name : { "virt_kib", "res_kib", "shr_kib" })
        QCOMPARE((*csvRow(csv, 10))[column(csv, name)], std::string());
    QCOMPARE((*csvRow(csv, 11))[column(csv, "cpu_time_s")], std::string());
    QCOMPARE((*csvRow(csv, 11))[column(csv, "start_time")], std::string());

    ProcessTableModel model;
    model.applySnapshot(snap);
    const int memRow = model.rowOf(mem->key);
    const int timeRow = model.rowOf(time->key);
    QCOMPARE(model.index(memRow, ProcessTableModel::Virt).data().toString(), QStringLiteral("–"));
    QVERIFY(
        !model.index(memRow, ProcessTableModel::Virt).data(Qt::ToolTipRole).toString().isEmpty());
    for (int c : { int(ProcessTableModel::CpuTime), int(ProcessTableModel::Started) }) {
        QCOMPARE(model.index(timeRow, c).data().toString(), QStringLiteral("–"));
        QVERIFY2(model.index(timeRow, c)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("kernel can count")),
            qPrintable(model.index(timeRow, c).data(Qt::ToolTipRole).toString()));
    }

    // The conversions themselves.
    QVERIFY(!ticksToMs(kU64Max, 100));
    QCOMPARE(ticksToMs(12345, 100).value_or(0), 123450u);
    QVERIFY(!startTimeUnixMs(std::nullopt, 5, 100));
    QCOMPARE(startTimeUnixMs(1700000000, 50, 100).value_or(0), 1700000000500LL);
    // Format: no ticks * 100 wrap (2^64-1 ticks used to read as 0:00.x).
    QVERIFY(fmt::cpuTime(kU64Max, 100).contains(QLatin1Char('h')));
}

void TestDataTruth::hostileTimesInDetails()
{
    pgtest::FakeProc fake;
    fake.addProcess(11, "bigtime", 1, 5, std::string("b\0", 2));
    fake.writeFile("11/stat",
        replaced(pgtest::FakeProc::statLine(11, "bigtime", 'S', 1, 777001, 0, 777002),
            { { "777001", kHuge }, { "777002", kHuge } }));
    auto sample = std::make_shared<DetailsSample>();
    sample->details = readProcessDetails(fake.root().toStdString(), 11);
    QVERIFY(sample->details.stat);
    sample->key = ProcessKey { 11, sample->details.startTimeTicks() };
    ProcessDetailsPanel panel;
    panel.showProcess(sample->key);
    panel.applyDetails(sample);
    // Not "5847567-..." and not a wrapped CPU time: a dash (the reason is in the tooltip).
    QCOMPARE(panel.overviewField(QStringLiteral("started")), QStringLiteral("–"));
    QCOMPARE(panel.overviewField(QStringLiteral("elapsed")), QStringLiteral("–"));
    QVERIFY2(panel.overviewField(QStringLiteral("cputime")).startsWith(QStringLiteral("user –")),
        qPrintable(panel.overviewField(QStringLiteral("cputime"))));
}

void TestDataTruth::hostileThreadCountIsNotSummed()
{
    pgtest::FakeProc fake;
    fake.addProcess(1, "init", 1, 5, std::string("init\0", 5));
    fake.writeFile("2/stat",
        replaced(pgtest::FakeProc::statLine(2, "many", 'S', 1, 1, 0, 5, false, 777003),
            { { "777003", "9223372036854775807" } }));
    fake.writeFile("2/statm", "1 1 1 1 0 1 0\n");
    fake.writeFile("2/cmdline", "many");
    ProcessCollector::Options options;
    options.procRoot = fake.root().toStdString();
    ProcessCollector collector(options);
    const ProcessSnapshot s = collector.sample();
    QCOMPARE(s.threadCount, 1ull); // not 9223372036854775808
    QCOMPARE(s.unreadable.size(), std::size_t(1)); // the hostile one is named, not hidden
    QCOMPARE(s.unreadable[0].pid, 2);
    QCOMPARE(int(s.unreadable[0].error), int(Error::BadNumber));
}

void TestDataTruth::hostileInterruptTotal()
{
    const std::string text = "           CPU0       CPU1\n"
                             "  0:  "
        + kHuge
        + "          1   IO-APIC   2-edge      timer\n"
          "  1:          5          6   IO-APIC   1-edge      i8042\n";
    auto parsed = parseInterrupts(text);
    QVERIFY(parsed);
    QCOMPARE(parsed->rows[0].total(), kU64Max); // saturated, not wrapped to 0
    QCOMPARE(parsed->rows[1].total(), 11u);
    const CsvTable csv = interruptsToCsv(*parsed);
    const int total = column(csv, "total");
    QCOMPARE(csv.rows[0][total], std::string()); // unknown: empty, not 0
    QCOMPARE(csv.rows[1][total], std::string("11"));

    pgtest::FakeProc fake;
    fake.writeFile("interrupts", text);
    InterruptsCollector collector(fake.root().toStdString());
    InterruptsModel model(InterruptsModel::Kind::Hardware);
    model.applySnapshot(collector.sample(1.0));
    int totalColumn = -1;
    for (int c = 0; c < model.columnCount(); ++c)
        if (model.headerData(c, Qt::Horizontal, Qt::DisplayRole)
                .toString()
                .contains(QStringLiteral("Total")))
            totalColumn = c;
    QVERIFY(totalColumn >= 0);
    int irq0 = -1;
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, 0).data().toString() == QStringLiteral("0"))
            irq0 = r;
    QVERIFY(irq0 >= 0);
    QCOMPARE(model.index(irq0, totalColumn).data().toString(), QStringLiteral("–"));
    QVERIFY(!model.index(irq0, totalColumn).data(Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(model.index(1 - irq0, totalColumn).data().toString(), QStringLiteral("11"));
}

void TestDataTruth::hostileCounterSums()
{
    CpuTimes t;
    t.user = kU64Max;
    t.system = 1;
    t.idle = kU64Max;
    t.iowait = 1;
    QCOMPARE(t.total(), kU64Max);
    QCOMPARE(t.idleAll(), kU64Max);
    QCOMPARE(saturatingAdd(kU64Max, 1), kU64Max);
    QVERIFY(!checkedMul(4611686018427387905ull, 4));
}

void TestDataTruth::unreadableProcessesAreNamed()
{
    pgtest::FakeProc fake;
    fake.addProcess(1, "init", 1, 5, std::string("init\0", 5));
    fake.addProcess(4242, "bad", 1, 5, std::string("bad\0", 4));
    fake.writeFile("4242/stat", "4242 (bad) S 1 x 4242 0 -1 0 0 0 0 0 1 0 0 0 20 0 1 0 5 1 1\n");
    fake.addProcess(4243, "short", 1, 5, std::string("short\0", 6));
    fake.writeFile("4243/stat", "4243 (short) S 1");
    QDir(fake.root()).mkpath(QStringLiteral("4244")); // exited: its files are gone, no error
    ProcessCollector::Options options;
    options.procRoot = fake.root().toStdString();
    ProcessCollector collector(options);
    auto snap = std::make_shared<ProcessSnapshot>(collector.sample());
    QCOMPARE(snap->processes.size(), std::size_t(1));
    QCOMPARE(snap->unreadable.size(), std::size_t(2));
    const std::string summary = unreadableSummary(snap->unreadable);
    QCOMPARE(summary,
        std::string("2 processes could not be read: 4242 (stat: a field is not a valid number), "
                    "4243 (stat: the file ends too early)"));
    QCOMPARE(unreadableSummary(snap->unreadable, 1),
        std::string("2 processes could not be read: 4242 (stat: a field is not a valid number), "
                    "and 1 more"));

    ProcessTablePage page;
    page.show();
    page.applySnapshot(snap);
    const QString text = labelsText(&page);
    QVERIFY2(text.contains(QStringLiteral("2 processes could not be read: 4242 (stat: a field is "
                                          "not a valid number)")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\n4243 (stat: the file ends too early)")),
        qPrintable(text)); // the tooltip lists each one
}

void TestDataTruth::exportNamesUnreadableProcesses()
{
    pgtest::FakeProc fake;
    fake.addProcess(1, "init", 1, 5, std::string("init\0", 5));
    fake.addProcess(4242, "bad", 1, 5, std::string("bad\0", 4));
    fake.writeFile("4242/stat", "4242 (bad) S 1 x 4242 0 -1 0 0 0 0 0 1 0 0 0 20 0 1 0 5 1 1\n");
    const QStringList args
        = { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--proc-root"),
              fake.root(), QStringLiteral("--interval"), QStringLiteral("100") };
    Run r = runProcglass(args);
    QCOMPARE(r.exitCode, 0); // unchanged: the rest was exported
    QCOMPARE(r.out.count('\n'), 2);
    QCOMPARE(r.err,
        QByteArray("procglass export: warning: 1 process could not be read: 4242 (stat: a field "
                   "is not a valid number)\n"));

    // Nothing readable at all: that is a failure.
    fake.removeProcess(1);
    r = runProcglass(args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.startsWith("procglass export: no process could be read; 1 process could not be "
                              "read: 4242"),
        r.err.constData());
}

int main(int argc, char** argv)
{
    if (argc >= 2 && std::strcmp(argv[1], "--argv-rewrite-helper") == 0)
        return argvRewriteHelper(argc, argv);
    if (argc >= 3 && std::strcmp(argv[1], "--subset-pid-helper") == 0)
        return subsetPidHelper(argv[2]);
    QApplication app(argc, argv);
    TestDataTruth test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_data_truth.moc"
