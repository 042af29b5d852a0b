// SPDX-License-Identifier: GPL-3.0-or-later
// The samplers' PCP data source (core/sampler/Pcp*Source, PcpHostFeed) with a fake PcpSession, no
// pmcd: one session per host shared by the three sources and opened at the first fetch; CPU %,
// interrupt and system rates from two successive fetches over the host's timestamps; a failing
// fetch, an unreachable host and a host that refuses per-process metrics each give a message
// (listError / sourceError), never an empty table without a reason; proc.io.* is fetched only
// while asked for; the ProcessSampler publishes what the source made.

#include "core/metatypes/SnapshotTypes.h"
#include "core/pcp/PcpProcesses.h"
#include "core/sampler/PcpHostFeed.h"
#include "core/sampler/PcpInterruptsSource.h"
#include "core/sampler/PcpProcessSource.h"
#include "core/sampler/PcpSystemSource.h"
#include "core/sampler/ProcessSampler.h"

#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <cmath>

using namespace pg;

namespace {

bool asked(const std::vector<PcpMetricRequest>& metrics, const std::string& name)
{
    return std::any_of(
        metrics.begin(), metrics.end(), [&](const PcpMetricRequest& m) { return m.name == name; });
}

// A host with two processes, two CPUs and one IRQ. Every fetch is 2 s after the one before; pid 42
// uses 500 ms of CPU per fetch (12.5 %), IRQ 24 fires 100 times on cpu1 (50/s), the machine
// spends 1,000 of its 4,000 CPU ms busy (25 %).
class FakeSession final : public PcpSession
{
public:
    PcpFetchOutcome fetch(const std::vector<PcpMetricRequest>& metrics) override
    {
        ++fetches;
        lastAsked = metrics;
        if (!failWith.empty())
            return { {}, failWith };
        if (lacksSoftirqs && asked(metrics, "kernel.percpu.softirqs"))
            return { {}, "metric kernel.percpu.softirqs is not available from fakehost" };
        const std::uint64_t n = ++m_round;
        PcpFetch f;
        f.timestampSec = 1000.0 + 2.0 * static_cast<double>(n);
        for (const PcpMetricRequest& r : metrics)
            f.metrics.push_back({ r.name, {}, false, {} });
        auto put = [&f](const std::string& name, int inst, PcpValue v, std::string instName = {}) {
            for (PcpMetricValues& m : f.metrics) {
                if (m.name == name) {
                    m.values.push_back({ inst, std::move(instName), std::move(v) });
                    return;
                }
            }
        };
        if (asked(metrics, "proc.psinfo.cmd")) {
            if (refuseProcesses) {
                for (PcpMetricValues& m : f.metrics) {
                    if (m.name.starts_with("proc.")) {
                        m.permissionDenied = true;
                        m.error = "No permission to perform requested operation";
                    }
                }
            }
            put("kernel.all.boottime", -1, std::int64_t(1700000000));
            for (int pid : { 42, 77 }) {
                put("proc.psinfo.cmd", pid, std::string(pid == 42 ? "busy" : "idle"));
                put("proc.psinfo.psargs", pid, std::string("prog"));
                put("proc.psinfo.sname", pid, std::string("S"));
                put("proc.psinfo.ppid", pid, std::uint64_t(1));
                put("proc.psinfo.flags", pid, std::uint64_t(0));
                put("proc.psinfo.nice", pid, std::int64_t(0));
                put("proc.psinfo.priority", pid, std::int64_t(20));
                put("proc.psinfo.threads", pid, std::uint64_t(1));
                put("proc.psinfo.utime", pid, std::uint64_t(pid == 42 ? 400 * n : 10));
                put("proc.psinfo.stime", pid, std::uint64_t(pid == 42 ? 100 * n : 10));
                put("proc.psinfo.start_time", pid, std::uint64_t(5000 + pid));
                put("proc.psinfo.processor", pid, std::uint64_t(0));
                put("proc.id.uid", pid, std::uint64_t(1000));
                put("proc.id.uid_nm", pid, std::string("alice"));
                put("proc.psinfo.vsize", pid, std::uint64_t(4000));
                put("proc.memory.rss", pid, std::uint64_t(1000));
                put("proc.memory.share", pid, std::uint64_t(500));
                put("proc.io.read_bytes", pid, std::uint64_t(4096 * n));
                put("proc.io.write_bytes", pid, std::uint64_t(0));
            }
        }
        if (asked(metrics, "mem.physmem")) {
            put("mem.physmem", -1, std::uint64_t(8000000));
            put("mem.util.free", -1, std::uint64_t(2000000));
            put("mem.util.available", -1, std::uint64_t(4000000));
            // Per fetch: 1,000 ms user, 3,000 ms idle over the two CPUs.
            put("kernel.all.cpu.user", -1, std::uint64_t(1000 * n));
            put("kernel.all.cpu.idle", -1, std::uint64_t(3000 * n));
            put("kernel.percpu.cpu.user", 0, std::uint64_t(500 * n), "cpu0");
            put("kernel.percpu.cpu.user", 1, std::uint64_t(500 * n), "cpu1");
            put("kernel.percpu.cpu.idle", 0, std::uint64_t(1500 * n), "cpu0");
            put("kernel.percpu.cpu.idle", 1, std::uint64_t(1500 * n), "cpu1");
            put("kernel.all.pswitch", -1, std::uint64_t(600 * n));
        }
        if (asked(metrics, "kernel.percpu.interrupts")) {
            put("kernel.percpu.interrupts", 0, std::uint64_t(7), "24::cpu0");
            put("kernel.percpu.interrupts", 1, std::uint64_t(100 * n), "24::cpu1");
            put("kernel.all.interrupts.errors", -1, std::uint64_t(0));
            put("kernel.all.interrupts.missed", -1, std::uint64_t(0));
        }
        if (asked(metrics, "kernel.percpu.softirqs")) {
            put("kernel.percpu.softirqs", 0, std::uint64_t(40 * n), "TIMER::cpu0");
            put("kernel.percpu.softirqs", 1, std::uint64_t(2), "TIMER::cpu1");
            put("kernel.percpu.softirqs", 2, std::uint64_t(8 * n), "NET_RX::cpu0");
            put("kernel.percpu.softirqs", 3, std::uint64_t(0), "NET_RX::cpu1");
        }
        return { std::move(f), {} };
    }

