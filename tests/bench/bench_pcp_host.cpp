// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: the window's process sampler reading a host over Performance Co-Pilot against the
// same sampler reading the local /proc, in one run, on the same processes.
//
// The "host" is a private pmcd on this machine (tests/support/PrivatePmcd.h: pmcd, pmdaproc,
// pmdalinux on a unix socket), so both read the same processes: the live ones plus 2,000 (and
// then 10,000) sleeping children this program forks and kills itself. Per refresh, median of
// interleaved rounds:
//   local   LocalProcessSource::sample() (ProcessCollector), CPU of this thread
//   pcp     PcpProcessSource::sample(): one pmFetch of the table's and the summary's metrics,
//           decoded and mapped (processTableFromPcp, summaryFromPcp), CPU of this thread and wall
//   agents  the CPU pmcd and its agents spent answering (from their /proc/PID/stat): on a real
//           remote host that is the host's cost, not the window's
//   details the details panel's fetch for one pid (pcpDetailsMetrics: an instance profile, so
//           pmdaproc reads that process only), wall and pmcd+agents CPU
//
// Run: build/tests/bench/bench_pcp_host [--rounds N] [--processes N]   (needs pcp installed)

#include "core/pcp/PcpProcessDetails.h"
#include "core/pcp/PcpSession.h"
#include "core/process/ProcessCollector.h"
#include "core/sampler/LocalProcessSource.h"
#include "core/sampler/PcpHostFeed.h"
#include "core/sampler/PcpProcessSource.h"
#include "tests/bench/BenchUtil.h"
#include "tests/support/PrivatePmcd.h"

#include <QCoreApplication>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <dlfcn.h>
#include <thread>

using namespace pgbench;

