// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Interrupts page's "By device" view: pick a network interface, disk, NVMe controller or other
// device and see the IRQs that serve it: each queue's allowed and effective CPUs and what every
// CPU took from it (DeviceIrqModel), the device's interrupts/s over time per CPU or per IRQ, and
// for a network interface the receive and transmit packet steering masks of its queues (RPS/XPS);
// whether irqbalance runs (it rewrites the affinities). The question people open
// /proc/interrupts for: "which CPU takes my network card's interrupts, and is that balanced?"
//
// The chart is the painted RateChart (as on the System page), not Qt Charts like the other two
// tabs: a third QChart on this page took the whole program over the 50 MiB memory budget the soak
// checks (51.2 MiB peak with it).
//
// History: every device's per-CPU and per-IRQ rates are recorded from the first snapshot (so
// switching devices shows their past too), as long as all of them together stay within
// kMaxRecordedSeries rings; past that (hundreds of CPUs) only the chosen device is recorded.

#include "core/interrupts/IrqDevices.h"
#include "core/interrupts/IrqRates.h"
#include "core/metatypes/SnapshotTypes.h"

#include <QWidget>
#include <map>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QTableView;
class QTableWidget;
class QGroupBox;

namespace pg {

class DeviceIrqModel;
class RateChart;

class DevicePanel final : public QWidget
{
    Q_OBJECT
public:
    enum class Lines { PerCpu, PerIrq };
    static constexpr std::size_t kMaxRecordedSeries = 1024;

    explicit DevicePanel(QWidget* parent = nullptr);

    void applySnapshot(const InterruptsSnapshotPtr& snapshot);
    void setHistoryCapacity(std::size_t samples);
    void setChartRange(double seconds);
    // Chooses `name` ("eth0", "vda"); false when no IRQ serves a device of that name.
    bool showDevice(const QString& name);
    QString currentDevice() const;
    void setLines(Lines lines);

    QComboBox* deviceBox() const { return m_deviceBox; }
    DeviceIrqModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    RateChart* chart() const { return m_chart; }
    QTableWidget* steering() const { return m_steering; }
    QLabel* irqbalanceLabel() const { return m_irqbalance; }
    QLabel* summaryLabel() const { return m_summary; }
    std::vector<std::string> recordedDevices() const;
    const RateHistory* history(const std::string& device) const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void record(const InterruptsSnapshot& snapshot);
    void updateDeviceList();
    void redraw();
    void feedChart();
    void updateSteering(const InterruptsSnapshot& snapshot, const IrqDevice& device);
    const IrqDevice* chosen() const;

    QComboBox* m_deviceBox;
    QComboBox* m_linesBox;
    QLabel* m_summary;
    QLabel* m_irqbalance;
    QLabel* m_note;
    DeviceIrqModel* m_model;
    QTableView* m_view;
    RateChart* m_chart;
    QGroupBox* m_steeringBox;
    QTableWidget* m_steering;
    std::vector<IrqDevice> m_devices;
    std::map<std::string, RateHistory> m_histories;
    std::size_t m_capacity = 600;
    std::string m_wanted; // the device the user chose, kept while it is away
    std::string m_fedDevice; // what the chart holds
    Lines m_fedLines = Lines::PerCpu;
    std::uint64_t m_fedGeneration = 0; // of the history the chart was fed from
    double m_fedUntil = 0;
    InterruptsSnapshotPtr m_latest;
    bool m_dirty = false;
};

} // namespace pg
