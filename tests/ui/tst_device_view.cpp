// SPDX-License-Identifier: GPL-3.0-or-later
// The Interrupts page's "By device" view (issue 13): the devices a user knows with the IRQs that
// serve them (irqDevices), each queue's allowed and effective CPUs and what every CPU took, the
// device's rates over time per CPU and per IRQ, RPS/XPS for a network interface, irqbalance; on
// the fixture trees of this VM's virtio layout and of a 16-queue NIC, with counts that move between
// two samples by known amounts.

#include "core/interrupts/InterruptsCollector.h"
#include "core/interrupts/IrqDevices.h"
#include "tests/support/TestUtil.h"
#include "ui/charts/RateChart.h"
#include "ui/interrupts/DeviceIrqModel.h"
#include "ui/interrupts/DevicePanel.h"
#include "ui/interrupts/InterruptsPage.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace pg;

namespace {

std::string tree(const char* name)
{
    return pgtest::fixturePath(QStringLiteral("irqtopo/%1").arg(QLatin1String(name))).toStdString();
}

QString cell(const QAbstractItemModel* m, int row, int column)
{
    return m->index(row, column).data().toString();
}

int rowOfIrq(const DeviceIrqModel* m, int irq)
{
    for (int r = 0; r < m->rowCount(); ++r) {
        if (m->index(r, DeviceIrqModel::Irq).data().toInt() == irq)
            return r;
    }
    return -1;
}

// Adds `add` (per CPU) to the counts of IRQ `irq` in a copied /proc/interrupts.
void bump(const QString& file, int irq, const std::vector<qulonglong>& add)
{
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = f.readAll().split('\n');
    f.close();
    const QByteArray prefix = QByteArray::number(irq) + ':';
    bool found = false;
    for (QByteArray& line : lines) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.startsWith(prefix))
            continue;
        // " 38:          0      34348 PCI-MSIX-..." -> numbers replaced, the rest kept.
        QList<QByteArray> parts = trimmed.split(' ');
        parts.removeAll(QByteArray());
        QByteArray out = ' ' + parts[0];
        for (std::size_t c = 0; c < add.size(); ++c)
            out += ' ' + QByteArray::number(parts[static_cast<int>(c) + 1].toULongLong() + add[c]);
        for (int k = static_cast<int>(add.size()) + 1; k < parts.size(); ++k)
            out += ' ' + parts[k];
        line = out;
        found = true;
    }
    QVERIFY(found);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(lines.join('\n'));
}

} // namespace

class TestDeviceView : public QObject
{
    Q_OBJECT
private slots:
    void devicesFromTopology();
    void netQueuesInSnapshot();
    void panelShowsQueuesAcrossCpus();
    void chosenDeviceGoneIsSaid();
    void pageHasTheTab();
};

void TestDeviceView::devicesFromTopology()
{
    InterruptsCollector vm(tree("vm-virtio") + "/proc", tree("vm-virtio") + "/sys");
    const InterruptsSnapshot snap = vm.sample(1);
    QVERIFY(snap.topology);
    const std::vector<IrqDevice> devices = irqDevices(*snap.topology);
    QVERIFY(devices.size() >= 3);
    // Network interfaces first, then disks.
    QCOMPARE(devices[0].name, std::string("eth0"));
    QCOMPARE(devices[0].kind, std::string("net"));
    QCOMPARE(devices[0].irqs, (std::vector<int> { 37, 38, 39 }));
    QCOMPARE(devices[1].name, std::string("vda"));
    QCOMPARE(devices[1].kind, std::string("block"));
    QVERIFY(std::find(devices[1].irqs.begin(), devices[1].irqs.end(), 36) != devices[1].irqs.end());
    for (const IrqDevice& d : devices)
        QVERIFY(std::is_sorted(d.irqs.begin(), d.irqs.end()));

    InterruptsCollector nic(tree("nic16") + "/proc", tree("nic16") + "/sys");
    const InterruptsSnapshot n = nic.sample(1);
    const std::vector<IrqDevice> nicDevices = irqDevices(*n.topology);
    QVERIFY(!nicDevices.empty());
    QCOMPARE(nicDevices[0].name, std::string("enp59s0f0"));
    QCOMPARE(nicDevices[0].irqs.size(), std::size_t(17));

    // A shared legacy line belongs to each interface it names; natural order ("eth2" < "eth10").
    IrqTopology t;
    t.irqs[10].attached = { "eth10, eth2", "net", "", "", "" };
    t.irqs[11].attached = { "eth2", "net", "rx-0", "", "" };
    t.irqs[12].attached = { "sda", "block", "", "", "" };
    t.irqs[13].attached = {}; // not attached: not listed
    const std::vector<IrqDevice> shared = irqDevices(t);
    QCOMPARE(shared.size(), std::size_t(3));
    QCOMPARE(shared[0].name, std::string("eth2"));
    QCOMPARE(shared[0].irqs, (std::vector<int> { 10, 11 }));
    QCOMPARE(shared[1].name, std::string("eth10"));
    QCOMPARE(shared[1].irqs, (std::vector<int> { 10 }));
    QCOMPARE(shared[2].name, std::string("sda"));
}

