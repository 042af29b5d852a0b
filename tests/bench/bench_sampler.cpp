// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of the process sampler against the floor, in one run.
//
// Floor: what any /proc-based monitor must do at least: list /proc, then for every pid open, read
// and close stat and statm. Sampler: ProcessCollector::sample(), the full refresh Procglass does
// (kept descriptors re-read with pread, uid, CPU %, system summary). Both are measured in CPU time
// of this thread, interleaved, median of N rounds, with the live processes and again with 2,000
// and 10,000 extra sleeping processes that this program forks and kills itself.
// Each case again with the I/O rate columns shown (/proc/PID/io read too).
// Then the GUI-thread cost of applying a snapshot to the process table (model + sorting proxy +
// view) for 2,000 and 10,000 processes.
//
// Run: ./build.sh bench   (or build/tests/bench/bench_sampler [--rounds N] [--no-spawn])

#include "core/process/ProcessCollector.h"
#include "tests/bench/BenchUtil.h"
#include "ui/processes/ProcessFilterProxy.h"
#include "ui/processes/ProcessTableModel.h"

#include <QApplication>
#include <QTreeView>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <functional>
#include <string>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace pgbench;

namespace {

void measureSampler(const char* label, int rounds, bool readIo = false)
{
    pg::ProcessCollector::Options options;
    options.readIo = readIo; // the I/O rate columns shown: one more kept file per process
    pg::ProcessCollector collector(options);
    (void)collector.sample(); // opens and keeps descriptors; first sample has no CPU % yet
    std::vector<double> floorCpu, samplerCpu, floorWall, samplerWall;
    std::size_t pids = 0;
    std::size_t listed = 0;
    for (int r = 0; r < rounds; ++r) {
        double c0 = threadCpuMs(), w0 = wallMs();
        pids = floorRefresh();
        floorCpu.push_back(threadCpuMs() - c0);
        floorWall.push_back(wallMs() - w0);
        c0 = threadCpuMs();
        w0 = wallMs();
        const pg::ProcessSnapshot s = collector.sample();
        samplerCpu.push_back(threadCpuMs() - c0);
        samplerWall.push_back(wallMs() - w0);
        listed = s.processes.size();
    }
    const double f = median(floorCpu), s = median(samplerCpu);
    std::printf("%-28s %7zu %7zu %10.2f %10.2f %7.2fx %10.2f %10.2f %7.2fx %6zu\n", label, pids,
        listed, f, s, s / f, median(floorWall), median(samplerWall),
        median(samplerWall) / median(floorWall), collector.keptFdCount());
    std::fflush(stdout);
}

pg::ProcessInfo fakeProcess(int pid, double cpu)
{
    pg::ProcessInfo p;
    p.key = { pid, static_cast<std::uint64_t>(pid) * 10 };
    p.ppid = 1;
    p.state = 'S';
    p.uidKnown = true;
    static auto user = std::make_shared<const std::string>("user");
    p.user = user;
    auto names = std::make_shared<pg::ProcessNames>();
    names->comm = "proc" + std::to_string(pid);
    names->cmdline = "/usr/bin/proc" + std::to_string(pid) + " --option value --another";
    p.names = names;
    p.cpuPercent = cpu;
    p.resKib = static_cast<std::uint64_t>(pid) * 7 % 100000;
    p.virtKib = p.resKib * 4;
    p.threads = 1;
    return p;
}

void measureModel(int processCount, int ticks)
{
    pg::ProcessTableModel model;
    pg::ProcessFilterProxy proxy;
    proxy.setSourceModel(&model);
    QTreeView view;
    view.setModel(&proxy);
    view.setUniformRowHeights(true);
    view.setSortingEnabled(true);
    view.sortByColumn(pg::ProcessTableModel::Cpu, Qt::DescendingOrder);
    view.resize(1200, 800);
    view.show();
    view.selectionModel()->setCurrentIndex(proxy.index(0, 0), QItemSelectionModel::Select);

    std::vector<pg::ProcessInfo> procs;
    for (int i = 0; i < processCount; ++i)
        procs.push_back(fakeProcess(1000 + i, (i % 50 == 0) ? 10.0 : 0.0));
    auto first = std::make_shared<pg::ProcessSnapshot>();
    first->processes = procs;
    model.applySnapshot(first);
    QCoreApplication::processEvents();

    std::vector<double> times;
    int nextPid = 1000 + processCount;
    for (int t = 0; t < ticks; ++t) {
        // A typical tick: a fifth of the processes change CPU %, a handful exit and start.
        for (std::size_t i = static_cast<std::size_t>(t % 5); i < procs.size(); i += 5) {
            procs[i].cpuPercent
                = std::fmod(static_cast<double>(i * 31 + static_cast<std::size_t>(t) * 17), 100.0)
                / 10.0;
            procs[i].utimeTicks += 1;
        }
        for (int k = 0; k < 5; ++k) {
            procs.erase(procs.begin()
                + static_cast<long>(
                    (static_cast<std::size_t>(t) * 37 + static_cast<std::size_t>(k) * 101)
                    % procs.size()));
            procs.push_back(fakeProcess(nextPid++, 1.0));
        }
        auto snap = std::make_shared<pg::ProcessSnapshot>();
        snap->processes = procs;
        std::sort(snap->processes.begin(), snap->processes.end(),
            [](const pg::ProcessInfo& a, const pg::ProcessInfo& b) {
                return a.key.pid < b.key.pid;
            });
        const double w0 = wallMs();
        model.applySnapshot(snap);
        times.push_back(wallMs() - w0);
        QCoreApplication::processEvents(); // let the view repaint, outside the measurement
    }
    std::printf("GUI-thread model update, %5d processes: median %.2f ms, max %.2f ms (%d ticks; "
                "model + sort proxy + view)\n",
        processCount, median(times), *std::max_element(times.begin(), times.end()), ticks);

    // Interactivity: what a click on a column header and a keystroke in the filter box cost on
    // the GUI thread, including the view's relayout.
    auto timed = [](const std::function<void()>& action) {
        const double w0 = wallMs();
        action();
        QCoreApplication::processEvents();
        return wallMs() - w0;
    };
    std::vector<double> sorts, filters;
    const int columns[] = { pg::ProcessTableModel::Command, pg::ProcessTableModel::Res,
        pg::ProcessTableModel::Pid, pg::ProcessTableModel::Cpu };
    for (int c : columns)
        sorts.push_back(timed([&] { view.sortByColumn(c, Qt::DescendingOrder); }));
    const char* filterSteps[] = { "p", "pr", "pro", "proc1", "proc12", "", "9", "" };
    for (const char* text : filterSteps)
        filters.push_back(timed([&] { proxy.setFilterText(QString::fromLatin1(text)); }));
    std::printf(
        "GUI-thread interactivity, %5d processes: re-sort by a column median %.2f ms (max %.2f), "
        "filter keystroke median %.2f ms (max %.2f)\n",
        processCount, median(sorts), *std::max_element(sorts.begin(), sorts.end()), median(filters),
        *std::max_element(filters.begin(), filters.end()));
}

} // namespace

int main(int argc, char** argv)
{
    int rounds = 15;
    bool spawn = true;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc)
            rounds = std::max(3, std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--no-spawn") == 0)
            spawn = false;
    }
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    std::printf("Process sampler vs floor (CPU ms of one refresh, median of %d; floor = readdir + "
                "open/read/close of stat and statm per pid)\n",
        rounds);
    std::printf("%-28s %7s %7s %10s %10s %8s %10s %10s %8s %6s\n", "case", "pids", "listed",
        "floor cpu", "procglass", "ratio", "floor wall", "pg wall", "ratio", "fds");
    measureSampler("live processes", rounds);
    measureSampler("live, io columns shown", rounds, true);
    if (spawn) {
        for (int extra : { 2000, 10000 }) {
            std::vector<pid_t> kids = spawnSleepers(extra);
            char label[64];
            std::snprintf(label, sizeof label, "live + %zu sleepers", kids.size());
            measureSampler(label, rounds);
            std::snprintf(label, sizeof label, "+ %zu sleepers, io shown", kids.size());
            measureSampler(label, rounds, true);
            killAll(kids);
        }
    }

    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    measureModel(2000, 40);
    measureModel(10000, 20);
    return 0;
}
