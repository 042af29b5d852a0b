// SPDX-License-Identifier: GPL-3.0-or-later
// Interrupt rates from counter deltas: real elapsed time, counters going backwards, IRQs and CPU
// columns appearing and vanishing (none may produce a spike), bounded history, and the sampler's
// collector on a fake /proc tree.

#include "core/interrupts/IrqAffinity.h"
#include "core/interrupts/IrqRates.h"
#include "core/sampler/InterruptsSampler.h"
#include "core/sampler/SamplerThread.h"
#include "tests/support/TestUtil.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace pg;

namespace {

struct Row
{
    std::string name;
    std::vector<std::uint64_t> counts;
    bool singleCount = false;
};

IrqRateSample feed(
    IrqRates& rates, double t, const std::vector<int>& cpus, const std::vector<Row>& rows)
{
    return rates.update(t, cpus, IrqRates::views(rows));
}

const RateRow& rowOf(const IrqRateSample& s, const std::string& key)
{
    for (const RateRow& r : s.rows) {
        if (r.key == key)
            return r;
    }
    qFatal("no row %s", key.c_str());
}

double maxRate(const IrqRateSample& s)
{
    double m = 0;
    for (const RateRow& r : s.rows) {
        m = std::max(m, r.rate);
        for (double c : r.cpuRates)
            m = std::max(m, c);
    }
    return m;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

} // namespace

class TestIrqRates : public QObject
{
    Q_OBJECT
private slots:
    void firstSampleHasNoRates();
    void ratesOverRealElapsedTime();
    void counterGoingBackwardsIsNotASpike();
    void irqAppearsAndVanishes();
    void cpuColumnsAppearAndVanish();
    void clockNotAdvancing();
    void singleCountRows();
    void historyIsBounded();
    void historyForgetsVanishedRows();
    void historyCapacity();
    void ringBufferGrowsOnlyToItsCapacity();
    void historySharesOneTimeline();
    void historyCapacityChangeKeepsAlignment();
    void balanceFindings();
    void collectorOnFakeTree();
    void collectorOn256CpuRoot();
    void collectorMissingFiles();
    void samplerPublishesAcrossThreads();
};

void TestIrqRates::firstSampleHasNoRates()
{
    IrqRates rates;
    const IrqRateSample s = feed(rates, 10.0, { 0, 1 }, { { "24", { 1000, 2000 } } });
    QVERIFY(!s.hasRates);
    QVERIFY(s.rows[0].fresh);
    QCOMPARE(s.rows[0].rate, 0.0);
}

void TestIrqRates::ratesOverRealElapsedTime()
{
    IrqRates rates;
    (void)feed(rates, 10.0, { 0, 1 }, { { "24", { 1000, 2000 } }, { "LOC", { 50, 60 } } });
    // 2.5 s later, not the nominal 1 s interval.
    const IrqRateSample s
        = feed(rates, 12.5, { 0, 1 }, { { "24", { 1250, 2000 } }, { "LOC", { 300, 560 } } });
    QVERIFY(s.hasRates);
    QCOMPARE(s.elapsedSec, 2.5);
    QCOMPARE(rowOf(s, "24").rate, 100.0);
    QCOMPARE(rowOf(s, "24").cpuRates, (std::vector<double> { 100.0, 0.0 }));
    QCOMPARE(rowOf(s, "LOC").cpuRates, (std::vector<double> { 100.0, 200.0 }));
    QCOMPARE(s.cpuTotals, (std::vector<double> { 200.0, 200.0 }));
    QCOMPARE(s.total, 400.0);
}

void TestIrqRates::counterGoingBackwardsIsNotASpike()
{
    IrqRates rates;
    (void)feed(rates, 0, { 0, 1 }, { { "24", { 5'000'000, 100 } } });
    // CPU0's counter restarted (hot-unplug and replug): its delta is dropped, CPU1's is kept.
    const IrqRateSample s = feed(rates, 1, { 0, 1 }, { { "24", { 10, 150 } } });
    QVERIFY(rowOf(s, "24").reset);
    QCOMPARE(rowOf(s, "24").rate, 50.0);
    QCOMPARE(rowOf(s, "24").cpuRates, (std::vector<double> { 0.0, 50.0 }));
    // The next tick diffs against the new, small value.
    const IrqRateSample next = feed(rates, 2, { 0, 1 }, { { "24", { 30, 150 } } });
    QVERIFY(!rowOf(next, "24").reset);
    QCOMPARE(rowOf(next, "24").rate, 20.0);
}

void TestIrqRates::irqAppearsAndVanishes()
{
    IrqRates rates;
    (void)feed(rates, 0, { 0 }, { { "24", { 100 } } });
    // IRQ 40 appears with a large count since its allocation: no rate for it yet.
    IrqRateSample s = feed(rates, 1, { 0 }, { { "24", { 110 } }, { "40", { 9'000'000 } } });
    QVERIFY(rowOf(s, "40").fresh);
    QCOMPARE(rowOf(s, "40").rate, 0.0);
    QCOMPARE(s.total, 10.0);
    s = feed(rates, 2, { 0 }, { { "24", { 120 } }, { "40", { 9'000'500 } } });
    QCOMPARE(rowOf(s, "40").rate, 500.0);
    // IRQ 40 is freed, then reallocated to another device with a small count: fresh again.
    s = feed(rates, 3, { 0 }, { { "24", { 130 } } });
    QCOMPARE(int(s.rows.size()), 1);
    s = feed(rates, 4, { 0 }, { { "24", { 140 } }, { "40", { 3 } } });
    QVERIFY(rowOf(s, "40").fresh);
    QVERIFY(!rowOf(s, "40").reset);
    QCOMPARE(maxRate(s), 10.0);
}

void TestIrqRates::cpuColumnsAppearAndVanish()
{
    IrqRates rates;
    (void)feed(rates, 0, { 0, 1 }, { { "LOC", { 1000, 2000 } } });
    // CPU 2 comes online with a count since boot: no spike, columns stay aligned.
    IrqRateSample s = feed(rates, 1, { 0, 1, 2 }, { { "LOC", { 1100, 2100, 777'777 } } });
    QCOMPARE(s.cpuIds, (std::vector<int> { 0, 1, 2 }));
    QCOMPARE(rowOf(s, "LOC").cpuRates, (std::vector<double> { 100.0, 100.0, 0.0 }));
    QCOMPARE(rowOf(s, "LOC").rate, 200.0);
    // CPU 1 goes offline: CPU 2's column moves left and must still be diffed against CPU 2.
    s = feed(rates, 2, { 0, 2 }, { { "LOC", { 1200, 777'877 } } });
    QCOMPARE(rowOf(s, "LOC").cpuRates, (std::vector<double> { 100.0, 100.0 }));
    QCOMPARE(s.cpuTotals, (std::vector<double> { 100.0, 100.0 }));
    QCOMPARE(maxRate(s), 200.0);
}

void TestIrqRates::clockNotAdvancing()
{
    IrqRates rates;
    (void)feed(rates, 5, { 0 }, { { "24", { 100 } } });
    const IrqRateSample s = feed(rates, 5, { 0 }, { { "24", { 200 } } });
    QVERIFY(!s.hasRates);
    QCOMPARE(maxRate(s), 0.0);
}

void TestIrqRates::singleCountRows()
{
    IrqRates rates;
    (void)feed(rates, 0, { 0, 1 }, { { "ERR", { 4 }, true } });
    const IrqRateSample s = feed(rates, 2, { 0, 1 }, { { "ERR", { 10 }, true } });
    QCOMPARE(rowOf(s, "ERR").rate, 3.0);
    QVERIFY(rowOf(s, "ERR").cpuRates.empty());
    QCOMPARE(s.cpuTotals, (std::vector<double> { 0.0, 0.0 })); // not spread over CPUs
}

void TestIrqRates::historyIsBounded()
{
    IrqRates rates;
    RateHistory history(5);
    for (int t = 0; t < 20; ++t)
        history.append(feed(rates, t, { 0, 1 }, { { "24", { std::uint64_t(t) * 10, 0 } } }));
    const std::optional<RateSeries> h = history.row("24");
    QVERIFY(h);
    QCOMPARE(h->size(), 5u);
    QCOMPARE(h->newest().timeSec, 19.0);
    QCOMPARE(h->newest().rate, 10.0);
    QCOMPARE((*h)[0].timeSec, 15.0);
    QCOMPARE(history.cpu(0)->newest().rate, 10.0);
    QCOMPARE(history.cpuIds(), (std::vector<int> { 0, 1 }));
    QCOMPARE(history.total().size(), 5u);
    history.setCapacity(3);
    QCOMPARE(history.row("24")->size(), 3u);
    QCOMPARE(history.row("24")->newest().timeSec, 19.0);
}

void TestIrqRates::historyForgetsVanishedRows()
{
    IrqRates rates;
    RateHistory history(4);
    history.append(feed(rates, 0, { 0 }, { { "24", { 0 } }, { "40", { 0 } } }));
    history.append(feed(rates, 1, { 0 }, { { "24", { 1 } }, { "40", { 5 } } }));
    QCOMPARE(history.rowCount(), 2u);
    for (int t = 2; t < 5; ++t)
        history.append(feed(rates, t, { 0 }, { { "24", { std::uint64_t(t) } } }));
    QVERIFY(history.row("40")); // still on screen for a while
    history.append(feed(rates, 5, { 0 }, { { "24", { 5 } } }));
    QVERIFY(!history.row("40")); // scrolled out after capacity samples
    QCOMPARE(history.rowCount(), 1u);
}

void TestIrqRates::historyCapacity()
{
    QCOMPARE(historyCapacityFor(kDefaultHistorySeconds, 1000), 601u);
    QCOMPARE(historyCapacityFor(600, 500), 1201u);
    QCOMPARE(historyCapacityFor(60, 0), 1u);
}

void TestIrqRates::ringBufferGrowsOnlyToItsCapacity()
{
    // Ten minutes at 0.25 s: a row that got 3 samples must not hold 2,401 slots.
    RingBuffer<float> ring(2401);
    for (int i = 0; i < 3; ++i)
        ring.push(float(i));
    QCOMPARE(ring.size(), 3u);
    QVERIFY(ring.allocatedBytes() <= 16 * sizeof(float));
    for (int i = 3; i < 5000; ++i)
        ring.push(float(i));
    QCOMPARE(ring.size(), 2401u);
    QCOMPARE(ring.allocatedBytes(), 2401 * sizeof(float)); // growth capped at the capacity
    QCOMPARE(ring[0], float(5000 - 2401));
    QCOMPARE(ring.newest(), 4999.0f);
    QCOMPARE(ring.pushedCount(), std::uint64_t(5000));
    // Shrinking keeps the newest values and their absolute indexes.
    ring.setCapacity(100);
    QCOMPARE(ring.size(), 100u);
    QCOMPARE(ring[0], 4900.0f);
    QCOMPARE(ring.newest(), 4999.0f);
    QCOMPARE(ring.pushedCount(), std::uint64_t(5000));
    QCOMPARE(ring.allocatedBytes(), 100 * sizeof(float));
    ring.push(5000.0f);
    QCOMPARE(ring[0], 4901.0f);
    QCOMPARE(ring.newest(), 5000.0f);
    // Growing keeps everything and fills on.
    ring.setCapacity(200);
    QCOMPARE(ring.size(), 100u);
    ring.push(5001.0f);
    QCOMPARE(ring.size(), 101u);
    QCOMPARE(ring[0], 4901.0f);
    ring.clear();
    QVERIFY(ring.empty());
    QCOMPARE(ring.allocatedBytes(), 0u);
}

void TestIrqRates::historySharesOneTimeline()
{
    IrqRates rates;
    RateHistory history(2401);
    history.append(feed(rates, 0, { 0, 1 }, { { "24", { 0, 0 } } }));
    history.append(feed(rates, 1, { 0, 1 }, { { "24", { 10, 0 } } }));
    // IRQ 40 appears: its first tick has no rate (a gap, not a 0).
    history.append(feed(rates, 2, { 0, 1 }, { { "24", { 20, 0 } }, { "40", { 7, 7 } } }));
    history.append(feed(rates, 3, { 0, 1 }, { { "24", { 30, 0 } }, { "40", { 8, 9 } } }));
    // CPU 1 goes offline and IRQ 40 vanishes.
    history.append(feed(rates, 4, { 0 }, { { "24", { 40 } } }));
    const std::optional<RateSeries> row24 = history.row("24");
    const std::optional<RateSeries> row40 = history.row("40");
    QVERIFY(row24 && row40);
    QCOMPARE(history.total().size(), 4u);
    QCOMPARE(row24->size(), 4u);
    QCOMPARE(row24->timeSec(0), 1.0);
    QCOMPARE(row24->newest().rate, 10.0);
    QCOMPARE(row40->size(), 3u); // joined later: fewer values, same newest time
    QCOMPARE(row40->timeSec(0), 2.0);
    QVERIFY(std::isnan(row40->rate(0))); // first sight
    QCOMPARE(row40->rate(1), 3.0);
    QCOMPARE(row40->newest().timeSec, 4.0);
    QVERIFY(std::isnan(row40->newest().rate)); // absent this tick: unknown, not 0
    const std::optional<RateSeries> cpu1 = history.cpu(1);
    QVERIFY(cpu1);
    QCOMPARE(cpu1->rate(2), 2.0); // t=3: 24's 0 + 40's 2 (40 was fresh at t=2: no rate)
    QVERIFY(std::isnan(cpu1->newest().rate));
    QCOMPARE(history.cpu(0)->newest().rate, 10.0);
    // Five ticks at 2,401 slots of capacity hold a few hundred bytes, not 2,401 slots per ring.
    QVERIFY2(
        history.allocatedBytes() < 1024, qPrintable(QString::number(history.allocatedBytes())));
}

void TestIrqRates::historyCapacityChangeKeepsAlignment()
{
    IrqRates rates;
    RateHistory history(10);
    for (int t = 0; t < 8; ++t) {
        std::vector<Row> rows { { "24", { std::uint64_t(t) * 10 } } };
        if (t >= 5)
            rows.push_back({ "40", { std::uint64_t(t) * 100 } });
        history.append(feed(rates, t, { 0 }, rows));
    }
    QCOMPARE(history.row("24")->size(), 7u);
    QCOMPARE(history.row("40")->size(), 3u);
    history.setCapacity(4);
    const std::optional<RateSeries> row24 = history.row("24");
    const std::optional<RateSeries> row40 = history.row("40");
    QCOMPARE(row24->size(), 4u);
    QCOMPARE(row24->timeSec(0), 4.0); // the newest four kept
    QCOMPARE(row40->size(), 3u);
    QCOMPARE(row40->timeSec(0), 5.0); // still aligned with the timeline
    QCOMPARE(row40->rate(1), 100.0);
    history.append(feed(rates, 8, { 0 }, { { "24", { 80 } }, { "40", { 800 } } }));
    QCOMPARE(history.row("24")->size(), 4u);
    QCOMPARE(history.row("24")->timeSec(0), 5.0);
    QCOMPARE(history.row("40")->size(), 4u);
    QCOMPARE(history.row("40")->timeSec(0), 5.0);
    QCOMPARE(history.row("40")->newest().timeSec, 8.0);
    QCOMPARE(history.row("40")->newest().rate, 100.0);
}

void TestIrqRates::balanceFindings()
{
    IrqAffinity all;
    all.allowedKnown = true;
    all.allowed = { 0, 1, 2, 3 };
    BalanceFinding f = assessBalance({ 0, 1, 2, 3 }, { 97, 1, 1, 1 }, all);
    QCOMPARE(f.kind, BalanceFinding::Kind::Concentrated);
    QCOMPARE(f.cpu, 0);
    f = assessBalance({ 0, 1, 2, 3 }, { 50, 50, 0, 0 }, all);
    QCOMPARE(f.kind, BalanceFinding::Kind::FewerThanAllowed);
    QCOMPARE(f.used, 2);
    QCOMPARE(f.allowedOnline, 4);
    f = assessBalance({ 0, 1, 2, 3 }, { 25, 25, 25, 25 }, all);
    QCOMPARE(f.kind, BalanceFinding::Kind::None);
    // Pinned to one CPU on purpose: nothing to flag.
    IrqAffinity pinned;
    pinned.allowedKnown = true;
    pinned.allowed = { 2 };
    QCOMPARE(
        assessBalance({ 0, 1, 2, 3 }, { 0, 0, 100, 0 }, pinned).kind, BalanceFinding::Kind::None);
    // Idle: nothing to judge.
    QCOMPARE(assessBalance({ 0, 1 }, { 0, 0 }, all).kind, BalanceFinding::Kind::None);
}

void TestIrqRates::collectorOnFakeTree()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    QVERIFY(QDir(root).mkpath(QStringLiteral("irq/24")));
    writeFile(root + "/irq/24/smp_affinity_list", "0-1\n");
    writeFile(root + "/irq/24/effective_affinity_list", "1\n");
    writeFile(root + "/interrupts",
        "    CPU0 CPU1\n 24: 100 200 PCI-MSI 524288-edge nvme0q0\nLOC: 10 20 Local timer "
        "interrupts\nERR: 0\n");
    writeFile(root + "/softirqs", "    CPU0 CPU1\n  TIMER: 5 5\n NET_RX: 0 0\n");
    InterruptsCollector collector(root.toStdString());
    InterruptsSnapshot first = collector.sample(100.0);
    QCOMPARE(first.interruptsError, Error::None);
    QCOMPARE(first.softirqsError, Error::None);
    QVERIFY(!first.irqRates.hasRates);
    QVERIFY(first.affinity[0].allowedKnown);
    QCOMPARE(first.affinity[0].allowed, (std::vector<int> { 0, 1 }));
    QCOMPARE(first.affinity[0].effective, (std::vector<int> { 1 }));
    QVERIFY(!first.affinity[1].allowedKnown); // LOC has no /proc/irq directory

    writeFile(root + "/interrupts",
        "    CPU0 CPU1\n 24: 100 600 PCI-MSI 524288-edge nvme0q0\nLOC: 30 40 Local timer "
        "interrupts\nERR: 0\n");
    writeFile(root + "/softirqs", "    CPU0 CPU1\n  TIMER: 15 25\n NET_RX: 0 2\n");
    const InterruptsSnapshot second = collector.sample(102.0);
    QVERIFY(second.irqRates.hasRates);
    QCOMPARE(second.irqRates.rows[0].rate, 200.0);
    QCOMPARE(second.irqRates.rows[0].cpuRates, (std::vector<double> { 0.0, 200.0 }));
    QCOMPARE(second.softirqRates.rows[0].rate, 15.0);
    QCOMPARE(second.sequence, first.sequence + 1);

    // A truncated read is an error value, and the next good read does not diff across it.
    writeFile(root + "/interrupts", "    CPU0 CPU1\n 24: 100");
    const InterruptsSnapshot broken = collector.sample(103.0);
    QCOMPARE(broken.interruptsError, Error::Truncated);
    writeFile(root + "/interrupts", "    CPU0 CPU1\n 24: 100 900 PCI-MSI 524288-edge nvme0q0\n");
    const InterruptsSnapshot after = collector.sample(104.0);
    QCOMPARE(after.interruptsError, Error::None);
    QVERIFY(!after.irqRates.hasRates);
}

void TestIrqRates::collectorOn256CpuRoot()
{
    InterruptsCollector collector(
        pgtest::fixturePath(QStringLiteral("procroot-256cpu")).toStdString());
    const InterruptsSnapshot s = collector.sample(1.0);
    QCOMPARE(s.interruptsError, Error::None);
    QCOMPARE(s.softirqsError, Error::None);
    QCOMPARE(s.interrupts.cpuIds.size(), 256u);
    QCOMPARE(s.interrupts.rows.size(), 316u);
    QCOMPARE(s.softirqs.cpuIds.size(), 256u);
    int known = 0;
    for (const IrqAffinity& a : s.affinity)
        known += a.allowedKnown ? 1 : 0;
    QCOMPARE(known, 300); // every numeric IRQ has its affinity files in the fake tree
}

void TestIrqRates::collectorMissingFiles()
{
    QTemporaryDir dir;
    InterruptsCollector collector(dir.path().toStdString());
    const InterruptsSnapshot s = collector.sample(1.0);
    QCOMPARE(s.interruptsError, Error::FileMissing);
    QCOMPARE(s.softirqsError, Error::FileMissing);
    QVERIFY(s.interrupts.rows.empty());
}

void TestIrqRates::samplerPublishesAcrossThreads()
{
    // The worker in the shared sampler thread, pointed at the fake 256-CPU root: its snapshot
    // reaches this thread through a queued connection.
    registerSnapshotMetaTypes(); // as main.cpp does
    SamplerThread thread;
    auto* sampler = new InterruptsSampler(
        pgtest::fixturePath(QStringLiteral("procroot-256cpu")).toStdString());
    thread.adopt(sampler);
    InterruptsSnapshotPtr received;
    QObject receiver;
    connect(
        sampler, &InterruptsSampler::snapshotReady, &receiver,
        [&received](InterruptsSnapshotPtr s) { received = std::move(s); }, Qt::QueuedConnection);
    thread.start();
    QMetaObject::invokeMethod(
        sampler, [sampler] { sampler->setPaused(true); }, Qt::QueuedConnection);
    QMetaObject::invokeMethod(sampler, &InterruptsSampler::start, Qt::QueuedConnection);
    // Paused, start() takes no sample: one F5 does, and nothing follows it.
    QMetaObject::invokeMethod(sampler, &InterruptsSampler::refreshNow, Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(received != nullptr, 20000);
    QCOMPARE(received->interruptsError, Error::None);
    QCOMPARE(received->interrupts.cpuIds.size(), 256u);
    QCOMPARE(received->softirqs.rows.size(), 10u);
    QVERIFY(received->samplerCpuMs >= 0);
    thread.stop();
}

QTEST_GUILESS_MAIN(TestIrqRates)
#include "tst_irq_rates.moc"
