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
// Then `procglass export memory CHILD -o FILE`, as whole processes (fork + exec + wait4, so
// start-up, the write with its fsync and rename, and the peak RSS from ru_maxrss all count),
// interleaved with its floor `cat /proc/CHILD/smaps > /dev/null`; the same export to standard
// output (> /dev/null: encoded whole, written at the end); start-up alone (`export --help`); the
// window's start-up through procglass (`procglass --version`, an exec of procglass-gui) and of
// procglass-gui alone; with --old-procglass PATH also another build in the same rounds; and in
// this process the old path (read whole, parseSmaps, memoryMapToCsv, csvEncode) against the new
// one (streamSmapsToCsv: 256 KiB chunks read ahead on a thread, one mapping at a time, rows
// encoded straight into the buffer), neither writing; and the parse + encode alone, over the text
// read once, which is the export's own CPU without the kernel's.
//
// Run: build/tests/bench/bench_smaps [--rounds N] [--mappings N] [--export-only]
//      [--procglass PATH] [--old-procglass PATH]

#include "core/base/ProcFs.h"
#include "core/export/CsvWriter.h"
#include "core/export/MemoryMapCsv.h"
#include "core/export/MemoryMapCsvStream.h"
#include "core/memory/MemoryMapReader.h"
#include "core/memory/SmapsStreamParser.h"
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
#include <sys/resource.h>
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

struct ProcessRun
{
    double ms = -1;
    double cpuMs = 0; // user + system
    double peakMib = 0;
};

