// SPDX-License-Identifier: GPL-3.0-or-later
// Where `procglass export -o PATH` (and the window's export) writes, by what is at PATH: the real
// binary on the fixture /proc tree, into a QTemporaryDir. A new file, an existing file (its mode
// and owner kept), symlinks (target written, link kept; dangling; a loop), a FIFO with and without
// a reader, a character device, `-` and /dev/stdout, a folder, a socket, a hard link, a read-only
// file as nobody, a writable file in a read-only folder, a kernel file under /proc, 255-byte
// names, a signal between writing and renaming, and a file in a sticky folder that cannot be
// renamed over. After every failure the folder holds exactly what it held before. Then
// ExportTargetWriter in this process: the bytes go into the temporary file as they are
// appended, and a writer that is not committed leaves nothing; a FIFO and a hard-linked file get
// nothing until commit().

#include "core/export/ExportTarget.h"
#include "tests/support/BinaryCopy.h"
#include "tests/support/ChildProcess.h"
#include "ui/shell/ExportDialog.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <grp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace {

const QString kProcglass = QStringLiteral(PROCGLASS_BINARY_DIR "/app/procglass");
const QString kProcRoot = QStringLiteral(PROCGLASS_TEST_DATA "/export/procroot");
constexpr uid_t kNobody = 65534;

struct RunResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

struct RunOptions
{
    QString program = kProcglass;
    QString workingDirectory;
    QString stdoutFile; // standard output redirected to this file
    std::function<void()> modifier;
};

// `procglass export interrupts` of the fixture tree, with `extra` arguments.
QStringList exportArgs(const QStringList& extra, const QString& procRoot = kProcRoot)
{
    return QStringList { QStringLiteral("export"), QStringLiteral("interrupts"),
        QStringLiteral("--proc-root"), procRoot }
    + extra;
}

RunResult run(const QStringList& args, const RunOptions& options = {})
{
    QProcess p;
    if (options.modifier)
        p.setChildProcessModifier(options.modifier);
    if (!options.workingDirectory.isEmpty())
        p.setWorkingDirectory(options.workingDirectory);
    if (!options.stdoutFile.isEmpty())
        p.setStandardOutputFile(options.stdoutFile);
    p.start(options.program, args);
    if (!p.waitForStarted(10000))
        return {};
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError() };
}

RunResult exportTo(const QString& out, const RunOptions& options = {})
{
    return run(exportArgs({ QStringLiteral("-o"), out }), options);
}

// A copy of the fixture's interrupts under `base`/procroot that any user may read (nobody cannot
// read the checkout when it lives in root's 0700 home); empty when it could not be made.
QString readableFixture(const QDir& base)
{
    const QString procRoot = base.filePath(QStringLiteral("procroot"));
    const QString file = procRoot + QStringLiteral("/interrupts");
    if (!base.mkpath(QStringLiteral("procroot"))
        || !QFile::copy(kProcRoot + QStringLiteral("/interrupts"), file)
        || ::chmod(QFile::encodeName(procRoot).constData(), 0755) != 0
        || ::chmod(QFile::encodeName(file).constData(), 0644) != 0)
        return {};
    return procRoot;
}

// Every name in the folder, hidden ones (a leftover temporary file) included.
QStringList entries(const QString& dir)
{
    QStringList names = QDir(dir).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    names.sort();
    return names;
}

QByteArray contents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(cannot read)");
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

struct stat lstatOf(const QString& path)
{
    struct stat st
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        st.st_mode = 0;
    return st;
}

QByteArray linkText(const QString& path)
{
    char buffer[4096];
    const ssize_t n = ::readlink(QFile::encodeName(path).constData(), buffer, sizeof buffer);
    return n < 0 ? QByteArray() : QByteArray(buffer, static_cast<qsizetype>(n));
}

bool makeLink(const QByteArray& text, const QString& at)
{
    return ::symlink(text.constData(), QFile::encodeName(at).constData()) == 0;
}

// Drops to nobody:nogroup with no supplementary groups (in the child, before exec).
void becomeNobody()
{
    if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)
        ::_exit(99);
}

using pgtest::Child;

} // namespace

