// SPDX-License-Identifier: GPL-3.0-or-later
// The archive replay feed (--archive in the window) on a scripted archive of samples two seconds
// apart: the moment shown is the replay clock's (the sample at or before it, and the one before
// that for rates; none at the first sample), a seek shows the new moment at the next fetch, only
// the process stream moves a playing clock (by wall time x speed; the end stops it), and a broken
// archive is a message. Then the process table itself through PcpProcessSource: rates of the
// moment shown, after a jump too.

#include "core/pcp/PcpArchiveSession.h"
#include "core/pcp/ReplayClock.h"
#include "core/sampler/PcpArchiveFeed.h"
#include "core/sampler/PcpInterruptsSource.h"
#include "core/sampler/PcpProcessSource.h"
#include "core/sampler/PcpSystemSource.h"

#include <QTest>
#include <cmath>
#include <thread>

using namespace pg;

namespace {

// Samples at 100, 102, ..., 120; each carries "x" = its own time, and one process whose CPU time
// grows 500 ms per sample.
class FakeArchive final : public PcpArchiveSession
{
public:
    static constexpr double kFirst = 100, kLast = 120, kStep = 2;

    double startSec() const override { return kFirst; }
    double endSec() const override { return kLast; }
    std::string seekBack(double sec) override
    {
        ++seeks;
        if (!failSeek.empty())
            return failSeek;
        m_cursor = std::floor((sec - kFirst) / kStep);
        return {};
    }
    PcpFetchOutcome fetch(const std::vector<PcpMetricRequest>& metrics) override
    {
        if (m_cursor < 0)
            return { {}, "end of archive" };
        const double n = m_cursor--;
        PcpFetch f;
        f.timestampSec = kFirst + n * kStep;
        for (const PcpMetricRequest& r : metrics) {
            PcpMetricValues m { r.name, {}, false, {} };
            auto u = static_cast<std::uint64_t>(n);
            if (r.name == "x")
                m.values.push_back({ -1, {}, f.timestampSec });
            else if (r.name == "proc.psinfo.utime")
                m.values.push_back({ 42, {}, std::uint64_t(500 * u) });
            else if (r.name == "proc.psinfo.stime")
                m.values.push_back({ 42, {}, std::uint64_t(0) });
            else if (r.name == "proc.psinfo.cmd")
                m.values.push_back({ 42, {}, std::string("replayed") });
            else if (r.name == "proc.psinfo.start_time")
                m.values.push_back({ 42, {}, std::uint64_t(1000) });
            else if (r.name == "proc.psinfo.sname")
                m.values.push_back({ 42, {}, std::string("R") });
            else if (r.name == "proc.psinfo.ppid" || r.name == "proc.psinfo.threads"
                || r.name == "proc.psinfo.nice" || r.name == "proc.psinfo.priority")
                m.values.push_back({ 42, {}, std::int64_t(1) });
            else if (r.name == "kernel.all.cpu.user")
                m.values.push_back({ -1, {}, std::uint64_t(1000 * u) });
            else if (r.name == "kernel.all.cpu.idle")
                m.values.push_back({ -1, {}, std::uint64_t(3000 * u) });
            else if (r.name == "kernel.all.boottime")
                m.values.push_back({ -1, {}, std::int64_t(1700000000) });
            else if (r.name == "mem.physmem")
                m.values.push_back({ -1, {}, std::uint64_t(8000000) });
            else if (r.name == "kernel.percpu.interrupts")
                m.values.push_back({ 0, "24::cpu0", std::uint64_t(100 * u) });
            f.metrics.push_back(std::move(m));
        }
        return { std::move(f), {} };
    }

    int seeks = 0;
    std::string failSeek;

private:
    double m_cursor = -1;
};

const std::vector<PcpMetricRequest> kX = { { "x" } };

double x(const PcpFeedFetch& f)
{
    return f.now ? f.now->timestampSec : -1;
}

struct Replay
{
    FakeArchive* archive;
    std::shared_ptr<ReplayClock> clock;
    std::shared_ptr<PcpArchiveFeed> feed;

    Replay()
    {
        auto a = std::make_unique<FakeArchive>();
        archive = a.get();
        clock = std::make_shared<ReplayClock>(a->startSec(), a->endSec());
        feed = std::make_shared<PcpArchiveFeed>("archive fake", std::move(a), clock);
    }
};

} // namespace

class TestPcpArchiveFeed : public QObject
{
    Q_OBJECT

private slots:
    void pausedAtTheFirstSampleWithoutRates()
    {
        Replay r;
        const PcpFeedFetch first = r.feed->fetch(PcpStream::Processes, kX);
        QVERIFY(first.error.empty());
        QCOMPARE(x(first), 100.0);
        QVERIFY(!first.before); // nothing before the archive's first sample
        QCOMPARE(x(r.feed->fetch(PcpStream::Processes, kX)), 100.0); // paused: the same moment
        QCOMPARE(r.feed->source(), std::string("archive fake"));
    }

    void aSeekShowsThatMomentAndTheSampleBefore()
    {
        Replay r;
        r.clock->seek(107.5);
        const PcpFeedFetch f = r.feed->fetch(PcpStream::Interrupts, kX);
        QCOMPARE(x(f), 106.0);
        QVERIFY(f.before);
        QCOMPARE(f.before->timestampSec, 104.0);
        QCOMPARE(x(r.feed->last(PcpStream::Interrupts)), 106.0);
        r.clock->seek(120);
        QCOMPARE(x(r.feed->fetch(PcpStream::Processes, kX)), 120.0); // the last sample included
    }

