// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of the process details reader and of the process tree model, each against a floor
// measured in the same run.
//
// 1. Details: readProcessDetails() of this process while it holds 1,000 extra open descriptors
//    and 16 extra threads, against the floor any "open files" view must pay: list /proc/PID/fd,
//    readlink every entry and read every fdinfo. CPU time of this thread, median of N rounds.
// 2. Tree: the page's process tree (ProcessTreeModel, which sorts and filters itself, in a fully
//    expanded QTreeView) against the flat table (ProcessTableModel + ProcessFilterProxy in a
//    QTreeView), which the page pays for on every refresh anyway. 2,000 and 10,000 processes in a
//    random tree; each tick 10 % change CPU, 1 % exit (their children go to pid 1) and 1 % start.
//    GUI-thread wall time from applySnapshot() until the view has laid out and painted (median of
//    N rounds), then a click on a column header and a filter keystroke in both views.
//
// Run: build/tests/bench/bench_details [--rounds N]

#include "core/base/ProcFs.h"
#include "core/process/ProcessDetails.h"
#include "tests/bench/BenchUtil.h"
#include "ui/processes/ProcessFilterProxy.h"
#include "ui/processes/ProcessTableModel.h"
#include "ui/processes/ProcessTreeModel.h"

#include <QApplication>
#include <QTreeView>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <functional>
#include <random>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace pgbench;

namespace {

// The floor: readdir fd/, readlink fd/N and read fdinfo/N for every descriptor.
std::size_t floorRead(const std::string& dir)
{
    std::size_t bytes = 0;
    DIR* d = opendir((dir + "/fd").c_str());
    if (!d)
        return 0;
    while (const dirent* e = readdir(d)) {
        if (e->d_name[0] == '.')
            continue;
        char target[4096];
        const ssize_t n = readlink((dir + "/fd/" + e->d_name).c_str(), target, sizeof target);
        bytes += n > 0 ? static_cast<std::size_t>(n) : 0;
        auto info = pg::readWholeFile(dir + "/fdinfo/" + e->d_name);
        bytes += info ? info->size() : 0;
    }
    closedir(d);
    return bytes;
}

struct Sim
{
    std::mt19937 rng { 42 };
    std::vector<pg::ProcessInfo> procs;
    int nextPid = 2;
    std::uint64_t tick = 1000;
    std::vector<std::shared_ptr<const pg::ProcessNames>> names;