class TestExportTarget : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void newFile();
    void existingFileKeepsModeAndOwner();
    void symlinkTargetReplaced_data();
    void symlinkTargetReplaced();
    void danglingSymlinkCreatesTarget();
    void symlinkLoopFails();
    void fifoWithReaderGetsData();
    void fifoWithoutReaderFailsAtOnce();
    void charDeviceStaysDevice();
    void socketRefused();
    void dashIsStandardOutput();
    void devStdoutPipe_data();
    void devStdoutPipe();
    void devStdoutRedirectedToFile_data();
    void devStdoutRedirectedToFile();
    void folderRefused_data();
    void folderRefused();
    void hardLinkNotSplit();
    void readOnlyFileRefusedLikeShell();
    void writableFileInReadOnlyFolderWrittenInPlace();
    void kernelFileRefused();
    void longNames_data();
    void longNames();
    void signalRemovesTempFile_data();
    void signalRemovesTempFile();
    void guiExportKeepsLinkAndMode();
    void stickyFolderFileWrittenInPlace();
    void writerAppendsIntoTheTemporaryFile();
    void writerWithoutCommitLeavesNothing();
    void writerKeepsBytesForFifoAndHardLink();

private:
    QByteArray m_expected; // the fixture's interrupts table as CSV
};

void TestExportTarget::initTestCase()
{
    QVERIFY2(QFileInfo(kProcglass).isExecutable(), qPrintable(kProcglass));
    const RunResult r = run(exportArgs({}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    m_expected = r.out;
    QVERIFY(m_expected.startsWith("irq,cpu0,cpu1,total,"));
    // Small enough for a pipe's buffer: the FIFO tests read after the export has finished.
    QVERIFY(m_expected.size() < 16384);
}

void TestExportTarget::newFile()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("new.csv"));
    const mode_t mask = ::umask(022);
    const RunResult r = exportTo(out);
    ::umask(mask);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.isEmpty());
    QCOMPARE(contents(out), m_expected);
    QCOMPARE(lstatOf(out).st_mode & 07777, mode_t(0644)); // as any new file under umask 022
    QCOMPARE(entries(dir.path()), QStringList { QStringLiteral("new.csv") });
}

void TestExportTarget::existingFileKeepsModeAndOwner()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("private.csv"));
    QVERIFY(writeFile(out, "old\r\n"));
    QVERIFY(::chmod(QFile::encodeName(out).constData(), 0600) == 0);
    // As root the file belongs to someone else, who must keep it.
    const bool root = ::geteuid() == 0;
    const uid_t owner = root ? kNobody : ::geteuid();
    const gid_t group = root ? kNobody : ::getegid();
    QVERIFY(::chown(QFile::encodeName(out).constData(), owner, group) == 0);
    const struct stat before = lstatOf(out);

    const RunResult r = exportTo(out);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(contents(out), m_expected);
    const struct stat after = lstatOf(out);
    QVERIFY(S_ISREG(after.st_mode));
    QCOMPARE(after.st_mode & 07777, mode_t(0600));
    QCOMPARE(after.st_uid, owner);
    QCOMPARE(after.st_gid, group);
    QVERIFY2(after.st_ino != before.st_ino, "a regular file is replaced, not rewritten in place");
    QCOMPARE(entries(dir.path()), QStringList { QStringLiteral("private.csv") });
}

void TestExportTarget::symlinkTargetReplaced_data()
{
    QTest::addColumn<QByteArray>("linkText");
    QTest::addColumn<bool>("absolute");
    QTest::addColumn<bool>("chain");
    QTest::newRow("relative") << QByteArray("sub/real.csv") << false << false;
    QTest::newRow("absolute") << QByteArray() << true << false;
    QTest::newRow("chain of two") << QByteArray("middle") << false << true;
}

void TestExportTarget::symlinkTargetReplaced()
{
    QFETCH(QByteArray, linkText);
    QFETCH(bool, absolute);
    QFETCH(bool, chain);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
    const QString real = dir.filePath(QStringLiteral("sub/real.csv"));
    QVERIFY(writeFile(real, "old\r\n"));
    const QString link = dir.filePath(QStringLiteral("link.csv"));
    if (absolute)
        linkText = QFile::encodeName(real);
    QVERIFY(makeLink(linkText, link));
    if (chain)
        QVERIFY(makeLink("sub/real.csv", dir.filePath(QStringLiteral("middle"))));

    const RunResult r = exportTo(link);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(S_ISLNK(lstatOf(link).st_mode));
    QCOMPARE(::linkText(link), linkText);
    QCOMPARE(contents(real), m_expected);
    QVERIFY(S_ISREG(lstatOf(real).st_mode));
    QStringList expected { QStringLiteral("link.csv"), QStringLiteral("sub") };
    if (chain)
        expected.insert(1, QStringLiteral("middle"));
    QCOMPARE(entries(dir.path()), expected);
    QCOMPARE(
        entries(dir.filePath(QStringLiteral("sub"))), QStringList { QStringLiteral("real.csv") });
}

