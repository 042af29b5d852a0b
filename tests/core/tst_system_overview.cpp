// SPDX-License-Identifier: GPL-3.0-or-later
// SystemOverviewCollector on a fake /proc tree in a temporary directory, with a scripted clock:
// rates over real elapsed time, devices that vanish and appear, counters that go backwards,
// unreadable files, the bounded history, and the CSV export rows.

#include "core/export/SystemCsv.h"
#include "core/system/SystemOverview.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace pg;

namespace {

QByteArray fixture(const QString& name)
{
    QFile file(QStringLiteral(PROCGLASS_TEST_DATA "/system/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

struct State
{
    QByteArray cpu, cpu0, cpu1;
    qulonglong ctxt = 0, processes = 0, intr = 0;
    QByteArray vmstat, diskstats, netdev;
};

State stateA()
{
    return { "100 0 50 800 10 0 0 0 0 0", "50 0 25 400 5 0 0 0 0 0", "50 0 25 400 5 0 0 0 0 0",
        1000, 500, 10000,
        "pgpgin 1000\npgpgout 2000\npgfault 5000\npgmajfault 10\npswpin 0\npswpout 0\npgactivate "
        "7\npgdeactivate 3\n",
        fixture(QStringLiteral("diskstats-a.txt")),
        fixture(QStringLiteral("netdev-long-names.txt")) };
}

// Two seconds after A: every CPU state moved, CPU 1 went offline and came back (its counters
// restarted), sdb vanished and sdc appeared, enp0s3's counters restarted (driver reload), the
// long-named interfaces went away.
State stateB()
{
    return { "150 10 80 890 20 5 5 0 0 0", "140 10 75 850 20 5 5 0 0 0", "10 0 5 40 0 0 0 0 0 0",
        3000, 520, 10400,
        "pgpgin 1400\npgpgout 2100\npgfault 5600\npgmajfault 12\npswpin 4\npswpout 8\npgactivate "
        "9\npgdeactivate 3\n",
        fixture(QStringLiteral("diskstats-b.txt")), fixture(QStringLiteral("netdev-b.txt")) };
}

class FakeProc
{
public:
    FakeProc()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).mkpath(QStringLiteral("net"));
        write("meminfo",
            "MemTotal: 1008940 kB\nMemFree: 487412 kB\nMemAvailable: 700000 kB\nBuffers: 16084 kB\n"
            "Cached: 200000 kB\nSReclaimable: 10000 kB\nSwapTotal: 2048 kB\nSwapFree: 1024 kB\n");
        write("loadavg", "0.12 0.03 0.01 1/123 2345\n");
        write("uptime", "1246.53 4883.51\n");
        write("modules", fixture(QStringLiteral("modules.txt")));
        write("version", fixture(QStringLiteral("version-bionic.txt")));
    }
    std::string root() const { return m_dir.path().toStdString(); }
    void write(const char* name, const QByteArray& text)
    {
        QFile f(m_dir.filePath(QString::fromLatin1(name)));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }
    void remove(const char* name) { QFile::remove(m_dir.filePath(QString::fromLatin1(name))); }
    void apply(const State& s)
    {
        write("stat",
            "cpu  " + s.cpu + "\ncpu0 " + s.cpu0 + "\ncpu1 " + s.cpu1 + "\nintr "
                + QByteArray::number(s.intr) + " 1 2 3\nctxt " + QByteArray::number(s.ctxt)
                + "\nbtime 1551376475\nprocesses " + QByteArray::number(s.processes)
                + "\nprocs_running 2\nprocs_blocked 1\n");
        write("vmstat", s.vmstat);
        write("diskstats", s.diskstats);
        write("net/dev", s.netdev);
    }

private:
    QTemporaryDir m_dir;
};

SystemOverviewCollector::Options optionsFor(const FakeProc& proc)
{
    SystemOverviewCollector::Options o;
    o.procRoot = proc.root();
    o.sysRoot.clear();
    o.readUname = false;
    return o;
}

const DiskRate* diskRate(const SystemOverview& s, const char* name)
{
    const auto& d = s.disks.value->devices;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (d[i].name == name)
            return &s.diskRates[i];
    }
    return nullptr;
}

const NetRate* netRate(const SystemOverview& s, const char* name)
{
    const auto& n = s.net.value->interfaces;
    for (std::size_t i = 0; i < n.size(); ++i) {
        if (n[i].name == name)
            return &s.netRates[i];
    }
    return nullptr;
}

QString csvValue(const CsvTable& t, const char* metric)
{
    for (const auto& row : t.rows) {
        if (row[0] == metric)
            return QString::fromStdString(row[1]);
    }
    return QStringLiteral("<missing>");
}

} // namespace

