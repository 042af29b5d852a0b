// SPDX-License-Identifier: GPL-3.0-or-later
// `procglass export memory` (by process, by user and by mapping) against Debian's smem, on
// processes the test starts and whose memory it knows: three children with 4, 8 and 12 MiB of
// private dirty memory, two of which also map one 4 MiB file shared and read it whole.
//
// Both tools read the same copy of the children's /proc files (smem -S DIR reads DIR/proc, our
// --proc-root reads the same folder), taken once with the children idle: nothing else on the
// machine can change the numbers between the two runs, and neither tool sees any other process.
// smem sums each process's smaps; procglass reads smaps_rollup by process and by user (the
// kernel's own sum, taken a moment apart: the tolerances below), and smaps by mapping.

#include "core/base/ProcFs.h"
#include "tests/support/ChildProcess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <pwd.h>
#include <sys/mman.h>
#include <unistd.h>

namespace {

constexpr std::size_t kShared = 4u << 20;

struct Figures
{
    long long rss = -1;
    long long pss = -1;
    long long uss = -1;
    long long swap = -1;
    long long count = -1; // processes (by user, by mapping)
};

// Rss within 2 %; Pss and USS within 5 % or 64 KiB.
bool near(long long a, long long b, double fraction, long long slackKib)
{
    const long long diff = std::llabs(a - b);
    return diff <= slackKib
        || static_cast<double>(diff) <= fraction * static_cast<double>(std::max(a, b));
}

QString describe(const char* what, const Figures& ours, const Figures& smem)
{
    return QStringLiteral("%1: procglass rss %2 pss %3 uss %4 swap %5 count %6; smem rss %7 pss %8 "
                          "uss %9 swap %10 count %11")
        .arg(QLatin1String(what))
        .arg(ours.rss)
        .arg(ours.pss)
        .arg(ours.uss)
        .arg(ours.swap)
        .arg(ours.count)
        .arg(smem.rss)
        .arg(smem.pss)
        .arg(smem.uss)
        .arg(smem.swap)
        .arg(smem.count);
}

void compare(const char* what, const Figures& ours, const Figures& smem)
{
    const QByteArray text = describe(what, ours, smem).toUtf8();
    QVERIFY2(ours.rss >= 0 && smem.rss >= 0, text.constData());
    QVERIFY2(near(ours.rss, smem.rss, 0.02, 0), text.constData());
    QVERIFY2(near(ours.pss, smem.pss, 0.05, 64), text.constData());
    QVERIFY2(near(ours.uss, smem.uss, 0.05, 64), text.constData());
    QVERIFY2(near(ours.swap, smem.swap, 0.05, 64), text.constData());
    if (ours.count >= 0 || smem.count >= 0)
        QVERIFY2(ours.count == smem.count, text.constData());
}

// Runs a program; its standard output, or a failed test.
QByteArray run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(args.join(' ')),
            p.readAllStandardError().constData());
        return {};
    }
    return p.readAllStandardOutput();
}

// CSV rows of our export (no field of these tables holds a comma, except a mapping's path, which
// is the first field and then quoted: the test's paths have none).
std::vector<QList<QByteArray>> csvRows(const QByteArray& csv)
{
    std::vector<QList<QByteArray>> rows;
    const QList<QByteArray> lines = csv.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (!line.isEmpty())
            rows.push_back(line.split(','));
    }
    return rows;
}

// smem's table without its header (-H): whitespace-separated columns.
std::vector<QList<QByteArray>> smemRows(const QByteArray& text)
{
    std::vector<QList<QByteArray>> rows;
    for (const QByteArray& line : text.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (!line.trimmed().isEmpty())
            rows.push_back(fields);
    }
    return rows;
}