void TestExportTarget::danglingSymlinkCreatesTarget()
{
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("link.csv"));
    QVERIFY(makeLink("made.csv", link));
    const RunResult r = exportTo(link);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(S_ISLNK(lstatOf(link).st_mode));
    QCOMPARE(contents(dir.filePath(QStringLiteral("made.csv"))), m_expected);
    QCOMPARE(entries(dir.path()),
        (QStringList { QStringLiteral("link.csv"), QStringLiteral("made.csv") }));

    // A link into a folder that does not exist: the error names the link and the folder.
    const QString lost = dir.filePath(QStringLiteral("lost.csv"));
    QVERIFY(makeLink("nowhere/x.csv", lost));
    const RunResult missing = exportTo(lost);
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(missing.err.count('\n'), 1);
    QVERIFY2(missing.err.contains("cannot write " + QFile::encodeName(lost))
            && missing.err.contains("nowhere does not exist"),
        missing.err.constData());
    QVERIFY(S_ISLNK(lstatOf(lost).st_mode));
}

void TestExportTarget::symlinkLoopFails()
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.csv"));
    QVERIFY(makeLink("b.csv", a));
    QVERIFY(makeLink("a.csv", dir.filePath(QStringLiteral("b.csv"))));
    const RunResult r = exportTo(a);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains("cannot write " + QFile::encodeName(a))
            && r.err.contains("too many levels of symbolic links"),
        r.err.constData());
    QCOMPARE(::linkText(a), QByteArray("b.csv"));
    QCOMPARE(::linkText(dir.filePath(QStringLiteral("b.csv"))), QByteArray("a.csv"));
    QCOMPARE(
        entries(dir.path()), (QStringList { QStringLiteral("a.csv"), QStringLiteral("b.csv") }));
}

void TestExportTarget::fifoWithReaderGetsData()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0644) == 0);
    const int reader
        = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    QVERIFY(reader >= 0);
    const RunResult r = exportTo(fifo);
    QByteArray got;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(reader, buffer, sizeof buffer)) > 0)
        got.append(buffer, n);
    ::close(reader);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(got, m_expected);
    QVERIFY(S_ISFIFO(lstatOf(fifo).st_mode));
    QCOMPARE(entries(dir.path()), QStringList { QStringLiteral("fifo") });
}

void TestExportTarget::fifoWithoutReaderFailsAtOnce()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0644) == 0);
    // run() gives up after a minute: an export that waited for a reader would fail here.
    const RunResult r = exportTo(fifo);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(
        r.err.contains("nobody is reading the FIFO " + QFile::encodeName(fifo)), r.err.constData());
    QVERIFY(S_ISFIFO(lstatOf(fifo).st_mode));
    QCOMPARE(entries(dir.path()), QStringList { QStringLiteral("fifo") });
}

