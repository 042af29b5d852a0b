// SPDX-License-Identifier: GPL-3.0-or-later
// The IRQ topology on fixture /proc + /sys trees (tests/data/irqtopo, made by make_fixtures.py):
// which device each IRQ serves (this VM's virtio layout, a 16-queue NIC, an NVMe disk with per-CPU
// queues, a GPU, legacy IRQs), the /sys/kernel/irq and /proc/irq fields, irqbalance, the balance
// rules, and when the collector re-reads the topology.

#include "core/interrupts/InterruptsCollector.h"
#include "core/interrupts/IrqBalance.h"
#include "core/interrupts/IrqTopology.h"
#include "core/interrupts/NetQueues.h"
#include "core/interrupts/SnapshotBalance.h"
#include "tests/support/TestUtil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace pg;

namespace {

std::string tree(const char* name)
{
    return pgtest::fixturePath(QStringLiteral("irqtopo/%1").arg(QLatin1String(name))).toStdString();
}

IrqTopology topologyOf(const char* name)
{
    InterruptsCollector collector(tree(name) + "/proc", tree(name) + "/sys");
    const InterruptsSnapshot snap = collector.sample(1);
    if (!snap.topology)
        qFatal("no topology for %s", name);
    return *snap.topology;
}

std::string attached(const IrqTopology& t, int irq)
{
    const IrqInfo* info = t.find(irq);
    return info ? info->attached.text() : std::string("<no IRQ>");
}

void writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(text);
}

std::size_t rowOf(const InterruptsSnapshot& s, int irq)
{
    for (std::size_t i = 0; i < s.interrupts.rows.size(); ++i) {
        if (s.interrupts.rows[i].irq == irq)
            return i;
    }
    qFatal("IRQ %d not in the snapshot", irq);
}

} // namespace

class TestIrqTopology : public QObject
{
    Q_OBJECT
private slots:
    void cpuMask_data();
    void cpuMask();
    void queueNames();
    void virtioVm();
    void multiQueueNic();
    void nvmeAndGpu();
    void noSysRoot();
    void balanceRules();
    void balanceOnFixtures();
    void collectorRefreshCadence();
    void oddFilesDoNotBlock();
    void netQueues();
};

void TestIrqTopology::cpuMask_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("cpus"); // formatCpuList, or "error"
    QTest::newRow("two") << "3\n"
                         << "0-1";
    QTest::newRow("words") << "00000000,00000003\n"
                           << "0-1";
    QTest::newRow("high word") << "00000001,00000000"
                               << "32";
    QTest::newRow("none") << "00000000\n"
                          << "";
    QTest::newRow("garbage") << "xyz"
                             << "error";
    QTest::newRow("empty") << "\n"
                           << "error";
    QTest::newRow("word too long") << "123456789"
                                   << "error";
}

void TestIrqTopology::cpuMask()
{
    QFETCH(QString, text);
    QFETCH(QString, cpus);
    const Result<std::vector<int>> r = parseCpuMask(text.toStdString());
    if (cpus == QLatin1String("error")) {
        QVERIFY(!r);
        return;
    }
    QVERIFY(r);
    QCOMPARE(QString::fromStdString(formatCpuList(*r)), cpus);
}

void TestIrqTopology::queueNames()
{
    QCOMPARE(queueFromAction("virtio2-input.0", "eth0", "virtio2", ""), std::string("input.0"));
    QCOMPARE(queueFromAction("eth0-TxRx-3", "eth0", "", ""), std::string("TxRx-3"));
    QCOMPARE(queueFromAction("i40e-eth0-TxRx-0", "eth0", "", ""), std::string("TxRx-0"));
    QCOMPARE(queueFromAction("nvme0q3", "nvme0n1", "", "nvme0"), std::string("q3"));
    QCOMPARE(queueFromAction("nvme0q0", "nvme0n1", "", "nvme0"), std::string("admin"));
    QCOMPARE(queueFromAction("eth0", "eth0", "", ""), std::string());
}

