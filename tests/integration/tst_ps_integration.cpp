// SPDX-License-Identifier: GPL-3.0-or-later
// Integration with the live /proc: a child process this test starts is sampled by the collector and
// compared field by field with ps(1) and with /proc/PID/statm.

#include "core/process/ProcessCollector.h"
#include "core/process/ProcessDetails.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <unistd.h>

using namespace pg;

namespace {

QByteArray statmOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/statm").arg(pid));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestPsIntegration : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void childMatchesPs();
    void busyChildUsesCpu();

private:
    static const ProcessInfo* find(const ProcessSnapshot& s, qint64 pid)
    {
        for (const auto& p : s.processes)
            if (p.key.pid == pid)
                return &p;
        return nullptr;
    }
    QProcess m_sleeper;
    QProcess m_busy;
};

void TestPsIntegration::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("ps")).isEmpty())
        QFAIL("ps (procps) is required: ./build.sh installs it");
    // nice 7; the busy child has an argument with spaces ($0 of sh -c).
    m_sleeper.start(QStringLiteral("nice"),
        { QStringLiteral("-n"), QStringLiteral("7"), QStringLiteral("sleep"),
            QStringLiteral("600") });
    QVERIFY(m_sleeper.waitForStarted());
    m_busy.start(QStringLiteral("sh"),
        { QStringLiteral("-c"), QStringLiteral("while :; do :; done"),
            QStringLiteral("procglass test child") });
    QVERIFY(m_busy.waitForStarted());
    // Let nice exec sleep (comm changes from "nice" to "sleep").
    QTRY_VERIFY_WITH_TIMEOUT(
        QFile(QStringLiteral("/proc/%1/comm").arg(m_sleeper.processId())).open(QIODevice::ReadOnly)
            &&
            [this] {
                QFile f(QStringLiteral("/proc/%1/comm").arg(m_sleeper.processId()));
                return f.open(QIODevice::ReadOnly) && f.readAll().trimmed() == "sleep";
            }(),
        5000);
    // The loader is still mapping libraries right after exec: wait until the child's memory
    // stops changing, so that ps, statm and the collector see the same numbers.
    QByteArray last;
    int stableFor = 0;
    for (int i = 0; i < 100 && stableFor < 4; ++i) {
        QTest::qWait(50);
        const QByteArray now = statmOf(m_sleeper.processId());
        stableFor = now == last ? stableFor + 1 : 0;
        last = now;
    }
    QVERIFY2(stableFor >= 4, "the child's statm kept changing");
}

void TestPsIntegration::cleanupTestCase()
{
    m_sleeper.kill();
    m_busy.kill();
    m_sleeper.waitForFinished();
    m_busy.waitForFinished();
}

void TestPsIntegration::childMatchesPs()
{
    const qint64 pid = m_sleeper.processId();
    ProcessCollector collector;
    const ProcessSnapshot s = collector.sample();
    QVERIFY(s.listError.empty());
    const ProcessInfo* p = find(s, pid);
    QVERIFY2(p, "the child is not in the snapshot");

    QProcess ps;
    ps.start(QStringLiteral("ps"),
        { QStringLiteral("-o"), QStringLiteral("pid=,ppid=,stat=,nlwp=,ni=,vsz=,rss=,uid=,comm="),
            QStringLiteral("-p"), QString::number(pid) });
    QVERIFY(ps.waitForFinished());
    const QStringList f
        = QString::fromUtf8(ps.readAllStandardOutput()).simplified().split(QLatin1Char(' '));
    QCOMPARE(f.size(), 9);
    QCOMPARE(f[0].toLongLong(), pid);
    QCOMPARE(f[1].toInt(), p->ppid);
    QCOMPARE(f[1].toLongLong(), QCoreApplication::applicationPid());
    QCOMPARE(f[2].at(0), QLatin1Char(p->state));
    QCOMPARE(f[3].toLongLong(), p->threads);
    QCOMPARE(f[4].toLongLong(), p->nice);
    QCOMPARE(p->nice, 7);
    QCOMPARE(f[5].toULongLong(), p->virtKib);
    QCOMPARE(f[6].toULongLong(), p->resKib);
    QCOMPARE(f[7].toUInt(), p->uid);
    QCOMPARE(f[8], QString::fromStdString(p->names->comm));
    QCOMPARE(QString::fromStdString(p->names->cmdline), QStringLiteral("sleep 600"));
    // The arguments themselves are read by the details when shown (not kept per process).
    const ProcessDetails details = readProcessDetails("/proc", p->key.pid);
    QVERIFY(details.cmdline);
    QCOMPARE(details.cmdline->size(), std::size_t(2));
    QVERIFY(!p->kernelThread);
    QCOMPARE(p->priority, 27); // 20 + nice

    // SHR is statm's third field times the page size.
    const QList<QByteArray> pages = statmOf(pid).simplified().split(' ');
    QCOMPARE(
        pages[2].toULongLong() * static_cast<unsigned long long>(::sysconf(_SC_PAGESIZE)) / 1024,
        p->shrKib);

    // The start time agrees with ps's lstart to the second.
    ps.start(QStringLiteral("ps"),
        { QStringLiteral("-o"), QStringLiteral("lstart="), QStringLiteral("-p"),
            QString::number(pid) });
    QVERIFY(ps.waitForFinished());
    const QString lstart = QString::fromUtf8(ps.readAllStandardOutput()).simplified();
    const QDateTime psStart
        = QLocale::c().toDateTime(lstart, QStringLiteral("ddd MMM d HH:mm:ss yyyy"));
    QVERIFY2(psStart.isValid(), qPrintable(lstart));
    QVERIFY(p->startTimeUnixMs);
    QVERIFY(qAbs(psStart.toMSecsSinceEpoch() - *p->startTimeUnixMs) < 1000);

    // Kernel threads are recognised: kthreadd is pid 2 on every Linux with a real /proc.
    const ProcessInfo* kthreadd = find(s, 2);
    if (kthreadd && kthreadd->names->comm == "kthreadd")
        QVERIFY(kthreadd->kernelThread);
}