class TestSystemOverview : public QObject
{
    Q_OBJECT
private slots:
    void firstSampleHasNoRates();
    void ratesOverElapsedTime();
    void vanishingAndNewDevices();
    void countersGoingBackwards();
    void unreadableFilesStayLocal();
    void historyIsBounded();
    void csvRows();
};

void TestSystemOverview::firstSampleHasNoRates()
{
    FakeProc proc;
    proc.apply(stateA());
    SystemOverviewCollector collector(optionsFor(proc));
    const SystemOverview s = collector.sampleAt(100.0, 0);
    QVERIFY(s.stat.ok() && s.memory.ok() && s.vmstat.ok() && s.disks.ok() && s.net.ok()
        && s.modules.ok() && s.version.ok());
    QCOMPARE(s.elapsedSeconds, 0.0);
    QVERIFY(!s.now.cpu.valid);
    QVERIFY(!s.now.contextSwitchesPerSec);
    QVERIFY(!s.now.pageInKibPerSec);
    QVERIFY(!s.now.diskReadBytesPerSec);
    QCOMPARE(s.diskRates.size(), s.disks.value->devices.size());
    for (const DiskRate& r : s.diskRates)
        QVERIFY(!r.valid);
    QCOMPARE(s.cpuShares.size(), std::size_t(2));
}

void TestSystemOverview::ratesOverElapsedTime()
{
    FakeProc proc;
    proc.apply(stateA());
    SystemOverviewCollector collector(optionsFor(proc));
    (void)collector.sampleAt(100.0, 0);
    proc.apply(stateB());
    const SystemOverview s = collector.sampleAt(102.0, 2000); // two seconds later
    QCOMPARE(s.elapsedSeconds, 2.0);
    // /proc/stat: ctxt +2000, processes +20, intr +400 over 2 s.
    QCOMPARE(s.now.contextSwitchesPerSec.value_or(-1), 1000.0);
    QCOMPARE(s.now.forksPerSec.value_or(-1), 10.0);
    QCOMPARE(s.now.interruptsPerSec.value_or(-1), 200.0);
    // CPU: deltas user 50, nice 10, system 30, idle 90, iowait 10, irq 5, softirq 5 of 200 ticks.
    QVERIFY(s.now.cpu.valid);
    QCOMPARE(s.now.cpu.user, 25.0);
    QCOMPARE(s.now.cpu.nice, 5.0);
    QCOMPARE(s.now.cpu.system, 15.0);
    QCOMPARE(s.now.cpu.idle, 45.0);
    QCOMPARE(s.now.cpu.iowait, 5.0);
    QCOMPARE(s.now.cpu.irq, 2.5);
    QCOMPARE(s.now.cpu.softirq, 2.5);
    QCOMPARE(s.now.cpu.steal, 0.0);
    // /proc/vmstat.
    QCOMPARE(s.now.pageInKibPerSec.value_or(-1), 200.0);
    QCOMPARE(s.now.pageOutKibPerSec.value_or(-1), 50.0);
    QCOMPARE(s.now.pageFaultsPerSec.value_or(-1), 300.0);
    QCOMPARE(s.now.majorFaultsPerSec.value_or(-1), 1.0);
    QCOMPARE(s.now.swapInPagesPerSec.value_or(-1), 2.0);
    QCOMPARE(s.now.swapOutPagesPerSec.value_or(-1), 4.0);
    // /proc/diskstats: sda +200 reads, +10240 sectors read, +100 writes, +10000 sectors written.
    const DiskRate* sda = diskRate(s, "sda");
    QVERIFY(sda && sda->valid);
    QCOMPARE(sda->readsPerSec, 100.0);
    QCOMPARE(sda->writesPerSec, 50.0);
    QCOMPARE(sda->readBytesPerSec, 10240.0 * 512 / 2);
    QCOMPARE(sda->writeBytesPerSec, 10000.0 * 512 / 2);
    // Machine-wide disk I/O: whole disks only (sda + nvme0n1), not sda1 nor dm-0/loop0 stacked on
    // them.
    QCOMPARE(s.now.diskReadBytesPerSec.value_or(-1), (10240.0 + 8000.0) * 512 / 2);
    QCOMPARE(s.now.diskWriteBytesPerSec.value_or(-1), (10000.0 + 10000.0) * 512 / 2);
    // /proc/net/dev: lo +1000 bytes, +10 packets each way.
    const NetRate* lo = netRate(s, "lo");
    QVERIFY(lo && lo->valid);
    QCOMPARE(lo->rxBytesPerSec, 500.0);
    QCOMPARE(lo->txPacketsPerSec, 5.0);

    // The same change over 4 s halves every rate: rates follow real elapsed time, not ticks.
    SystemOverviewCollector slow(optionsFor(proc));
    proc.apply(stateA());
    (void)slow.sampleAt(10.0, 0);
    proc.apply(stateB());
    const SystemOverview t = slow.sampleAt(14.0, 4000);
    QCOMPARE(t.now.contextSwitchesPerSec.value_or(-1), 500.0);
    QCOMPARE(diskRate(t, "sda")->readsPerSec, 50.0);
}

