// Benchmark of the process details reader and of the process tree model, each against a floor
// measured in the same run.
//
// 1. Details: readProcessDetails() of this process while it holds 1,000 extra open descriptors
//    and 16 extra threads, against the floor any "open files" view must pay: list /proc/PID/fd,
//    readlink every entry and read every fdinfo. CPU time of this thread, median of N rounds.
// 2. Tree: ProcessTreeModel::applySnapshot() (in-place moves, inserts, removals, dataChanged)
//    against ProcessTableModel::applySnapshot() for the same snapshot, which the flat table pays
//    on every refresh anyway. 2,000 and 10,000 processes in a random tree; each tick 10 % change
//    CPU, 1 % exit (their children go to pid 1) and 1 % start. Both with their sorting proxies.
//
// Run: build/tests/bench/bench_details [--rounds N]

#include "ProcFs.h"
#include "ProcessDetails.h"
#include "ProcessFilterProxy.h"
#include "ProcessTableModel.h"
#include "ProcessTreeModel.h"
#include "ProcessTreeProxy.h"

#include <QApplication>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <random>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

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

} // namespace

int main(int argc, char** argv)
{
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

    // 2. Tree model vs flat model, per refresh.
    for (int n : { 2000, 10000 }) {
        Sim sim(n);
        pg::ProcessTableModel flat;
        pg::ProcessFilterProxy flatProxy;
        flatProxy.setSourceModel(&flat);
        flatProxy.sort(pg::ProcessTableModel::Cpu, Qt::DescendingOrder);
        pg::ProcessTreeModel tree(&flat);
        pg::ProcessTreeProxy treeProxy;
        treeProxy.setSourceModel(&tree);
        treeProxy.sort(pg::ProcessTableModel::Cpu, Qt::DescendingOrder);
        auto first = sim.step();
        flat.applySnapshot(first);
        tree.applySnapshot(first);
        std::vector<double> flatMs, treeMs;
        for (int r = 0; r < rounds; ++r) {
            auto s = sim.step();
            double t0 = threadCpuMs();
            flat.applySnapshot(s);
            flatMs.push_back(threadCpuMs() - t0);
            t0 = threadCpuMs();
            tree.applySnapshot(s);
            treeMs.push_back(threadCpuMs() - t0);
        }
        const double a = median(flatMs), b = median(treeMs);
        std::printf("%5d processes: flat model+proxy %.2f ms, tree model+proxy %.2f ms per "
                    "refresh, ratio %.2f "
                    "(%d tree rows at the top level)\n",
            n, a, b, b / a, tree.rowCount());
    }
    return sink == 0 ? 1 : 0;
}