// A whole process: fork, exec, wait4; its standard output to `out`. ms < 0 if it failed.
ProcessRun runProcess(const std::vector<std::string>& argv, const char* out)
{
    ProcessRun run;
    const double start = nowMs();
    const pid_t child = ::fork();
    if (child == 0) {
        const int fd = ::open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd, 1);
        std::vector<char*> args;
        for (const std::string& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    rusage usage {};
    ::wait4(child, &status, 0, &usage);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return run;
    run.ms = nowMs() - start;
    const auto ms = [](const timeval& tv) {
        return static_cast<double>(tv.tv_sec) * 1e3 + static_cast<double>(tv.tv_usec) / 1e3;
    };
    run.cpuMs = ms(usage.ru_utime) + ms(usage.ru_stime);
    run.peakMib = static_cast<double>(usage.ru_maxrss) / 1024.0;
    return run;
}

bool readAll(int fd, void* data, std::size_t size)
{
    auto* p = static_cast<char*>(data);
    while (size > 0) {
        const ssize_t n = ::read(fd, p, size);
        if (n <= 0)
            return false;
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool writeAll(int fd, const void* data, std::size_t size)
{
    const auto* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size);
        if (n <= 0)
            return false;
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

// Runs the measured commands from a helper forked first thing in main(), while this process is
// still small: a child's ru_maxrss counts the memory of the process it was forked from until its
// exec, so cat forked from the benchmark itself would show the benchmark's 50 MiB.
class Spawner
{
public:
    void start()
    {
        int request[2];
        int reply[2];
        if (::pipe(request) != 0 || ::pipe(reply) != 0)
            return;
        m_pid = ::fork();
        if (m_pid == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            ::close(request[1]);
            ::close(reply[0]);
            serve(request[0], reply[1]);
            ::_exit(0);
        }
        ::close(request[0]);
        ::close(reply[1]);
        m_to = request[1];
        m_from = reply[0];
    }

    ProcessRun run(const std::vector<std::string>& argv, const std::string& out) const
    {
        std::string blob = out + '\0';
        for (const std::string& a : argv)
            blob += a + '\0';
        const auto size = static_cast<std::uint32_t>(blob.size());
        ProcessRun result;
        if (!writeAll(m_to, &size, sizeof size) || !writeAll(m_to, blob.data(), blob.size())
            || !readAll(m_from, &result, sizeof result))
            return {};
        return result;
    }

private:
    static void serve(int from, int to)
    {
        std::uint32_t size = 0;
        while (readAll(from, &size, sizeof size)) {
            std::string blob(size, '\0');
            if (!readAll(from, blob.data(), size))
                return;
            std::vector<std::string> parts;
            for (std::size_t at = 0; at < blob.size();) {
                const std::size_t end = blob.find('\0', at);
                parts.push_back(blob.substr(at, end - at));
                at = end + 1;
            }
            const std::string out = parts.front();
            parts.erase(parts.begin());
            const ProcessRun result = runProcess(parts, out.c_str());
            if (!writeAll(to, &result, sizeof result))
                return;
        }
    }

    pid_t m_pid = -1;
    int m_to = -1;
    int m_from = -1;
};

int benchExport(const Spawner& spawner, pid_t child, int rounds, const std::string& procglass,
    const std::string& old)
{
    const std::string pid = std::to_string(child);
    const std::string path = "/proc/" + pid + "/smaps";
    char dirTemplate[] = "/tmp/bench_smaps.XXXXXX";
    const std::string dir = ::mkdtemp(dirTemplate);
    const std::string file = dir + "/x.csv";
    std::vector<double> catMs, newMs, oldMs, catMib, newMib, oldMib, inOldMs, inNewMs, cpuOnlyMs;
    std::vector<double> catCpu, newCpu, oldCpu, startMs, startCpu, startMib;
    std::vector<double> stdoutMs, stdoutCpu, stdoutMib, launchMs, launchCpu, launchMib;
    std::vector<double> guiMs, guiCpu, guiMib;
    // The window program beside procglass (a build before the split has none).
    const std::string gui = procglass.substr(0, procglass.rfind('/') + 1) + "procglass-gui";
    const bool haveGui = ::access(gui.c_str(), X_OK) == 0;
    std::size_t rows = 0;
    std::size_t bytes = 0;
    const auto failed = [](const std::string& what) {
        std::fprintf(stderr, "bench_smaps: %s failed\n", what.c_str());
        return 1;
    };
    // The main thread's own work, without the kernel's: the text read once, then parsed and
    // encoded in 256 KiB chunks each round (what the export's user-space CPU is made of).
    const auto smapsText = pg::readWholeFile(path, pg::kSmapsExportMaxBytes);
    if (!smapsText)
        return failed("reading " + path);
    for (int r = 0; r < rounds; ++r) {
        const ProcessRun cat = spawner.run({ "cat", path }, "/dev/null");
        if (cat.ms < 0)
            return failed("cat " + path);
        catMs.push_back(cat.ms);
        catCpu.push_back(cat.cpuMs);
        catMib.push_back(cat.peakMib);
        // What any procglass command costs before its work: loading Qt and 50 libraries.
        const ProcessRun start = spawner.run({ procglass, "export", "--help" }, "/dev/null");
        if (start.ms < 0)
            return failed(procglass + " export --help");
        startMs.push_back(start.ms);
        startCpu.push_back(start.cpuMs);
        startMib.push_back(start.peakMib);
        const ProcessRun now
            = spawner.run({ procglass, "export", "memory", pid, "-o", file }, "/dev/null");
        if (now.ms < 0)
            return failed(procglass + " export memory " + pid);
        newMs.push_back(now.ms);
        newCpu.push_back(now.cpuMs);
        newMib.push_back(now.peakMib);
        const ProcessRun piped = spawner.run({ procglass, "export", "memory", pid }, "/dev/null");
        if (piped.ms < 0)
            return failed(procglass + " export memory " + pid + " > /dev/null");
        stdoutMs.push_back(piped.ms);
        stdoutCpu.push_back(piped.cpuMs);
        stdoutMib.push_back(piped.peakMib);
        if (haveGui) {
            const ProcessRun launched = spawner.run({ procglass, "--version" }, "/dev/null");
            const ProcessRun alone = spawner.run({ gui, "--version" }, "/dev/null");
            if (launched.ms < 0 || alone.ms < 0)
                return failed(procglass + " --version");
            launchMs.push_back(launched.ms);
            launchCpu.push_back(launched.cpuMs);
            launchMib.push_back(launched.peakMib);
            guiMs.push_back(alone.ms);
            guiCpu.push_back(alone.cpuMs);
            guiMib.push_back(alone.peakMib);
        }
        if (!old.empty()) {
            const ProcessRun before
                = spawner.run({ old, "export", "memory", pid, "-o", file }, "/dev/null");
            if (before.ms < 0)
                return failed(old + " export memory " + pid);
            oldMs.push_back(before.ms);
            oldCpu.push_back(before.cpuMs);
            oldMib.push_back(before.peakMib);
        }

        double t = nowMs();
        {
            auto text = pg::readWholeFile(path, pg::kSmapsExportMaxBytes);
            auto smaps = text ? pg::parseSmaps(*text) : pg::Result<pg::Smaps>(text.error());
            if (!smaps)
                return failed("the old in-process path");
            bytes = pg::csvEncode(pg::memoryMapToCsv(static_cast<int>(child), *smaps)).size();
        }
        inOldMs.push_back(nowMs() - t);
        t = nowMs();
        {
            pg::MemoryMapCsvStream csv(static_cast<int>(child));
            if (pg::streamSmapsToCsv(path, csv) != pg::Error::None)
                return failed("the new in-process path");
            rows = csv.rowCount();
            bytes = csv.finish().size();
        }
        inNewMs.push_back(nowMs() - t);
        t = nowMs();
        {
            pg::MemoryMapCsvStream csv(static_cast<int>(child));
            pg::SmapsStreamParser parser([&csv](pg::SmapsMapping& m) { csv.add(m); });
            const std::string_view text = *smapsText;
            for (std::size_t at = 0; at < text.size(); at += pg::kSmapsChunkBytes)
                parser.feed(text.substr(at, pg::kSmapsChunkBytes));
            if (parser.finish() != pg::Error::None || csv.finish().empty())
                return failed("parse + encode of the text in memory");
        }
        cpuOnlyMs.push_back(nowMs() - t);
    }
    ::unlink(file.c_str());
    ::rmdir(dir.c_str());

    const double floor = median(catMs);
    const double floorCpu = median(catCpu);
    std::printf("export memory of the same process: %zu rows, %.1f MiB of CSV, median of %d "
                "rounds, interleaved; whole processes (fork, exec, wait4): wall, CPU (user + "
                "system), peak RSS\n",
        rows, static_cast<double>(bytes) / 1048576.0, rounds);
    const auto line = [&](const char* what, double ms, double cpu, double mib, const char* goal) {
        std::printf("  %-38s %8.1f ms %5.2fx   cpu %7.1f ms %5.2fx   %5.1f MiB%s\n", what, ms,
            ms / floor, cpu, cpu / floorCpu, mib, goal);
    };
    line("floor: cat smaps > /dev/null", floor, floorCpu, median(catMib), "");
    line("procglass export memory PID -o FILE", median(newMs), median(newCpu), median(newMib),
        "   (goal <= 1.3x, <= 40 MiB)");
    line("the same to stdout (> /dev/null)", median(stdoutMs), median(stdoutCpu), median(stdoutMib),
        "");
    if (!old.empty())
        line("the same -o FILE, --old-procglass build", median(oldMs), median(oldCpu),
            median(oldMib), "");
    line("procglass start-up alone (export --help)", median(startMs), median(startCpu),
        median(startMib), "");
    if (haveGui) {
        line("window start-up: procglass --version", median(launchMs), median(launchCpu),
            median(launchMib), "");
        line("  procglass-gui --version alone", median(guiMs), median(guiCpu), median(guiMib), "");
    }
    std::printf("  in this process, no write: old (read whole, parse, table, encode) %.1f ms "
                "%.2fx the floor; new (256 KiB chunks read ahead, rows encoded) %.1f ms %.2fx "
                "(%.2fx the old)\n",
        median(inOldMs), median(inOldMs) / floor, median(inNewMs), median(inNewMs) / floor,
        median(inNewMs) / median(inOldMs));
    std::printf("  parse + encode alone (text in memory, 256 KiB chunks, no read): %.1f ms\n",
        median(cpuOnlyMs));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    Spawner spawner;
    spawner.start();
    int rounds = 11;
    int mappings = 30000;
    bool exportOnly = false;
    std::string procglass = PROCGLASS_BINARY_DIR "/app/procglass";
    std::string oldProcglass;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--export-only") == 0)
            exportOnly = true;
        if (i + 1 >= argc)
            break;
        if (std::strcmp(argv[i], "--rounds") == 0)
            rounds = std::max(1, std::atoi(argv[i + 1]));
        if (std::strcmp(argv[i], "--mappings") == 0)
            mappings = std::max(1, std::atoi(argv[i + 1]));
        if (std::strcmp(argv[i], "--procglass") == 0)
            procglass = argv[i + 1];
        if (std::strcmp(argv[i], "--old-procglass") == 0)
            oldProcglass = argv[i + 1];
    }
    if (!std::getenv("QT_QPA_PLATFORM") && !std::getenv("DISPLAY"))
        ::setenv("QT_QPA_PLATFORM", "offscreen", 1);

    const pid_t child = startChild(mappings);
    if (child <= 0) {
        std::fprintf(stderr, "bench_smaps: could not start the %d-mapping child\n", mappings);
        return 1;
    }
    if (exportOnly) {
        const int rc = benchExport(spawner, child, rounds, procglass, oldProcglass);
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
        return rc;
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
    const int exportRc = benchExport(spawner, child, rounds, procglass, oldProcglass);
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
    return exportRc;
}