    int fetches = 0;
    std::string failWith;
    bool refuseProcesses = false;
    bool lacksSoftirqs = false; // an older pmdalinux: asking for softirqs fails the fetch
    std::vector<PcpMetricRequest> lastAsked;

private:
    std::uint64_t m_round = 0;
};

struct Host
{
    FakeSession* session = nullptr; // owned by the feed once opened
    int opens = 0;
    std::shared_ptr<PcpHostFeed> feed;

    explicit Host(std::string openError = {})
    {
        feed = std::make_shared<PcpHostFeed>(
            "fakehost", [this, openError](std::string* error) -> std::unique_ptr<PcpSession> {
                ++opens;
                if (!openError.empty()) {
                    *error = openError;
                    return nullptr;
                }
                auto s = std::make_unique<FakeSession>();
                session = s.get();
                return s;
            });
    }
};

const ProcessInfo* find(const ProcessSnapshot& s, int pid)
{
    for (const ProcessInfo& p : s.processes) {
        if (p.key.pid == pid)
            return &p;
    }
    return nullptr;
}

} // namespace

class TestPcpSources : public QObject
{
    Q_OBJECT

private slots:
    void processRatesComeFromTwoFetches()
    {
        Host host;
        PcpProcessSource source(host.feed);
        QCOMPARE(host.opens, 0); // nothing opened before the first sample
        const ProcessSnapshot first = source.sample();
        QCOMPARE(host.opens, 1);
        QVERIFY2(first.listError.empty(), first.listError.c_str());
        QCOMPARE(first.processes.size(), std::size_t(2));
        QVERIFY(std::isnan(find(first, 42)->cpuPercent)); // one fetch: no rate yet
        QCOMPARE(first.procRoot, std::string("fakehost"));

        const ProcessSnapshot second = source.sample();
        QCOMPARE(host.opens, 1);
        QVERIFY(second.sequence > first.sequence);
        QCOMPARE(second.elapsedSeconds, 2.0);
        // 500 ms of CPU in 2 s of the host's clock.
        QCOMPARE(find(second, 42)->cpuPercent, 25.0);
        QCOMPARE(find(second, 77)->cpuPercent, 0.0);
        QCOMPARE(find(second, 42)->key.startTimeTicks, std::uint64_t(5042));
        // The summary strip: the host's memory and CPU busy (1,000 of 4,000 ms) from the same
        // fetch; one fetch per sample.
        QVERIFY(second.system.memInfo.has_value());
        QCOMPARE(second.system.cpuCount, 2);
        QCOMPARE(second.system.cpuBusyPercent, 25.0);
        QCOMPARE(host.session->fetches, 2);
    }