void TestSystemOverview::vanishingAndNewDevices()
{
    FakeProc proc;
    proc.apply(stateA());
    SystemOverviewCollector collector(optionsFor(proc));
    const SystemOverview a = collector.sampleAt(0.0, 0);
    QVERIFY(a.disks.value->find("sdb"));
    proc.apply(stateB());
    const SystemOverview b = collector.sampleAt(1.0, 1000);
    QVERIFY(!b.disks.value->find("sdb")); // gone, no stale row
    QVERIFY(b.disks.value->find("sdc"));
    QVERIFY(!diskRate(b, "sdc")->valid); // new: no rate until the next sample
    QVERIFY(diskRate(b, "sda")->valid);
    QVERIFY(!b.net.value->find("wlp0s20f3longname"));
    QCOMPARE(b.netRates.size(), b.net.value->interfaces.size());
    // sdb comes back with counters from its new life: treated as new, not as a delta.
    proc.apply(stateA());
    const SystemOverview c = collector.sampleAt(2.0, 2000);
    QVERIFY(!diskRate(c, "sdb")->valid);
    // A device renamed onto another major:minor is a different device.
    State moved = stateA();
    moved.diskstats.replace("   8      16 sdb", "  65      16 sdb");
    proc.apply(moved);
    const SystemOverview d = collector.sampleAt(3.0, 3000);
    QVERIFY(!diskRate(d, "sdb")->valid);
    QVERIFY(diskRate(d, "sda")->valid);
}

void TestSystemOverview::countersGoingBackwards()
{
    FakeProc proc;
    proc.apply(stateA());
    SystemOverviewCollector collector(optionsFor(proc));
    (void)collector.sampleAt(0.0, 0);
    proc.apply(stateB());
    const SystemOverview b = collector.sampleAt(2.0, 2000);
    // CPU 1's counters restarted: no share for it (not a negative or huge one); CPU 0 still has
    // one.
    QCOMPARE(b.cpuShares.size(), std::size_t(2));
    QVERIFY(b.cpuShares[0].valid);
    QVERIFY(!b.cpuShares[1].valid);
    // enp0s3's counters went from 30 MB to 1000 bytes: no rate this tick.
    QVERIFY(!netRate(b, "enp0s3")->valid);
    // ctxt going backwards (a fake tree reset, a wrapped counter): unknown, not 1.8e19/s.
    State back = stateB();
    back.ctxt = 10;
    back.vmstat.replace("pgfault 5600", "pgfault 100");
    proc.apply(back);
    const SystemOverview c = collector.sampleAt(3.0, 3000);
    QVERIFY(!c.now.contextSwitchesPerSec);
    QVERIFY(!c.now.pageFaultsPerSec);
    QCOMPARE(c.now.forksPerSec.value_or(-1), 0.0); // unchanged counters are a real 0/s
    QVERIFY(netRate(c, "enp0s3")->valid); // and the next tick after the reset has a rate again
    // Time standing still (two samples at the same instant) gives no rates at all.
    const SystemOverview d = collector.sampleAt(3.0, 3000);
    QVERIFY(!d.now.cpu.valid);
    QVERIFY(!d.now.forksPerSec);
}

void TestSystemOverview::unreadableFilesStayLocal()
{
    FakeProc proc;
    proc.apply(stateA());
    proc.remove("modules");
    proc.write("vmstat", "pgpgin 12x\n");
    SystemOverviewCollector collector(optionsFor(proc));
    const SystemOverview s = collector.sampleAt(0.0, 0);
    QVERIFY(!s.modules.ok());
    QCOMPARE(s.modules.error, Error::FileMissing);
    QCOMPARE(
        QString::fromStdString(s.modules.path), QString::fromStdString(proc.root() + "/modules"));
    QVERIFY(!s.vmstat.ok());
    QCOMPARE(s.vmstat.error, Error::BadNumber);
    // Everything else still reads.
    QVERIFY(s.stat.ok() && s.memory.ok() && s.disks.ok() && s.net.ok() && s.version.ok()
        && s.load.ok());
    // A runaway file (a fake tree, a broken driver) is refused, not read into memory whole.
    proc.write("modules", QByteArray("m 1 0 - Live 0x0\n").repeated(400000)); // 6.8 MB
    const SystemOverview big = collector.sampleAt(0.5, 500);
    QCOMPARE(big.modules.error, Error::TooLarge);
    QVERIFY(big.stat.ok());
    if (::geteuid() != 0) {
        proc.apply(stateA());
        QFile::setPermissions(
            QString::fromStdString(proc.root() + "/meminfo"), QFileDevice::Permissions());
        const SystemOverview t = collector.sampleAt(1.0, 1000);
        QCOMPARE(t.memory.error, Error::PermissionDenied);
        QVERIFY(t.stat.ok());
        // vmstat came back: the gap leaves no previous value, so no rate across it.
        QVERIFY(t.vmstat.ok());
        QVERIFY(!t.now.pageInKibPerSec);
    }
}