namespace {

// utime + stime of a process, read independently of the collector.
qulonglong cpuTicks(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = f.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.value(11).toULongLong()
        + fields.value(12).toULongLong(); // (14) utime, (15) stime
}

} // namespace

void TestPsIntegration::busyChildUsesCpu()
{
    const qint64 pid = m_busy.processId();
    ProcessCollector collector;
    // The collector's tick delta must lie between what an independent reader sees just inside and
    // just outside its two samples. This holds however loaded the machine is.
    const qulonglong outerBefore = cpuTicks(pid);
    (void)collector.sample();
    const qulonglong innerBefore = cpuTicks(pid);
    QTest::qWait(1000);
    const qulonglong innerAfter = cpuTicks(pid);
    const ProcessSnapshot s = collector.sample();
    const qulonglong outerAfter = cpuTicks(pid);
    const ProcessInfo* p = find(s, pid);
    QVERIFY(p);
    QVERIFY(!std::isnan(p->cpuPercent));
    // argv[0] is the path QProcess found ("/usr/bin/sh").
    const QString cmdline = QString::fromStdString(p->names->cmdline);
    QVERIFY2(cmdline.endsWith(QStringLiteral("sh -c while :; do :; done procglass test child")),
        qPrintable(cmdline));
    const ProcessDetails details = readProcessDetails("/proc", p->key.pid);
    QVERIFY(details.cmdline);
    QCOMPARE(details.cmdline->size(), std::size_t(4));
    QCOMPARE(QString::fromStdString((*details.cmdline)[3]), QStringLiteral("procglass test child"));
    QVERIFY(s.elapsedSeconds > 0.9);
    const double ticksPerSecond = static_cast<double>(s.clockTicksPerSecond);
    const double measuredTicks = p->cpuPercent / 100.0 * s.elapsedSeconds * ticksPerSecond;
    const QString detail = QStringLiteral("cpu %1 %, %2 ticks; independent reader %3..%4 ticks")
                               .arg(p->cpuPercent)
                               .arg(measuredTicks)
                               .arg(innerAfter - innerBefore)
                               .arg(outerAfter - outerBefore);
    QVERIFY2(measuredTicks >= static_cast<double>(innerAfter - innerBefore) * 0.95 - 2.0,
        qPrintable(detail));
    QVERIFY2(measuredTicks <= static_cast<double>(outerAfter - outerBefore) * 1.05 + 2.0,
        qPrintable(detail));
    // A spinning shell has one thread, so it cannot run longer than the wall time between the two
    // samples; the kernel accounts in whole ticks, so allow two ticks over that.
    const double tickSlackPercent = 2.0 / (s.elapsedSeconds * ticksPerSecond) * 100.0;
    QVERIFY2(p->cpuPercent > 0.0 && p->cpuPercent <= 100.0 + tickSlackPercent, qPrintable(detail));
}

QTEST_GUILESS_MAIN(TestPsIntegration)
#include "tst_ps_integration.moc"