    void ioIsFetchedOnlyWhileAskedFor()
    {
        Host host;
        PcpProcessSource source(host.feed);
        (void)source.sample();
        QVERIFY(!asked(host.session->lastAsked, "proc.io.read_bytes"));
        source.setReadIo(true);
        (void)source.sample();
        QVERIFY(asked(host.session->lastAsked, "proc.io.read_bytes"));
        const ProcessSnapshot snap = source.sample();
        QVERIFY(snap.ioSampled);
        QCOMPARE(find(snap, 42)->ioReadBytesPerS, 2048.0); // 4,096 bytes in 2 s
    }

    void aFailingFetchIsAMessage()
    {
        Host host;
        PcpProcessSource source(host.feed);
        (void)source.sample();
        (void)source.sample();
        host.session->failWith = "lost the connection to pmcd at fakehost";
        const ProcessSnapshot failed = source.sample();
        QVERIFY(failed.processes.empty());
        QVERIFY2(
            failed.listError.find("lost the connection to pmcd at fakehost") != std::string::npos,
            failed.listError.c_str());
        // Back: the first fetch after the gap has no rate (nothing across the gap).
        host.session->failWith.clear();
        const ProcessSnapshot back = source.sample();
        QVERIFY(back.listError.empty());
        QVERIFY(std::isnan(find(back, 42)->cpuPercent));
        QCOMPARE(find(source.sample(), 42)->cpuPercent, 25.0);
    }

    void anUnreachableHostIsAMessageOnEveryPage()
    {
        Host host("cannot connect to pmcd at fakehost: Connection refused");
        PcpProcessSource processes(host.feed);
        PcpSystemSource system(host.feed);
        PcpInterruptsSource interrupts(host.feed);
        const ProcessSnapshot p = processes.sample();
        QCOMPARE(
            p.listError, std::string("cannot connect to pmcd at fakehost: Connection refused"));
        const SystemOverview o = system.sample(&p);
        QCOMPARE(o.sourceError, p.listError);
        QVERIFY(!o.stat.ok() && !o.memory.ok());
        const InterruptsSnapshot i = interrupts.sample();
        QCOMPARE(i.sourceError, p.listError);
        QCOMPARE(i.interruptsError, Error::IoError);
        // Not tried again on every tick: once, until the retry delay has passed.
        QCOMPARE(host.opens, 1);
    }

    void aPasswordInTheSpecIsNotInTheMessages()
    {
        const std::string spec = "pcps://db1?username=alice&password=sekret";
        auto feed = std::make_shared<PcpHostFeed>(
            "pcps://db1?username=alice", [spec](std::string* error) -> std::unique_ptr<PcpSession> {
                *error = "cannot connect to pmcd at " + spec + ": Connection refused";
                return nullptr;
            });
        feed->redactInErrors(spec);
        PcpProcessSource source(feed);
        const ProcessSnapshot snap = source.sample();
        QCOMPARE(snap.listError,
            std::string("cannot connect to pmcd at pcps://db1?username=alice: Connection refused"));
    }

    void aRefusingHostSaysHowToBeAllowed()
    {
        Host host;
        PcpProcessSource source(host.feed);
        (void)host.feed->fetch(PcpStream::System, {}); // open the session
        host.session->refuseProcesses = true;
        const ProcessSnapshot snap = source.sample();
        QVERIFY(snap.processes.empty());
        QCOMPARE(snap.listError, pcpPermissionHint("fakehost"));
    }

