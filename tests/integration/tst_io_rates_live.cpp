// SPDX-License-Identifier: GPL-3.0-or-later
// The I/O rate columns against a child process that writes a known amount: 4 MiB to a new file on
// a disk-backed file system, then fsync. write_bytes of /proc/PID/io counts the file pages a
// process dirties for the storage layer (at write(2) time; fsync only sends them), so the child's
// write rate times the interval is 4 MiB. tmpfs counts nothing (no writeback): the file goes to
// the build folder, and the test skips on a RAM file system. Checked through the collector (an
// injected clock: the rate is exact) and through `procglass export processes --interval`.

#include "core/base/ProcFs.h"
#include "core/process/ProcessCollector.h"
#include "tests/support/ChildProcess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <dirent.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <string>
#include <sys/vfs.h>
#include <unistd.h>

namespace {

const QString kProcglass = QStringLiteral(PROCGLASS_BINARY_DIR "/app/procglass");
constexpr std::size_t kWriteBytes = 4u << 20;

// A child that waits for a byte on `go`, writes kWriteBytes to `path` with fsync, answers on
// `done` and sleeps until killed.
bool startWriter(pgtest::Child& child, const QByteArray& path, int& go, int& done)
{
    int goPipe[2];
    int donePipe[2];
    if (::pipe(goPipe) != 0 || ::pipe(donePipe) != 0)
        return false;
    child.pid = ::fork();
    if (child.pid < 0)
        return false;
    if (child.pid == 0) {
        char c = 0;
        if (::read(goPipe[0], &c, 1) != 1)
            ::_exit(1);
        const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        std::vector<char> chunk(64 * 1024, 'x');
        for (std::size_t written = 0; fd >= 0 && written < kWriteBytes; written += chunk.size()) {
            if (::write(fd, chunk.data(), chunk.size()) != static_cast<ssize_t>(chunk.size()))
                ::_exit(2);
        }
        if (fd < 0 || ::fsync(fd) != 0)
            ::_exit(3);
        ::close(fd);
        if (::write(donePipe[1], "d", 1) != 1)
            ::_exit(4);
        for (;;)
            ::pause();
    }
    ::close(goPipe[0]);
    ::close(donePipe[1]);
    go = goPipe[1];
    done = donePipe[0];
    return true;
}

// Whether process `reader` holds /proc/`pid`/io open: the collector keeps the file after its
// first reading, so this says the first sample of `procglass export` has read the child.
bool holdsIoOf(qint64 reader, int pid)
{
    const std::string target = "/proc/" + std::to_string(pid) + "/io";
    const std::string dir = "/proc/" + std::to_string(reader) + "/fd";
    DIR* fds = ::opendir(dir.c_str());
    if (!fds)
        return false;
    bool found = false;
    while (const dirent* d = ::readdir(fds)) {
        char link[256];
        const ssize_t n = ::readlink((dir + "/" + d->d_name).c_str(), link, sizeof link);
        found = found || (n > 0 && std::string(link, static_cast<std::size_t>(n)) == target);
    }
    ::closedir(fds);
    return found;
}

bool tell(int go)
{
    return ::write(go, "g", 1) == 1;
}

bool waitDone(int done)
{
    char c = 0;
    return ::read(done, &c, 1) == 1;
}

} // namespace

class TestIoRatesLive : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void collectorMeasuresTheChildsWrites();
    void exportShowsTheChildsRate();
    void otherUsersIoIsDeniedNotZero();

private:
    QString m_dir; // on a disk-backed file system
};

void TestIoRatesLive::initTestCase()
{
    if (!QFile::exists(QStringLiteral("/proc/self/io")))
        QSKIP("this kernel has no /proc/PID/io (CONFIG_TASK_IO_ACCOUNTING is off)");
    m_dir = QStringLiteral(PROCGLASS_BINARY_DIR);
    struct statfs fs
    {
    };
    QVERIFY(::statfs(m_dir.toLocal8Bit().constData(), &fs) == 0);
    if (fs.f_type == TMPFS_MAGIC || fs.f_type == RAMFS_MAGIC)
        QSKIP("the build folder is on tmpfs, which counts no write_bytes");
}