    void onlyTheProcessStreamMovesAPlayingClock()
    {
        Replay r;
        r.clock->setPlaying(true);
        r.clock->setSpeed(100); // 100 recorded seconds per second
        (void)r.feed->fetch(PcpStream::Processes, kX); // starts the wall clock
        std::this_thread::sleep_for(std::chrono::milliseconds(40)); // >= 4 recorded seconds
        QCOMPARE(x(r.feed->fetch(PcpStream::Interrupts, kX)), 100.0);
        const double moved = x(r.feed->fetch(PcpStream::Processes, kX));
        QVERIFY2(moved >= 104.0, qPrintable(QString::number(moved)));
        QCOMPARE(x(r.feed->fetch(PcpStream::Interrupts, kX)), moved);
        // At the end of the recording playing stops, on its last sample.
        r.clock->setSpeed(ReplayClock::kMaxSpeed);
        std::this_thread::sleep_for(std::chrono::milliseconds(20)); // >= 72 recorded seconds
        QCOMPARE(x(r.feed->fetch(PcpStream::Processes, kX)), 120.0);
        QVERIFY(!r.clock->state().playing);
    }

    void aPausedClockDoesNotMoveWhateverTheWallClock()
    {
        Replay r;
        r.clock->seek(110);
        (void)r.feed->fetch(PcpStream::Processes, kX);
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        QCOMPARE(x(r.feed->fetch(PcpStream::Processes, kX)), 110.0);
    }

    void aBrokenArchiveIsAMessage()
    {
        Replay r;
        r.archive->failSeek = "cannot seek in archive fake: Illegal log volume";
        const PcpFeedFetch f = r.feed->fetch(PcpStream::Processes, kX);
        QVERIFY(!f.now);
        QCOMPARE(f.error, r.archive->failSeek);
    }

    void aJumpRestartsTheChartsTimeline()
    {
        Replay r;
        PcpSystemSource systemSource(r.feed);
        PcpInterruptsSource interrupts(r.feed);
        r.clock->seek(110);
        // The first sample of a replay: nothing charted yet, nothing to restart.
        QVERIFY(!systemSource.sample(nullptr).timelineRestarted);
        InterruptsSnapshot irq = interrupts.sample();
        QVERIFY2(irq.sourceError.empty(), irq.sourceError.c_str());
        QVERIFY(!irq.timelineRestarted);
        QVERIFY(irq.irqRates.hasRates); // 100 per 2 s from the sample before: 50/s
        // One step on: the next sample follows the last one, the charts go on.
        r.clock->seek(112);
        QVERIFY(!systemSource.sample(nullptr).timelineRestarted);
        QVERIFY(!interrupts.sample().timelineRestarted);
        // Back in time: what the charts hold is not this moment's past.
        r.clock->seek(104);
        const SystemOverview back = systemSource.sample(nullptr);
        QVERIFY(back.timelineRestarted);
        QVERIFY(back.stat.ok());
        irq = interrupts.sample();
        QVERIFY(irq.timelineRestarted);
        QCOMPARE(irq.irqRates.timeSec, 104.0);
        QVERIFY(irq.irqRates.hasRates); // from the sample at 102, not across the jump
        // Ahead past a gap: the same.
        r.clock->seek(118);
        QVERIFY(systemSource.sample(nullptr).timelineRestarted);
        QVERIFY(interrupts.sample().timelineRestarted);
        // Paused at that moment: the same sample again is no jump.
        QVERIFY(!interrupts.sample().timelineRestarted);
    }

    void theProcessTableOfTheMomentShown()
    {
        Replay r;
        PcpProcessSource source(r.feed);
        r.clock->seek(110);
        ProcessSnapshot snap = source.sample();
        QVERIFY2(snap.listError.empty(), snap.listError.c_str());
        QCOMPARE(snap.processes.size(), std::size_t(1));
        QCOMPARE(snap.takenAtUnixMs, std::int64_t(110000));
        // 500 ms of CPU between the samples at 108 and 110: 25 %.
        QCOMPARE(snap.processes.front().cpuPercent, 25.0);
        QCOMPARE(snap.processes.front().names->comm, std::string("replayed"));
        // The summary strip's CPU busy of that moment too (1,000 of 4,000 ms), already at the
        // first fetch after a seek.
        QCOMPARE(snap.system.cpuBusyPercent, 25.0);
        // Paused: the same moment again, the same figures (not "measuring").
        snap = source.sample();
        QCOMPARE(snap.system.cpuBusyPercent, 25.0);
        QCOMPARE(snap.processes.front().cpuPercent, 25.0);
        // A jump back: the rates of that moment, not a difference across the jump.
        r.clock->seek(102);
        snap = source.sample();
        QCOMPARE(snap.takenAtUnixMs, std::int64_t(102000));
        QCOMPARE(snap.processes.front().cpuPercent, 25.0);
        // The first sample: no rate (nothing before it), never a made-up 0.
        r.clock->seek(100);
        snap = source.sample();
        QVERIFY(std::isnan(snap.processes.front().cpuPercent));
    }
};

QTEST_GUILESS_MAIN(TestPcpArchiveFeed)
#include "tst_pcp_archive_feed.moc"
