// SPDX-License-Identifier: GPL-3.0-or-later
// One process's details from PCP without a pmcd: the requests (every metric for that pid only,
// the parent's name through proc.psinfo.cmd, every metric optional), the mapping of a fixture
// fetch to PcpProcessDetails (each value, and for each missing one the reason: the host lacks the
// metric, refuses it, gave no value for the pid, the recording did not hold it; never a 0), the
// exited and reused pid, a host refusing per-process metrics, and PcpDetailsSampler over a fake
// session (restricted requests, the parent asked for from the second fetch on, errors passed on).

#include "core/metatypes/SnapshotTypes.h"
#include "core/pcp/PcpProcessDetails.h"
#include "core/sampler/PcpDetailsSampler.h"
#include "core/sampler/PcpHostFeed.h"

#include <QSignalSpy>
#include <QTest>
#include <algorithm>

using namespace pg;

namespace {

const PcpMetricRequest* request(const std::vector<PcpMetricRequest>& rs, const std::string& name)
{
    for (const PcpMetricRequest& r : rs) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}

void put(PcpFetch& f, const std::string& name, int inst, PcpValue v)
{
    for (PcpMetricValues& m : f.metrics) {
        if (m.name == name) {
            m.values.push_back({ inst, {}, std::move(v) });
            return;
        }
    }
    f.metrics.push_back({ name, {}, false, { { inst, {}, std::move(v) } } });
}

// Process 4242 ("worker", parent 1 "init") as pmdaproc on "hostA" gives it, without proc.io.*
// (refused) and without proc.smaps.lazyfree (an older pmdaproc), and with no proc.fd.count value
// for the pid (pmdaproc could not read its fd folder).
PcpFetch fixture()
{
    PcpFetch f;
    f.timestampSec = 1700000100.5;
    put(f, "kernel.all.boottime", -1, std::int64_t(1700000000));
    put(f, "proc.psinfo.cmd", 4242, std::string("worker"));
    put(f, "proc.psinfo.cmd", 1, std::string("init"));
    put(f, "proc.psinfo.psargs", 4242, std::string("worker --jobs 4"));
    put(f, "proc.psinfo.sname", 4242, std::string("S"));
    put(f, "proc.psinfo.wchan_s", 4242, std::string("do_epoll_wait"));
    put(f, "proc.psinfo.policy_s", 4242, std::string("SCHED_OTHER"));
    put(f, "proc.psinfo.exe", 4242, std::string("/usr/bin/worker"));
    put(f, "proc.psinfo.cwd", 4242, std::string("/srv"));
    put(f, "proc.psinfo.cgroups", 4242, std::string("0::/system.slice/worker.service"));
    put(f, "proc.psinfo.ttyname", 4242, std::string("?"));
    put(f, "proc.psinfo.ppid", 4242, std::int64_t(1));
    put(f, "proc.psinfo.nice", 4242, std::int64_t(5));
    put(f, "proc.psinfo.priority", 4242, std::int64_t(25));
    put(f, "proc.psinfo.rt_priority", 4242, std::uint64_t(0));
    put(f, "proc.psinfo.threads", 4242, std::uint64_t(3));
    put(f, "proc.psinfo.start_time", 4242, std::uint64_t(60000));
    put(f, "proc.psinfo.utime", 4242, std::uint64_t(1500));
    put(f, "proc.psinfo.stime", 4242, std::uint64_t(250));
    put(f, "proc.psinfo.vctxsw", 4242, std::uint64_t(77));
    put(f, "proc.psinfo.nvctxsw", 4242, std::uint64_t(9));
    put(f, "proc.psinfo.flags", 4242, std::uint64_t(0x400100));
    put(f, "proc.id.uid", 4242, std::uint64_t(1000));
    put(f, "proc.id.euid", 4242, std::uint64_t(0));
    put(f, "proc.id.uid_nm", 4242, std::string("alice"));
    put(f, "proc.id.euid_nm", 4242, std::string("root"));
    put(f, "proc.psinfo.vsize", 4242, std::uint64_t(100000));
    put(f, "proc.memory.rss", 4242, std::uint64_t(20000));
    put(f, "proc.memory.share", 4242, std::uint64_t(5000));
    put(f, "proc.smaps.rss", 4242, std::uint64_t(20004));
    put(f, "proc.smaps.pss", 4242, std::uint64_t(15000));
    put(f, "proc.smaps.pss_anon", 4242, std::uint64_t(12000));
    put(f, "proc.smaps.private_clean", 4242, std::uint64_t(1000));
    put(f, "proc.smaps.private_dirty", 4242, std::uint64_t(11000));
    put(f, "proc.smaps.swap", 4242, std::uint64_t(0));
    for (const char* io : { "proc.io.rchar", "proc.io.wchar", "proc.io.read_bytes" })
        f.metrics.push_back({ io, "No permission to perform requested operation", true, {} });
    f.metrics.push_back({ "proc.fd.count", {}, false, {} });
    return f;
}

// A session that answers every fetch with the fixture and remembers what was asked.
class FixtureSession final : public PcpSession
{
public:
    PcpFetchOutcome fetch(const std::vector<PcpMetricRequest>& metrics) override
    {
        asked.push_back(metrics);
        if (!failWith.empty())
            return { {}, failWith };
        return { fixture(), {} };
    }
    std::vector<std::vector<PcpMetricRequest>> asked;
    std::string failWith;
};

} // namespace

