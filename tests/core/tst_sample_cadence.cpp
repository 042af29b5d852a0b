// The cadence every periodic sampler shares: samples on start, every interval, never while
// paused, once more on resume and on demand, and never before start().

#include "core/sampler/SampleCadence.h"

#include <QTest>

using namespace pg;

class TestSampleCadence : public QObject
{
    Q_OBJECT
private slots:
    void samplesEveryIntervalAndStopsWhenPaused();
    void runNowBeforeStartIsIgnored();
};

void TestSampleCadence::samplesEveryIntervalAndStopsWhenPaused()
{
    int samples = 0;
    SampleCadence cadence([&samples] { ++samples; });
    cadence.setIntervalMs(10); // clamped to the 50 ms minimum
    QCOMPARE(cadence.intervalMs(), 50);
    cadence.start();
    QCOMPARE(samples, 1); // the first sample at once
    QTRY_VERIFY_WITH_TIMEOUT(samples >= 4, 5000);

    cadence.setPaused(true);
    const int atPause = samples;
    QTest::qWait(300);
    QCOMPARE(samples, atPause); // nothing while paused
    cadence.runNow();
    QCOMPARE(samples, atPause + 1); // F5 still samples, and does not re-arm the timer
    QTest::qWait(200);
    QCOMPARE(samples, atPause + 1);

    cadence.setPaused(false);
    QCOMPARE(samples, atPause + 2); // resuming samples at once
    QTRY_VERIFY_WITH_TIMEOUT(samples >= atPause + 4, 5000); // and the cadence goes on
}

void TestSampleCadence::runNowBeforeStartIsIgnored()
{
    int samples = 0;
    SampleCadence cadence([&samples] { ++samples; });
    cadence.runNow();
    cadence.setPaused(false);
    QCOMPARE(samples, 0);
}

QTEST_GUILESS_MAIN(TestSampleCadence)
#include "tst_sample_cadence.moc"