// This VM: the NIC is virtio2 on 0000:00:03.0 (IRQs 37-39), the disk vda is virtio1 (IRQ 36),
// virtio3-rx/tx are vsock, not a network card.
void TestIrqTopology::virtioVm()
{
    const IrqTopology t = topologyOf("vm-virtio");
    QCOMPARE(attached(t, 38), std::string("eth0 input.0"));
    QCOMPARE(attached(t, 39), std::string("eth0 output.0"));
    QCOMPARE(attached(t, 37), std::string("eth0 config"));
    QCOMPARE(attached(t, 36), std::string("vda req.0"));
    QCOMPARE(attached(t, 41), std::string("virtio3 vmw_vsock_virtio_transport rx"));
    QCOMPARE(t.find(38)->attached.kind, std::string("net"));
    QCOMPARE(t.find(38)->attached.pciAddress, std::string("0000:00:03.0"));
    QCOMPARE(t.find(36)->attached.kind, std::string("block"));
    QCOMPARE(t.find(41)->attached.kind, std::string("virtio"));
    // /sys/kernel/irq and /proc/irq fields.
    QCOMPARE(*t.find(38)->sys.chipName, std::string("PCI-MSIX-0000:00:03.0"));
    QCOMPARE(*t.find(38)->sys.type, std::string("edge"));
    QCOMPARE(*t.find(38)->sys.actions, std::string("virtio2-input.0"));
    QVERIFY(t.find(38)->affinity.effectiveKnown);
    QCOMPARE(t.find(38)->affinity.effective.size(), 1u);
    QVERIFY(t.find(38)->affinity.hintKnown);
    QVERIFY(t.find(38)->affinity.nodeKnown);
    QCOMPARE(t.find(38)->affinity.node, -1);
    // ACPI:Ged is no device in /sys: unknown, with the reason.
    QVERIFY(!t.find(24)->attached.known());
    QVERIFY(!t.find(24)->attachedReason.empty());
    QCOMPARE(t.irqbalance.running, std::optional<bool>(false));
}

void TestIrqTopology::multiQueueNic()
{
    const IrqTopology t = topologyOf("nic16");
    for (int q = 0; q < 16; ++q)
        QCOMPARE(attached(t, 60 + q), "enp59s0f0 TxRx-" + std::to_string(q));
    QCOMPARE(attached(t, 76), std::string("enp59s0f0"));
    QCOMPARE(t.find(60)->attached.driver, std::string("ixgbe"));
    QCOMPARE(t.find(60)->attached.pciAddress, std::string("0000:3b:00.0"));
    // Legacy IRQs by action name: a driver, a tty, an rtc; "acpi" matches nothing.
    QCOMPARE(attached(t, 1), std::string("i8042"));
    QCOMPARE(t.find(1)->attached.kind, std::string("driver"));
    QCOMPARE(attached(t, 4), std::string("ttyS0"));
    QCOMPARE(attached(t, 8), std::string("rtc0"));
    QVERIFY(!t.find(9)->attached.known());
    QVERIFY(t.find(9)->attachedReason.find("action") != std::string::npos);
    // IRQ 72: no smp_affinity_list: unknown with its reason, the hint read.
    const IrqAffinity& a = t.find(72)->affinity;
    QVERIFY(!a.allowedKnown);
    QCOMPARE(a.allowedError, Error::FileMissing);
    QVERIFY(a.hintKnown);
    QCOMPARE(a.hint, std::vector<int> { 12 });
    QCOMPARE(t.irqbalance.running, std::optional<bool>(true));
    QCOMPARE(t.irqbalance.pid, 812);
}

