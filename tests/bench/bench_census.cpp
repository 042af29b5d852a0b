// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of the system-wide memory census (issue 15) against its floor, in one run.
//
// Reading every process's memory is not free: the kernel walks each process's page tables under
// its mmap lock to generate smaps_rollup (and, per mapping, smaps). The floors are what any tool
// must pay for the same answer: readdir /proc, then open + read + close of every smaps_rollup
// (by process and by user) or of every smaps (by mapping). Measured in wall time (the reads are
// system time in the kernel) and this thread's CPU time, interleaved, median of N rounds, with
// the live processes and with 2,000 and 10,000 extra sleeping processes this program forks. Then
// the whole command `procglass export memory` against the floor, and smem (the Python peer) by
// process, once per case (it takes seconds at 10,000).
//
// Run: build/tests/bench/bench_census [--rounds N] [--no-spawn] [--no-smem]

#include "core/memory/MappingCensus.h"
#include "core/memory/MemoryCensus.h"
#include "tests/bench/BenchUtil.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace pgbench;
using pg::readMappingCensus;
using pg::readMemoryCensus;

namespace {

struct Timing
{
    std::vector<double> wall;
    std::vector<double> cpu;
    void time(const std::function<void()>& f)
    {
        const double w = wallMs();
        const double c = threadCpuMs();
        f();
        cpu.push_back(threadCpuMs() - c);
        wall.push_back(wallMs() - w);
    }
};

void row(const char* label, const Timing& floor, const Timing& ours)
{
    const double fw = median(floor.wall);
    const double ow = median(ours.wall);
    std::printf("  %-40s floor %8.1f ms  procglass %8.1f ms  %5.2fx wall   (cpu %5.2fx)\n", label,
        fw, ow, ow / fw, median(ours.cpu) / median(floor.cpu));
}

// Wall time of a command, output discarded.
double commandMs(const std::string& command)
{
    const double w = wallMs();
    const int rc = std::system((command + " >/dev/null 2>&1").c_str());
    const double ms = wallMs() - w;
    return rc == 0 ? ms : -1;
}

void measure(const char* label, int rounds, bool smem)
{
    Timing rollupFloor, census, smapsFloor, byMapping, wholeFloor, whole;
    std::size_t processes = 0, mappings = 0;
    const std::string binary = PROCGLASS_BINARY_DIR "/app/procglass";
    for (int i = 0; i < rounds; ++i) {
        rollupFloor.time([] { floorRead({ "smaps_rollup" }); });
        census.time([&] { processes = readMemoryCensus("/proc").processes.size(); });
        smapsFloor.time([] { floorRead({ "smaps" }); });
        byMapping.time([&] { mappings = readMappingCensus("/proc").mappings.size(); });
        wholeFloor.time([] { floorRead({ "smaps_rollup" }); });
        whole.time([&] { commandMs(binary + " export memory -o /dev/null"); });
    }
    std::printf(
        "%s: %zu processes with user memory, %zu mappings rows\n", label, processes, mappings);
    row("by process/user (every smaps_rollup)", rollupFloor, census);
    row("by mapping (every smaps)", smapsFloor, byMapping);
    const double fw = median(wholeFloor.wall);
    const double ww = median(whole.wall);
    std::printf("  %-40s floor %8.1f ms  whole cmd %8.1f ms  %5.2fx wall\n",
        "`procglass export memory` (a process)", fw, ww, ww / fw);
    if (smem) {
        const double s = commandMs("smem -c 'pid pss'");
        if (s > 0)
            std::printf("  %-40s %8.1f ms = %5.2fx the floor, %5.2fx procglass's whole command\n",
                "smem by process (once)", s, s / fw, s / ww);
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    int rounds = 7;
    bool spawn = true;
    bool smem = true;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc)
            rounds = std::max(3, std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--no-spawn") == 0)
            spawn = false;
        else if (std::strcmp(argv[i], "--no-smem") == 0)
            smem = false;
    }
    if (smem && std::system("command -v smem >/dev/null 2>&1") != 0)
        smem = false;
    std::printf("Memory census vs floor (median of %d, wall time; the floor is readdir + open/read/"
                "close of every smaps_rollup, or of every smaps for by mapping)\n",
        rounds);
    measure("live processes", rounds, smem);
    if (spawn) {
        for (int extra : { 2000, 10000 }) {
            std::vector<pid_t> kids = spawnSleepers(extra);
            char label[64];
            std::snprintf(label, sizeof label, "live + %zu sleepers", kids.size());
            measure(label, extra > 2000 ? std::max(3, rounds / 2) : rounds, smem);
            killAll(kids);
        }
    }
    return 0;
}
