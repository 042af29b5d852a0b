// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/interrupts/DevicePanel.h"

#include "ui/charts/RateChart.h"
#include "ui/common/Banner.h"
#include "ui/common/TableHeader.h"
#include "ui/interrupts/DeviceIrqModel.h"
#include "ui/interrupts/RateFeed.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <array>
#include <limits>

namespace pg {

namespace {

std::string irqKey(int irq)
{
    return std::to_string(irq);
}

// The device's share of one rate sample: its IRQs' rows, their per-CPU sums and total.
IrqRateSample deviceSample(const InterruptsSnapshot& snapshot, const IrqDevice& device)
{
    const IrqRateSample& all = snapshot.irqRates;
    IrqRateSample out;
    out.timeSec = all.timeSec;
    out.elapsedSec = all.elapsedSec;
    out.hasRates = all.hasRates;
    out.cpuIds = all.cpuIds;
    out.cpuTotals.assign(all.cpuIds.size(), 0.0);
    const std::vector<InterruptRow>& rows = snapshot.interrupts.rows;
    for (std::size_t i = 0; i < rows.size() && i < all.rows.size(); ++i) {
        if (!std::binary_search(device.irqs.begin(), device.irqs.end(), rows[i].irq))
            continue;
        RateRow r = all.rows[i];
        r.key = irqKey(rows[i].irq);
        if (!r.fresh) {
            out.total += r.rate;
            for (std::size_t c = 0; c < r.cpuRates.size() && c < out.cpuTotals.size(); ++c)
                out.cpuTotals[c] += r.cpuRates[c];
        }
        out.rows.push_back(std::move(r));
    }
    return out;
}

QString deviceTitle(const IrqDevice& d)
{
    return DevicePanel::tr("%1 (%2, %n IRQ(s))", nullptr, static_cast<int>(d.irqs.size()))
        .arg(QString::fromStdString(d.name), QString::fromStdString(irqDeviceKindText(d.kind)));
}

} // namespace

DevicePanel::DevicePanel(QWidget* parent)
    : QWidget(parent)
    , m_deviceBox(new QComboBox(this))
    , m_linesBox(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_irqbalance(new QLabel(this))
    , m_note(new QLabel(this))
    , m_model(new DeviceIrqModel(this))
    , m_view(new QTableView(this))
    , m_chart(new RateChart(tr("Interrupts/s"), tr("interrupts/s"), {}, this))
    , m_steeringBox(new QGroupBox(tr("Packet steering (RPS for receive, XPS for transmit)"), this))
    , m_steering(new QTableWidget(0, 3, this))
{
    m_deviceBox->setObjectName(QStringLiteral("deviceBox"));
    m_deviceBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_deviceBox->setToolTip(tr("A network interface, disk or other device and the IRQs that serve "
                               "it, found through /sys (PCI msi_irqs, virtio, NVMe queues)"));
    m_linesBox->addItem(tr("one line per CPU"), static_cast<int>(Lines::PerCpu));
    m_linesBox->addItem(tr("one line per IRQ"), static_cast<int>(Lines::PerIrq));
    m_linesBox->setToolTip(tr("Per CPU: how the device's interrupts spread over the CPUs. Per "
                              "IRQ: how busy each queue is"));
    connect(m_deviceBox, &QComboBox::activated, this, [this](int i) {
        m_wanted = m_deviceBox->itemData(i).toString().toStdString();
        redraw();
    });
    connect(m_linesBox, &QComboBox::activated, this, [this] { redraw(); });

    m_summary->setTextFormat(Qt::PlainText);
    m_irqbalance->setTextFormat(Qt::PlainText);
    m_irqbalance->setObjectName(QStringLiteral("irqbalance"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    setTextTone(m_note, TextTone::Dim);
    m_note->setText(tr("Tinted: the CPUs in an IRQ's effective affinity, where the interrupt "
                       "controller sends it now. To move an IRQ (as root): echo 2 > "
                       "/proc/irq/N/smp_affinity_list; irqbalance, when running, may move it "
                       "back. Hover a cell for counts since boot."));

    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(DeviceIrqModel::SortRole);
    m_view->setModel(proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(DeviceIrqModel::Irq, Qt::AscendingOrder);
    m_view->horizontalHeader()->setHighlightSections(false);
    installTableHeader(m_view->horizontalHeader(), QStringLiteral("interrupts-device"));
    m_view->setObjectName(QStringLiteral("deviceIrqs"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(false);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->setColumnWidth(DeviceIrqModel::Irq, 60);
        m_view->setColumnWidth(DeviceIrqModel::Queue, 140);
        m_view->setColumnWidth(DeviceIrqModel::Allowed, 110);
        m_view->setColumnWidth(DeviceIrqModel::Effective, 90);
        m_view->setColumnWidth(DeviceIrqModel::Rate, 80);
        for (int c = DeviceIrqModel::FirstCpu; c < m_model->columnCount(); ++c)
            m_view->setColumnWidth(c, 70);
    });

    m_steering->setObjectName(QStringLiteral("steering"));
    m_steering->setHorizontalHeaderLabels({ tr("Queue"), tr("CPUs"), tr("Meaning") });
    m_steering->verticalHeader()->hide();
    m_steering->horizontalHeader()->setStretchLastSection(true);
    m_steering->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steering->setColumnWidth(0, 70);
    m_steering->setColumnWidth(1, 90);
    auto* steeringLayout = new QVBoxLayout(m_steeringBox);
    steeringLayout->addWidget(m_steering);
    m_steeringBox->setToolTip(
        tr("/sys/class/net/IFACE/queues/rx-N/rps_cpus and tx-N/xps_cpus "
           "(Documentation/networking/scaling.rst). RPS hands received packets' protocol work to "
           "these CPUs instead of the CPU that took the IRQ; XPS picks the transmit queue by the "
           "sending CPU"));

    auto* top = new QHBoxLayout();
    top->addWidget(new QLabel(tr("Device:"), this));
    top->addWidget(m_deviceBox);
    top->addWidget(m_summary, 1);
    top->addWidget(m_irqbalance);

    auto* chartRow = new QSplitter(Qt::Horizontal, this);
    auto* chartBox = new QWidget(chartRow);
    auto* chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    auto* linesRow = new QHBoxLayout();
    linesRow->addWidget(new QLabel(tr("Chart:"), chartBox));
    linesRow->addWidget(m_linesBox);
    linesRow->addStretch(1);
    chartLayout->addLayout(linesRow);
    chartLayout->addWidget(m_chart, 1);
    chartRow->addWidget(chartBox);
    chartRow->addWidget(m_steeringBox);
    chartRow->setStretchFactor(0, 3);
    chartRow->setStretchFactor(1, 1);

    auto* tableBox = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_view, 1);
    tableLayout->addWidget(m_note);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(tableBox);
    split->addWidget(chartRow);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    updateDeviceList();
}

void DevicePanel::setHistoryCapacity(std::size_t samples)
{
    m_capacity = std::max<std::size_t>(samples, 2);
    for (auto& [name, h] : m_histories)
        h.setCapacity(m_capacity);
    m_chart->setCapacity(m_capacity);
}

void DevicePanel::setChartRange(double seconds)
{
    m_chart->setRange(seconds);
}

void DevicePanel::record(const InterruptsSnapshot& snapshot)
{
    if (snapshot.timelineRestarted) {
        for (auto& [name, h] : m_histories)
            h.clear(); // a new generation: the chart starts again too
    }
    if (!snapshot.irqRates.hasRates)
        return;
    const std::size_t cpus = snapshot.irqRates.cpuIds.size();
    std::size_t series = 0;
    std::vector<std::string> kept;
    for (const IrqDevice& d : m_devices) {
        series += d.irqs.size() + cpus + 1;
        if (series > kMaxRecordedSeries && d.name != m_wanted)
            continue;
        auto it = m_histories.find(d.name);
        if (it == m_histories.end())
            it = m_histories.emplace(d.name, RateHistory(m_capacity)).first;
        it->second.append(deviceSample(snapshot, d));
        kept.push_back(d.name);
    }
    // A device that went away (or fell out of the budget) stops costing memory.
    std::erase_if(m_histories, [&kept](const auto& entry) {
        return std::find(kept.begin(), kept.end(), entry.first) == kept.end();
    });
}

void DevicePanel::applySnapshot(const InterruptsSnapshotPtr& snapshot)
{
    if (!snapshot)
        return;
    m_latest = snapshot;
    std::vector<IrqDevice> devices
        = snapshot->topology ? irqDevices(*snapshot->topology) : std::vector<IrqDevice> {};
    const bool listChanged = devices.size() != m_devices.size()
        || !std::equal(devices.begin(), devices.end(), m_devices.begin(),
            [](const IrqDevice& a, const IrqDevice& b) {
                return a.name == b.name && a.kind == b.kind && a.irqs == b.irqs;
            });
    m_devices = std::move(devices);
    if (listChanged)
        updateDeviceList();
    if (snapshot->interruptsError == Error::None)
        record(*snapshot);
    if (isVisible())
        redraw();
    else
        m_dirty = true;
}

void DevicePanel::updateDeviceList()
{
    const QString keep = QString::fromStdString(m_wanted);
    m_deviceBox->clear();
    for (const IrqDevice& d : m_devices)
        m_deviceBox->addItem(deviceTitle(d), QString::fromStdString(d.name));
    m_deviceBox->setEnabled(!m_devices.empty());
    if (m_devices.empty()) {
        m_deviceBox->addItem(tr("no device found"));
        return;
    }
    int idx = keep.isEmpty() ? -1 : m_deviceBox->findData(keep);
    if (idx < 0 && m_wanted.empty())
        idx = 0; // the first network interface, else the first disk
    if (idx >= 0) {
        m_deviceBox->setCurrentIndex(idx);
        if (m_wanted.empty())
            m_wanted = m_devices[static_cast<std::size_t>(idx)].name;
    } else {
        // The chosen device is away (unplugged, renamed): say so rather than show another.
        m_deviceBox->insertItem(0, tr("%1 (gone)").arg(keep), keep);
        m_deviceBox->setCurrentIndex(0);
    }
}

bool DevicePanel::showDevice(const QString& name)
{
    const int idx = m_deviceBox->findData(name);
    if (idx < 0)
        return false;
    m_deviceBox->setCurrentIndex(idx);
    m_wanted = name.toStdString();
    redraw();
    return true;
}

QString DevicePanel::currentDevice() const
{
    return QString::fromStdString(m_wanted);
}

void DevicePanel::setLines(Lines lines)
{
    m_linesBox->setCurrentIndex(m_linesBox->findData(static_cast<int>(lines)));
    redraw();
}

const IrqDevice* DevicePanel::chosen() const
{
    for (const IrqDevice& d : m_devices) {
        if (d.name == m_wanted)
            return &d;
    }
    return nullptr;
}

std::vector<std::string> DevicePanel::recordedDevices() const
{
    std::vector<std::string> out;
    for (const auto& [name, h] : m_histories)
        out.push_back(name);
    return out;
}

const RateHistory* DevicePanel::history(const std::string& device) const
{
    const auto it = m_histories.find(device);
    return it == m_histories.end() ? nullptr : &it->second;
}

void DevicePanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        redraw();
    else if (!event->spontaneous())
        feedChart();
}

void DevicePanel::redraw()
{
    m_dirty = false;
    const IrqDevice* device = chosen();
    static const IrqDevice kNone;
    if (m_latest)
        m_model->apply(*m_latest, device ? *device : kNone);
    if (!m_latest) {
        m_summary->setText(tr("Waiting for the first sample…"));
    } else if (m_devices.empty()) {
        m_summary->setText(m_latest->topology
                ? tr("No IRQ here is attached to a device /sys names (no /sys root with "
                     "--proc-root, or no PCI, virtio or legacy device with an IRQ)")
                : tr("The IRQs' devices are not known yet"));
    } else if (!device) {
        m_summary->setText(tr("%1 has no IRQ now (unplugged, renamed or its driver unbound)")
                               .arg(QString::fromStdString(m_wanted)));
    } else {
        QString text = QString::fromStdString(irqDeviceKindText(device->kind));
        const IrqInfo* first = m_latest->topology->find(device->irqs.front());
        if (first && !first->attached.pciAddress.empty())
            text += tr(", PCI %1").arg(QString::fromStdString(first->attached.pciAddress));
        if (first && !first->attached.driver.empty())
            text += tr(", driver %1").arg(QString::fromStdString(first->attached.driver));
        m_summary->setText(text);
    }
    if (m_latest && m_latest->topology) {
        const IrqbalanceState& b = m_latest->topology->irqbalance;
        if (b.running && *b.running)
            m_irqbalance->setText(tr("irqbalance: running (pid %1), it may rewrite the "
                                     "affinities")
                                      .arg(b.pid));
        else if (b.running)
            m_irqbalance->setText(tr("irqbalance: not running"));
        else if (b.error != Error::None)
            m_irqbalance->setText(
                tr("irqbalance: unknown (%1)").arg(QString::fromUtf8(errorText(b.error))));
        else
            m_irqbalance->setText(tr("irqbalance: looking…"));
        m_irqbalance->setToolTip(
            tr("irqbalance spreads IRQs over CPUs by rewriting /proc/irq/N/smp_affinity_list "
               "about every 10 s; while it runs, an affinity set by hand may not last (see its "
               "--banirq option or IRQBALANCE_BANNED_CPULIST)"));
    }
    if (m_latest && device)
        updateSteering(*m_latest, *device);
    else
        m_steeringBox->setVisible(false);
    feedChart();
}

void DevicePanel::updateSteering(const InterruptsSnapshot& snapshot, const IrqDevice& device)
{
    const NetDeviceQueues* queues = nullptr;
    if (snapshot.netQueues) {
        for (const NetDeviceQueues& q : *snapshot.netQueues) {
            if (q.iface == device.name)
                queues = &q;
        }
    }
    m_steeringBox->setVisible(device.kind == "net");
    if (device.kind != "net")
        return;
    std::vector<std::array<QString, 4>> rows; // queue, cpus, meaning, tooltip
    auto add = [&rows](const QueueMask& m, bool rx) {
        const QString file = rx ? QStringLiteral("rps_cpus") : QStringLiteral("xps_cpus");
        if (!m.known && m.error == Error::FileMissing) {
            // The kernel answers ENOENT for xps_cpus of a device it cannot steer (one transmit
            // queue) and has no rps_cpus without CONFIG_RPS.
            rows.push_back({ QString::fromStdString(m.queue), QStringLiteral("–"),
                rx ? tr("no rps_cpus: a kernel without RPS")
                   : tr("no mask: the kernel offers XPS only with several transmit queues"),
                file });
            return;
        }
        if (!m.known) {
            rows.push_back({ QString::fromStdString(m.queue), QStringLiteral("–"),
                tr("%1 not readable: %2").arg(file, QString::fromUtf8(errorText(m.error))), file });
            return;
        }
        const QString cpus
            = m.cpus.empty() ? tr("off") : QString::fromStdString(formatCpuList(m.cpus));
        const QString meaning = rx
            ? (m.cpus.empty() ? tr("received packets are processed on the CPU that took the IRQ")
                              : tr("received packets are processed on these CPUs"))
            : (m.cpus.empty() ? tr("any CPU may send on this queue")
                              : tr("these CPUs send on this queue"));
        rows.push_back({ QString::fromStdString(m.queue), cpus, meaning, file });
    };
    if (queues) {
        for (const QueueMask& m : queues->rps)
            add(m, true);
        for (const QueueMask& m : queues->xps)
            add(m, false);
    }
    if (!queues || rows.empty()) {
        rows.push_back({ QStringLiteral("–"), QStringLiteral("–"),
            snapshot.netQueues ? tr("no queues under /sys/class/net/%1/queues")
                                     .arg(QString::fromStdString(device.name))
                               : tr("not read: no /sys root"),
            {} });
    }
    m_steering->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        for (int c = 0; c < 3; ++c) {
            QTableWidgetItem* item = m_steering->item(r, c);
            if (!item) {
                item = new QTableWidgetItem();
                m_steering->setItem(r, c, item);
            }
            item->setText(rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)]);
            const QString& file = rows[static_cast<std::size_t>(r)][3];
            item->setToolTip(file.isEmpty() ? QString()
                                            : QStringLiteral("/sys/class/net/%1/queues/%2/%3")
                                                  .arg(QString::fromStdString(device.name),
                                                      rows[static_cast<std::size_t>(r)][0], file));
        }
    }
}