void TestExportTarget::charDeviceStaysDevice()
{
    QTemporaryDir dir;
    const QString node = dir.filePath(QStringLiteral("null"));
    if (::mknod(QFile::encodeName(node).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
        QSKIP(qPrintable(QStringLiteral("cannot make a device node here (mknod: %1)")
                             .arg(QString::fromLocal8Bit(std::strerror(errno)))));
    const int probe = ::open(QFile::encodeName(node).constData(), O_WRONLY | O_CLOEXEC);
    if (probe < 0)
        QSKIP("the temporary folder is on a nodev mount: its device nodes cannot be opened");
    ::close(probe);
    const RunResult r = exportTo(node);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const struct stat st = lstatOf(node);
    QVERIFY(S_ISCHR(st.st_mode));
    QCOMPARE(st.st_rdev, makedev(1, 3));
    QCOMPARE(entries(dir.path()), QStringList { QStringLiteral("null") });
}

void TestExportTarget::socketRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sock"));
    const int s = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QVERIFY(s >= 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    const QByteArray encoded = QFile::encodeName(path);
    QVERIFY(static_cast<std::size_t>(encoded.size()) < sizeof address.sun_path);
    std::memcpy(address.sun_path, encoded.constData(), static_cast<std::size_t>(encoded.size()));
    QVERIFY(::bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    const RunResult r = exportTo(path);
    ::close(s);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains("cannot write " + encoded + ": it is a socket"), r.err.constData());
    QVERIFY(S_ISSOCK(lstatOf(path).st_mode));
    QCOMPARE(entries(dir.path()), QStringList { QStringLiteral("sock") });
}

void TestExportTarget::dashIsStandardOutput()
{
    QTemporaryDir dir;
    RunOptions options;
    options.workingDirectory = dir.path();
    const RunResult r = run(exportArgs({ QStringLiteral("-o"), QStringLiteral("-") }), options);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, m_expected);
    QCOMPARE(entries(dir.path()), QStringList {});
}

void TestExportTarget::devStdoutPipe_data()
{
    QTest::addColumn<bool>("realDevStdout");
    // The same link as /dev/stdout, in the test's folder (safe to run against any binary).
    QTest::newRow("link to /proc/self/fd/1") << false;
    QTest::newRow("/dev/stdout") << true;
}

void TestExportTarget::devStdoutPipe()
{
    QFETCH(bool, realDevStdout);
    QTemporaryDir dir;
    QString path = QStringLiteral("/dev/stdout");
    if (!realDevStdout) {
        path = dir.filePath(QStringLiteral("stdout"));
        QVERIFY(makeLink("/proc/self/fd/1", path));
    }
    const QByteArray before = ::linkText(path);
    QVERIFY2(!before.isEmpty(), "/dev/stdout is not a symlink on this machine");

    const RunResult r = exportTo(path); // QProcess: standard output is a pipe
    const bool stillLink = S_ISLNK(lstatOf(path).st_mode) && ::linkText(path) == before;
    if (realDevStdout && !stillLink && ::geteuid() == 0) {
        // Put the machine's /dev/stdout back before failing.
        ::unlink("/dev/stdout");
        ::symlink(before.constData(), "/dev/stdout");
    }
    QVERIFY2(stillLink, "the export replaced the link");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, m_expected);
    QCOMPARE(entries(dir.path()),
        realDevStdout ? QStringList {} : QStringList { QStringLiteral("stdout") });
}

void TestExportTarget::devStdoutRedirectedToFile_data()
{
    devStdoutPipe_data();
}

void TestExportTarget::devStdoutRedirectedToFile()
{
    // `procglass export ... -o /dev/stdout > captured`: the file behind standard output is
    // written, as `cat > /dev/stdout` would.
    QFETCH(bool, realDevStdout);
    QTemporaryDir dir;
    QString path = QStringLiteral("/dev/stdout");
    if (!realDevStdout) {
        path = dir.filePath(QStringLiteral("stdout"));
        QVERIFY(makeLink("/proc/self/fd/1", path));
    }
    const QByteArray before = ::linkText(path);
    QVERIFY(!before.isEmpty());
    RunOptions options;
    options.stdoutFile = dir.filePath(QStringLiteral("captured"));
    const RunResult r = exportTo(path, options);
    const bool stillLink = S_ISLNK(lstatOf(path).st_mode) && ::linkText(path) == before;
    if (realDevStdout && !stillLink && ::geteuid() == 0) {
        ::unlink("/dev/stdout");
        ::symlink(before.constData(), "/dev/stdout");
    }
    QVERIFY2(stillLink, "the export replaced the link");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(contents(options.stdoutFile), m_expected);
    QStringList expected { QStringLiteral("captured") };
    if (!realDevStdout)
        expected << QStringLiteral("stdout");
    QCOMPARE(entries(dir.path()), expected);
}

void TestExportTarget::folderRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("folder") << QStringLiteral("folder");
    QTest::newRow("trailing slash") << QStringLiteral("folder/");
    QTest::newRow("link to a folder") << QStringLiteral("link");
}

