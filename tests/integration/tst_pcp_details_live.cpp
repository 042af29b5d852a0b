// SPDX-License-Identifier: GPL-3.0-or-later
// Per-pid fetches through the procglass-pcp module against a private pmcd (tests/support/
// PrivatePmcd.h) on this machine, compared with /proc of a child this test starts (a known name,
// working directory and 48 MiB of touched memory): an instance profile restricts a fetch to the
// pid asked for, two requests of one indom each keep their own pids, and the next whole-table
// fetch again gets every pid (the profile is put back); the details PCP gives (name, parent,
// threads, nice, user, exe, cwd, memory, io, descriptors, context switches) agree with /proc; the
// smaps totals agree with /proc/PID/smaps_rollup within a tolerance. Skipped with the reason when
// pcp is not installed.

#include "PcpModuleLoader.h"
#include "core/pcp/PcpProcessDetails.h"
#include "core/pcp/PcpSession.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/PcpModule.h"
#include "tests/support/PrivatePmcd.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <cstring>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>

using namespace pg;

namespace {

std::unique_ptr<PcpSession> openSession(const std::string& spec, std::string* error)
{
    return pcpSessionOpenerFrom(pgtest::kPcpModule, spec)(error);
}

QByteArray readProc(int pid, const char* file)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(file)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// "Name:  value kB" lines of /proc/PID/status or smaps_rollup: the number.
std::uint64_t fieldOf(const QByteArray& text, const char* name)
{
    for (const QByteArray& line : text.split('\n')) {
        if (line.startsWith(QByteArray(name) + ':'))
            return line.mid(static_cast<int>(std::strlen(name)) + 1)
                .trimmed()
                .split(' ')
                .first()
                .toULongLong();
    }
    return 0;
}

std::vector<int> instancesOf(const PcpFetch& f, const std::string& name)
{
    std::vector<int> out;
    if (const PcpMetricValues* m = f.find(name)) {
        for (const PcpInstanceValue& v : m->values)
            out.push_back(v.instance);
    }
    return out;
}

constexpr std::size_t kChildBytes = 48u << 20;

} // namespace