void TestDeviceView::netQueuesInSnapshot()
{
    InterruptsCollector nic(tree("nic16") + "/proc", tree("nic16") + "/sys");
    const InterruptsSnapshot n = nic.sample(1);
    QVERIFY(n.netQueues);
    const auto it = std::find_if(n.netQueues->begin(), n.netQueues->end(),
        [](const NetDeviceQueues& q) { return q.iface == "enp59s0f0"; });
    QVERIFY(it != n.netQueues->end());
    QCOMPARE(it->rps.size(), std::size_t(2));
    QCOMPARE(formatCpuList(it->rps[1].cpus), std::string("4-7"));
    // Shared until the topology is read again, not re-read every tick.
    const InterruptsSnapshot again = nic.sample(2);
    QCOMPARE(again.netQueues.get(), n.netQueues.get());

    // No /sys root (a copied /proc): nothing to pair it with.
    InterruptsCollector bare(tree("nic16") + "/proc", "");
    QVERIFY(!bare.sample(1).netQueues);
}

void TestDeviceView::panelShowsQueuesAcrossCpus()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.path() + QStringLiteral("/t");
    QCOMPARE(QProcess::execute(QStringLiteral("cp"),
                 { QStringLiteral("-a"), QString::fromStdString(tree("vm-virtio")), copy }),
        0);
    InterruptsCollector collector((copy + "/proc").toStdString(), (copy + "/sys").toStdString());
    DevicePanel panel;
    panel.setHistoryCapacity(600);
    panel.setChartRange(60);
    panel.resize(1100, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    panel.applySnapshot(std::make_shared<InterruptsSnapshot>(collector.sample(10)));
    QCOMPARE(panel.currentDevice(), QStringLiteral("eth0")); // the first interface by default
    QVERIFY(panel.deviceBox()->currentText().startsWith(QStringLiteral("eth0 (network interface")));
    QVERIFY(panel.deviceBox()->findData(QStringLiteral("vda")) > 0);
    QVERIFY(panel.summaryLabel()->text().contains(QStringLiteral("0000:00:03.0")));

    // One second later: IRQ 38 (input.0) took 100 on CPU1, IRQ 39 (output.0) 50 on CPU0.
    bump(copy + "/proc/interrupts", 38, { 0, 100 });
    bump(copy + "/proc/interrupts", 39, { 50, 0 });
    panel.applySnapshot(std::make_shared<InterruptsSnapshot>(collector.sample(11)));

    const DeviceIrqModel* m = panel.model();
    QCOMPARE(m->rowCount(), 3);
    QCOMPARE(m->columnCount(), DeviceIrqModel::FirstCpu + 2);
    const int r38 = rowOfIrq(m, 38);
    const int r39 = rowOfIrq(m, 39);
    QVERIFY(r38 >= 0 && r39 >= 0);
    QCOMPARE(cell(m, r38, DeviceIrqModel::Queue), QStringLiteral("input.0"));
    QCOMPARE(cell(m, r38, DeviceIrqModel::FirstCpu + 1), QStringLiteral("100"));
    QCOMPARE(cell(m, r38, DeviceIrqModel::FirstCpu), QStringLiteral("0"));
    QCOMPARE(cell(m, r38, DeviceIrqModel::Rate), QStringLiteral("100"));
    QCOMPARE(cell(m, r39, DeviceIrqModel::FirstCpu), QStringLiteral("50"));
    // The affinity as the fixture's /proc/irq/N says, and the effective CPU in bold.
    QCOMPARE(cell(m, r38, DeviceIrqModel::Allowed), QStringLiteral("0-1"));
    QCOMPARE(cell(m, r38, DeviceIrqModel::Effective), QStringLiteral("1"));
    QVERIFY(
        m->index(r38, DeviceIrqModel::FirstCpu + 1).data(DeviceIrqModel::EffectiveRole).toBool());
    QVERIFY(m->index(r38, DeviceIrqModel::FirstCpu + 1).data(Qt::BackgroundRole).isValid());
    QVERIFY(!m->index(r38, DeviceIrqModel::FirstCpu).data(DeviceIrqModel::EffectiveRole).toBool());
    QVERIFY(!m->index(r38, DeviceIrqModel::FirstCpu).data(Qt::BackgroundRole).isValid());
    QVERIFY(m->index(r38, DeviceIrqModel::Allowed)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("/proc/irq/38/smp_affinity_list")));

    // The history: per CPU, the device's IRQs summed; per IRQ, each queue.
    const RateHistory* h = panel.history("eth0");
    QVERIFY(h);
    QCOMPARE(h->cpu(1)->newest().rate, 100.0);
    QCOMPARE(h->cpu(0)->newest().rate, 50.0);
    QCOMPARE(h->row("38")->newest().rate, 100.0);
    QCOMPARE(h->total().newest().rate, 150.0);
    // Every device is recorded, so switching shows its past too.
    const std::vector<std::string> recorded = panel.recordedDevices();
    QVERIFY(std::find(recorded.begin(), recorded.end(), "vda") != recorded.end());

    // The chart: one line per CPU, then one per IRQ.
    QCOMPARE(panel.chart()->seriesNames(),
        (QStringList { QStringLiteral("CPU 0"), QStringLiteral("CPU 1") }));
    QCOMPARE(panel.chart()->sampleCount(), std::size_t(1));
    panel.setLines(DevicePanel::Lines::PerIrq);
    QCOMPARE(panel.chart()->seriesNames(),
        (QStringList { QStringLiteral("IRQ 37 config"), QStringLiteral("IRQ 38 input.0"),
            QStringLiteral("IRQ 39 output.0") }));
    QCOMPARE(panel.chart()->sampleCount(), std::size_t(1));

    // RPS/XPS for the interface: the fixture has rx-0 off.
    QVERIFY(panel.steering()->isVisibleTo(&panel));
    QVERIFY(panel.steering()->rowCount() >= 1);
    QCOMPARE(panel.steering()->item(0, 0)->text(), QStringLiteral("rx-0"));
    QCOMPARE(panel.steering()->item(0, 1)->text(), QStringLiteral("off"));
    // This VM's kernel refuses xps_cpus of its one transmit queue: said, not shown as "none".
    QCOMPARE(panel.steering()->item(1, 0)->text(), QStringLiteral("tx-0"));
    QVERIFY(panel.steering()->item(1, 2)->text().contains(QStringLiteral("several transmit")));
    QVERIFY(!panel.irqbalanceLabel()->text().isEmpty());
    QVERIFY(panel.irqbalanceLabel()->text().startsWith(QStringLiteral("irqbalance: ")));

    // The disk: its IRQ, no packet steering, its own history in the chart.
    QVERIFY(panel.showDevice(QStringLiteral("vda")));
    QVERIFY(rowOfIrq(m, 36) >= 0);
    QVERIFY(rowOfIrq(m, 38) < 0);
    QVERIFY(!panel.steering()->isVisibleTo(&panel));
    QCOMPARE(panel.chart()->sampleCount(), std::size_t(1));
    QVERIFY(!panel.showDevice(QStringLiteral("eth9")));
    QCOMPARE(panel.currentDevice(), QStringLiteral("vda"));
}