class TestPcpDetails : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { registerSnapshotMetaTypes(); }

    void requestsAreForThePidOnly()
    {
        const auto rs = pcpDetailsMetrics(4242, 1);
        QVERIFY(rs.size() > 60);
        for (const PcpMetricRequest& r : rs) {
            QVERIFY2(r.optional, r.name.c_str());
            if (r.name == "kernel.all.boottime") {
                QVERIFY(r.instances.empty()); // no instances: a profile would not apply
            } else if (r.name == "proc.psinfo.cmd") {
                QCOMPARE(r.instances, (std::vector<int> { 4242, 1 }));
            } else {
                QCOMPARE(r.instances, std::vector<int> { 4242 });
            }
        }
        for (const char* name : { "proc.psinfo.wchan_s", "proc.psinfo.policy_s",
                 "proc.psinfo.cgroups", "proc.psinfo.nvctxsw", "proc.id.euid_nm",
                 "proc.memory.textrss", "proc.io.cancelled_write_bytes", "proc.fd.count",
                 "proc.smaps.pss_anon", "proc.smaps.swappss" })
            QVERIFY2(request(rs, name), name);
        // Never what PCP cannot give faithfully (environ) or the whole table.
        QVERIFY(!request(rs, "proc.psinfo.environ"));
        // Without a known parent, cmd asks for the pid alone.
        QCOMPARE(
            request(pcpDetailsMetrics(7), "proc.psinfo.cmd")->instances, std::vector<int> { 7 });
        // The map page: identity, VIRT/RES/SHR and smaps, that pid only.
        const auto map = pcpMapTotalsMetrics(9);
        QVERIFY(request(map, "proc.smaps.pss"));
        QVERIFY(request(map, "proc.psinfo.vsize"));
        QVERIFY(!request(map, "proc.io.rchar"));
        for (const PcpMetricRequest& r : map)
            QCOMPARE(r.instances, std::vector<int> { 9 });
    }

    void mapsEveryValue()
    {
        const PcpProcessDetails d = processDetailsFromPcp(fixture(), 4242, 60000, "hostA", false);
        QVERIFY(d.error.empty());
        QVERIFY(!d.gone && !d.reused && !d.kernelThread);
        QCOMPARE(*d.cmd, std::string("worker"));
        QCOMPARE(*d.psargs, std::string("worker --jobs 4"));
        QCOMPARE(*d.state, std::string("S"));
        QCOMPARE(*d.wchan, std::string("do_epoll_wait"));
        QCOMPARE(*d.policy, std::string("SCHED_OTHER"));
        QCOMPARE(*d.exe, std::string("/usr/bin/worker"));
        QCOMPARE(*d.cwd, std::string("/srv"));
        QCOMPARE(*d.cgroups, std::string("0::/system.slice/worker.service"));
        QCOMPARE(*d.ppid, std::int64_t(1));
        QCOMPARE(*d.parentCmd, std::string("init"));
        QCOMPARE(*d.nice, std::int64_t(5));
        QCOMPARE(*d.priority, std::int64_t(25));
        QCOMPARE(*d.threads, std::uint64_t(3));
        QCOMPARE(*d.utimeMs, std::uint64_t(1500));
        QCOMPARE(*d.stimeMs, std::uint64_t(250));
        QCOMPARE(*d.voluntaryCtxsw, std::uint64_t(77));
        QCOMPARE(*d.involuntaryCtxsw, std::uint64_t(9));
        QCOMPARE(*d.uid, std::uint64_t(1000));
        QCOMPARE(*d.euid, std::uint64_t(0));
        QCOMPARE(*d.user, std::string("alice"));
        QCOMPARE(*d.effectiveUser, std::string("root"));
        QCOMPARE(*d.sizeKib, std::uint64_t(100000));
        QCOMPARE(*d.rssKib, std::uint64_t(20000));
        QCOMPARE(*d.shareKib, std::uint64_t(5000));
        QCOMPARE(*d.smaps.pssKib, std::uint64_t(15000));
        QCOMPARE(*d.smaps.pssAnonKib, std::uint64_t(12000));
        QCOMPARE(*d.smaps.ussKib(), std::uint64_t(12000)); // private clean + dirty
        QCOMPARE(*d.smaps.swapKib, std::uint64_t(0)); // a real 0 is a value
        QCOMPARE(d.startUnixMs(), std::optional<std::int64_t>(1700000060000));
        QCOMPARE(d.timestampSec, 1700000100.5);
    }

    void eachMissingValueSaysWhy()
    {
        const PcpProcessDetails d = processDetailsFromPcp(fixture(), 4242, 60000, "hostA", false);
        // Refused (PM_ERR_PERMISSION): what would allow it.
        QVERIFY(!d.rcharBytes);
        QVERIFY2(d.rcharBytes.why.find("proc.io.rchar refused") != std::string::npos
                && d.rcharBytes.why.find("PM_ERR_PERMISSION") != std::string::npos
                && d.rcharBytes.why.find("pcps://") != std::string::npos,
            d.rcharBytes.why.c_str());
        // The host does not have the metric.
        QVERIFY(!d.smaps.lazyFreeKib);
        QCOMPARE(d.smaps.lazyFreeKib.why,
            std::string("hostA has no proc.smaps.lazyfree (its pmdaproc does not provide it)"));
        // The metric came, without a value for this pid.
        QVERIFY(!d.fdCount);
        QVERIFY2(d.fdCount.why.starts_with("pmdaproc on hostA gave no proc.fd.count for process "
                                           "4242: it reads as the connecting user"),
            d.fdCount.why.c_str());
        // USS needs both halves; its reason is the missing half's.
        PcpFetch half = fixture();
        half.metrics.erase(
            std::remove_if(half.metrics.begin(), half.metrics.end(),
                [](const PcpMetricValues& m) { return m.name == "proc.smaps.private_dirty"; }),
            half.metrics.end());
        const auto uss = processDetailsFromPcp(half, 4242, 0, "hostA", false).smaps.ussKib();
        QVERIFY(!uss);
        QVERIFY2(uss.why.find("proc.smaps.private_dirty") != std::string::npos, uss.why.c_str());
        // Every value is either there or explained: no empty reason anywhere.
        for (const auto* v : { &d.rcharBytes, &d.wcharBytes, &d.readBytes, &d.fdCount,
                 &d.smaps.lazyFreeKib, &d.vmPeakKib, &d.textRssKib })
            QVERIFY(v->value || !v->why.empty());
    }

    void aRecordingSaysWhatItDidNotHold()
    {
        const PcpProcessDetails d
            = processDetailsFromPcp(fixture(), 4242, 60000, "archive lunch", true);
        QCOMPARE(d.vmPeakKib.why,
            std::string("archive lunch has no proc.memory.vmpeak (it was "
                        "not recorded)"));
        QCOMPARE(
            d.fdCount.why, std::string("archive lunch holds no proc.fd.count for process 4242"));
    }

    void exitedReusedAndRefused()
    {
        // Not in the fetch: exited.
        PcpProcessDetails d = processDetailsFromPcp(fixture(), 5555, 0, "hostA", false);
        QVERIFY(d.gone);
        QVERIFY(d.error.empty());
        // Another start time: another process with the pid.
        d = processDetailsFromPcp(fixture(), 4242, 59999, "hostA", false);
        QVERIFY(d.reused);
        // 0: whatever process has the pid.
        QVERIFY(!processDetailsFromPcp(fixture(), 4242, 0, "hostA", false).reused);
        // The host refuses per-process metrics: one line for everything, saying what would work.
        PcpFetch refused = fixture();
        for (PcpMetricValues& m : refused.metrics) {
            if (m.name.starts_with("proc.")) {
                m.values.clear();
                m.permissionDenied = true;
                m.error = "No permission to perform requested operation";
            }
        }
        d = processDetailsFromPcp(refused, 4242, 0, "hostA", false);
        QVERIFY2(d.error.find("PM_ERR_PERMISSION") != std::string::npos, d.error.c_str());
        QVERIFY(!d.cmd);
        // A kernel thread (PF_KTHREAD).
        PcpFetch kthread = fixture();
        for (PcpMetricValues& m : kthread.metrics) {
            if (m.name == "proc.psinfo.flags")
                m.values.front().value = std::uint64_t(0x00208040);
        }
        QVERIFY(processDetailsFromPcp(kthread, 4242, 0, "hostA", false).kernelThread);
    }

    void theSamplerAsksForThePidAndItsParent()
    {
        auto* session = new FixtureSession;
        auto feed = std::make_shared<PcpHostFeed>(
            "hostA", [session](std::string*) { return std::unique_ptr<PcpSession>(session); });
        PcpDetailsSampler sampler(feed, PcpDetailsSampler::Kind::Details, false);
        QSignalSpy ready(&sampler, &PcpDetailsSampler::pcpDetailsReady);
        sampler.start();
        QCOMPARE(ready.count(), 0); // nothing selected: nothing fetched
        QCOMPARE(session->asked.size(), std::size_t(0));
        sampler.setProcess(4242, 60000);
        QCOMPARE(ready.count(), 1);
        auto first = ready.takeFirst().at(0).value<PcpDetailsPtr>();
        QCOMPARE(first->key.pid, 4242);
        QCOMPARE(*first->details.cmd, std::string("worker"));
        QCOMPARE(request(session->asked.back(), "proc.psinfo.cmd")->instances,
            std::vector<int> { 4242 });
        QCOMPARE(
            request(session->asked.back(), "proc.smaps.pss")->instances, std::vector<int> { 4242 });
        // The same selection again fetches nothing (and keeps the parent it learnt).
        const std::size_t asked = session->asked.size();
        sampler.setProcess(4242, 60000);
        QCOMPARE(ready.count(), 0);
        QCOMPARE(session->asked.size(), asked);
        // The next fetch also asks for the parent's name.
        sampler.refreshNow();
        QCOMPARE(ready.count(), 1);
        QCOMPARE(request(session->asked.back(), "proc.psinfo.cmd")->instances,
            (std::vector<int> { 4242, 1 }));
        // A failing fetch is the sample's error.
        session->failWith = "lost the connection to pmcd at hostA";
        sampler.refreshNow();
        QCOMPARE(ready.count(), 2);
        auto failed = ready.at(1).at(0).value<PcpDetailsPtr>();
        QCOMPARE(failed->details.error, std::string("lost the connection to pmcd at hostA"));
        // Deselected: nothing more is fetched.
        const std::size_t before = session->asked.size();
        sampler.setProcess(0, 0);
        sampler.refreshNow();
        QCOMPARE(session->asked.size(), before);
    }

    void theMapSamplerAsksForTotalsAndPinsTheProcess()
    {
        auto* session = new FixtureSession;
        auto feed = std::make_shared<PcpHostFeed>(
            "hostA", [session](std::string*) { return std::unique_ptr<PcpSession>(session); });
        PcpDetailsSampler sampler(feed, PcpDetailsSampler::Kind::MapTotals, false);
        QSignalSpy ready(&sampler, &PcpDetailsSampler::pcpDetailsReady);
        sampler.start();
        sampler.setProcess(4242, 0); // whatever process has the pid now
        QCOMPARE(ready.count(), 1);
        const auto sample = ready.at(0).at(0).value<PcpDetailsPtr>();
        QCOMPARE(sample->key.startTimeTicks, quint64(60000)); // pinned
        QCOMPARE(*sample->details.smaps.pssKib, std::uint64_t(15000));
        QVERIFY(!request(session->asked.back(), "proc.io.rchar"));
    }
};

QTEST_MAIN(TestPcpDetails)
#include "tst_pcp_details.moc"