void TestExportTarget::folderRefused()
{
    QFETCH(QString, name);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder")));
    QVERIFY(makeLink("folder", dir.filePath(QStringLiteral("link"))));
    const QString path = dir.filePath(name);
    const RunResult r = exportTo(path);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.startsWith("procglass export: cannot write " + QFile::encodeName(path))
            && r.err.contains("folder, not a file"),
        r.err.constData());
    QVERIFY(S_ISDIR(lstatOf(dir.filePath(QStringLiteral("folder"))).st_mode));
    QVERIFY(S_ISLNK(lstatOf(dir.filePath(QStringLiteral("link"))).st_mode));
    QCOMPARE(
        entries(dir.path()), (QStringList { QStringLiteral("folder"), QStringLiteral("link") }));
    QCOMPARE(entries(dir.filePath(QStringLiteral("folder"))), QStringList {});
}

void TestExportTarget::hardLinkNotSplit()
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.csv"));
    const QString b = dir.filePath(QStringLiteral("b.csv"));
    QVERIFY(writeFile(a,
        "an old export that is longer than the new one will be, so that the "
        "in-place write must also cut the file short\r\n"
            + QByteArray(20000, 'x')));
    QVERIFY(::link(QFile::encodeName(a).constData(), QFile::encodeName(b).constData()) == 0);
    const RunResult r = exportTo(a);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const struct stat sa = lstatOf(a);
    const struct stat sb = lstatOf(b);
    QCOMPARE(sa.st_ino, sb.st_ino);
    QCOMPARE(sa.st_nlink, nlink_t(2));
    QCOMPARE(contents(b), m_expected);
    QCOMPARE(
        entries(dir.path()), (QStringList { QStringLiteral("a.csv"), QStringLiteral("b.csv") }));
}

void TestExportTarget::readOnlyFileRefusedLikeShell()
{
    // As nobody (or as the user running the test when that is not root): a 0444 file in a folder
    // the user may write is refused, as `>` would refuse it. Root may write it, as with `>`.
    const bool root = ::geteuid() == 0;
    pgtest::BinaryCopy binary;
    QVERIFY(binary.isValid());
    QDir base(binary.folder());
    QVERIFY(base.mkdir(QStringLiteral("out")));
    const QString procRoot = readableFixture(base);
    QVERIFY(!procRoot.isEmpty());
    const QString folder = base.filePath(QStringLiteral("out"));
    const QString file = folder + QStringLiteral("/readonly.csv");
    QVERIFY(writeFile(file, "old\r\n"));
    QVERIFY(::chmod(QFile::encodeName(file).constData(), 0444) == 0);
    if (root) {
        QVERIFY(::chown(QFile::encodeName(folder).constData(), kNobody, kNobody) == 0);
        QVERIFY(::chown(QFile::encodeName(file).constData(), kNobody, kNobody) == 0);
    }

    RunOptions options;
    options.program = binary.path();
    if (root)
        options.modifier = becomeNobody;
    const QStringList args = exportArgs({ QStringLiteral("-o"), file }, procRoot);
    const RunResult denied = run(args, options);
    QCOMPARE(denied.exitCode, 1);
    QCOMPARE(denied.err.count('\n'), 1);
    QVERIFY2(denied.err.contains("cannot write " + QFile::encodeName(file) + ": permission denied"),
        denied.err.constData());
    QCOMPARE(contents(file), QByteArray("old\r\n"));
    QCOMPARE(lstatOf(file).st_mode & 07777, mode_t(0444));
    QCOMPARE(entries(folder), QStringList { QStringLiteral("readonly.csv") });

    if (!root)
        return;
    options.modifier = {};
    const RunResult allowed = run(args, options);
    QVERIFY2(allowed.exitCode == 0, allowed.err.constData());
    QCOMPARE(contents(file), m_expected);
    QCOMPARE(lstatOf(file).st_mode & 07777, mode_t(0444));
    QCOMPARE(lstatOf(file).st_uid, kNobody);
    QCOMPARE(entries(folder), QStringList { QStringLiteral("readonly.csv") });
}

