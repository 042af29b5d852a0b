// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the benchmarks share: CPU and wall clocks, the median, the floor every /proc monitor pays
// (list /proc, open + read + close of stat and statm per pid), and sleeping child processes that
// die with the benchmark.

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <initializer_list>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace pgbench {

inline double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

inline double wallMs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

inline double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// readdir /proc, then open + read (whole) + close of each of `files` for every pid. Returns the
// number of pids seen.
inline std::size_t floorRead(std::initializer_list<const char*> files)
{
    static char buf[256 * 1024]; // a whole smaps in few reads; stat and statm in one
    std::size_t pids = 0;
    DIR* dir = opendir("/proc");
    if (!dir)
        return 0;
    while (dirent* d = readdir(dir)) {
        if (d->d_name[0] < '1' || d->d_name[0] > '9')
            continue;
        char path[300];
        for (const char* file : files) {
            std::snprintf(path, sizeof path, "/proc/%s/%s", d->d_name, file);
            const int fd = open(path, O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                continue;
            while (read(fd, buf, sizeof buf) > 0) { }
            close(fd);
        }
        ++pids;
    }
    closedir(dir);
    return pids;
}

// The floor of a process table: stat and statm of every pid.
inline std::size_t floorRefresh()
{
    return floorRead({ "stat", "statm" });
}

// `count` children that sleep until killed (and die with this process).
inline std::vector<pid_t> spawnSleepers(int count)
{
    std::vector<pid_t> pids;
    pids.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const pid_t pid = fork();
        if (pid == 0) {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            for (;;)
                pause();
        }
        if (pid < 0) {
            std::fprintf(
                stderr, "benchmark: fork failed after %d children: %s\n", i, std::strerror(errno));
            break;
        }
        pids.push_back(pid);
    }
    return pids;
}

inline void killAll(std::vector<pid_t>& pids)
{
    for (pid_t pid : pids)
        kill(pid, SIGKILL);
    for (pid_t pid : pids)
        waitpid(pid, nullptr, 0);
    pids.clear();
}

} // namespace pgbench
