// SPDX-License-Identifier: GPL-3.0-or-later
// Odd files in a /proc root: a FIFO, a folder, a socket, a device or a symlink loop where a file
// is expected, and a file where a folder is expected. Every reader says which file and why, at
// once: a FIFO never blocks the sampler, one odd process costs only that process, one odd file
// only its page, `procglass export` finishes, and the app exits when asked to quit.
//
// A blocked read would hang a test forever; each read runs under a watchdog that, once the bound
// passes, opens the tree's FIFOs for writing (which releases a reader blocked in open) and fails.

#include "core/base/ProcFs.h"
#include "core/interrupts/InterruptsCollector.h"
#include "core/interrupts/IrqAffinity.h"
#include "core/memory/MemoryMapReader.h"
#include "core/process/ProcessCollector.h"
#include "core/process/ProcessDetails.h"
#include "core/system/SystemOverview.h"
#include "tests/support/FakeProc.h"
#include "tests/support/TestUtil.h"
#include "ui/interrupts/InterruptsPage.h"
#include "ui/processes/ProcessTablePage.h"

#include <QDirIterator>
#include <QLabel>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <future>
#include <map>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace pg;
using namespace std::chrono_literals;

namespace {

const QString kProcglass = QStringLiteral(PROCGLASS_BINARY_DIR "/app/procglass");

// Far above what a non-blocking open and a refusal take, even on a loaded machine; only a read
// that blocks reaches it.
constexpr auto kBound = 20s;

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// Every FIFO under `root`.
QStringList fifosUnder(const QString& root)
{
    QStringList fifos;
    QDirIterator it(root, QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat st
        {
        };
        if (::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISFIFO(st.st_mode))
            fifos << path;
    }
    return fifos;
}

// Runs `read` on another thread. Past the bound, releases whatever it is blocked on (opening a
// FIFO for writing lets a blocked reader's open return; closing it gives that reader EOF) and
// sets `blocked`.
template <typename F> auto withinBound(const QString& root, F read, bool& blocked)
{
    auto result = std::async(std::launch::async, std::move(read));
    const auto deadline = std::chrono::steady_clock::now() + kBound;
    blocked = false;
    while (result.wait_for(50ms) != std::future_status::ready) {
        if (std::chrono::steady_clock::now() < deadline)
            continue;
        blocked = true;
        for (const QString& fifo : fifosUnder(root)) {
            const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
            if (fd >= 0)
                ::close(fd);
        }
    }
    return result.get();
}

void makeFifo(const pgtest::FakeProc& fake, const QString& relative)
{
    const QByteArray path = QFile::encodeName(fake.root() + QLatin1Char('/') + relative);
    QDir().mkpath(QFileInfo(QString::fromLocal8Bit(path)).path());
    ::unlink(path.constData());
    QVERIFY2(::mkfifo(path.constData(), 0644) == 0, path.constData());
}

void makeFolder(const pgtest::FakeProc& fake, const QString& relative)
{
    const QString path = fake.root() + QLatin1Char('/') + relative;
    QFile::remove(path);
    QVERIFY(QDir().mkpath(path + QStringLiteral("/inside")));
}

void makeSymlinkLoop(const pgtest::FakeProc& fake, const QString& relative)
{
    const QByteArray path = QFile::encodeName(fake.root() + QLatin1Char('/') + relative);
    const QByteArray other = path + ".loop";
    ::unlink(path.constData());
    QVERIFY(::symlink(other.constData(), path.constData()) == 0);
    QVERIFY(::symlink(path.constData(), other.constData()) == 0);
}

// A tree with two ordinary processes (1 and 7) and process 42, whose files the test makes odd.
void addProcesses(pgtest::FakeProc& fake)
{
    fake.addProcess(1, "init", 10, 5, std::string("/sbin/init\0", 11));
    fake.addProcess(7, "worker", 3, 40, std::string("worker\0", 7));
    fake.addProcess(42, "odd", 3, 50, std::string("odd\0--flag\0", 11));
    fake.writeFile(QStringLiteral("42/status"), "Name:\todd\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n");
    fake.writeFile(QStringLiteral("42/environ"), std::string("A=1\0", 4));
    fake.writeFile(QStringLiteral("42/smaps"),
        "00400000-00401000 r-xp 00000000 08:01 1 /bin/odd\nSize: 4 kB\nRss: 4 kB\n");
    fake.writeFile(QStringLiteral("interrupts"),
        "           CPU0       CPU1\n  0:         10          0   IO-APIC   2-edge      timer\n"
        "NMI:          0          0   Non-maskable interrupts\n");
    fake.writeFile(QStringLiteral("softirqs"),
        "                    CPU0       CPU1\n          HI:          1          0\n");
    fake.writeFile(QStringLiteral("irq/0/smp_affinity_list"), "0-1\n");
}

std::vector<int> pids(const ProcessSnapshot& s)
{
    std::vector<int> out;
    for (const ProcessInfo& p : s.processes)
        out.push_back(p.key.pid);
    return out;
}

const ProcessInfo* find(const ProcessSnapshot& s, int pid)
{
    for (const ProcessInfo& p : s.processes)
        if (p.key.pid == pid)
            return &p;
    return nullptr;
}

// The visible text of every label under `w`, joined.
QString labelsText(const QWidget* w)
{
    QStringList texts;
    for (const QLabel* label : w->findChildren<QLabel*>())
        if (label->isVisible())
            texts << label->text();
    return texts.join(QLatin1Char('\n'));
}

// A copy of a fixture tree, for the command line and the app (they must not write into tests/).
bool copyTree(const QString& from, const QString& to)
{
    if (!QDir().mkpath(to))
        return false;
    QDirIterator it(from, QDir::AllEntries | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + path.mid(from.size());
        if (it.fileInfo().isDir()) {
            if (!QDir().mkpath(target))
                return false;
        } else if (!QFile::copy(path, target)) {
            return false;
        }
    }
    return true;
}

struct Run
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the procglass binary; kills it (and says so) when it has not finished within `bound`.
Run runProcglass(const QStringList& args, std::chrono::milliseconds bound,
    const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(kProcglass, args);
    Run r;
    if (!p.waitForStarted(30000))
        return r;
    r.finished = p.waitForFinished(static_cast<int>(bound.count()));
    if (!r.finished) {
        p.kill();
        p.waitForFinished(30000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestOddFiles : public QObject
{
    Q_OBJECT
private slots:
    void readerRefuses_data();
    void readerRefuses();
    void folderWhereFolderExpected();
    void collectorSkipsOnlyTheOddProcess_data();
    void collectorSkipsOnlyTheOddProcess();
    void collectorOddStatmAndCmdline();
    void processPageSaysWhichProcess();
    void systemFilesAsFifos();
    void interruptsPageNamesTheFile();
    void softirqsAndAffinityAsFifos();
    void detailsNameTheFile_data();
    void detailsNameTheFile();
    void mapsFifo();
    void exportFinishes();
    void appQuitsOnFifoTree();
};

void TestOddFiles::readerRefuses_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("text");
    QTest::newRow("FIFO") << "fifo" << int(Error::FifoNotFile)
                          << "not a regular file (it is a FIFO)";
    QTest::newRow("folder") << "folder" << int(Error::FolderNotFile)
                            << "not a regular file (it is a folder)";
    QTest::newRow("socket") << "socket" << int(Error::SocketNotFile)
                            << "not a regular file (it is a socket)";
    QTest::newRow("device") << "device" << int(Error::DeviceNotFile)
                            << "not a regular file (it is a device)";
    QTest::newRow("symlink loop") << "loop" << int(Error::SymlinkLoop)
                                  << "too many levels of symbolic links";
    QTest::newRow("file as a folder")
        << "notdir" << int(Error::NotAFolder) << "a path component is not a folder";
}

void TestOddFiles::readerRefuses()
{
    QFETCH(QString, kind);
    QFETCH(int, error);
    QFETCH(QString, text);
    pgtest::FakeProc fake;
    QString relative = QStringLiteral("odd");
    const QByteArray path = QFile::encodeName(fake.root() + QStringLiteral("/odd"));
    if (kind == QLatin1String("fifo")) {
        makeFifo(fake, relative);
    } else if (kind == QLatin1String("folder")) {
        makeFolder(fake, relative);
    } else if (kind == QLatin1String("socket")) {
        const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(s >= 0);
        sockaddr_un addr {};
        addr.sun_family = AF_UNIX;
        if (static_cast<std::size_t>(path.size()) >= sizeof addr.sun_path)
            QSKIP("the temporary folder's path is too long for a Unix socket");
        std::memcpy(addr.sun_path, path.constData(), static_cast<std::size_t>(path.size()));
        QVERIFY(::bind(s, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0);
        ::close(s); // the socket file stays
    } else if (kind == QLatin1String("device")) {
        QVERIFY(::symlink("/dev/null", path.constData()) == 0); // a character device
    } else if (kind == QLatin1String("loop")) {
        makeSymlinkLoop(fake, relative);
    } else if (kind == QLatin1String("notdir")) {
        fake.writeFile(relative, "a file\n");
        relative += QStringLiteral("/stat");
    }
    const std::string file = (fake.root() + QLatin1Char('/') + relative).toStdString();
    bool blocked = false;
    const Result<std::string> read = withinBound(
        fake.root(), [&file] { return readWholeFile(file); }, blocked);
    QVERIFY2(!blocked, "the read blocked");
    QVERIFY(!read.ok());
    QCOMPARE(int(read.error()), error);
    QCOMPARE(q(errorText(read.error())), text);
    QCOMPARE(isNotRegularFile(read.error()), kind != QLatin1String("loop") && kind != "notdir");
}

void TestOddFiles::folderWhereFolderExpected()
{
    pgtest::FakeProc fake;
    fake.writeFile(QStringLiteral("file"), "x\n");
    auto dir = openFolder(-1, fake.root().toStdString().c_str());
    QVERIFY(dir.ok());
    auto file = openFolder(-1, (fake.root() + QStringLiteral("/file")).toStdString().c_str());
    QVERIFY(!file.ok());
    QCOMPARE(int(file.error()), int(Error::NotAFolder));
    makeFifo(fake, QStringLiteral("fifo"));
    bool blocked = false;
    const QString fifo = fake.root() + QStringLiteral("/fifo");
    const auto [d, err] = withinBound(
        fake.root(),
        [&fifo] {
            DIR* stream = openFolderStream(fifo.toStdString().c_str());
            return std::make_pair(stream, errno); // errno is per thread
        },
        blocked);
    QVERIFY(!blocked);
    QVERIFY(d == nullptr);
    QCOMPARE(err, ENOTDIR);
}

void TestOddFiles::collectorSkipsOnlyTheOddProcess_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("why");
    QTest::newRow("stat is a FIFO") << "fifo"
                                    << "not a regular file (it is a FIFO)";
    QTest::newRow("stat is a folder") << "folder"
                                      << "not a regular file (it is a folder)";
    QTest::newRow("stat is a symlink loop") << "loop"
                                            << "too many levels of symbolic links";
    QTest::newRow("the process is a file") << "notdir"
                                           << "a path component is not a folder";
}

void TestOddFiles::collectorSkipsOnlyTheOddProcess()
{
    QFETCH(QString, kind);
    QFETCH(QString, why);
    pgtest::FakeProc fake;
    addProcesses(fake);
    if (kind == QLatin1String("fifo")) {
        makeFifo(fake, QStringLiteral("42/stat"));
    } else if (kind == QLatin1String("folder")) {
        makeFolder(fake, QStringLiteral("42/stat"));
    } else if (kind == QLatin1String("loop")) {
        makeSymlinkLoop(fake, QStringLiteral("42/stat"));
    } else {
        fake.removeProcess(42);
        fake.writeFile(QStringLiteral("42"), "not a folder\n");
    }
    for (const bool keep : { true, false }) {
        ProcessCollector::Options options;
        options.procRoot = fake.root().toStdString();
        options.keepFilesOpen = keep;
        ProcessCollector collector(options);
        for (int round = 0; round < 2; ++round) {
            bool blocked = false;
            const ProcessSnapshot s = withinBound(
                fake.root(), [&collector] { return collector.sample(); }, blocked);
            QVERIFY2(!blocked, "the collector blocked");
            QVERIFY2(s.listError.empty(), s.listError.c_str());
            QCOMPARE(pids(s), (std::vector<int> { 1, 7 }));
            QVERIFY(s.system.stat.has_value());
            QCOMPARE(s.unreadable.size(), std::size_t(1));
            QCOMPARE(s.unreadable[0].pid, 42);
            QCOMPARE(q(s.unreadable[0].file), QStringLiteral("stat"));
            QCOMPARE(q(std::string(errorText(s.unreadable[0].error))), why);
            QCOMPARE(q(unreadableSummary(s.unreadable)),
                QStringLiteral("1 process could not be read: 42 (stat: ") + why + QLatin1Char(')'));
        }
    }
}

void TestOddFiles::collectorOddStatmAndCmdline()
{
    pgtest::FakeProc fake;
    addProcesses(fake);
    makeFifo(fake, QStringLiteral("42/statm"));
    makeFifo(fake, QStringLiteral("7/cmdline"));
    ProcessCollector::Options options;
    options.procRoot = fake.root().toStdString();
    ProcessCollector collector(options);
    bool blocked = false;
    const ProcessSnapshot s = withinBound(
        fake.root(), [&collector] { return collector.sample(); }, blocked);
    QVERIFY(!blocked);
    QCOMPARE(pids(s), (std::vector<int> { 1, 7, 42 }));
    QVERIFY(s.unreadable.empty());
    const ProcessInfo* odd = find(s, 42);
    QCOMPARE(int(odd->memError), int(Error::FifoNotFile)); // unknown memory, not 0
    QVERIFY(odd->names && odd->names->cmdlineError == Error::None);
    const ProcessInfo* worker = find(s, 7);
    QCOMPARE(int(worker->memError), int(Error::None));
    QCOMPARE(int(worker->names->cmdlineError), int(Error::FifoNotFile));
    QCOMPARE(q(worker->names->comm), QStringLiteral("worker"));
}

void TestOddFiles::processPageSaysWhichProcess()
{
    pgtest::FakeProc fake;
    addProcesses(fake);
    makeFifo(fake, QStringLiteral("42/stat"));
    ProcessCollector::Options options;
    options.procRoot = fake.root().toStdString();
    ProcessCollector collector(options);
    bool blocked = false;
    auto s = std::make_shared<const ProcessSnapshot>(withinBound(
        fake.root(), [&collector] { return collector.sample(); }, blocked));
    QVERIFY(!blocked);
    ProcessTablePage page;
    page.show();
    page.applySnapshot(s);
    const QString text = labelsText(&page);
    QVERIFY2(text.contains(
                 QStringLiteral("1 process could not be read: 42 (stat: not a regular file (it is "
                                "a FIFO))")),
        qPrintable(text));
}

void TestOddFiles::systemFilesAsFifos()
{
    pgtest::FakeProc fake;
    addProcesses(fake);
    makeFifo(fake, QStringLiteral("stat"));
    makeFifo(fake, QStringLiteral("meminfo"));
    makeFifo(fake, QStringLiteral("uptime"));
    makeFifo(fake, QStringLiteral("vmstat"));
    makeFifo(fake, QStringLiteral("mounts"));
    ProcessCollector::Options options;
    options.procRoot = fake.root().toStdString();
    ProcessCollector collector(options);
    bool blocked = false;
    const ProcessSnapshot s = withinBound(
        fake.root(), [&collector] { return collector.sample(); }, blocked);
    QVERIFY(!blocked);
    QCOMPARE(pids(s), (std::vector<int> { 1, 7, 42 }));
    QVERIFY(!s.system.stat && !s.system.memInfo && s.system.loadAvg);

    SystemOverviewCollector::Options o;
    o.procRoot = fake.root().toStdString();
    o.sysRoot = "";
    o.readUname = false;
    SystemOverviewCollector overview(o);
    const SystemOverview v = withinBound(
        fake.root(), [&overview] { return overview.sample(); }, blocked);
    QVERIFY(!blocked);
    QCOMPARE(int(v.stat.error), int(Error::FifoNotFile));
    QCOMPARE(int(v.memory.error), int(Error::FifoNotFile));
    QCOMPARE(int(v.vmstat.error), int(Error::FifoNotFile));
    QVERIFY(v.load.ok());
}

void TestOddFiles::interruptsPageNamesTheFile()
{
    pgtest::FakeProc fake;
    addProcesses(fake);
    makeFifo(fake, QStringLiteral("interrupts"));
    InterruptsCollector collector(fake.root().toStdString());
    bool blocked = false;
    const InterruptsSnapshot s = withinBound(
        fake.root(), [&collector] { return collector.sample(1.0); }, blocked);
    QVERIFY(!blocked);
    QCOMPARE(int(s.interruptsError), int(Error::FifoNotFile));
    QCOMPARE(int(s.softirqsError), int(Error::None)); // the other file of the page still works
    InterruptsPage page;
    page.show();
    page.applySnapshot(std::make_shared<InterruptsSnapshot>(s));
    const QString text = labelsText(&page);
    QVERIFY2(text.contains(
                 QStringLiteral("Cannot read /proc/interrupts: not a regular file (it is a FIFO)")),
        qPrintable(text));
}

void TestOddFiles::softirqsAndAffinityAsFifos()
{
    pgtest::FakeProc fake;
    addProcesses(fake);
    makeFifo(fake, QStringLiteral("softirqs"));
    makeFifo(fake, QStringLiteral("irq/0/smp_affinity_list"));
    makeFifo(fake, QStringLiteral("irq/0/effective_affinity_list"));
    InterruptsCollector collector(fake.root().toStdString());
    bool blocked = false;
    const InterruptsSnapshot s = withinBound(
        fake.root(), [&collector] { return collector.sample(1.0); }, blocked);
    QVERIFY(!blocked);
    QCOMPARE(int(s.interruptsError), int(Error::None));
    QCOMPARE(int(s.softirqsError), int(Error::FifoNotFile));
    QCOMPARE(s.interrupts.rows.size(), std::size_t(2));
    QVERIFY(!s.affinity[0].allowedKnown); // unknown, not "no CPU"
}

void TestOddFiles::detailsNameTheFile_data()
{
    QTest::addColumn<QString>("file");
    for (const char* f : { "status", "cmdline", "environ", "io", "limits", "cgroup", "wchan" })
        QTest::newRow(f) << QString::fromLatin1(f);
}

void TestOddFiles::detailsNameTheFile()
{
    QFETCH(QString, file);
    pgtest::FakeProc fake;
    addProcesses(fake);
    makeFifo(fake, QStringLiteral("42/") + file);
    makeFifo(fake, QStringLiteral("42/task")); // a FIFO where a folder is expected
    bool blocked = false;
    DetailsOptions options;
    options.environment = true;
    options.files = true;
    options.threads = true;
    const std::string root = fake.root().toStdString();
    const ProcessDetails d = withinBound(
        fake.root(), [&] { return readProcessDetails(root, 42, options); }, blocked);
    QVERIFY(!blocked);
    QVERIFY(!d.gone());
    QVERIFY(d.stat.ok());
    const std::map<QString, Error> errors
        = { { "status", d.status.ok() ? Error::None : d.status.error() },
              { "cmdline", d.cmdline.ok() ? Error::None : d.cmdline.error() },
              { "environ", d.environ.ok() ? Error::None : d.environ.error() },
              { "io", d.io.ok() ? Error::None : d.io.error() },
              { "limits", d.limits.ok() ? Error::None : d.limits.error() },
              { "cgroup", d.cgroup.ok() ? Error::None : d.cgroup.error() },
              { "wchan", d.wchan.ok() ? Error::None : d.wchan.error() } };
    const Error error = errors.at(file);
    QCOMPARE(int(error), int(Error::FifoNotFile));
    QCOMPARE(q(explainReadError(d, file.toStdString(), error)),
        fake.root() + QStringLiteral("/42/") + file
            + QStringLiteral(": not a regular file (it is a FIFO)"));
    QVERIFY(!d.threads.ok());
    QCOMPARE(int(d.threads.error()), int(Error::NotAFolder));
}

void TestOddFiles::mapsFifo()
{
    pgtest::FakeProc fake;
    addProcesses(fake);
    makeFifo(fake, QStringLiteral("42/smaps"));
    makeFifo(fake, QStringLiteral("42/status"));
    bool blocked = false;
    const std::string root = fake.root().toStdString();
    const MemoryMapSnapshot m = withinBound(
        fake.root(),
        [&root] {
            return readMemoryMapSnapshot(root, ProcessKey { 42, 0 });
        },
        blocked);
    QVERIFY(!blocked);
    QVERIFY(!m.exited);
    QCOMPARE(int(m.smapsError), int(Error::FifoNotFile));
    QCOMPARE(int(m.statusError), int(Error::FifoNotFile));
    QCOMPARE(q(m.comm), QStringLiteral("odd"));
}

void TestOddFiles::exportFinishes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.filePath(QStringLiteral("proc"));
    QVERIFY(copyTree(pgtest::fixturePath(QStringLiteral("export/procroot")), root));
    for (const char* f : { "interrupts", "stat", "4242/stat", "1/cmdline", "1/smaps" }) {
        const QByteArray path = QFile::encodeName(root + QLatin1Char('/') + QLatin1String(f));
        ::unlink(path.constData()); // 1/smaps does not exist yet
        QVERIFY(::mkfifo(path.constData(), 0644) == 0);
    }
    const auto bound = std::chrono::duration_cast<std::chrono::milliseconds>(kBound);

    const Run processes = runProcglass(
        { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--interval"),
            QStringLiteral("100"), QStringLiteral("--proc-root"), root },
        bound);
    QVERIFY2(processes.finished, "export processes hung on a FIFO");
    QCOMPARE(processes.exitCode, 0);
    QCOMPARE(processes.err,
        QByteArray("procglass export: warning: 1 process could not be read: 4242 (stat: not a "
                   "regular file (it is a FIFO))\n"
                   "procglass export: warning: start_time is empty: cannot read the boot time: ")
            + QFile::encodeName(root) + "/stat: not a regular file (it is a FIFO)\n");
    QVERIFY(processes.out.startsWith("pid,"));
    QVERIFY(processes.out.contains("\n1,") && processes.out.contains("\n4300,"));
    QVERIFY(!processes.out.contains("\n4242,"));

    const Run interrupts = runProcglass({ QStringLiteral("export"), QStringLiteral("interrupts"),
                                            QStringLiteral("--proc-root"), root },
        bound);
    QVERIFY2(interrupts.finished, "export interrupts hung on a FIFO");
    QCOMPARE(interrupts.exitCode, 1);
    QCOMPARE(interrupts.err,
        QByteArray("procglass export: cannot read ") + QFile::encodeName(root)
            + "/interrupts: not a regular file (it is a FIFO)\n");
    QVERIFY(interrupts.out.isEmpty());

    const Run system = runProcglass(
        { QStringLiteral("export"), QStringLiteral("system"), QStringLiteral("--interval"),
            QStringLiteral("100"), QStringLiteral("--proc-root"), root },
        bound);
    QVERIFY2(system.finished, "export system hung on a FIFO");
    QCOMPARE(system.exitCode, 0);
    QCOMPARE(system.err,
        QByteArray("procglass export: warning: cannot read ") + QFile::encodeName(root)
            + "/stat: not a regular file (it is a FIFO); its values are empty\n");
    QVERIFY(system.out.startsWith("metric,value,unit"));

    const Run maps = runProcglass({ QStringLiteral("export"), QStringLiteral("memory"),
                                      QStringLiteral("1"), QStringLiteral("--proc-root"), root },
        bound);
    QVERIFY2(maps.finished, "export memory hung on a FIFO");
    QCOMPARE(maps.exitCode, 1);
    QCOMPARE(maps.err,
        QByteArray("procglass export: cannot read ") + QFile::encodeName(root)
            + "/1/smaps: not a regular file (it is a FIFO)\n");
}

void TestOddFiles::appQuitsOnFifoTree()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.filePath(QStringLiteral("proc"));
    QVERIFY(copyTree(pgtest::fixturePath(QStringLiteral("export/procroot")), root));
    for (const char* f : { "interrupts", "stat", "meminfo", "4242/stat", "1/cmdline", "2/statm" }) {
        const QByteArray path = QFile::encodeName(root + QLatin1Char('/') + QLatin1String(f));
        QVERIFY(::unlink(path.constData()) == 0);
        QVERIFY(::mkfifo(path.constData(), 0644) == 0);
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("HOME"), dir.path());
    // Every page in turn (the interrupts and memory map pages read their files only when shown),
    // then Ctrl+Q's path: the window closes and the process must end.
    const Run app = runProcglass(
        { QStringLiteral("--proc-root"), root, QStringLiteral("--interval"), QStringLiteral("200"),
            QStringLiteral("--cycle-pages"), QStringLiteral("150"), QStringLiteral("--quit-after"),
            QStringLiteral("3000") },
        std::chrono::duration_cast<std::chrono::milliseconds>(kBound) + 10s, env);
    QVERIFY2(app.finished, "procglass did not exit after its window closed");
    QVERIFY2(app.exitCode == 0, app.err.constData());
    QVERIFY2(!app.err.contains("exiting without waiting"), app.err.constData());
}

QTEST_MAIN(TestOddFiles)
#include "tst_odd_files.moc"