void TestExportTarget::writableFileInReadOnlyFolderWrittenInPlace()
{
    // `>` writes a writable file in a folder that takes no new files; so does the export (as
    // nobody, or as the user running the test: root ignores folder permissions).
    const bool root = ::geteuid() == 0;
    pgtest::BinaryCopy binary;
    QVERIFY(binary.isValid());
    QDir base(binary.folder());
    QVERIFY(base.mkdir(QStringLiteral("out")));
    const QString procRoot = readableFixture(base);
    QVERIFY(!procRoot.isEmpty());
    const QString folder = base.filePath(QStringLiteral("out"));
    const QString file = folder + QStringLiteral("/writable.csv");
    QVERIFY(writeFile(file, "old\r\n"));
    QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
    if (root)
        QVERIFY(::chown(QFile::encodeName(file).constData(), kNobody, kNobody) == 0);
    QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0555) == 0);
    const ino_t inode = lstatOf(file).st_ino;

    RunOptions options;
    options.program = binary.path();
    if (root)
        options.modifier = becomeNobody;
    const RunResult r = run(exportArgs({ QStringLiteral("-o"), file }, procRoot), options);
    QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(contents(file), m_expected);
    QCOMPARE(lstatOf(file).st_ino, inode);
    QCOMPARE(entries(folder), QStringList { QStringLiteral("writable.csv") });
}

void TestExportTarget::kernelFileRefused()
{
    // A regular file under /proc is a kernel setting, not a place for an export (as root a
    // write to /proc/sys would change the system): refused, not written, not replaced.
    const QString comm = QStringLiteral("/proc/self/comm");
    const RunResult r = exportTo(comm);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(
        r.err.contains("cannot write /proc/self/comm: it is a kernel file"), r.err.constData());
}

void TestExportTarget::longNames_data()
{
    QTest::addColumn<int>("length");
    QTest::newRow("248 bytes") << 248;
    QTest::newRow("255 bytes (NAME_MAX)") << 255;
}

void TestExportTarget::longNames()
{
    QFETCH(int, length);
    QTemporaryDir dir;
    const QString name = QString(length - 4, QLatin1Char('n')) + QStringLiteral(".csv");
    const QString out = dir.filePath(name);
    RunResult r = exportTo(out);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(contents(out), m_expected);
    QVERIFY(writeFile(out, "old\r\n"));
    r = exportTo(out); // and replacing it
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(contents(out), m_expected);
    QCOMPARE(entries(dir.path()), QStringList { name });
}

void TestExportTarget::signalRemovesTempFile_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGHUP") << int(SIGHUP);
}

void TestExportTarget::signalRemovesTempFile()
{
    // The command's test hook stops it (SIGSTOP) with the temporary file complete and not yet
    // renamed; the signal arrives exactly there.
    QFETCH(int, signal);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("p.csv"));
    QVERIFY(writeFile(out, "old\r\n"));

    std::vector<QByteArray> argv { QFile::encodeName(kProcglass) };
    for (const QString& a : exportArgs({ QStringLiteral("-o"), out }))
        argv.push_back(QFile::encodeName(a));
    std::vector<QByteArray> env;
    for (char** e = environ; *e; ++e)
        env.emplace_back(*e);
    env.emplace_back("PROCGLASS_TEST_STOP_BEFORE_RENAME=1");
    std::vector<char*> cargv;
    for (QByteArray& a : argv)
        cargv.push_back(a.data());
    cargv.push_back(nullptr);
    std::vector<char*> cenv;
    for (QByteArray& e : env)
        cenv.push_back(e.data());
    cenv.push_back(nullptr);

    Child child;
    child.pid = ::fork();
    if (child.pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDOUT_FILENO);
        ::dup2(null, STDERR_FILENO);
        // Whatever this test inherited (nohup ignores SIGHUP), the export starts with defaults.
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        for (const int s : { SIGINT, SIGTERM, SIGHUP })
            std::signal(s, SIG_DFL);
        ::execve(cargv.front(), cargv.data(), cenv.data());
        ::_exit(127);
    }
    QVERIFY(child.pid > 0);
    int status = 0;
    QVERIFY(::waitpid(child.pid, &status, WUNTRACED) == child.pid);
    if (!WIFSTOPPED(status)) {
        child.pid = -1;
        QFAIL("the export did not stop between writing and renaming (test hook missing)");
    }
    // Stopped: the old file untouched, the complete temporary file beside it.
    QStringList names = entries(dir.path());
    QCOMPARE(names.size(), 2);
    names.removeOne(QStringLiteral("p.csv"));
    QVERIFY2(names.front().startsWith(QLatin1Char('.')), qPrintable(names.front()));
    QCOMPARE(contents(dir.filePath(names.front())), m_expected);
    QCOMPARE(contents(out), QByteArray("old\r\n"));

    QVERIFY(::kill(child.pid, signal) == 0);
    QVERIFY(::kill(child.pid, SIGCONT) == 0);
    QVERIFY(::waitpid(child.pid, &status, 0) == child.pid);
    child.pid = -1;
    QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == signal,
        qPrintable(QStringLiteral("wait status %1").arg(status)));
    QCOMPARE(entries(dir.path()), QStringList { QStringLiteral("p.csv") });
    QCOMPARE(contents(out), QByteArray("old\r\n"));
}

