// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of the System overview's sampler against the floor, in one run.
//
// Floor: what any procinfo-like monitor must do at least: open, read and close the nine files the
// page shows (stat, meminfo, loadavg, uptime, vmstat, diskstats, net/dev, modules, version).
// Collector: SystemOverviewCollector::sample(), the full refresh (the same reads, every parser,
// uname(2), the /sys partition checks and the rates). Both in CPU time of this
// thread, interleaved, median of N rounds, on the live /proc and on a generated "big machine" tree
// (256 CPUs, 300 block devices, 200 interfaces, 400 modules).
// Then the GUI-thread cost of applying one overview to the page (summary, three models, the
// charts with ten minutes of history redrawn because the page is visible), against the floor of
// the same page on its Summary tab (the charts hidden: history only); at a 1 s refresh (601
// samples) and at 0.25 s (2,401 samples, whose charts draw at most ~600 points per series); and
// the cost of showing a chart tab, which rebuilds its charts from the history.
//
// Run: build/tests/bench/bench_system_overview [--rounds N]

#include "core/system/SystemOverview.h"
#include "tests/bench/BenchUtil.h"
#include "ui/charts/CpuStackChart.h"
#include "ui/system/SystemOverviewPage.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <vector>

using namespace pgbench;

namespace {

const char* const kFiles[] = { "stat", "meminfo", "loadavg", "uptime", "vmstat", "diskstats",
    "net/dev", "modules", "version" };

// This page's floor: open + read + close of every file the overview reads.
void readFilesFloor(const std::string& root)
{
    static char buf[65536];
    for (const char* file : kFiles) {
        const std::string path = root + "/" + file;
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        while (::read(fd, buf, sizeof buf) > 0) { }
        ::close(fd);
    }
}

void writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(text);
}

// A big machine's /proc: 256 CPUs, 300 block devices, 200 interfaces, 400 modules.
void makeBigTree(const QString& dir)
{
    QDir(dir).mkpath(QStringLiteral("net"));
    QByteArray stat = "cpu  123456 789 45678 9876543 1234 0 567 0 0 0\n";
    for (int i = 0; i < 256; ++i)
        stat += "cpu" + QByteArray::number(i) + " 482 3 178 38580 4 0 2 0 0 0\n";
    stat += "intr 12345678 " + QByteArray("0 ").repeated(500)
        + "\nctxt 98765432\nbtime 1551376475\n"
          "processes 123456\nprocs_running 3\nprocs_blocked 0\nsoftirq 1234 1 2 3 4 5 6 7 8 9 10\n";
    writeFile(dir + QStringLiteral("/stat"), stat);
    QFile live(QStringLiteral("/proc/meminfo"));
    QByteArray mem
        = live.open(QIODevice::ReadOnly) ? live.readAll() : QByteArray("MemTotal: 1 kB\n");
    writeFile(dir + QStringLiteral("/meminfo"), mem);
    writeFile(dir + QStringLiteral("/loadavg"), "1.00 2.00 3.00 4/5678 91011\n");
    writeFile(dir + QStringLiteral("/uptime"), "123456.78 9876543.21\n");
    QByteArray vm;
    for (int i = 0; i < 180; ++i)
        vm += "counter_" + QByteArray::number(i) + " " + QByteArray::number(i * 1000) + "\n";
    vm += "pgpgin 1\npgpgout 2\npgfault 3\npgmajfault 4\npswpin 5\npswpout 6\npgactivate "
          "7\npgdeactivate 8\n";
    writeFile(dir + QStringLiteral("/vmstat"), vm);
    QByteArray disks;
    for (int d = 0; d < 100; ++d) {
        const QByteArray name
            = "sd" + QByteArray(1, char('a' + d % 26)) + QByteArray(1, char('a' + d / 26));
        disks += "   8 " + QByteArray::number(d * 16) + " " + name
            + " 6893 2016 448114 3456 1846 1571 102922 2219 0 4960 6152 0 0 0 0 120 476\n";
        for (int p = 1; p <= 2; ++p)
            disks += "   8 " + QByteArray::number(d * 16 + p) + " " + name + QByteArray::number(p)
                + " 6700 2016 440000 3400 1846 1571 102922 2219 0 4900 5600 0 0 0 0 0 0\n";
    }
    writeFile(dir + QStringLiteral("/diskstats"), disks);
    QByteArray net
        = "Inter-|   Receive                                                |  Transmit\n"
          " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs "
          "drop fifo colls carrier compressed\n";
    for (int i = 0; i < 200; ++i)
        net += "veth" + QByteArray::number(i, 16).rightJustified(12, '0')
            + ": 30797383   21020    0    0    0     0          0         0   554793    5967    0  "
              "  0    0     0       0          0\n";
    writeFile(dir + QStringLiteral("/net/dev"), net);
    QByteArray mods;
    for (int i = 0; i < 400; ++i)
        mods += "module_" + QByteArray::number(i)
            + " 94208 2 snd_hda_intel,snd_hda_codec, Live 0xffffffffc0900000 (OE)\n";
    writeFile(dir + QStringLiteral("/modules"), mods);
    writeFile(dir + QStringLiteral("/version"),
        "Linux version 6.1.0-13-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) "
        "12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 "
        "(2023-09-29)\n");
}

struct Figures
{
    double floorMs = 0, collectorMs = 0;
};

