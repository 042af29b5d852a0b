// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The IRQs of one device (a network interface's queues, a disk's, an NVMe controller's) as rows,
// with the CPUs each may run on and what each CPU took in the last interval: the table of the
// Interrupts page's "By device" view. Columns: IRQ, queue, allowed CPUs (smp_affinity_list),
// effective CPUs (effective_affinity_list), interrupts/s, then one interrupts/s column per CPU, so
// the distribution of every queue is read across a row and an idle or overloaded CPU down a
// column. Updated in place; reset only when the device, its IRQs or the CPUs change.

#include "core/interrupts/InterruptsSnapshot.h"
#include "core/interrupts/IrqDevices.h"

#include <QAbstractTableModel>
#include <QString>
#include <vector>

namespace pg {

class DeviceIrqModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Irq, Queue, Allowed, Effective, Rate, FirstCpu };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int EffectiveRole
        = Qt::UserRole + 2; // bool: the CPU is in the effective affinity

    using QAbstractTableModel::QAbstractTableModel;

    // `device` empty: no rows.
    void apply(const InterruptsSnapshot& snapshot, const IrqDevice& device);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    int cpuCount() const { return static_cast<int>(m_cpuIds.size()); }

private:
    struct Row
    {
        int irq = -1;
        QString queue;
        QString actions;
        QString allowed; // "–" when unknown
        QString allowedWhy; // why unknown
        QString effective;
        QString effectiveWhy;
        std::vector<int> effectiveCpus;
        bool hasRate = false;
        double rate = 0;
        std::vector<double> cpuRates; // aligned with m_cpuIds; empty without a rate
        std::vector<unsigned long long> cpuCounts;
        bool operator==(const Row&) const = default;
    };

    bool isEffective(const Row& r, int cpu) const;

    std::vector<Row> m_rows;
    std::vector<int> m_cpuIds;
};

} // namespace pg