    std::shared_ptr<const pg::ProcessNames> name(int pid)
    {
        auto n = std::make_shared<pg::ProcessNames>();
        n->comm = "proc" + std::to_string(pid);
        n->cmdline = "/usr/bin/" + n->comm + " --serve";
        return n;
    }
    void add()
    {
        pg::ProcessInfo p;
        p.key = { nextPid++, tick };
        p.ppid = procs.empty() ? 0 : procs[rng() % procs.size()].key.pid;
        p.names = name(p.key.pid);
        p.cpuPercent = 0;
        procs.push_back(p);
    }
    explicit Sim(int n)
    {
        pg::ProcessInfo init;
        init.key = { 1, 1 };
        init.names = name(1);
        init.cpuPercent = 0;
        procs.push_back(init);
        while (static_cast<int>(procs.size()) < n)
            add();
    }
    std::shared_ptr<pg::ProcessSnapshot> step()
    {
        ++tick;
        const std::size_t n = procs.size();
        for (std::size_t i = 0; i < n / 10; ++i)
            procs[1 + rng() % (n - 1)].cpuPercent = static_cast<double>(rng() % 1000) / 10.0;
        for (std::size_t i = 0; i < n / 100; ++i) {
            const std::size_t victim = 1 + rng() % (procs.size() - 1);
            const int pid = procs[victim].key.pid;
            procs.erase(procs.begin() + static_cast<long>(victim));
            for (auto& p : procs)
                if (p.ppid == pid)
                    p.ppid = 1;
        }
        for (std::size_t i = 0; i < n / 100; ++i)
            add();
        auto s = std::make_shared<pg::ProcessSnapshot>();
        s->processes = procs;
        return s;
    }
};

double maxOf(const std::vector<double>& v)
{
    return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
}

// The page's two views: the flat table (the floor: what every refresh costs anyway) and the tree,
// fully expanded as the page shows it. Each refresh is timed from applySnapshot() until the view
// has laid out and painted (processEvents), the tree after the flat model it reads its cells from.
void measureTree(int n, int rounds)
{
    Sim sim(n);
    pg::ProcessTableModel flat;
    pg::ProcessFilterProxy flatProxy;
    flatProxy.setSourceModel(&flat);
    QTreeView flatView;
    flatView.setModel(&flatProxy);
    flatView.setUniformRowHeights(true);
    flatView.setRootIsDecorated(false);
    flatView.setSortingEnabled(true);
    flatView.sortByColumn(pg::ProcessTableModel::Cpu, Qt::DescendingOrder);
    flatView.resize(1200, 800);
    flatView.show();
    pg::ProcessTreeModel tree(&flat);
    QTreeView treeView;
    treeView.setModel(&tree);
    treeView.setUniformRowHeights(true);
    treeView.setSortingEnabled(true);
    treeView.setTreePosition(pg::ProcessTableModel::Command);
    treeView.sortByColumn(pg::ProcessTableModel::Cpu, Qt::DescendingOrder);
    treeView.resize(1200, 800);
    treeView.show();
    // As the page: expand where children arrive, and everything after a reset.
    QObject::connect(&tree, &pg::ProcessTreeModel::childrenArrived, &treeView,
        [&treeView](const QModelIndexList& parents) {
            for (const QModelIndex& parent : parents)
                treeView.expand(parent);
        });
    QObject::connect(&tree, &QAbstractItemModel::modelReset, &treeView, &QTreeView::expandAll);
    auto first = sim.step();
    flat.applySnapshot(first);
    tree.applySnapshot(first);
    treeView.expandAll();
    QCoreApplication::processEvents();

    std::vector<double> flatMs, flatApplyMs, treeMs, treeApplyMs;
    for (int r = 0; r < rounds; ++r) {
        auto s = sim.step();
        double t0 = wallMs();
        flat.applySnapshot(s);
        flatApplyMs.push_back(wallMs() - t0);
        QCoreApplication::processEvents();
        flatMs.push_back(wallMs() - t0);
        t0 = wallMs();
        tree.applySnapshot(s);
        treeApplyMs.push_back(wallMs() - t0);
        QCoreApplication::processEvents();
        treeMs.push_back(wallMs() - t0);
    }
    // "apply": applySnapshot() with the views' slots; "total": until laid out and painted.
    std::printf(
        "%5d processes, refresh: flat table %.2f ms total, %.2f apply (floor); tree %.2f ms "
        "total (max %.2f), %.2f apply; ratio %.2f total, %.2f apply\n",
        n, median(flatMs), median(flatApplyMs), median(treeMs), maxOf(treeMs), median(treeApplyMs),
        median(treeMs) / median(flatMs), median(treeApplyMs) / median(flatApplyMs));

    // A click on a column header and a keystroke in the filter box, in both views.
    auto timed = [](const std::function<void()>& action) {
        const double t0 = wallMs();
        action();
        QCoreApplication::processEvents();
        return wallMs() - t0;
    };
    const int columns[] = { pg::ProcessTableModel::Command, pg::ProcessTableModel::Res,
        pg::ProcessTableModel::Pid, pg::ProcessTableModel::Cpu };
    const char* steps[] = { "p", "pr", "pro", "proc1", "proc12", "", "9", "" };
    std::vector<double> flatSort, treeSort, flatFilter, treeFilter;
    for (int c : columns) {
        flatSort.push_back(timed([&] { flatView.sortByColumn(c, Qt::DescendingOrder); }));
        treeSort.push_back(timed([&] { treeView.sortByColumn(c, Qt::DescendingOrder); }));
    }
    for (const char* text : steps) {
        const QString t = QString::fromLatin1(text);
        flatFilter.push_back(timed([&] { flatProxy.setFilterText(t); }));
        treeFilter.push_back(timed([&] { tree.setFilterText(t); }));
    }
    std::printf(
        "%5d processes, re-sort: flat %.2f ms (floor), tree %.2f ms (max %.2f), ratio %.2f; "
        "filter keystroke: flat %.2f ms (floor), tree %.2f ms (max %.2f), ratio %.2f\n",
        n, median(flatSort), median(treeSort), maxOf(treeSort), median(treeSort) / median(flatSort),
        median(flatFilter), median(treeFilter), maxOf(treeFilter),
        median(treeFilter) / median(flatFilter));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int rounds = 15;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--rounds") == 0)
            rounds = std::max(3, std::atoi(argv[i + 1]));

    // 1. Details of this process with 1,000 extra descriptors and 16 extra threads.
    std::vector<pg::UniqueFd> fds;
    for (int i = 0; i < 1000; ++i)
        fds.emplace_back(::open(i % 2 ? "/dev/null" : "/proc/self/stat", O_RDONLY | O_CLOEXEC));
    std::atomic<bool> stop { false };
    std::vector<std::thread> threads;
    for (int i = 0; i < 16; ++i)
        threads.emplace_back([&stop] {
            while (!stop)
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
        });
    const std::string self = "/proc/" + std::to_string(::getpid());
    std::vector<double> floorMs, detailsMs;
    std::size_t sink = 0;
    for (int r = 0; r < rounds; ++r) {
        double t0 = threadCpuMs();
        sink += floorRead(self);
        floorMs.push_back(threadCpuMs() - t0);
        t0 = threadCpuMs();
        const pg::ProcessDetails d = pg::readProcessDetails("/proc", ::getpid());
        detailsMs.push_back(threadCpuMs() - t0);
        sink += d.files ? d.files->size() : 0;
    }
    stop = true;
    for (auto& t : threads)
        t.join();
    const double f = median(floorMs), dt = median(detailsMs);
    std::printf("details of a process with %zu fds, 17 threads: floor (fd list + readlink + "
                "fdinfo) %.2f ms, "
                "readProcessDetails %.2f ms, ratio %.2f\n",
        fds.size() + 3, f, dt, dt / f);

    // 2. Tree vs flat table, per refresh and per click, GUI thread wall time including the views'
    //    layout and paint.
    for (int n : { 2000, 10000 })
        measureTree(n, rounds);
    return sink == 0 ? 1 : 0;
}