namespace {

const char* kModule = PROCGLASS_BINARY_DIR "/app/procglass-pcp.so";

std::unique_ptr<pg::PcpSession> openModuleSession(const std::string& spec, std::string* error)
{
    void* handle = ::dlopen(kModule, RTLD_NOW | RTLD_LOCAL);
    auto open = handle ? reinterpret_cast<pg::PcpOpenFunction>(::dlsym(handle, pg::kPcpModuleEntry))
                       : nullptr;
    if (!open) {
        *error = std::string("cannot open ") + kModule;
        return nullptr;
    }
    return std::unique_ptr<pg::PcpSession>(open(pg::kPcpModuleAbi, spec.c_str(), error));
}

// utime + stime of `pid` in ms, and of its children when `withChildren` (pmcd's agents).
double cpuMsOf(int pid)
{
    const std::string path = "/proc/" + std::to_string(pid) + "/stat";
    FILE* f = std::fopen(path.c_str(), "r");
    if (!f)
        return 0;
    char buf[1024] = {};
    const std::size_t n = std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    const char* p = std::strrchr(buf, ')');
    if (!p || n == 0)
        return 0;
    unsigned long long utime = 0, stime = 0;
    // after ") ": (3) state ... (14) utime (15) stime
    if (std::sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime)
        != 2)
        return 0;
    return static_cast<double>(utime + stime) * 1000.0
        / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

int parentOf(int pid)
{
    const std::string path = "/proc/" + std::to_string(pid) + "/stat";
    FILE* f = std::fopen(path.c_str(), "r");
    if (!f)
        return -1;
    char buf[1024] = {};
    (void)std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    const char* p = std::strrchr(buf, ')');
    int ppid = -1;
    if (p)
        (void)std::sscanf(p + 2, "%*c %d", &ppid);
    return ppid;
}

// pmcd and its agents (its children).
std::vector<int> pmcdAndAgents(int pmcd)
{
    std::vector<int> out { pmcd };
    DIR* d = ::opendir("/proc");
    while (const dirent* e = d ? ::readdir(d) : nullptr) {
        const int pid = std::atoi(e->d_name);
        if (pid > 0 && parentOf(pid) == pmcd)
            out.push_back(pid);
    }
    if (d)
        ::closedir(d);
    return out;
}

double cpuMsOfAll(const std::vector<int>& pids)
{
    double sum = 0;
    for (int pid : pids)
        sum += cpuMsOf(pid);
    return sum;
}

void measure(const char* label, const std::string& spec, int pmcd, int rounds)
{
    pg::LocalProcessSource local(pg::ProcessCollector::Options {});
    auto feed = std::make_shared<pg::PcpHostFeed>(
        spec, [spec](std::string* error) { return openModuleSession(spec, error); });
    pg::PcpProcessSource pcp(feed);
    // The session first: libpcp waits on its socket with select(2), which aborts on a descriptor
    // above FD_SETSIZE (1024), and the local collector keeps thousands open.
    const pg::ProcessSnapshot first = pcp.sample(); // session opened, names looked up
    if (!first.listError.empty()) {
        std::fprintf(stderr, "bench_pcp_host: %s\n", first.listError.c_str());
        return;
    }
    (void)local.sample(); // descriptors opened, first CPU %
    const std::vector<int> agents = pmcdAndAgents(pmcd);
    std::vector<double> localCpu, pcpCpu, pcpWall, agentCpu, detailsWall, detailsAgents;
    const auto details = pg::pcpDetailsMetrics(static_cast<int>(::getpid()));
    std::size_t localRows = 0, pcpRows = 0;
    for (int r = 0; r < rounds; ++r) {
        // A refresh interval apart, as the window samples (pmdaproc caches within a fetch only).
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        double c0 = threadCpuMs();
        localRows = local.sample().processes.size();
        localCpu.push_back(threadCpuMs() - c0);
        const double a0 = cpuMsOfAll(agents);
        c0 = threadCpuMs();
        const double w0 = wallMs();
        const pg::ProcessSnapshot s = pcp.sample();
        pcpCpu.push_back(threadCpuMs() - c0);
        pcpWall.push_back(wallMs() - w0);
        agentCpu.push_back(cpuMsOfAll(agents) - a0);
        pcpRows = s.processes.size();
        const double d0 = cpuMsOfAll(agents);
        const double dw = wallMs();
        (void)feed->fetch(pg::PcpStream::Details, details);
        detailsWall.push_back(wallMs() - dw);
        detailsAgents.push_back(cpuMsOfAll(agents) - d0);
    }
    const double l = median(localCpu), p = median(pcpCpu);
    std::printf("%-26s local /proc %7.2f ms CPU (%zu processes) | PCP window %7.2f ms CPU, "
                "%7.2f ms wall (%zu processes) = %.2fx local | pmcd+agents %7.2f ms CPU\n",
        label, l, localRows, p, median(pcpWall), pcpRows, l > 0 ? p / l : 0.0, median(agentCpu));
    std::printf("%-26s details of one pid (instance profile) %7.2f ms wall | pmcd+agents %7.2f ms "
                "CPU = %.3fx the table's\n",
        "", median(detailsWall), median(detailsAgents),
        median(agentCpu) > 0 ? median(detailsAgents) / median(agentCpu) : 0.0);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int rounds = 9;
    int processes = 2000;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--rounds") == 0)
            rounds = std::max(1, std::atoi(argv[i + 1]));
        if (std::strcmp(argv[i], "--processes") == 0)
            processes = std::max(0, std::atoi(argv[i + 1]));
    }
    if (!pgtest::PrivatePmcd::installed()) {
        std::fprintf(stderr, "bench_pcp_host: pmcd is not installed (Debian: pcp)\n");
        return 1;
    }
    pgtest::PrivatePmcd pmcd;
    if (!pmcd.start()) {
        std::fprintf(stderr, "bench_pcp_host: %s\n", qPrintable(pmcd.problem()));
        return 1;
    }
    const std::string spec = pmcd.hostSpec().toStdString();
    std::printf("bench_pcp_host: %d rounds, median per refresh, host %s\n", rounds, spec.c_str());
    measure("live processes", spec, static_cast<int>(pmcd.pid()), rounds);
    if (processes > 0) {
        std::vector<pid_t> sleepers = spawnSleepers(processes);
        char label[64];
        std::snprintf(label, sizeof label, "live + %zu sleepers", sleepers.size());
        measure(label, spec, static_cast<int>(pmcd.pid()), rounds);
        killAll(sleepers);
    }
    return 0;
}