Figures measure(const std::string& root, bool live, int rounds)
{
    pg::SystemOverviewCollector::Options options;
    options.procRoot = root;
    options.sysRoot = live ? "/sys" : "";
    options.readUname = live;
    pg::SystemOverviewCollector collector(options);
    (void)collector.sample(); // warm the page cache and the previous-sample state
    std::vector<double> floors, samples;
    for (int i = 0; i < rounds; ++i) {
        double t0 = threadCpuMs();
        readFilesFloor(root);
        floors.push_back(threadCpuMs() - t0);
        t0 = threadCpuMs();
        const pg::SystemOverview s = collector.sample();
        samples.push_back(threadCpuMs() - t0);
        if (!s.stat.ok())
            qFatal("cannot read %s/stat", root.c_str());
    }
    return { median(floors), median(samples) };
}

// The bench's samples come microseconds apart, so most CPU shares and rates are unknown and the
// charts would draw almost nothing: give every chart a value, as a busy machine would.
void fillChartValues(pg::SystemOverview& s, std::size_t i)
{
    const double wave = static_cast<double>(i % 17);
    auto busy = [wave](pg::CpuShare& share) {
        share.valid = true;
        share.user = 10 + wave;
        share.system = 5;
        share.softirq = 1;
        share.idle = 100 - share.user - share.system - share.softirq;
    };
    busy(s.now.cpu);
    for (pg::CpuShare& share : s.cpuShares)
        busy(share);
    for (std::optional<double>* rate : { &s.now.contextSwitchesPerSec, &s.now.forksPerSec,
             &s.now.interruptsPerSec, &s.now.pageInKibPerSec, &s.now.pageOutKibPerSec,
             &s.now.pageFaultsPerSec, &s.now.majorFaultsPerSec, &s.now.swapInPagesPerSec,
             &s.now.swapOutPagesPerSec, &s.now.diskReadBytesPerSec, &s.now.diskWriteBytesPerSec,
             &s.now.netRxBytesPerSec, &s.now.netTxBytesPerSec })
        *rate = 1000 * wave;
}

void report(const char* what, const Figures& f)
{
    std::printf("%-34s floor %7.3f ms   collector %7.3f ms   ratio %5.2fx\n", what, f.floorMs,
        f.collectorMs, f.floorMs > 0 ? f.collectorMs / f.floorMs : 0.0);
}

} // namespace

int main(int argc, char** argv)
{
    int rounds = 200;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--rounds") == 0)
            rounds = std::max(5, std::atoi(argv[i + 1]));
    }
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM") && !qEnvironmentVariableIsSet("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    std::printf("System overview refresh, CPU time per refresh (median of %d rounds)\n", rounds);
    report("live /proc", measure("/proc", true, rounds));
    QTemporaryDir big;
    makeBigTree(big.path());
    const std::string bigRoot = big.path().toStdString();
    report("big machine (256 CPUs, 300 disks)", measure(bigRoot, false, rounds));

    // GUI thread: one overview applied to a visible page with ten minutes of chart history.
    struct Case
    {
        const char* label;
        std::string root;
        bool live;
        int intervalMs;
    };
    for (const Case& c :
        { Case { "live /proc", "/proc", true, 1000 }, Case { "big machine", bigRoot, false, 1000 },
            Case { "live /proc", "/proc", true, 250 } }) {
        pg::SystemOverviewCollector::Options options;
        options.procRoot = c.root;
        options.sysRoot = c.live ? "/sys" : "";
        options.readUname = c.live;
        pg::SystemOverviewCollector collector(options);
        pg::SystemOverviewPage page(c.intervalMs);
        page.resize(1200, 800);
        page.show();
        const std::size_t history = pg::SystemOverviewCollector::historyCapacityFor(c.intervalMs);
        const double step = c.intervalMs / 1000.0;
        double t = 0;
        double floorMs = 0;
        for (const char* tab : { "summary", "cpu", "activity" }) {
            double showMs = 0;
            {
                page.showTab(QStringLiteral("summary"));
                const double t0 = threadCpuMs();
                page.showTab(QString::fromLatin1(tab)); // rebuilds the tab's charts
                showMs = threadCpuMs() - t0;
            }
            std::vector<double> applies;
            for (std::size_t i = 0; i < history + 20; ++i) {
                auto s = collector.sampleAt(t += step, 0);
                fillChartValues(s, i);
                auto shared = std::make_shared<const pg::SystemOverview>(std::move(s));
                const double t0 = threadCpuMs();
                page.applyOverview(shared);
                if (i >= history)
                    applies.push_back(threadCpuMs() - t0);
            }
            QApplication::processEvents();
            const double m = median(applies);
            if (std::strcmp(tab, "summary") == 0)
                floorMs = m;
            const pg::CpuStackChart* total = page.cpuChart(-1);
            std::printf("GUI apply, %-11s %4d ms %-8s tab %7.3f ms per refresh = %5.2fx floor "
                        "(%.2f%% of the interval); showing the tab %6.2f ms; machine CPU chart "
                        "%zu samples, %lld points\n",
                c.label, c.intervalMs, tab, m, floorMs > 0 ? m / floorMs : 0.0,
                m / c.intervalMs * 100.0, showMs, total->sampleCount(),
                static_cast<long long>(total->points(0).size()));
        }
    }
    return 0;
}
