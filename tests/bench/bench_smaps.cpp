// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of the memory map on a process with 30,000 mappings, in one run.
//
// The program forks a child that mmaps 30,000 one-page regions with alternating protections (so
// the kernel cannot merge them) and touches each, then measures, interleaved, median of N rounds:
//   floor       reading /proc/CHILD/smaps whole (the kernel generating it; nothing can be faster)
//   read+parse  what MemoryMapSampler does in the sampler thread: read, parseSmaps, groupMappings
//   pmap -X     the procps tool on the same process, for comparison (fork+exec, output discarded)
// and, in the GUI thread, building the memory-map model (tree and flat) for those 30,000 mappings,
// applying a refresh in place, and the whole page (model + sorting proxy + view).
//
// Run: build/tests/bench/bench_smaps [--rounds N] [--mappings N]

#include "core/base/ProcFs.h"
#include "core/memory/MemoryMapReader.h"
#include "ui/memory/MemoryMapModel.h"
#include "ui/memory/MemoryMapPage.h"

#include <QApplication>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <string>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

double nowMs()
{
    return std::chrono::duration<double, std::milli>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

pid_t startChild(int mappings)
{
    int ready[2];
    if (::pipe(ready) != 0)
        return -1;
    const pid_t pid = ::fork();
    if (pid != 0) {
        ::close(ready[1]);
        char byte = 0;
        const ssize_t n = ::read(ready[0], &byte, 1);
        ::close(ready[0]);
        return n == 1 ? pid : -1;
    }
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    // One reservation, then each page remapped with its own protection: 30,000 distinct VMAs.
    auto* base = static_cast<char*>(::mmap(nullptr, page * static_cast<std::size_t>(mappings),
        PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (base == MAP_FAILED)
        ::_exit(1);
    for (int i = 0; i < mappings; ++i) {
        char* p = base + page * static_cast<std::size_t>(i);
        p[0] = 1;
        if (i % 2)
            ::mprotect(p, page, PROT_READ);
    }
    ::close(ready[0]);
    (void)!::write(ready[1], "x", 1);
    for (;;)
        ::pause();
}

double runPmap(pid_t pid)
{
    const double start = nowMs();
    const pid_t child = ::fork();
    if (child == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::dup2(null, 2);
        const std::string arg = std::to_string(pid);
        ::execlp("pmap", "pmap", "-X", arg.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    return nowMs() - start;
}

} // namespace

int main(int argc, char** argv)
{
    int rounds = 11;
    int mappings = 30000;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--rounds") == 0)
            rounds = std::max(1, std::atoi(argv[i + 1]));
        if (std::strcmp(argv[i], "--mappings") == 0)
            mappings = std::max(1, std::atoi(argv[i + 1]));
    }
    if (!std::getenv("QT_QPA_PLATFORM") && !std::getenv("DISPLAY"))
        ::setenv("QT_QPA_PLATFORM", "offscreen", 1);

    const pid_t child = startChild(mappings);
    if (child <= 0) {
        std::fprintf(stderr, "bench_smaps: could not start the %d-mapping child\n", mappings);
        return 1;
    }
    QApplication app(argc, argv);
    const std::string path = "/proc/" + std::to_string(child) + "/smaps";

    std::vector<double> readMs, readParseMs, parseOnlyMs, pmapMs;
    std::size_t bytes = 0;
    std::size_t parsed = 0;
    for (int r = 0; r < rounds; ++r) {
        double t = nowMs();
        auto text = pg::readWholeFile(path);
        readMs.push_back(nowMs() - t);
        if (!text) {
            std::fprintf(
                stderr, "bench_smaps: %s: %s\n", path.c_str(), pg::errorText(text.error()).data());
            return 1;
        }
        bytes = text->size();

        t = nowMs();
        auto again = pg::readWholeFile(path);
        auto smaps = again ? pg::parseSmaps(*again) : pg::Result<pg::Smaps>(again.error());
        if (!smaps)
            return 1;
        const pg::MemoryMapGrouping grouping = pg::groupMappings(*smaps);
        readParseMs.push_back(nowMs() - t);
        parsed = smaps->mappings.size();
        if (grouping.totals.mappingCount != parsed)
            return 1;

        t = nowMs();
        auto parsedAgain = pg::parseSmaps(*text);
        const pg::MemoryMapGrouping grouped = pg::groupMappings(*parsedAgain);
        parseOnlyMs.push_back(nowMs() - t);

        if (r < std::min(rounds, 5))
            pmapMs.push_back(runPmap(child));
    }

    // GUI thread: the model (tree, flat), a refresh in place, and the whole page.
    const MemoryMapSnapshotPtr first = std::make_shared<const pg::MemoryMapSnapshot>(
        pg::readMemoryMapSnapshot("/proc", { child, 0 }));
    const MemoryMapSnapshotPtr second = std::make_shared<const pg::MemoryMapSnapshot>(
        pg::readMemoryMapSnapshot("/proc", { child, 0 }));
    if (!first->smaps || !second->smaps)
        return 1;
    std::vector<double> treeMs, flatMs, refreshMs, pageMs;
    for (int r = 0; r < rounds; ++r) {
        {
            pg::MemoryMapModel model;
            double t = nowMs();
            model.applySnapshot(first);
            treeMs.push_back(nowMs() - t);
            t = nowMs();
            model.applySnapshot(second);
            refreshMs.push_back(nowMs() - t);
        }
        {
            pg::MemoryMapModel model;
            model.setMode(pg::MemoryMapModel::Mode::Flat);
            const double t = nowMs();
            model.applySnapshot(first);
            flatMs.push_back(nowMs() - t);
        }
        {
            pg::MemoryMapPage page;
            page.resize(1200, 800);
            page.show();
            page.openProcess({ child, 0 });
            const double t = nowMs();
            page.applyMaps(first);
            QApplication::processEvents();
            pageMs.push_back(nowMs() - t);
        }
    }
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);

    const double floor = median(readMs);
    const double rp = median(readParseMs);
    const double pm = median(pmapMs);
    std::printf("memory map of a process with %zu mappings (smaps %.1f MiB), median of %d rounds\n",
        parsed, static_cast<double>(bytes) / 1048576.0, rounds);
    std::printf("  floor: read smaps whole           %8.1f ms   1.00x\n", floor);
    std::printf("  read + parse + group (sampler)    %8.1f ms   %.2fx the floor (target <= 1.5x)\n",
        rp, rp / floor);
    std::printf("  parse + group alone (no read)     %8.1f ms\n", median(parseOnlyMs));
    std::printf("  pmap -X (procps 4)                %8.1f ms   %.2fx the floor\n", pm, pm / floor);
    std::printf(
        "  model, grouped tree               %8.1f ms   (target < 100 ms)\n", median(treeMs));
    std::printf("  model, flat                       %8.1f ms\n", median(flatMs));
    std::printf("  model, refresh in place           %8.1f ms\n", median(refreshMs));
    std::printf("  page: model + sort proxy + view   %8.1f ms\n", median(pageMs));
    return 0;
}