void TestIrqTopology::nvmeAndGpu()
{
    const IrqTopology t = topologyOf("nvme");
    QCOMPARE(attached(t, 120), std::string("nvme0n1 admin"));
    for (int q = 1; q <= 8; ++q)
        QCOMPARE(attached(t, 120 + q), "nvme0n1 q" + std::to_string(q));
    QCOMPARE(t.find(123)->attached.kind, std::string("nvme"));
    QCOMPARE(t.find(123)->affinity.node, 0);
    QCOMPARE(attached(t, 130), std::string("card0"));
    QCOMPARE(t.find(130)->attached.kind, std::string("gpu"));
    QCOMPARE(attached(t, 131), std::string("0000:00:14.0 xhci_hcd"));
    QCOMPARE(t.irqbalance.running, std::optional<bool>(false));
}

void TestIrqTopology::noSysRoot()
{
    // A copied /proc without its /sys: nothing attached, each IRQ says why; affinities still read.
    InterruptsCollector collector(tree("nic16") + "/proc", "");
    const InterruptsSnapshot snap = collector.sample(1);
    const IrqInfo* info = snap.topology->find(60);
    QVERIFY(info);
    QVERIFY(!info->attached.known());
    QVERIFY(info->attachedReason.find("--sys-root") != std::string::npos);
    QCOMPARE(info->sys.chipName.error(), Error::FileMissing);
    QVERIFY(info->affinity.allowedKnown);
    QCOMPARE(irqSysRoot("/proc", ""), std::string("/sys"));
    QCOMPARE(irqSysRoot("/tmp/copy", ""), std::string());
    QCOMPARE(irqSysRoot("/tmp/copy", "/tmp/sys"), std::string("/tmp/sys"));
}

void TestIrqTopology::balanceRules()
{
    const std::vector<int> cpus { 0, 1 };
    // Softirqs with a handful of events (HRTIMER 1, TASKLET 15) are not judged.
    BalanceInput in;
    in.cpuIds = cpus;
    in.counts = { 0, 1 };
    BalanceVerdict v = judgeBalance(in);
    QVERIFY(!v.flagged);
    QCOMPARE(v.label, std::string("too_few_events"));
    in.counts = { 15, 0 };
    QVERIFY(!judgeBalance(in).flagged);
    // Enough events since boot, all on one CPU, any CPU allowed: flagged, with what to change.
    in.counts = { 5000, 0 };
    v = judgeBalance(in);
    QVERIFY(v.flagged);
    QCOMPARE(v.label, std::string("concentrated"));
    QVERIFY(v.reason.find("rps_cpus") != std::string::npos);
    // ... but a window with too few events is not judged.
    in.windowCounts = { 40, 0 };
    QCOMPARE(judgeBalance(in).label, std::string("too_few_events"));
    in.windowCounts = { 400, 0 };
    QVERIFY(judgeBalance(in).flagged);

    // An IRQ whose effective affinity is one CPU is never flagged, whatever smp_affinity allows.
    IrqAffinity a;
    a.allowedKnown = true;
    a.allowed = { 0, 1 };
    a.effectiveKnown = true;
    a.effective = { 1 };
    BalanceInput irq;
    irq.irq = 38;
    irq.cpuIds = cpus;
    irq.counts = { 0, 34348 };
    irq.windowCounts = { 0, 500 };
    irq.affinity = &a;
    irq.irqbalanceRunning = false;
    v = judgeBalance(irq);
    QVERIFY(!v.flagged);
    QCOMPARE(v.label, std::string("single_cpu"));
    QVERIFY(v.reason.find("effective_affinity_list = 1") != std::string::npos);
    QVERIFY(v.reason.find("/proc/irq/38/smp_affinity_list") != std::string::npos);
    QVERIFY(v.reason.find("irqbalance is not running") != std::string::npos);
    // Without the effective list, smp_affinity_list 0-1 decides: flagged.
    a.effectiveKnown = false;
    v = judgeBalance(irq);
    QVERIFY(v.flagged);
    QVERIFY(v.reason.find("smp_affinity_list = 0-1") != std::string::npos);
    // An empty effective list (not started) falls back too; the hint comes last.
    a.effectiveKnown = true;
    a.effective = {};
    QVERIFY(judgeBalance(irq).flagged);
    a.allowedKnown = false;
    a.effectiveKnown = false;
    a.hintKnown = true;
    a.hint = { 1 };
    QCOMPARE(judgeBalance(irq).label, std::string("single_cpu"));
    irq.irqbalanceRunning = true;
    a.hint = { 0, 1 };
    v = judgeBalance(irq);
    QVERIFY(v.flagged);
    QVERIFY(v.reason.find("irqbalance is running") != std::string::npos);
    // Spread: not flagged, and the reason says why.
    irq.counts = { 20000, 20000 };
    irq.windowCounts = { 300, 300 };
    v = judgeBalance(irq);
    QVERIFY(!v.flagged);
    QCOMPARE(v.label, std::string("balanced"));
}