void TestIoRatesLive::collectorMeasuresTheChildsWrites()
{
    QTemporaryDir dir(m_dir + QStringLiteral("/io-rates-XXXXXX"));
    QVERIFY(dir.isValid());
    pgtest::Child child;
    int go = -1;
    int done = -1;
    QVERIFY(startWriter(child, QFile::encodeName(dir.filePath(QStringLiteral("out"))), go, done));

    std::int64_t clockNs = 1000000000;
    pg::ProcessCollector::Options options;
    options.readIo = true;
    options.monotonicNs = [&clockNs] { return clockNs; };
    pg::ProcessCollector collector(options);
    auto childIn = [&child](const pg::ProcessSnapshot& s) -> const pg::ProcessInfo* {
        for (const pg::ProcessInfo& p : s.processes)
            if (p.key.pid == child.pid)
                return &p;
        return nullptr;
    };
    const pg::ProcessSnapshot before = collector.sample();
    QVERIFY(childIn(before));
    QCOMPARE(childIn(before)->ioError, pg::Error::None);
    QVERIFY(tell(go));
    QVERIFY(waitDone(done));
    clockNs += 2000000000; // "two seconds later": the rate is bytes / 2
    const pg::ProcessSnapshot after = collector.sample();
    const pg::ProcessInfo* p = childIn(after);
    QVERIFY(p);
    QCOMPARE(p->ioError, pg::Error::None);
    const double written = p->ioWriteBytesPerS * 2.0;
    QVERIFY2(written >= kWriteBytes && written <= kWriteBytes + 64 * 1024,
        qPrintable(QStringLiteral("write_bytes grew by %1, not 4 MiB").arg(written, 0, 'f', 0)));
    ::close(go);
    ::close(done);
}

void TestIoRatesLive::exportShowsTheChildsRate()
{
    QTemporaryDir dir(m_dir + QStringLiteral("/io-rates-XXXXXX"));
    QVERIFY(dir.isValid());
    pgtest::Child child;
    int go = -1;
    int done = -1;
    QVERIFY(startWriter(child, QFile::encodeName(dir.filePath(QStringLiteral("out"))), go, done));
    // Two samples 3 s apart; the child writes once the first one has read its io (however slow
    // the start on a loaded machine), well before the second.
    QProcess exporter;
    exporter.start(kProcglass,
        { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--interval"),
            QStringLiteral("3000") });
    QVERIFY(exporter.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(holdsIoOf(exporter.processId(), child.pid), 20000);
    QVERIFY(tell(go));
    QVERIFY(waitDone(done));
    QVERIFY(exporter.waitForFinished(60000));
    QCOMPARE(exporter.exitCode(), 0);
    const QList<QByteArray> lines = exporter.readAllStandardOutput().split('\n');
    const QList<QByteArray> header = lines.front().trimmed().split(',');
    const qsizetype writeColumn = header.indexOf("io_write_bytes_per_s");
    const qsizetype readColumn = header.indexOf("io_read_bytes_per_s");
    QCOMPARE(writeColumn, header.size() - 1);
    QCOMPARE(readColumn, header.size() - 2);
    QByteArray cell;
    for (const QByteArray& line : lines) {
        if (line.startsWith(QByteArray::number(child.pid) + ',')) {
            // The child's command line has no comma or quote: a plain split is right here.
            const QList<QByteArray> fields = line.trimmed().split(',');
            QCOMPARE(fields.size(), header.size());
            cell = fields.at(writeColumn);
            QVERIFY(!fields.at(readColumn).isEmpty());
        }
    }
    QVERIFY2(!cell.isEmpty(), "the child's io_write_bytes_per_s is empty");
    // bytes/s over the interval between the two readings (3 s and a little).
    const double written = cell.toDouble() * 3.0;
    QVERIFY2(written >= kWriteBytes * 0.95 && written <= kWriteBytes * 1.02,
        qPrintable(QStringLiteral("%1 B/s over 3 s is not 4 MiB").arg(QString::fromLatin1(cell))));
    ::close(go);
    ::close(done);
}

// Where pid 1's io is not ours to read (as a user; in some containers even as root), it is
// unknown with "permission denied", never 0, and the export says so on stderr. Where it is
// readable (root on an ordinary machine) there is nothing to check.
void TestIoRatesLive::otherUsersIoIsDeniedNotZero()
{
    auto readable = pg::readWholeFile("/proc/1/io");
    if (readable || readable.error() != pg::Error::PermissionDenied)
        QSKIP("pid 1's /proc/1/io is readable here");
    pg::ProcessCollector::Options options;
    options.readIo = true;
    pg::ProcessCollector collector(options);
    const pg::ProcessSnapshot s = collector.sample();
    QVERIFY(!s.processes.empty() && s.processes.front().key.pid == 1);
    QCOMPARE(s.processes.front().ioError, pg::Error::PermissionDenied);
    QVERIFY(std::isnan(s.processes.front().ioWriteBytesPerS));
    QProcess exporter;
    exporter.start(kProcglass,
        { QStringLiteral("export"), QStringLiteral("processes"), QStringLiteral("--interval"),
            QStringLiteral("100") });
    QVERIFY(exporter.waitForFinished(60000));
    QCOMPARE(exporter.exitCode(), 0);
    const QByteArray err = exporter.readAllStandardError();
    QVERIFY2(
        err.contains("whose /proc/PID/io could not be read") && err.contains("permission denied"),
        err.constData());
    const QByteArray firstRow = exporter.readAllStandardOutput().split('\n').value(1).trimmed();
    QVERIFY2(firstRow.startsWith("1,") && firstRow.endsWith(",,"), firstRow.constData());
}

QTEST_GUILESS_MAIN(TestIoRatesLive)
#include "tst_io_rates_live.moc"