void TestExportTarget::guiExportKeepsLinkAndMode()
{
    // The window writes generated names into a folder: the same rules, and no signal handlers.
    QTemporaryDir dir;
    const QDateTime when
        = QDateTime::fromString(QStringLiteral("2026-11-26T21:53:40Z"), Qt::ISODate);
    const QString name = pg::ExportDialog::fileName(QStringLiteral("t"), when);
    const QString real = dir.filePath(QStringLiteral("real.csv"));
    QVERIFY(writeFile(real, "old\r\n"));
    QVERIFY(::chmod(QFile::encodeName(real).constData(), 0600) == 0);
    QVERIFY(makeLink("real.csv", dir.filePath(name)));
    pg::ExportSource source;
    source.id = QStringLiteral("t");
    source.title = QStringLiteral("Test table");
    source.produce = [] { return pg::ExportTable { pg::CsvTable { { "a" }, { { "1" } } }, {} }; };

    struct sigaction before
    {
    };
    QVERIFY(::sigaction(SIGTERM, nullptr, &before) == 0);
    const QList<pg::ExportOutcome> outcomes
        = pg::ExportDialog::exportTables({ source }, dir.path(), when);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.front().error.isEmpty(), qPrintable(outcomes.front().error));
    QCOMPARE(::linkText(dir.filePath(name)), QByteArray("real.csv"));
    QCOMPARE(contents(real), QByteArray("a\r\n1\r\n"));
    QCOMPARE(lstatOf(real).st_mode & 07777, mode_t(0600));
    struct sigaction after
    {
    };
    QVERIFY(::sigaction(SIGTERM, nullptr, &after) == 0);
    QVERIFY(after.sa_handler == before.sa_handler);
    QCOMPARE(entries(dir.path()), (QStringList { name, QStringLiteral("real.csv") }));
}

// A file in a sticky folder owned by someone else cannot be renamed over (EPERM) but may be
// written: the bytes of the complete temporary file are copied into it, as `>` would write them,
// and the temporary file is removed.
void TestExportTarget::stickyFolderFileWrittenInPlace()
{
    if (::geteuid() != 0)
        QSKIP("needs root, to be root's and nobody's files at once");
    pgtest::BinaryCopy binary;
    QVERIFY(binary.isValid());
    QDir base(binary.folder());
    const QString procRoot = readableFixture(base); // the checkout may be in root's 0700 home
    QVERIFY(!procRoot.isEmpty());
    QVERIFY(base.mkdir(QStringLiteral("sticky")));
    const QString folder = base.filePath(QStringLiteral("sticky"));
    QVERIFY(::chmod(QFile::encodeName(folder).constData(), 01777) == 0);
    const QString file = folder + QStringLiteral("/shared.csv");
    QVERIFY(writeFile(file, QByteArray(50000, 'o')));
    QVERIFY(::chmod(QFile::encodeName(file).constData(), 0666) == 0);
    const ino_t inode = lstatOf(file).st_ino;
    RunOptions options;
    options.program = binary.path();
    options.modifier = becomeNobody;
    const RunResult r = run(exportArgs({ QStringLiteral("-o"), file }, procRoot), options);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(contents(file), m_expected);
    QCOMPARE(lstatOf(file).st_ino, inode);
    QCOMPARE(lstatOf(file).st_uid, uid_t(0));
    QCOMPARE(entries(folder), QStringList { QStringLiteral("shared.csv") });
}

