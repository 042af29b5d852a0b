// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of the interrupts refresh against the floor, in one run.
//
// Fixture: the synthetic 256-CPU, 300-IRQ /proc/interrupts (tests/data/interrupts/interrupts-256cpu
// .txt, 900 kB) and its fake /proc root. Measured in CPU time of this thread, interleaved, median
// of N rounds:
//   floor    read the file (open, read to EOF, close): what any interrupts monitor must do;
//   parse    parseInterrupts() on text already in memory (target: under 2 ms);
//   refresh  read + parse + rates (IrqRates::update) + history (RateHistory::append): one full
//            interrupts refresh, printed as a ratio to the floor;
//   sampler  InterruptsCollector::sample() + history on the fake root: interrupts, softirqs and
//            the IRQ topology (affinity files and /sys) when the IRQ set changes and the
//            affinities at most every 5 s, what the app's sampler thread does.
//
// Run: build/tests/bench/bench_interrupts [--rounds N]

#include "core/base/ProcFs.h"
#include "core/interrupts/Interrupts.h"
#include "core/interrupts/InterruptsCollector.h"
#include "core/interrupts/IrqRates.h"
#include "tests/bench/BenchUtil.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

using namespace pgbench;

namespace {

volatile std::size_t g_sink = 0; // keeps the optimiser from dropping the work

} // namespace

int main(int argc, char** argv)
{
    int rounds = 200;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--rounds") == 0)
            rounds = std::max(5, std::atoi(argv[i + 1]));
    }
    const std::string dataDir = PROCGLASS_TEST_DATA;
    const std::string file = dataDir + "/interrupts/interrupts-256cpu.txt";
    const std::string root = dataDir + "/procroot-256cpu";

    pg::Result<std::string> text = pg::readWholeFile(file);
    if (!text) {
        std::fprintf(stderr, "bench_interrupts: cannot read %s: %s\n", file.c_str(),
            pg::errorText(text.error()).data());
        return 1;
    }
    pg::Result<pg::Interrupts> check = pg::parseInterrupts(*text);
    if (!check) {
        std::fprintf(stderr, "bench_interrupts: fixture does not parse: %s\n",
            pg::errorText(check.error()).data());
        return 1;
    }
    std::printf("fixture: %zu CPUs, %zu rows, %zu bytes; %d rounds, median CPU time per refresh\n",
        check->cpuIds.size(), check->rows.size(), text->size(), rounds);

    pg::IrqRates rates;
    pg::RateHistory history(pg::historyCapacityFor(pg::kDefaultHistorySeconds, 1000));
    pg::InterruptsCollector collector(root);
    pg::RateHistory samplerHistory(pg::historyCapacityFor(pg::kDefaultHistorySeconds, 1000));
    std::vector<double> floor, parse, refresh, sampler;
    double clock = 0;
    for (int r = 0; r < rounds; ++r) {
        double t0 = threadCpuMs();
        pg::Result<std::string> raw = pg::readWholeFile(file);
        g_sink = g_sink + (raw ? raw->size() : 0);
        floor.push_back(threadCpuMs() - t0);

        t0 = threadCpuMs();
        pg::Result<pg::Interrupts> parsed = pg::parseInterrupts(*text);
        g_sink = g_sink + (parsed ? parsed->rows.size() : 0);
        parse.push_back(threadCpuMs() - t0);

        clock += 1.0;
        t0 = threadCpuMs();
        pg::Result<std::string> again = pg::readWholeFile(file);
        if (again) {
            pg::Result<pg::Interrupts> p = pg::parseInterrupts(*again);
            if (p) {
                const pg::IrqRateSample s
                    = rates.update(clock, p->cpuIds, pg::IrqRates::views(p->rows));
                history.append(s);
                g_sink = g_sink + (s.rows.size());
            }
        }
        refresh.push_back(threadCpuMs() - t0);

        t0 = threadCpuMs();
        const pg::InterruptsSnapshot snap = collector.sample(clock);
        samplerHistory.append(snap.irqRates);
        samplerHistory.append(snap.softirqRates);
        g_sink = g_sink + (snap.interrupts.rows.size());
        sampler.push_back(threadCpuMs() - t0);
    }
    const double f = median(floor);
    const double p = median(parse);
    const double rf = median(refresh);
    const double s = median(sampler);
    std::printf("floor   read the file                    %7.3f ms\n", f);
    std::printf("parse   parseInterrupts                  %7.3f ms  (target < 2 ms: %s)\n", p,
        p < 2.0 ? "met" : "MISSED");
    std::printf("refresh read+parse+rates+history         %7.3f ms  = %.1f x floor\n", rf,
        f > 0 ? rf / f : 0.0);
    std::printf("sampler + softirqs + affinity files      %7.3f ms  = %.1f x floor\n", s,
        f > 0 ? s / f : 0.0);
    return 0;
}
