// SPDX-License-Identifier: GPL-3.0-or-later
// The whole GUI process against the floor, in one run.
//
// Starts the real procglass binary (refresh 1 s, every tab of every page shown once, then the
// process table as a user leaves it) with 2,000 and then 10,000 extra sleeping processes that this
// program forks and kills itself. Over the measured seconds it reads procglass's CPU time (every
// thread: the sampler thread reading /proc and the GUI thread applying and painting) from
// /proc/PID/stat and, in the same seconds, runs the floor once a second in this process: list
// /proc, then open + read + close of stat and statm for every pid. Prints procglass's CPU per
// refresh, the floor's, their ratio, and procglass's RSS at the end.
//
// The display is the environment's: run under `xvfb-run -a` to include an X server's costs as a
// desktop would (the figures in README), or with QT_QPA_PLATFORM=offscreen.
//
// Run: xvfb-run -a build/tests/bench/bench_whole_process [--seconds N] [--binary PATH]

#include "tests/bench/BenchUtil.h"
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace pgbench;

namespace {

// utime + stime of every thread of `pid`, in ms; negative when it cannot be read.
double processCpuMs(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos)
        return -1;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {
        if (i == 14)
            utime = std::strtoull(field.c_str(), nullptr, 10); // (14) utime
        if (i == 15)
            stime = std::strtoull(field.c_str(), nullptr, 10); // (15) stime
    }
    return static_cast<double>(utime + stime) * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double rssMib(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    }
    return -1;
}

pid_t startProcglass(const std::string& binary)
{
    const pid_t pid = fork();
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        const int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, STDOUT_FILENO);
        dup2(devnull, STDERR_FILENO);
        // Settings of a throwaway home: the user's saved page or interval must not count.
        const std::string home = "/tmp/procglass-bench-home-" + std::to_string(getpid());
        setenv("XDG_CONFIG_HOME", home.c_str(), 1);
        execl(binary.c_str(), binary.c_str(), "--interval", "1000", "--cycle-pages", "400",
            "--cycle-once", static_cast<char*>(nullptr));
        _exit(127);
    }
    return pid;
}

struct Figures
{
    std::size_t pids = 0;
    double floorMs = 0;
    double procglassMs = 0;
    double rss = 0;
};

Figures measure(const std::string& binary, int seconds)
{
    Figures f;
    pid_t pg = startProcglass(binary);
    // Warm-up: the round of every view (about 15 views at 0.4 s), then the first samples on
    // the process page.
    std::this_thread::sleep_for(std::chrono::seconds(10));
    const double cpu0 = processCpuMs(pg);
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<double> floors;
    for (int s = 0; s < seconds; ++s) {
        const double c0 = threadCpuMs();
        f.pids = floorRefresh();
        floors.push_back(threadCpuMs() - c0);
        std::this_thread::sleep_until(t0 + std::chrono::seconds(s + 1));
    }
    const double cpu1 = processCpuMs(pg);
    const double elapsed
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    f.rss = rssMib(pg);
    f.floorMs = median(floors);
    // One refresh a second: the process's CPU per second is its CPU per refresh.
    f.procglassMs = cpu0 < 0 || cpu1 < 0 ? -1 : (cpu1 - cpu0) / elapsed;
    std::vector<pid_t> one { pg };
    killAll(one);
    return f;
}

} // namespace

int main(int argc, char** argv)
{
    int seconds = 30;
    std::string binary = PROCGLASS_BINARY_DIR "/app/procglass";
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
            seconds = std::max(5, std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--binary") == 0 && i + 1 < argc)
            binary = argv[++i];
    }
    if (!std::getenv("DISPLAY") && !std::getenv("QT_QPA_PLATFORM")) {
        std::fprintf(stderr,
            "bench_whole_process: no display; run under xvfb-run -a, or set "
            "QT_QPA_PLATFORM=offscreen\n");
        return 2;
    }
    if (access(binary.c_str(), X_OK) != 0) {
        std::fprintf(stderr, "bench_whole_process: no procglass binary at %s\n", binary.c_str());
        return 2;
    }
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    std::printf("Whole procglass process vs floor (CPU ms per 1 s refresh over %d s, every view "
                "shown once first; floor = readdir + open/read/close of stat and statm per pid, "
                "median; display: %s)\n",
        seconds, std::getenv("QT_QPA_PLATFORM") ? std::getenv("QT_QPA_PLATFORM") : "X11");
    std::printf("%-24s %7s %12s %14s %8s %9s\n", "case", "pids", "floor (ms)", "procglass (ms)",
        "ratio", "RSS (MiB)");
    for (int extra : { 2000, 10000 }) {
        std::vector<pid_t> kids = spawnSleepers(extra);
        const Figures f = measure(binary, seconds);
        char label[64];
        std::snprintf(label, sizeof label, "live + %zu sleepers", kids.size());
        std::printf("%-24s %7zu %12.2f %14.2f %7.2fx %9.1f\n", label, f.pids, f.floorMs,
            f.procglassMs, f.procglassMs / f.floorMs, f.rss);
        std::fflush(stdout);
        killAll(kids);
    }
    return 0;
}
