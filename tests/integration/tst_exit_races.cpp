// SPDX-License-Identifier: GPL-3.0-or-later
// Exit races: a churn of short-lived processes and threads (thousands per second, some exiting
// between the sampler's readdir and its reads, pids re-used) while the sampler refreshes as fast
// as it can. No crash (the suite also runs under ASan/UBSan), no duplicate rows, no CPU % above
// 100 x the number of CPUs, and no row for a process that had exited before the refresh began.

#include "core/base/RefreshInterval.h"
#include "core/memory/MemoryMapReader.h"
#include "core/process/ProcessCollector.h"
#include "core/process/ProcessDetails.h"
#include "core/sampler/ProcessSampler.h"
#include "core/sampler/SamplerThread.h"
#include "ui/processes/ProcessTableModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <set>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <system_error>
#include <thread>
#include <unistd.h>

using namespace pg;

namespace {

volatile std::sig_atomic_t g_stopChurn = 0;

// Forks a churn master that keeps forking children that exit at once or after a short sleep, and
// starts short-lived threads of its own, until stopChurn() (or, as a safety net, two minutes).
// The tests stop it once they have seen enough, not after a fixed time: on a loaded machine a
// fixed time may hold a single refresh.
pid_t startChurn()
{
    const pid_t master = fork();
    if (master != 0)
        return master;
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    std::signal(SIGTERM, [](int) { g_stopChurn = 1; });
    QElapsedTimer clock;
    clock.start();
    unsigned n = 0;
    while (!g_stopChurn && clock.elapsed() < 120000) {
        const pid_t child = fork();
        if (child == 0) {
            if (n % 3 == 0)
                usleep(1000 * (n % 7));
            _exit(0);
        }
        if (n % 16 == 0) {
            try {
                std::thread([] { usleep(200); }).detach();
            } catch (const std::system_error&) {
                // out of threads for a moment: the churn goes on with processes
            }
        }
        while (waitpid(-1, nullptr, WNOHANG) > 0) { }
        ++n;
        if (n % 64 == 0)
            usleep(1000); // a few thousand per second, leaving CPU for the sampler
    }
    while (waitpid(-1, nullptr, 0) > 0) { }
    usleep(20000); // let detached threads finish
    _exit(0);
}

// Stops the churn and reaps its master, which has reaped every child it started.
void stopChurn(pid_t master)
{
    ::kill(master, SIGTERM);
    while (waitpid(master, nullptr, 0) < 0 && errno == EINTR) { }
}

// Enough of the race seen: the minimum count, and at least `minMs` of churn.
constexpr qint64 kMinChurnMs = 2000;
constexpr qint64 kGiveUpMs = 90000;

} // namespace

class TestExitRaces : public QObject
{
    Q_OBJECT
private slots:
    void collectorUnderChurn();
    void samplerThreadAndModelUnderChurn();
    void mapsAndDetailsOfChurningProcesses();
};

void TestExitRaces::collectorUnderChurn()
{
    const long cpus = std::max(1L, sysconf(_SC_NPROCESSORS_ONLN));
    ProcessCollector collector;
    const pid_t master = startChurn();
    QVERIFY(master > 0);
    QElapsedTimer clock;
    clock.start();
    int samples = 0;
    std::set<std::pair<int, std::uint64_t>>
        seenChurn; // (pid, start time) of the master and its children
    for (;;) {
        const ProcessSnapshot s = collector.sample();
        ++samples;
        std::set<int> pids;
        for (const ProcessInfo& p : s.processes) {
            QVERIFY2(pids.insert(p.key.pid).second, "a pid listed twice in one snapshot");
            if (!std::isnan(p.cpuPercent))
                QVERIFY2(
                    p.cpuPercent >= 0.0 && p.cpuPercent <= 100.0 * static_cast<double>(cpus) + 1e-9,
                    qPrintable(QStringLiteral("pid %1: %2 %").arg(p.key.pid).arg(p.cpuPercent)));
            if (p.ppid == master || p.key.pid == master)
                seenChurn.insert({ p.key.pid, p.key.startTimeTicks });
        }
        if ((samples > 10 && seenChurn.size() > 1 && clock.elapsed() >= kMinChurnMs)
            || clock.elapsed() > kGiveUpMs)
            break;
    }
    stopChurn(master);
    // Everything the churn started has exited and been reaped: the next refresh shows none of it.
    const ProcessSnapshot after = collector.sample();
    for (const ProcessInfo& p : after.processes)
        QVERIFY2(!seenChurn.count({ p.key.pid, p.key.startTimeTicks }),
            qPrintable(
                QStringLiteral("pid %1 exited and was reaped before this refresh, yet is listed")
                    .arg(p.key.pid)));
    QVERIFY2(samples > 10, qPrintable(QString::number(samples)));
    QVERIFY2(
        seenChurn.size() > 1, "the sampler never saw a churned process: the test did not race");
    qInfo("%d samples, %zu churned processes seen", samples, seenChurn.size());
}