pid_t startChild(std::size_t privateBytes, const std::string& sharedFile)
{
    return pgtest::forkReadyChild([&] {
        void* p = ::mmap(
            nullptr, privateBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return false;
        std::memset(p, 0x5a, privateBytes);
        if (sharedFile.empty())
            return true;
        const int fd = ::open(sharedFile.c_str(), O_RDWR | O_CLOEXEC);
        void* s = ::mmap(nullptr, kShared, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (s == MAP_FAILED)
            return false;
        std::memset(s, 0x11, kShared);
        return true;
    });
}

// Copies /proc/PID/{smaps,smaps_rollup,status,stat,cmdline} to DIR/proc/PID.
bool copyProcess(int pid, const QString& procCopy)
{
    const QString dir = procCopy + QLatin1Char('/') + QString::number(pid);
    if (!QDir().mkpath(dir))
        return false;
    for (const char* name : { "smaps", "smaps_rollup", "status", "stat", "cmdline" }) {
        auto text
            = pg::readWholeFile("/proc/" + std::to_string(pid) + "/" + name, 256u * 1024u * 1024u);
        if (!text)
            return false;
        QFile out(dir + QLatin1Char('/') + QLatin1String(name));
        if (!out.open(QIODevice::WriteOnly)
            || out.write(text->data(), static_cast<qint64>(text->size()))
                != static_cast<qint64>(text->size()))
            return false;
    }
    return true;
}

QString userName()
{
    const passwd* pw = ::getpwuid(::getuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(::getuid());
}

} // namespace

class TestSmemCompare : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void byProcess();
    void byUser();
    void byMapping();

private:
    QString procglass() const { return QStringLiteral(PROCGLASS_BINARY_DIR "/app/procglass"); }
    QByteArray ours(const QString& by) const
    {
        return run(procglass(),
            { QStringLiteral("export"), QStringLiteral("memory"), QStringLiteral("--by"), by,
                QStringLiteral("--proc-root"), m_dir.path() + QStringLiteral("/proc") });
    }
    QByteArray smem(const QStringList& args) const
    {
        return run(m_smem,
            QStringList { QStringLiteral("-S"), m_dir.path(), QStringLiteral("-H") } + args);
    }

    QTemporaryDir m_dir;
    QString m_smem;
    QString m_sharedFile;
    pgtest::Child m_children[3]; // killed and reaped when the test ends
};

void TestSmemCompare::initTestCase()
{
    m_smem = QStandardPaths::findExecutable(QStringLiteral("smem"));
    if (m_smem.isEmpty())
        QSKIP("smem is not installed (./build.sh installs it)");
    QVERIFY(m_dir.isValid());
    // Short, so that smem's 40-character map column shows it whole.
    m_sharedFile = m_dir.filePath(QStringLiteral("s"));
    {
        QFile f(m_sharedFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(static_cast<qint64>(kShared)));
    }
    const std::string shared = m_sharedFile.toStdString();
    m_children[0].pid = startChild(4u << 20, {});
    m_children[1].pid = startChild(8u << 20, shared);
    m_children[2].pid = startChild(12u << 20, shared);
    const QString procCopy = m_dir.filePath(QStringLiteral("proc"));
    for (const pgtest::Child& c : m_children) {
        QVERIFY(c.pid > 0);
        QVERIFY2(copyProcess(c.pid, procCopy), "cannot copy a child's /proc files");
    }
    // smem -u and -w read meminfo; nothing else of the machine.
    auto meminfo = pg::readWholeFile("/proc/meminfo");
    QVERIFY(meminfo);
    QFile m(procCopy + QStringLiteral("/meminfo"));
    QVERIFY(m.open(QIODevice::WriteOnly));
    m.write(meminfo->data(), static_cast<qint64>(meminfo->size()));
}

void TestSmemCompare::byProcess()
{
    // procglass: pid,user,comm,rss_kib,pss_kib,uss_kib,swap_kib,swap_pss_kib
    std::map<long long, Figures> mine;
    for (const auto& r : csvRows(ours(QStringLiteral("process")))) {
        QCOMPARE(r.size(), 8);
        mine[r[0].toLongLong()]
            = { r[3].toLongLong(), r[4].toLongLong(), r[5].toLongLong(), r[6].toLongLong(), -1 };
    }
    // smem: pid rss pss uss swap
    std::map<long long, Figures> theirs;
    for (const auto& r :
        smemRows(smem({ QStringLiteral("-c"), QStringLiteral("pid rss pss uss swap") }))) {
        QCOMPARE(r.size(), 5);
        theirs[r[0].toLongLong()]
            = { r[1].toLongLong(), r[2].toLongLong(), r[3].toLongLong(), r[4].toLongLong(), -1 };
    }
    QCOMPARE(mine.size(), std::size_t(3));
    QCOMPARE(theirs.size(), std::size_t(3));
    const std::size_t privateKib[] = { 4096, 8192, 12288 };
    for (int i = 0; i < 3; ++i) {
        const long long pid = m_children[i].pid;
        QVERIFY(mine.count(pid) && theirs.count(pid));
        compare("by process", mine[pid], theirs[pid]);
        // And both against what the child did: its private pages are its own.
        QVERIFY(mine[pid].uss >= static_cast<long long>(privateKib[i]));
    }
}

void TestSmemCompare::byUser()
{
    const QList<QByteArray> mine = csvRows(ours(QStringLiteral("user"))).at(0);
    QCOMPARE(mine.size(), 6); // user,processes,rss_kib,pss_kib,uss_kib,swap_kib
    QCOMPARE(QString::fromUtf8(mine[0]), userName());
    const auto smemUsers = smemRows(smem({ QStringLiteral("-u"), QStringLiteral("-c"),
        QStringLiteral("user count rss pss uss swap") }));
    QCOMPARE(smemUsers.size(), std::size_t(1));
    const QList<QByteArray>& theirs = smemUsers.front();
    QCOMPARE(theirs.size(), 6);
    QCOMPARE(QString::fromUtf8(theirs[0]), userName());
    compare("by user",
        { mine[2].toLongLong(), mine[3].toLongLong(), mine[4].toLongLong(), mine[5].toLongLong(),
            mine[1].toLongLong() },
        { theirs[2].toLongLong(), theirs[3].toLongLong(), theirs[4].toLongLong(),
            theirs[5].toLongLong(), theirs[1].toLongLong() });
    QCOMPARE(mine[1].toInt(), 3);
}

void TestSmemCompare::byMapping()
{
    // procglass: mapping,processes,rss_kib,pss_kib,uss_kib,swap_kib; smem: map pids rss pss uss
    // swap, the map cut at 40 characters: compare on that prefix.
    std::map<QByteArray, Figures> mine;
    for (const auto& r : csvRows(ours(QStringLiteral("mapping")))) {
        QCOMPARE(r.size(), 6);
        mine[r[0].left(40)] = { r[2].toLongLong(), r[3].toLongLong(), r[4].toLongLong(),
            r[5].toLongLong(), r[1].toLongLong() };
    }
    std::map<QByteArray, Figures> theirs;
    for (const auto& r : smemRows(smem({ QStringLiteral("-m"), QStringLiteral("-c"),
             QStringLiteral("map pids rss pss uss swap") }))) {
        QCOMPARE(r.size(), 6);
        theirs[r[0].left(40)] = { r[2].toLongLong(), r[3].toLongLong(), r[4].toLongLong(),
            r[5].toLongLong(), r[1].toLongLong() };
    }
    QByteArray libc;
    for (const auto& [name, f] : mine) {
        if (name.endsWith("/libc.so.6"))
            libc = name;
    }
    QVERIFY2(!libc.isEmpty(), "no libc.so.6 mapping in procglass's table");
    QVERIFY(theirs.count(libc));
    compare("libc", mine[libc], theirs[libc]);
    QCOMPARE(mine[libc].count, 3LL);

    const QByteArray file = m_sharedFile.toUtf8().left(40);
    QVERIFY(mine.count(file) && theirs.count(file));
    compare("the shared file", mine[file], theirs[file]);
    QCOMPARE(mine[file].count, 2LL);
    QCOMPARE(mine[file].rss, static_cast<long long>(2 * kShared / 1024));
    QCOMPARE(mine[file].pss, static_cast<long long>(kShared / 1024));

    QVERIFY(theirs.count("[heap]") || !mine.count("[heap]"));
    if (mine.count("[heap]"))
        compare("[heap]", mine["[heap]"], theirs["[heap]"]);
}

QTEST_GUILESS_MAIN(TestSmemCompare)
#include "tst_smem_compare.moc"