void DevicePanel::feedChart()
{
    if (!isVisible())
        return;
    const IrqDevice* device = chosen();
    const RateHistory* h = device ? history(device->name) : nullptr;
    const auto lines = static_cast<Lines>(m_linesBox->currentData().toInt());
    QStringList names;
    std::vector<std::optional<RateSeries>> series;
    if (h && device) {
        if (lines == Lines::PerCpu) {
            for (int cpu : h->cpuIds()) {
                names << tr("CPU %1").arg(cpu);
                series.push_back(h->cpu(cpu));
            }
        } else {
            const IrqTopology* t
                = m_latest && m_latest->topology ? m_latest->topology.get() : nullptr;
            for (int irq : device->irqs) {
                const IrqInfo* info = t ? t->find(irq) : nullptr;
                names << (info && !info->attached.queue.empty()
                        ? tr("IRQ %1 %2").arg(irq).arg(QString::fromStdString(info->attached.queue))
                        : tr("IRQ %1").arg(irq));
                series.push_back(h->row(irqKey(irq)));
            }
        }
    }
    m_chart->setTitle(device ? (lines == Lines::PerCpu ? tr("%1: interrupts/s per CPU")
                                                       : tr("%1: interrupts/s per IRQ"))
                                   .arg(QString::fromStdString(device->name))
                             : tr("Interrupts/s"));
    const bool replay = !device || device->name != m_fedDevice || lines != m_fedLines
        || names != m_chart->seriesNames() || (h && h->generation() != m_fedGeneration);
    if (replay) {
        m_chart->clear();
        m_chart->setSeries(names, {});
        m_fedUntil = -std::numeric_limits<double>::infinity();
        m_fedDevice = device ? device->name : std::string();
        m_fedLines = lines;
        m_fedGeneration = h ? h->generation() : 0;
    }
    if (!h)
        return;
    m_fedUntil = feedRates(*m_chart, *h, series, m_fedUntil);
}

} // namespace pg
