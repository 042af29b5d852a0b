// SPDX-License-Identifier: GPL-3.0-or-later
// Integration with the live /proc: the memory-map totals of a child process this test starts equal
// the footer of `pmap -X` (and of `pmap -XX`, which adds the clean/dirty columns) for the same
// process; VIRT from statm matches the Size column; an exited child reads as exited.

#include "core/memory/MemoryMapReader.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <algorithm>
#include <csignal>
#include <fcntl.h>
#include <map>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace pg;

namespace {

// Forks a child that maps anonymous, file-backed and shared memory (touching some of each, with
// alternating protections) and then sleeps until killed.
pid_t startChild()
{
    int ready[2];
    if (::pipe(ready) != 0)
        return -1;
    const pid_t pid = ::fork();
    if (pid != 0) {
        ::close(ready[1]);
        char byte = 0;
        const ssize_t n = ::read(ready[0], &byte, 1);
        ::close(ready[0]);
        return n == 1 ? pid : -1;
    }
    // Child: plain system calls only.
    const long page = ::sysconf(_SC_PAGESIZE);
    for (int i = 0; i < 64; ++i) {
        auto* p = static_cast<char*>(::mmap(nullptr, static_cast<std::size_t>(page),
            PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
        if (p != MAP_FAILED) {
            p[0] = 1;
            ::mprotect(
                p, static_cast<std::size_t>(page), i % 2 ? PROT_READ : PROT_READ | PROT_WRITE);
        }
    }
    auto* shared = static_cast<char*>(::mmap(nullptr, static_cast<std::size_t>(page) * 8,
        PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
    if (shared != MAP_FAILED)
        shared[0] = 1;
    const int fd = ::open("/proc/self/exe", O_RDONLY);
    if (fd >= 0) {
        auto* file = static_cast<volatile char*>(
            ::mmap(nullptr, static_cast<std::size_t>(page) * 4, PROT_READ, MAP_PRIVATE, fd, 0));
        if (file != MAP_FAILED)
            (void)file[0];
    }
    ::close(ready[0]);
    (void)!::write(ready[1], "x", 1);
    for (;;)
        ::pause();
}

struct PmapFooter
{
    std::map<QString, qulonglong> totals; // column name -> footer value
    int mappings = 0;
};

// Runs pmap `flag` and reads its footer: the numbers under the numeric columns of the header line.
std::optional<PmapFooter> runPmap(pid_t pid, const QString& flag)
{
    QProcess pmap;
    pmap.start(QStringLiteral("pmap"), { flag, QString::number(pid) });
    if (!pmap.waitForFinished(30000) || pmap.exitCode() != 0)
        return std::nullopt;
    const QStringList lines = QString::fromLocal8Bit(pmap.readAllStandardOutput())
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() < 4)
        return std::nullopt;
    const QStringList header = lines[1].split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QStringList footer = lines.last().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList numeric;
    bool afterInode = false;
    for (const QString& name : header) {
        if (afterInode && name != QLatin1String("VmFlags") && name != QLatin1String("Mapping"))
            numeric.append(name);
        afterInode = afterInode || name == QLatin1String("Inode");
    }
    if (footer.size() != numeric.size() + 1 || footer.last() != QLatin1String("KB"))
        return std::nullopt;
    PmapFooter out;
    for (int i = 0; i < numeric.size(); ++i)
        out.totals[numeric[i]] = footer[i].toULongLong();
    out.mappings = static_cast<int>(lines.size()) - 4; // pid line, header, ====, footer
    return out;
}

// Our totals under pmap's column names.
std::map<QString, qulonglong> ourTotals(const MemoryMapSnapshot& snap)
{
    std::map<QString, qulonglong> out;
    for (std::size_t i = 0; i < kSmapsFieldCount; ++i) {
        const auto f = static_cast<SmapsField>(i);
        if (snap.grouping->totals.has(f))
            out[QString::fromLatin1(smapsFieldName(f).data())] = snap.grouping->totals.get(f);
    }
    qulonglong thp = 0;
    for (const SmapsMapping& m : snap.smaps->mappings)
        thp += static_cast<qulonglong>(m.thpEligible.value_or(0));
    out[QStringLiteral("THPeligible")] = thp;
    return out;
}

// Every pmap column is one of ours, with the same value. The fields that depend on how many
// processes map a page (Pss, Shared vs Private, ...) change whenever another process maps or
// unmaps a shared library, and pmap is such a process: while it reads, it maps libc and ld.so
// too, so the child's Pss drops by a few KiB during pmap's read and nobody else's. For those
// fields pmap's value must lie between our readings just before and just after it, give or take
// 1 % + 8 KiB; every other field (Size, Rss, Referenced, Anonymous, Swap, Locked...) must equal one
// of our readings exactly, which is what catches a lost or double-counted mapping.
QString mismatch(const PmapFooter& pmap, const std::map<QString, qulonglong>& before,
    const std::map<QString, qulonglong>& after)
{
    static const QStringList sharingDependent
        = { QStringLiteral("Pss"), QStringLiteral("Pss_Dirty"), QStringLiteral("SwapPss"),
              QStringLiteral("Shared_Clean"), QStringLiteral("Shared_Dirty"),
              QStringLiteral("Private_Clean"), QStringLiteral("Private_Dirty") };
    for (const auto& [name, value] : pmap.totals) {
        const auto b = before.find(name);
        const auto a = after.find(name);
        if (b == before.end() || a == after.end())
            return QStringLiteral("%1: not read").arg(name);
        const qulonglong lo = std::min(b->second, a->second);
        const qulonglong hi = std::max(b->second, a->second);
        const qulonglong slack = hi / 100 + 8;
        const bool ok = sharingDependent.contains(name)
            ? (lo <= value + slack && value <= hi + slack)
            : (value == b->second || value == a->second);
        if (!ok)
            return QStringLiteral("%1: ours %2 then %3, pmap %4")
                .arg(name)
                .arg(b->second)
                .arg(a->second)
                .arg(value);
    }
    return {};
}

} // namespace

class TestPmapIntegration : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pmap")).isEmpty())
            QSKIP("pmap (procps) is not installed");
        m_child = startChild();
        QVERIFY(m_child > 0);
    }
    void cleanupTestCase()
    {
        if (m_child > 0) {
            ::kill(m_child, SIGKILL);
            ::waitpid(m_child, nullptr, 0);
        }
    }

    void totalsMatchPmapFooter_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::newRow("pmap -X") << QStringLiteral("-X");
        QTest::newRow("pmap -XX") << QStringLiteral("-XX");
    }
    void totalsMatchPmapFooter()
    {
        QFETCH(QString, flag);
        // Pss (and Shared vs Private) move whenever another process maps or unmaps a shared
        // library, which on a busy machine (compilers starting) is many times a second: see
        // mismatch(). Up to 60 attempts; a real disagreement (a field summed wrong, a mapping lost)
        // fails all of them.
        QString lastMismatch;
        for (int attempt = 0; attempt < 60; ++attempt) {
            const MemoryMapSnapshot before
                = readMemoryMapSnapshot("/proc", ProcessKey { m_child, 0 });
            QVERIFY(!before.exited);
            QVERIFY2(before.smaps, errorText(before.smapsError).data());
            const auto pmap = runPmap(m_child, flag);
            QVERIFY2(pmap, "pmap's output has no footer");
            const MemoryMapSnapshot after
                = readMemoryMapSnapshot("/proc", ProcessKey { m_child, 0 });
            QVERIFY(after.smaps);
            QCOMPARE(pmap->mappings, int(before.smaps->mappings.size()));
            QVERIFY(pmap->totals.count(QStringLiteral("Rss"))
                && pmap->totals.count(QStringLiteral("Pss")));
            QVERIFY(pmap->totals.at(QStringLiteral("Rss")) > 0);
            lastMismatch = mismatch(*pmap, ourTotals(before), ourTotals(after));
            if (lastMismatch.isEmpty())
                return;
        }
        QFAIL(qPrintable(
            QStringLiteral("totals differ from pmap %1 footer: %2").arg(flag, lastMismatch)));
    }