    void oneSessionForTheThreeSourcesAndSystemRatesFollowTheTable()
    {
        Host host;
        PcpProcessSource processes(host.feed);
        PcpSystemSource system(host.feed);
        PcpInterruptsSource interrupts(host.feed);
        for (int round = 0; round < 2; ++round) {
            const ProcessSnapshot p = processes.sample();
            const SystemOverview o = system.sample(&p);
            QVERIFY(o.sourceError.empty());
            QVERIFY(o.memory.ok());
            if (round == 1) {
                QVERIFY(o.now.cpu.valid);
                QCOMPARE(o.now.cpu.user, 25.0);
                QCOMPARE(o.now.cpu.idle, 75.0);
                QCOMPARE(*o.now.contextSwitchesPerSec, 300.0); // 600 in 2 s
                QCOMPARE(o.cpuShares.size(), std::size_t(2));
            }
        }
        // The System page built on the table's fetches: no fetch of its own.
        QCOMPARE(host.session->fetches, 2);
        const InterruptsSnapshot first = interrupts.sample();
        QVERIFY(!first.irqRates.hasRates);
        const InterruptsSnapshot second = interrupts.sample();
        QVERIFY(second.irqRates.hasRates);
        QCOMPARE(second.interrupts.rows.at(0).name, std::string("24"));
        QCOMPARE(second.irqRates.rows.at(0).rate, 50.0); // 100 on cpu1 in 2 s
        // The softirqs from the same fetch, with their rates.
        QCOMPARE(second.softirqsError, Error::None);
        QCOMPARE(second.softirqs.rows.size(), std::size_t(2));
        QCOMPARE(second.softirqs.rows.at(0).name, std::string("TIMER"));
        QVERIFY(second.softirqRates.hasRates);
        QCOMPARE(second.softirqRates.rows.at(0).rate, 20.0); // 40 on cpu0 in 2 s
        QCOMPARE(host.opens, 1);
        QCOMPARE(host.session->fetches, 4);
        // Without a fresh process tick (the page shown between two ticks) it fetches itself.
        const SystemOverview own = system.sample(nullptr);
        QVERIFY(own.memory.ok());
        QCOMPARE(host.session->fetches, 5);
    }

    // A host without kernel.percpu.softirqs: the interrupts alone (one retry, then one fetch per
    // sample), and the softirqs said to be missing.
    void aHostWithoutSoftirqsStillGivesInterrupts()
    {
        Host host;
        PcpInterruptsSource interrupts(host.feed);
        (void)interrupts.sample(); // opens the session
        host.session->lacksSoftirqs = true;
        const int before = host.session->fetches;
        const InterruptsSnapshot s = interrupts.sample();
        QVERIFY2(s.sourceError.empty(), s.sourceError.c_str());
        QCOMPARE(s.interruptsError, Error::None);
        QCOMPARE(s.softirqsError, Error::FileMissing);
        QVERIFY(!s.interrupts.rows.empty());
        QCOMPARE(host.session->fetches, before + 2);
        (void)interrupts.sample();
        QCOMPARE(host.session->fetches, before + 3);
    }

    void theSamplerPublishesWhatTheSourceMade()
    {
        registerSnapshotMetaTypes();
        Host host;
        ProcessSampler sampler(std::make_unique<PcpProcessSource>(host.feed), false);
        QSignalSpy spy(&sampler, &ProcessSampler::snapshotReady);
        sampler.setPaused(true);
        sampler.start();
        QCOMPARE(spy.count(), 0);
        sampler.setPaused(false); // resuming samples at once
        QCOMPARE(spy.count(), 1);
        const auto snap = spy.at(0).at(0).value<ProcessSnapshotPtr>();
        QCOMPARE(snap->processes.size(), std::size_t(2));
        QVERIFY(!sampler.readsIo());
        sampler.setReadIo(true);
        QVERIFY(sampler.readsIo());
    }
};

QTEST_GUILESS_MAIN(TestPcpSources)
#include "tst_pcp_sources.moc"