void TestDeviceView::chosenDeviceGoneIsSaid()
{
    InterruptsCollector vm(tree("vm-virtio") + "/proc", tree("vm-virtio") + "/sys");
    DevicePanel panel;
    panel.show();
    panel.applySnapshot(std::make_shared<InterruptsSnapshot>(vm.sample(1)));
    QVERIFY(panel.showDevice(QStringLiteral("vda")));
    // The same /proc without /sys: no device is known any more.
    InterruptsCollector bare(tree("vm-virtio") + "/proc", "");
    panel.applySnapshot(std::make_shared<InterruptsSnapshot>(bare.sample(2)));
    QVERIFY(!panel.deviceBox()->isEnabled());
    QVERIFY(panel.summaryLabel()->text().contains(QStringLiteral("--proc-root")));
    QCOMPARE(panel.model()->rowCount(), 0);
    // Back again: the choice the user made is kept.
    InterruptsCollector again(tree("vm-virtio") + "/proc", tree("vm-virtio") + "/sys");
    panel.applySnapshot(std::make_shared<InterruptsSnapshot>(again.sample(3)));
    QCOMPARE(panel.currentDevice(), QStringLiteral("vda"));
    QVERIFY(panel.deviceBox()->currentText().startsWith(QStringLiteral("vda")));
}

void TestDeviceView::pageHasTheTab()
{
    InterruptsPage page;
    auto* tabs = page.findChild<QTabWidget*>();
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(tabs->tabText(2), QStringLiteral("By device"));
    QCOMPARE(tabs->widget(2), page.devices());
}

QTEST_MAIN(TestDeviceView)
#include "tst_device_view.moc"