class TestPcpDetailsLive : public QObject
{
    Q_OBJECT

private:
    pgtest::PrivatePmcd m_pmcd;
    std::unique_ptr<PcpSession> m_session;
    pgtest::Child m_child;

private slots:
    void initTestCase()
    {
        PCP_MODULE_OR_SKIP();
        PRIVATE_PMCD_START_OR_SKIP(m_pmcd);
        std::string error;
        m_session = openSession(m_pmcd.hostSpec().toStdString(), &error);
        QVERIFY2(m_session, error.c_str());
        m_child.pid = pgtest::forkReadyChild([] {
            if (::prctl(PR_SET_NAME, "pgdetails-kid", 0, 0, 0) != 0 || ::chdir("/tmp") != 0
                || ::setpriority(PRIO_PROCESS, 0, 7) != 0)
                return false;
            void* p = ::mmap(
                nullptr, kChildBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (p == MAP_FAILED)
                return false;
            std::memset(p, 0x5a, kChildBytes); // resident, private, dirty
            return true;
        });
        QVERIFY(m_child.pid > 0);
    }

    void aRestrictedFetchGetsOnlyThatPid()
    {
        PcpMetricRequest cmd { "proc.psinfo.cmd" };
        cmd.instances = { m_child.pid };
        PcpMetricRequest rss { "proc.memory.rss" };
        rss.instances = { m_child.pid };
        const PcpFetchOutcome one = m_session->fetch({ cmd, rss });
        QVERIFY2(one.error.empty(), one.error.c_str());
        QCOMPARE(instancesOf(one.fetch, "proc.psinfo.cmd"), std::vector<int> { m_child.pid });
        QCOMPARE(instancesOf(one.fetch, "proc.memory.rss"), std::vector<int> { m_child.pid });
        QCOMPARE(std::get<std::string>(one.fetch.find("proc.psinfo.cmd")->values[0].value),
            std::string("pgdetails-kid"));

        // Two requests of the proc indom with different pids: each gets its own.
        const int self = static_cast<int>(::getpid());
        PcpMetricRequest ppid { "proc.psinfo.ppid" };
        ppid.instances = { self };
        const PcpFetchOutcome two = m_session->fetch({ cmd, ppid });
        QVERIFY2(two.error.empty(), two.error.c_str());
        QCOMPARE(instancesOf(two.fetch, "proc.psinfo.cmd"), std::vector<int> { m_child.pid });
        QCOMPARE(instancesOf(two.fetch, "proc.psinfo.ppid"), std::vector<int> { self });

        // The whole table again right after: every pid, the profile is put back.
        const PcpFetchOutcome all = m_session->fetch({ { "proc.psinfo.cmd" } });
        QVERIFY2(all.error.empty(), all.error.c_str());
        const std::vector<int> pids = instancesOf(all.fetch, "proc.psinfo.cmd");
        auto has
            = [&pids](int pid) { return std::find(pids.begin(), pids.end(), pid) != pids.end(); };
        QVERIFY(has(m_child.pid));
        QVERIFY(has(self));
        QVERIFY(has(static_cast<int>(m_pmcd.pid())));
        QVERIFY(has(1));
        int processes = 0;
        for (const QString& e : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            bool number = false;
            e.toInt(&number);
            processes += number ? 1 : 0;
        }
        // The same machine: about as many as /proc lists (processes come and go in between).
        QVERIFY2(static_cast<int>(pids.size()) > processes * 3 / 4,
            qPrintable(
                QStringLiteral("%1 pids from pmcd, %2 in /proc").arg(pids.size()).arg(processes)));
    }

    void anOptionalMetricTheHostLacksIsLeftOut()
    {
        PcpMetricRequest cmd { "proc.psinfo.cmd" };
        cmd.instances = { m_child.pid };
        PcpMetricRequest nonsense { "proc.psinfo.no_such_metric" };
        nonsense.optional = true;
        const PcpFetchOutcome out = m_session->fetch({ cmd, nonsense });
        QVERIFY2(out.error.empty(), out.error.c_str());
        QVERIFY(!out.fetch.find("proc.psinfo.no_such_metric"));
        const PcpProcessDetails d = processDetailsFromPcp(out.fetch, m_child.pid, 0, "here", false);
        QCOMPARE(*d.cmd, std::string("pgdetails-kid"));
        // Not optional: the fetch fails and says which.
        nonsense.optional = false;
        const PcpFetchOutcome failed = m_session->fetch({ cmd, nonsense });
        QVERIFY(failed.error.find("proc.psinfo.no_such_metric") != std::string::npos);
    }

    void theDetailsAgreeWithProc()
    {
        const int pid = m_child.pid;
        const PcpFetchOutcome out
            = m_session->fetch(pcpDetailsMetrics(pid, static_cast<int>(::getpid())));
        QVERIFY2(out.error.empty(), out.error.c_str());
        // Only the child (and, for the name, its parent) came.
        QCOMPARE(instancesOf(out.fetch, "proc.smaps.pss"), std::vector<int> { pid });
        const PcpProcessDetails d = processDetailsFromPcp(out.fetch, pid, 0, "here", false);
        QVERIFY2(d.error.empty(), d.error.c_str());
        QVERIFY(!d.gone && !d.reused && !d.kernelThread);
        QCOMPARE(*d.cmd, std::string("pgdetails-kid"));
        QCOMPARE(*d.ppid, std::int64_t(::getpid()));
        QVERIFY(d.parentCmd);
        QCOMPARE(QByteArray::fromStdString(*d.parentCmd), readProc(::getpid(), "comm").trimmed());
        QCOMPARE(*d.nice, std::int64_t(7));
        QCOMPARE(*d.threads, std::uint64_t(1));
        QCOMPARE(*d.uid, std::uint64_t(::getuid()));
        QVERIFY(d.user && !d.user->empty());
        QCOMPARE(*d.cwd, std::string("/tmp"));
        QCOMPARE(QString::fromStdString(*d.exe),
            QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(pid)));
        QVERIFY(d.state && (*d.state == "S" || *d.state == "R"));
        QCOMPARE(*d.policy, std::string("NORMAL")); // pmdaproc's name; the view says SCHED_OTHER
        QCOMPARE(*d.policyNumber, std::uint64_t(0));
        // Memory: the 48 MiB the child touched, as /proc/PID/status says.
        const QByteArray status = readProc(pid, "status");
        QCOMPARE(*d.sizeKib, fieldOf(status, "VmSize"));
        QVERIFY(*d.rssKib >= kChildBytes / 1024);
        QVERIFY(qAbs(qint64(*d.rssKib) - qint64(fieldOf(status, "VmRSS"))) < 1024);
        QVERIFY(d.dataRssKib && *d.dataRssKib >= kChildBytes / 1024);
        QVERIFY(d.vmHwmKib && *d.vmHwmKib >= kChildBytes / 1024);
        // Context switches: a sleeping child's count stands still.
        QCOMPARE(*d.voluntaryCtxsw, fieldOf(status, "voluntary_ctxt_switches"));
        QCOMPARE(*d.involuntaryCtxsw, fieldOf(status, "nonvoluntary_ctxt_switches"));
        // io and fd: this user's child, over the unix socket, so pmdaproc may read them.
        const QByteArray io = readProc(pid, "io");
        QVERIFY2(d.rcharBytes, d.rcharBytes.why.c_str());
        QCOMPARE(*d.rcharBytes, fieldOf(io, "rchar"));
        QCOMPARE(*d.writeSyscalls, fieldOf(io, "syscw"));
        QVERIFY(d.cancelledWriteBytes);
        QVERIFY2(d.fdCount, d.fdCount.why.c_str());
        const int fds = static_cast<int>(
            QDir(QStringLiteral("/proc/%1/fd").arg(pid))
                .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)
                .size());
        QCOMPARE(static_cast<int>(*d.fdCount), fds);
        QVERIFY(d.cgroups);
        QVERIFY(d.startUnixMs());
    }

    void theMapTotalsAgreeWithSmapsRollup()
    {
        const int pid = m_child.pid;
        const PcpFetchOutcome out = m_session->fetch(pcpMapTotalsMetrics(pid));
        QVERIFY2(out.error.empty(), out.error.c_str());
        const QByteArray rollup = readProc(pid, "smaps_rollup");
        QVERIFY(!rollup.isEmpty());
        const PcpSmapsTotals s = processDetailsFromPcp(out.fetch, pid, 0, "here", false).smaps;
        // A sleeping child: its private memory does not move; shared libraries' Pss may (other
        // processes start and exit), so 1 MiB of slack.
        auto close
            = [](std::uint64_t a, std::uint64_t b) { return qAbs(qint64(a) - qint64(b)) <= 1024; };
        QVERIFY2(s.rssKib && close(*s.rssKib, fieldOf(rollup, "Rss")), s.rssKib.why.c_str());
        QVERIFY(s.pssKib && close(*s.pssKib, fieldOf(rollup, "Pss")));
        QVERIFY(s.pssAnonKib && close(*s.pssAnonKib, fieldOf(rollup, "Pss_Anon")));
        QVERIFY(s.privateDirtyKib && close(*s.privateDirtyKib, fieldOf(rollup, "Private_Dirty")));
        QVERIFY(s.anonymousKib && close(*s.anonymousKib, fieldOf(rollup, "Anonymous")));
        const auto uss = s.ussKib();
        QVERIFY(uss && *uss >= kChildBytes / 1024);
        QVERIFY(close(*uss, fieldOf(rollup, "Private_Clean") + fieldOf(rollup, "Private_Dirty")));
        QVERIFY(s.swapKib);
    }

    void overTcpEveryValueIsRefusedWithTheReason()
    {
        PRIVATE_PMCD_SKIP_UNLESS_TCP();
        std::string error;
        auto tcp = openSession(m_pmcd.tcpHostSpec().toStdString(), &error);
        QVERIFY2(tcp, error.c_str());
        const PcpFetchOutcome out = tcp->fetch(pcpDetailsMetrics(m_child.pid));
        QVERIFY2(out.error.empty(), out.error.c_str());
        const PcpProcessDetails d
            = processDetailsFromPcp(out.fetch, m_child.pid, 0, "127.0.0.1", false);
        QVERIFY2(d.error.find("PM_ERR_PERMISSION") != std::string::npos, d.error.c_str());
        QVERIFY(!d.cmd && !d.smaps.pssKib);
    }
};

QTEST_MAIN(TestPcpDetailsLive)
#include "tst_pcp_details_live.moc"