    void virtMatchesSize()
    {
        const MemoryMapSnapshot snap = readMemoryMapSnapshot("/proc", ProcessKey { m_child, 0 });
        QVERIFY(snap.smaps && snap.statm);
        std::uint64_t vsyscallKib = 0;
        for (const SmapsMapping& m : snap.smaps->mappings) {
            if (m.path == "[vsyscall]")
                vsyscallKib += m.sizeBytes() / 1024;
        }
        // VIRT = statm size = VmSize, the sum of Size give or take the [vsyscall] page.
        QCOMPARE(snap.statm->sizePages * snap.pageKib + vsyscallKib,
            snap.grouping->totals.get(SmapsField::Size));
        QVERIFY(snap.status && snap.status->vmSizeKib);
        QCOMPARE(*snap.status->vmSizeKib, snap.statm->sizePages * snap.pageKib);
        QVERIFY(snap.smaps->mappings.size() >= 64); // the child's alternating protections
    }

    void exitedChildReadsAsExited()
    {
        const MemoryMapSnapshot alive = readMemoryMapSnapshot("/proc", ProcessKey { m_child, 0 });
        QVERIFY(!alive.exited);
        // Another start time: the pid belongs to another process now, so not this map.
        const MemoryMapSnapshot reused
            = readMemoryMapSnapshot("/proc", ProcessKey { m_child, alive.key.startTimeTicks + 1 });
        QVERIFY(reused.exited);
        QVERIFY(!reused.smaps);
        ::kill(m_child, SIGKILL);
        ::waitpid(m_child, nullptr, 0);
        m_child = -1;
        const MemoryMapSnapshot after = readMemoryMapSnapshot("/proc", alive.key);
        QVERIFY(after.exited);
        QVERIFY(!after.smaps);
    }

private:
    pid_t m_child = -1;
};

QTEST_GUILESS_MAIN(TestPmapIntegration)
#include "tst_pmap_integration.moc"
