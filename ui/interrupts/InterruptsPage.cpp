// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/interrupts/InterruptsPage.h"

#include "core/sampler/InterruptsSampler.h"
#include "ui/interrupts/DevicePanel.h"
#include "ui/interrupts/InterruptsExports.h"
#include "ui/interrupts/InterruptsPanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace pg {

InterruptsPage::InterruptsPage(InterruptsSampler* source, QWidget* parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_historyBox(new QComboBox(this))
    , m_tabs(new QTabWidget(this))
    , m_hardware(new InterruptsPanel(InterruptsModel::Kind::Hardware, this))
    , m_soft(new InterruptsPanel(InterruptsModel::Kind::Soft, this))
    , m_devices(new DevicePanel(this))
    , m_source(source)
{
    m_status->setTextFormat(Qt::PlainText);
    m_status->setText(tr("Waiting for the first sample of /proc/interrupts…"));
    for (int minutes : kHistoryMinutes)
        m_historyBox->addItem(tr("%n minute(s)", nullptr, minutes), minutes * 60);
    m_historyBox->setCurrentIndex(m_historyBox->findData(static_cast<int>(kDefaultHistorySeconds)));
    m_historyBox->setToolTip(tr("How much rate history the charts show. The longest range chosen "
                                "is kept, so going back to it shows again what a shorter one hid"));
    connect(m_historyBox, &QComboBox::activated, this,
        [this] { setHistorySeconds(m_historyBox->currentData().toDouble()); });

    auto* bar = new QHBoxLayout();
    bar->addWidget(m_status, 1);
    bar->addWidget(new QLabel(tr("History:"), this));
    bar->addWidget(m_historyBox);

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_hardware, tr("Hardware interrupts"));
    m_tabs->addTab(m_soft, tr("Softirqs"));
    m_tabs->addTab(m_devices, tr("By device"));
    m_tabs->setTabToolTip(
        0, tr("/proc/interrupts: interrupts raised by devices and by other CPUs"));
    m_tabs->setTabToolTip(
        1, tr("/proc/softirqs: work the kernel deferred out of interrupt handlers"));
    m_tabs->setTabToolTip(2,
        tr("A network interface or disk and its queues' IRQs across the CPUs, with their "
           "affinity, RPS/XPS and irqbalance"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);
    updateCapacity();
    if (m_source)
        connect(m_source, &InterruptsSampler::snapshotReady, this, &InterruptsPage::applySnapshot,
            Qt::QueuedConnection);
}

void InterruptsPage::applySnapshot(InterruptsSnapshotPtr snapshot)
{
    m_last = snapshot;
    if (!snapshot)
        return;
    m_hardware->applySnapshot(snapshot);
    m_soft->applySnapshot(snapshot);
    m_devices->applySnapshot(snapshot);
    if (!isVisible())
        return;
    QStringList parts;
    if (!snapshot->sourceError.empty())
        parts << QString::fromStdString(snapshot->sourceError);
    else if (snapshot->interruptsError != Error::None)
        parts << tr(
            "Cannot read /proc/interrupts: %1; this page has nothing to show without it (the "
            "other pages do not need it)")
                     .arg(QString::fromUtf8(errorText(snapshot->interruptsError)));
    else
        parts << tr("%1 interrupt rows on %2 CPUs, %3 interrupts/s")
                     .arg(snapshot->interrupts.rows.size())
                     .arg(snapshot->interrupts.cpuIds.size())
                     .arg(snapshot->irqRates.hasRates
                             ? QString::number(snapshot->irqRates.total, 'f', 0)
                             : QStringLiteral("–"));
    if (!snapshot->remoteHost.empty())
        parts << (snapshot->softirqsError == Error::None
                ? tr("affinity and attached devices: not available from PCP")
                : tr("softirqs, affinity and attached devices: not available from %1")
                      .arg(QString::fromStdString(snapshot->remoteHost)));
    else if (snapshot->softirqsError != Error::None)
        parts << tr("cannot read /proc/softirqs: %1")
                     .arg(QString::fromUtf8(errorText(snapshot->softirqsError)));
    parts << tr("sampler %1 ms CPU").arg(snapshot->samplerCpuMs, 0, 'f', 1);
    m_status->setText(parts.join(QStringLiteral(" · ")));
}

void InterruptsPage::setIntervalMs(int ms)
{
    if (ms <= 0)
        return;
    m_intervalMs = ms;
    updateCapacity();
}

void InterruptsPage::setHistorySeconds(double seconds)
{
    if (!(seconds > 0))
        return;
    m_historySeconds = seconds;
    const int idx = m_historyBox->findData(static_cast<int>(seconds));
    if (idx >= 0)
        m_historyBox->setCurrentIndex(idx);
    // The charts show `seconds`; the history keeps the longest range chosen so far (10 minutes
    // at least), so going from 10 min to 1 min and back shows the 10 minutes again. It never
    // shrinks, and grows only when asked: an hour at 0.25 s is 14,401 samples per row and CPU,
    // memory the budget does not spend unless the user wants that hour.
    m_keptSeconds = std::max(m_keptSeconds, seconds);
    updateCapacity();
    m_hardware->setChartRange(seconds);
    m_soft->setChartRange(seconds);
    m_devices->setChartRange(seconds);
}

void InterruptsPage::updateCapacity()
{
    const std::size_t n = historyCapacityFor(m_keptSeconds, m_intervalMs);
    m_hardware->setHistoryCapacity(n);
    m_soft->setHistoryCapacity(n);
    m_devices->setHistoryCapacity(n);
}

Sampler* InterruptsPage::pageSource() const
{
    return m_source;
}

QList<ExportSource> InterruptsPage::pageExports()
{
    return interruptsExportSources([this] { return m_last; });
}

} // namespace pg