void TestIrqTopology::balanceOnFixtures()
{
    InterruptsCollector collector(tree("nic16") + "/proc", tree("nic16") + "/sys");
    const InterruptsSnapshot s = collector.sample(1);
    auto label = [&s](int irq) { return irqRowBalance(s, rowOf(s, irq)).label; };
    QCOMPARE(label(60), std::string("single_cpu")); // pinned 1:1
    QCOMPARE(label(68), std::string("concentrated")); // 0-15 allowed, no effective list, CPU 8
    QCOMPARE(label(69), std::string("balanced"));
    QCOMPARE(label(70), std::string("fewer_cpus")); // effective 0-3, only 0-1 take it
    QCOMPARE(label(72), std::string("single_cpu")); // the hint: CPU 12
    QCOMPARE(label(73), std::string("too_few_events"));
    QCOMPARE(label(74), std::string("single_cpu")); // irqbalance's one effective CPU
    std::size_t flagged = 0;
    for (std::size_t i = 0; i < s.interrupts.rows.size(); ++i)
        flagged += irqRowBalance(s, i).flagged ? 1 : 0;
    QCOMPARE(flagged, 3u); // 68, 70, 71
    // Softirqs: HRTIMER after 1 event and TASKLET after 15 are not flagged; NET_RX on 8 of 16 is.
    for (std::size_t i = 0; i < s.softirqs.rows.size(); ++i) {
        const std::string& name = s.softirqs.rows[i].name;
        const BalanceVerdict v = softirqRowBalance(s, i);
        if (name == "HRTIMER" || name == "TASKLET")
            QVERIFY2(!v.flagged && v.label == "too_few_events", name.c_str());
        if (name == "NET_RX")
            QCOMPARE(v.label, std::string("fewer_cpus"));
        if (name == "TIMER")
            QCOMPARE(v.label, std::string("balanced"));
    }
    // This VM: no IRQ whose effective affinity is one CPU is flagged.
    InterruptsCollector vm(tree("vm-virtio") + "/proc", tree("vm-virtio") + "/sys");
    const InterruptsSnapshot v = vm.sample(1);
    for (std::size_t i = 0; i < v.interrupts.rows.size(); ++i) {
        if (i < v.affinity.size() && v.affinity[i].effectiveKnown
            && v.affinity[i].effective.size() == 1)
            QVERIFY2(!irqRowBalance(v, i).flagged, v.interrupts.rows[i].name.c_str());
    }
}

