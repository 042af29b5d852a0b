// SPDX-License-Identifier: GPL-3.0-or-later
// The cadence every sampler shares (core/sampler/Sampler): samples on start, every interval, never
// while paused, once more on resume and on demand, never before start(), never while inactive or
// without work; a follower samples after each sample of its leader and has no timer of its own.

#include "core/base/RefreshInterval.h"
#include "core/sampler/Sampler.h"

#include <QScopeGuard>
#include <QTest>
#include <QThread>
#include <atomic>

using namespace pg;

namespace {

class CountingSampler final : public Sampler
{
public:
    int samples = 0;
    bool work = true;

protected:
    void sample() override { ++samples; }
    bool hasWork() const override { return work; }
};

// Counts from its own thread.
class ThreadedSampler final : public Sampler
{
public:
    std::atomic<int> samples { 0 };

protected:
    void sample() override { ++samples; }
};

} // namespace

class TestSampleCadence : public QObject
{
    Q_OBJECT
private slots:
    void samplesEveryIntervalAndStopsWhenPaused();
    void runNowBeforeStartIsIgnored();
    void inactiveOrIdleReadsNothing();
    void followerSamplesAfterItsLeader();
    void doesNotOutrunABusyGui();
};

void TestSampleCadence::samplesEveryIntervalAndStopsWhenPaused()
{
    CountingSampler sampler;
    sampler.setIntervalMs(10); // clamped to the 100 ms minimum
    QCOMPARE(sampler.intervalMs(), kMinRefreshIntervalMs);
    sampler.setIntervalMs(kMaxRefreshIntervalMs + 1);
    QCOMPARE(sampler.intervalMs(), kMaxRefreshIntervalMs);
    sampler.setIntervalMs(10);
    sampler.start();
    QCOMPARE(sampler.samples, 1); // the first sample at once
    QTRY_VERIFY_WITH_TIMEOUT(sampler.samples >= 4, 5000);

    sampler.setPaused(true);
    const int atPause = sampler.samples;
    QTest::qWait(300);
    QCOMPARE(sampler.samples, atPause); // nothing while paused
    sampler.refreshNow();
    QCOMPARE(sampler.samples, atPause + 1); // F5 still samples, and does not re-arm the timer
    QTest::qWait(300);
    QCOMPARE(sampler.samples, atPause + 1);

    sampler.setPaused(false);
    QCOMPARE(sampler.samples, atPause + 2); // resuming samples at once
    QTRY_VERIFY_WITH_TIMEOUT(sampler.samples >= atPause + 4, 5000); // and the cadence goes on
}

void TestSampleCadence::runNowBeforeStartIsIgnored()
{
    CountingSampler sampler;
    sampler.refreshNow();
    sampler.setPaused(false);
    sampler.setActive(false);
    sampler.setActive(true);
    QCOMPARE(sampler.samples, 0);
}

void TestSampleCadence::inactiveOrIdleReadsNothing()
{
    CountingSampler sampler;
    sampler.setIntervalMs(kMinRefreshIntervalMs);
    sampler.setActive(false); // its page is hidden
    sampler.start();
    sampler.refreshNow();
    QTest::qWait(350);
    QCOMPARE(sampler.samples, 0);
    sampler.setActive(true);
    QCOMPARE(sampler.samples, 1); // shown: reads at once
    QTRY_VERIFY_WITH_TIMEOUT(sampler.samples >= 3, 5000);

    sampler.work = false; // e.g. the memory map's target exited
    const int idle = sampler.samples;
    sampler.refreshNow();
    QTest::qWait(350);
    QCOMPARE(sampler.samples, idle);
}

void TestSampleCadence::followerSamplesAfterItsLeader()
{
    CountingSampler leader;
    CountingSampler follower;
    follower.follow(&leader);
    leader.setIntervalMs(kMinRefreshIntervalMs);
    follower.start();
    QCOMPARE(follower.samples, 1); // its first sample at start
    leader.start();
    QCOMPARE(leader.samples, 1);
    QCOMPARE(follower.samples, 2); // right after the leader's, in the same call
    QTRY_VERIFY_WITH_TIMEOUT(leader.samples >= 3, 5000);
    QCOMPARE(follower.samples, leader.samples + 1); // no timer of its own

    follower.refreshNow(); // F5 reaches a follower through its leader only
    QCOMPARE(follower.samples, leader.samples + 1);
    leader.setPaused(true);
    follower.setPaused(true);
    const int atPause = leader.samples;
    leader.refreshNow(); // F5 while paused refreshes the follower too
    QCOMPARE(leader.samples, atPause + 1);
    QCOMPARE(follower.samples, leader.samples + 1);

    follower.setActive(false); // hidden: follows no more
    leader.refreshNow();
    QCOMPARE(follower.samples, leader.samples);
}

void TestSampleCadence::doesNotOutrunABusyGui()
{
    // In a thread of its own at the fastest cadence, while the application's thread is busy (it
    // processes no events for 1.2 s): one sample, then nothing until the GUI has taken it, instead
    // of a dozen snapshots queued up in the GUI's event queue.
    QThread thread;
    auto* sampler = new ThreadedSampler;
    sampler->setIntervalMs(kMinRefreshIntervalMs);
    sampler->moveToThread(&thread);
    connect(&thread, &QThread::finished, sampler, &QObject::deleteLater);
    auto stop = qScopeGuard([&thread] {
        thread.quit();
        thread.wait(5000);
    });
    thread.start();
    QMetaObject::invokeMethod(sampler, &Sampler::start, Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(sampler->samples.load() >= 1, 5000);
    const int before = sampler->samples.load();
    QThread::msleep(12 * kMinRefreshIntervalMs); // busy: no event is processed here
    // The sample the GUI may already have taken, and at most one more waiting for it (twelve
    // without the check).
    QVERIFY2(sampler->samples.load() <= before + 1,
        qPrintable(QString::number(sampler->samples.load() - before)));
    // The GUI catches up: the cadence goes on.
    const int busy = sampler->samples.load();
    QTRY_VERIFY_WITH_TIMEOUT(sampler->samples.load() >= busy + 2, 5000);
}

QTEST_GUILESS_MAIN(TestSampleCadence)
#include "tst_sample_cadence.moc"