void TestExitRaces::samplerThreadAndModelUnderChurn()
{
    registerSnapshotMetaTypes();
    ProcessTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    SamplerThread thread;
    auto* sampler = new ProcessSampler(ProcessCollector::Options {});
    sampler->setIntervalMs(kMinRefreshIntervalMs); // the fastest the sampler allows
    thread.adopt(sampler);
    int snapshots = 0;
    std::int64_t lastTakenMs = 0;
    const pid_t master = startChurn();
    QElapsedTimer clock;
    clock.start();
    std::set<std::pair<int, std::uint64_t>>
        churned; // (pid, start time) of the master and its children
    connect(sampler, &ProcessSampler::snapshotReady, &model, [&](ProcessSnapshotPtr s) {
        model.applySnapshot(s);
        ++snapshots;
        lastTakenMs = s->takenAtUnixMs;
        for (const ProcessInfo& p : s->processes)
            if (p.key.pid == master || p.ppid == master)
                churned.insert({ p.key.pid, p.key.startTimeTicks });
    });
    thread.start();
    QMetaObject::invokeMethod(sampler, &ProcessSampler::start, Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(
        snapshots > 20 && !churned.empty() && clock.elapsed() >= kMinChurnMs, kGiveUpMs);
    stopChurn(master);
    // Snapshots already queued may predate the reap: wait for one whose sample began after it.
    const std::int64_t reapedAtMs = QDateTime::currentMSecsSinceEpoch();
    QTRY_VERIFY_WITH_TIMEOUT(lastTakenMs > reapedAtMs, 10000);
    QVERIFY(!churned.empty());
    for (int r = 0; r < model.rowCount(); ++r) {
        const ProcessKey& key = model.row(r).info->key;
        QVERIFY2(!churned.count({ key.pid, key.startTimeTicks }),
            qPrintable(QStringLiteral("pid %1 had exited before this refresh began").arg(key.pid)));
    }
    thread.stop();
    QVERIFY(snapshots > 20);
}

// The memory map and the details panel read many files of one process; here that process is a
// churned child that exits (and whose pid is re-used) in the middle of those reads.
void TestExitRaces::mapsAndDetailsOfChurningProcesses()
{
    ProcessCollector collector;
    const pid_t master = startChurn();
    QElapsedTimer clock;
    clock.start();
    int reads = 0;
    int exitedMidway = 0;
    while (!(reads > 20 && clock.elapsed() >= kMinChurnMs) && clock.elapsed() < kGiveUpMs) {
        const ProcessSnapshot s = collector.sample();
        for (const ProcessInfo& p : s.processes) {
            if (p.ppid != master && p.key.pid != master)
                continue;
            const MemoryMapSnapshot maps = readMemoryMapSnapshot("/proc", p.key);
            ++reads;
            if (maps.exited) {
                ++exitedMidway;
            } else {
                QCOMPARE(maps.key, p.key); // never the map of a process that re-used the pid
                if (maps.smapsError == Error::None)
                    QVERIFY(maps.smaps && maps.grouping);
                else
                    QVERIFY(!maps.smaps); // an error is a value with no stale data behind it
            }
            const ProcessDetails details = readProcessDetails("/proc", p.key.pid);
            if (details.gone())
                ++exitedMidway;
            else if (details.stat)
                QCOMPARE(details.stat->pid, p.key.pid);
        }
    }
    stopChurn(master);
    QVERIFY2(reads > 20, qPrintable(QString::number(reads)));
    qInfo("%d maps+details reads of churning processes, %d found the process gone midway", reads,
        exitedMidway);
}

QTEST_MAIN(TestExitRaces)
#include "tst_exit_races.moc"
