// SPDX-License-Identifier: GPL-3.0-or-later
// The replay clock of --archive in the window: starts paused at the first sample, advances only
// while playing (by elapsed time x speed), stops at the end, seeks clamped, restarts from the
// start when played at the end, refuses silly speeds, ticks on wall time without playing through
// pauses; and holds up with one thread seeking while another advances.

#include "core/pcp/ReplayClock.h"

#include <QTest>
#include <chrono>
#include <cmath>
#include <limits>
#include <thread>

using pg::ReplayClock;

class TestReplayClock : public QObject
{
    Q_OBJECT

private slots:
    void startsPausedAtTheFirstSample()
    {
        const ReplayClock clock(100, 200);
        QCOMPARE(clock.position(), 100.0);
        QVERIFY(!clock.state().playing);
        QCOMPARE(clock.state().speed, 1.0);
    }

    void advancesOnlyWhilePlaying()
    {
        ReplayClock clock(100, 200);
        QCOMPARE(clock.advance(5), 100.0); // paused: stays
        clock.setPlaying(true);
        QCOMPARE(clock.advance(5), 105.0);
        clock.setSpeed(4);
        QCOMPARE(clock.advance(2.5), 115.0);
        clock.setPlaying(false);
        QCOMPARE(clock.advance(10), 115.0);
        // not a time step: no move
        clock.setPlaying(true);
        QCOMPARE(clock.advance(-3), 115.0);
        QCOMPARE(clock.advance(std::numeric_limits<double>::quiet_NaN()), 115.0);
    }

    void stopsAtTheEndAndPlaysAgainFromTheStart()
    {
        ReplayClock clock(0, 10);
        clock.setPlaying(true);
        clock.setSpeed(60);
        QCOMPARE(clock.advance(1), 10.0);
        QVERIFY(!clock.state().playing);
        clock.setPlaying(true);
        QCOMPARE(clock.position(), 0.0);
        QVERIFY(clock.state().playing);
    }

    // The sampler's ticks: wall time x speed while playing; the first tick after play, a seek or
    // a pause counts from itself, so time spent paused is never played through.
    void ticksPlayWallTimeButNeverThePauses()
    {
        using namespace std::chrono_literals;
        const auto t0 = std::chrono::steady_clock::time_point {} + 1000s;
        ReplayClock clock(0, 1000);
        QCOMPARE(clock.tick(t0), 0.0); // paused
        clock.setPlaying(true);
        QCOMPARE(clock.tick(t0 + 5s), 0.0); // the first tick after play: from itself
        QCOMPARE(clock.tick(t0 + 7s), 2.0);
        clock.setSpeed(10);
        QCOMPARE(clock.tick(t0 + 8s), 12.0);
        clock.setPlaying(false);
        QCOMPARE(clock.tick(t0 + 100s), 12.0);
        clock.setPlaying(true);
        QCOMPARE(clock.tick(t0 + 200s), 12.0); // not the 100 s paused
        QCOMPARE(clock.tick(t0 + 201s), 22.0);
        clock.seek(500);
        QCOMPARE(clock.tick(t0 + 260s), 500.0); // a seek counts from the next tick
        QCOMPARE(clock.tick(t0 + 261s), 510.0);
        QVERIFY(clock.state().playing);
        QCOMPARE(clock.tick(t0 + 400s), 1000.0); // the end stops it
        QVERIFY(!clock.state().playing);
    }

    void seeksClamped()
    {
        ReplayClock clock(50, 60);
        clock.seek(55.5);
        QCOMPARE(clock.position(), 55.5);
        clock.seek(10);
        QCOMPARE(clock.position(), 50.0);
        clock.seek(1e12);
        QCOMPARE(clock.position(), 60.0);
        clock.seek(std::numeric_limits<double>::infinity());
        QCOMPARE(clock.position(), 60.0);
        clock.seek(std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(clock.position(), 50.0);
    }

    void speedIsClamped()
    {
        ReplayClock clock(0, 100);
        clock.setSpeed(0);
        QCOMPARE(clock.state().speed, ReplayClock::kMinSpeed);
        clock.setSpeed(1e9);
        QCOMPARE(clock.state().speed, ReplayClock::kMaxSpeed);
        clock.setSpeed(std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(clock.state().speed, ReplayClock::kMaxSpeed);
    }

    void aSingleSampleArchiveDoesNotPlay()
    {
        ReplayClock clock(30, 20); // end before start: one moment
        QCOMPARE(clock.endSec(), 30.0);
        clock.setPlaying(true);
        QVERIFY(!clock.state().playing);
    }

    void seekingWhileAnotherThreadAdvances()
    {
        ReplayClock clock(0, 1000);
        clock.setPlaying(true);
        std::thread sampler([&clock] {
            for (int i = 0; i < 20000; ++i)
                clock.advance(0.001);
        });
        for (int i = 0; i < 20000; ++i)
            clock.seek(i % 2 ? 10 : 500);
        sampler.join();
        const double at = clock.position();
        QVERIFY(at >= 0 && at <= 1000);
    }
};

QTEST_GUILESS_MAIN(TestReplayClock)
#include "tst_replay_clock.moc"