void TestExportTarget::writerAppendsIntoTheTemporaryFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("new.csv"));
    {
        pg::ExportTargetWriter writer(QFile::encodeName(out).toStdString());
        QVERIFY(writer.open().ok());
        QVERIFY(writer.writesAsItGoes());
        QVERIFY(writer.append("a,b\r\n"));
        QVERIFY(writer.append("1,2\r\n"));
        const QStringList names = entries(dir.path());
        QCOMPARE(names.size(), 1);
        QVERIFY2(
            names.first().startsWith(QStringLiteral(".procglass-")), qPrintable(names.first()));
        const QString temp = dir.filePath(names.first());
        QCOMPARE(contents(temp), QByteArray("a,b\r\n1,2\r\n"));
        // Taken back: the temporary file is empty, and takes new bytes from its start.
        std::string back;
        QVERIFY(writer.takeBack(back));
        QCOMPARE(back, std::string("a,b\r\n1,2\r\n"));
        QCOMPARE(contents(temp), QByteArray());
        QVERIFY(writer.append("a,b,c\r\n"));
        QVERIFY(!QFileInfo::exists(out));
        const pg::TargetWriteStatus status = writer.commit("1,2,3\r\n");
        QVERIFY2(status.ok(), status.message.c_str());
        QVERIFY(!writer.commit().ok()); // once
    }
    QCOMPARE(contents(out), QByteArray("a,b,c\r\n1,2,3\r\n"));
    QCOMPARE(entries(dir.path()), QStringList { QStringLiteral("new.csv") });
}

void TestExportTarget::writerWithoutCommitLeavesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh.csv"));
    const QString old = dir.filePath(QStringLiteral("old.csv"));
    QVERIFY(writeFile(old, "old\r\n"));
    for (const QString& path : { fresh, old }) {
        pg::ExportTargetWriter writer(QFile::encodeName(path).toStdString());
        QVERIFY(writer.open().ok());
        QVERIFY(writer.writesAsItGoes());
        QVERIFY(writer.append(std::string(300000, 'x')));
        QCOMPARE(entries(dir.path()).size(), 2); // old.csv and the temporary file
    }
    QCOMPARE(entries(dir.path()), QStringList { QStringLiteral("old.csv") });
    QCOMPARE(contents(old), QByteArray("old\r\n"));
    // A target refused at open(): nothing appended, nothing committed, nothing created.
    pg::ExportTargetWriter folder(QFile::encodeName(dir.path()).toStdString() + "/.");
    QVERIFY(!folder.open().ok());
    QVERIFY(!folder.append("x"));
    QVERIFY(!folder.commit("y").ok());
    QCOMPARE(entries(dir.path()), QStringList { QStringLiteral("old.csv") });
}

void TestExportTarget::writerKeepsBytesForFifoAndHardLink()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(reader >= 0);
    char buffer[64];
    {
        pg::ExportTargetWriter writer(QFile::encodeName(fifo).toStdString());
        QVERIFY(writer.open().ok());
        QVERIFY(!writer.writesAsItGoes());
        QVERIFY(writer.append("a\r\n"));
        QCOMPARE(::read(reader, buffer, sizeof buffer), ssize_t(0)); // no writer yet
        QVERIFY(writer.commit("b\r\n").ok());
    }
    QCOMPARE(::read(reader, buffer, sizeof buffer), ssize_t(6));
    QCOMPARE(QByteArray(buffer, 6), QByteArray("a\r\nb\r\n"));
    ::close(reader);

    const QString a = dir.filePath(QStringLiteral("a.csv"));
    const QString b = dir.filePath(QStringLiteral("b.csv"));
    QVERIFY(writeFile(a, "old\r\n"));
    QVERIFY(::link(QFile::encodeName(a).constData(), QFile::encodeName(b).constData()) == 0);
    {
        pg::ExportTargetWriter writer(QFile::encodeName(a).toStdString());
        QVERIFY(writer.open().ok());
        QVERIFY(!writer.writesAsItGoes());
        QVERIFY(writer.append("new\r\n"));
    }
    QCOMPARE(contents(b), QByteArray("old\r\n"));
    {
        pg::ExportTargetWriter writer(QFile::encodeName(a).toStdString());
        QVERIFY(writer.append("new\r\n"));
        QVERIFY(writer.commit("rows\r\n").ok());
    }
    QCOMPARE(contents(b), QByteArray("new\r\nrows\r\n"));
    QCOMPARE(lstatOf(a).st_nlink, nlink_t(2));
    QCOMPARE(entries(dir.path()),
        (QStringList { QStringLiteral("a.csv"), QStringLiteral("b.csv"), QStringLiteral("fifo") }));
}

QTEST_GUILESS_MAIN(TestExportTarget)
#include "tst_export_target.moc"