// The topology is re-read when the IRQ set changes and otherwise at most every 5 s; between those
// the snapshots share one IrqTopology.
void TestIrqTopology::collectorRefreshCadence()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    QVERIFY(QDir(root).mkpath(QStringLiteral("irq/24")));
    writeFile(root + "/irq/24/smp_affinity_list", "0-1\n");
    writeFile(root + "/irq/24/effective_affinity_list", "1\n");
    writeFile(root + "/interrupts", "    CPU0 CPU1\n 24: 100 200 PCI-MSI 524288-edge nvme0q0\n");
    writeFile(root + "/softirqs", "    CPU0 CPU1\n  TIMER: 5 5\n");
    InterruptsCollector collector(root.toStdString());
    const InterruptsSnapshot first = collector.sample(10);
    QCOMPARE(first.affinity[0].effective, std::vector<int> { 1 });
    writeFile(root + "/irq/24/effective_affinity_list", "0\n"); // irqbalance moved it
    const InterruptsSnapshot soon = collector.sample(12);
    QCOMPARE(soon.topology.get(), first.topology.get()); // not re-read within 5 s
    QCOMPARE(soon.affinity[0].effective, std::vector<int> { 1 });
    const InterruptsSnapshot later = collector.sample(15.1);
    QVERIFY(later.topology.get() != first.topology.get());
    QCOMPARE(later.affinity[0].effective, std::vector<int> { 0 });
    QCOMPARE(first.affinity[0].effective, std::vector<int> { 1 }); // published ones unchanged
    // A new IRQ: read at once, not 5 s later.
    QVERIFY(QDir(root).mkpath(QStringLiteral("irq/25")));
    writeFile(root + "/irq/25/smp_affinity_list", "0\n");
    writeFile(root + "/interrupts",
        "    CPU0 CPU1\n 24: 100 200 PCI-MSI 524288-edge nvme0q0\n 25: 1 0 PCI-MSI 1-edge x\n");
    const InterruptsSnapshot added = collector.sample(15.5);
    QVERIFY(added.topology->find(25));
    QCOMPARE(added.affinity[1].allowed, std::vector<int> { 0 });
}

// A FIFO where /sys/kernel/irq/N/actions and an msi_irqs entry should be, a symlink loop where a
// class link should be: refused at once, the rest still read.
void TestIrqTopology::oddFilesDoNotBlock()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.path() + "/t";
    QCOMPARE(QProcess::execute(QStringLiteral("cp"),
                 { QStringLiteral("-a"), QString::fromStdString(tree("vm-virtio")), copy }),
        0);
    const QString actions = copy + "/sys/kernel/irq/38/actions";
    QVERIFY(QFile::remove(actions));
    QCOMPARE(::mkfifo(actions.toLocal8Bit().constData(), 0600), 0);
    QVERIFY(QFile::link(QStringLiteral("loop"), copy + "/sys/class/net/loop"));
    QVERIFY(QFile::remove(copy + "/sys/devices/pci0000:00/0000:00:00.0/irq"));
    QCOMPARE(::mkfifo((copy + "/sys/devices/pci0000:00/0000:00:00.0/irq").toLocal8Bit().constData(),
                 0600),
        0);
    InterruptsCollector collector((copy + "/proc").toStdString(), (copy + "/sys").toStdString());
    const InterruptsSnapshot snap = collector.sample(1);
    QCOMPARE(snap.topology->find(38)->sys.actions.error(), Error::FifoNotFile);
    QCOMPARE(attached(*snap.topology, 38), std::string("eth0 input.0"));
    QCOMPARE(attached(*snap.topology, 36), std::string("vda req.0"));
}

void TestIrqTopology::netQueues()
{
    const IrqTopology t = topologyOf("nic16");
    const NetDeviceQueues q = readNetDeviceQueues(tree("nic16") + "/sys", "enp59s0f0", t);
    QCOMPARE(q.irqs.size(), 17u);
    QCOMPARE(q.irqs.front(), 60);
    QCOMPARE(q.rps.size(), 2u);
    QCOMPARE(q.rps[0].queue, std::string("rx-0"));
    QVERIFY(q.rps[0].known && q.rps[0].cpus.empty()); // RPS off
    QCOMPARE(formatCpuList(q.rps[1].cpus), std::string("4-7"));
    QCOMPARE(q.xps.size(), 2u);
    QCOMPARE(q.xps[1].cpus, std::vector<int> { 1 });
    QVERIFY(readNetDeviceQueues(tree("nic16") + "/sys", "../x", t).rps.empty());
}

QTEST_GUILESS_MAIN(TestIrqTopology)
#include "tst_irq_topology.moc"