void TestSystemOverview::historyIsBounded()
{
    // The page's charts keep ten minutes of samples at the refresh interval.
    QCOMPARE(SystemOverviewCollector::historyCapacityFor(1000), std::size_t(601));
    QCOMPARE(SystemOverviewCollector::historyCapacityFor(250), std::size_t(2401));
    QCOMPARE(SystemOverviewCollector::historyCapacityFor(500), std::size_t(1201));
    QCOMPARE(SystemOverviewCollector::historyCapacityFor(0), std::size_t(601));
    // The collector keeps no history of its own (the charts do): every tick carries its own point,
    // stamped with its own clock, and a counter that did not move is a rate of 0, not unknown.
    FakeProc proc;
    proc.apply(stateA());
    SystemOverviewCollector collector(optionsFor(proc));
    for (int i = 0; i < 12; ++i) {
        const SystemOverview s = collector.sampleAt(i, i * 1000);
        QCOMPARE(s.sequence, std::uint64_t(i + 1));
        QCOMPARE(s.now.timeSeconds, double(i));
        if (i == 0) {
            QVERIFY(!s.now.forksPerSec); // no previous sample: unknown
        } else {
            QCOMPARE(s.elapsedSeconds, 1.0);
            QCOMPARE(s.now.forksPerSec.value_or(-1), 0.0);
        }
    }
}

void TestSystemOverview::csvRows()
{
    FakeProc proc;
    proc.apply(stateA());
    SystemOverviewCollector collector(optionsFor(proc));
    const CsvTable first = systemToCsv(collector.sampleAt(0.0, 0));
    QCOMPARE(first.header, (std::vector<std::string> { "metric", "value", "unit" }));
    for (const auto& row : first.rows)
        QCOMPARE(row.size(), std::size_t(3));
    QCOMPARE(csvValue(first, "memory.total"), QStringLiteral("1008940"));
    QCOMPARE(
        csvValue(first, "memory.used"), QStringLiteral("295444")); // 1008940-487412-16084-210000
    QCOMPARE(csvValue(first, "swap.used"), QStringLiteral("1024"));
    QCOMPARE(csvValue(first, "boot.time"), QStringLiteral("1551376475"));
    QCOMPARE(csvValue(first, "tasks.total"), QStringLiteral("123"));
    QCOMPARE(csvValue(first, "page_in.total"), QStringLiteral("1000"));
    QCOMPARE(csvValue(first, "disk.sda.reads"), QStringLiteral("6893"));
    QCOMPARE(csvValue(first, "disk.sda1.kind"), QStringLiteral("partition"));
    QCOMPARE(csvValue(first, "module.snd.used_by"),
        QStringLiteral("snd_hda_intel,snd_hda_codec,snd_hwdep,snd_pcm"));
    QCOMPARE(csvValue(first, "module.nounload.use_count"), QString()); // unknown, not 0
    QCOMPARE(csvValue(first, "kernel.release"), QStringLiteral("4.15.0-45-generic"));
    QCOMPARE(csvValue(first, "cpu.user.time"),
        QStringLiteral("%1").arg(100.0 / double(sysconf(_SC_CLK_TCK)), 0, 'f', 3));
    QCOMPARE(csvValue(first, "context_switches.rate"), QString()); // first sample: no rate yet
    QCOMPARE(csvValue(first, "cpu1.idle.now"), QString());
    proc.apply(stateB());
    const CsvTable second = systemToCsv(collector.sampleAt(2.0, 2000));
    QCOMPARE(csvValue(second, "context_switches.rate"), QStringLiteral("1000.000"));
    QCOMPARE(csvValue(second, "cpu.user.now"), QStringLiteral("25.000"));
    QCOMPARE(csvValue(second, "disk.sda.reads_rate"), QStringLiteral("100.000"));
    QCOMPARE(csvValue(second, "disk.sdb.reads"), QStringLiteral("<missing>")); // vanished
    QCOMPARE(csvValue(second, "net.lo.rx_rate"), QStringLiteral("500.000"));
    // Every metric appears once.
    QSet<std::string> seen;
    for (const auto& row : second.rows) {
        QVERIFY2(!seen.contains(row[0]), row[0].c_str());
        seen.insert(row[0]);
    }
}

QTEST_GUILESS_MAIN(TestSystemOverview)
#include "tst_system_overview.moc"
