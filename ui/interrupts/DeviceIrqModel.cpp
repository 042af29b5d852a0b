// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/interrupts/DeviceIrqModel.h"

#include "ui/common/Format.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>
#include <QStringList>
#include <algorithm>

namespace pg {

namespace {

QString cpuListOr(bool known, const std::vector<int>& cpus, Error error, QString& why)
{
    if (known) {
        why.clear();
        return cpus.empty() ? QStringLiteral("none") : QString::fromStdString(formatCpuList(cpus));
    }
    why = QString::fromUtf8(errorText(error));
    return QStringLiteral("–");
}

} // namespace

void DeviceIrqModel::apply(const InterruptsSnapshot& snapshot, const IrqDevice& device)
{
    std::vector<Row> rows;
    rows.reserve(device.irqs.size());
    const Interrupts& in = snapshot.interrupts;
    for (int irq : device.irqs) {
        Row r;
        r.irq = irq;
        const IrqInfo* info = snapshot.topology ? snapshot.topology->find(irq) : nullptr;
        if (info)
            r.queue = QString::fromStdString(info->attached.queue);
        for (std::size_t i = 0; i < in.rows.size(); ++i) {
            if (in.rows[i].irq != irq)
                continue;
            r.actions = QString::fromStdString(in.rows[i].devicesJoined());
            r.cpuCounts.assign(in.rows[i].counts.begin(), in.rows[i].counts.end());
            if (i < snapshot.affinity.size()) {
                const IrqAffinity& a = snapshot.affinity[i];
                r.allowed = cpuListOr(a.allowedKnown, a.allowed, a.allowedError, r.allowedWhy);
                r.effective
                    = cpuListOr(a.effectiveKnown, a.effective, a.effectiveError, r.effectiveWhy);
                if (a.effectiveKnown)
                    r.effectiveCpus = a.effective;
            }
            if (snapshot.irqRates.hasRates && i < snapshot.irqRates.rows.size()
                && !snapshot.irqRates.rows[i].fresh) {
                r.hasRate = true;
                r.rate = snapshot.irqRates.rows[i].rate;
                r.cpuRates = snapshot.irqRates.rows[i].cpuRates;
            }
            break;
        }
        rows.push_back(std::move(r));
    }
    const bool reshaped = m_cpuIds != in.cpuIds || rows.size() != m_rows.size()
        || !std::equal(rows.begin(), rows.end(), m_rows.begin(),
            [](const Row& a, const Row& b) { return a.irq == b.irq; });
    if (reshaped) {
        beginResetModel();
        m_rows = std::move(rows);
        m_cpuIds = in.cpuIds;
        endResetModel();
        return;
    }
    int first = -1, last = -1;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i] == m_rows[i])
            continue;
        m_rows[i] = std::move(rows[i]);
        first = first < 0 ? static_cast<int>(i) : first;
        last = static_cast<int>(i);
    }
    if (first >= 0)
        emit dataChanged(index(first, 0), index(last, columnCount() - 1));
}

int DeviceIrqModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DeviceIrqModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FirstCpu + static_cast<int>(m_cpuIds.size());
}

bool DeviceIrqModel::isEffective(const Row& r, int cpu) const
{
    return static_cast<std::size_t>(cpu) < m_cpuIds.size()
        && std::find(r.effectiveCpus.begin(), r.effectiveCpus.end(),
               m_cpuIds[static_cast<std::size_t>(cpu)])
        != r.effectiveCpus.end();
}

QVariant DeviceIrqModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    const int cpu = column - FirstCpu;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Irq:
            return r.irq;
        case Queue:
            return r.queue.isEmpty() ? r.actions : r.queue;
        case Allowed:
            return r.allowed;
        case Effective:
            return r.effective;
        case Rate:
            return r.hasRate ? fmt::rate(r.rate) : QStringLiteral("–");
        default:
            if (cpu < 0 || !r.hasRate || static_cast<std::size_t>(cpu) >= r.cpuRates.size())
                return QStringLiteral("–");
            return fmt::rate(r.cpuRates[static_cast<std::size_t>(cpu)]);
        }
    case SortRole:
        if (column == Irq)
            return r.irq;
        if (column == Rate)
            return r.hasRate ? r.rate : -1.0;
        if (cpu >= 0)
            return r.hasRate && static_cast<std::size_t>(cpu) < r.cpuRates.size()
                ? r.cpuRates[static_cast<std::size_t>(cpu)]
                : -1.0;
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (column == Irq || column == Rate || cpu >= 0)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::BackgroundRole:
        // The CPUs the kernel routes the IRQ to now: tinted with the selection colour, so "all on
        // CPU 3" reads at a glance (a tint, not bold: a bold font is a second glyph cache).
        if (cpu >= 0 && isEffective(r, cpu)) {
            QColor tint = QGuiApplication::palette().color(QPalette::Highlight);
            tint.setAlpha(60);
            return QBrush(tint);
        }
        return {};
    case EffectiveRole:
        return cpu >= 0 && isEffective(r, cpu);
    case Qt::ToolTipRole:
        switch (column) {
        case Queue:
            return tr("Action name in /proc/interrupts: %1").arg(r.actions);
        case Allowed:
            return r.allowedWhy.isEmpty()
                ? tr("/proc/irq/%1/smp_affinity_list: the CPUs this IRQ may be sent to. Change "
                     "it as root with: echo 2 > /proc/irq/%1/smp_affinity_list (irqbalance, when "
                     "running, may rewrite it)")
                      .arg(r.irq)
                : tr("smp_affinity_list not readable: %1").arg(r.allowedWhy);
        case Effective:
            return r.effectiveWhy.isEmpty()
                ? tr("/proc/irq/%1/effective_affinity_list: the CPUs the interrupt controller "
                     "actually sends it to now (usually one CPU of the allowed set)")
                      .arg(r.irq)
                : tr("effective_affinity_list not readable: %1").arg(r.effectiveWhy);
        default:
            if (cpu >= 0 && static_cast<std::size_t>(cpu) < r.cpuCounts.size())
                return tr("IRQ %1 on CPU %2: %3 since boot%4")
                    .arg(r.irq)
                    .arg(m_cpuIds[static_cast<std::size_t>(cpu)])
                    .arg(r.cpuCounts[static_cast<std::size_t>(cpu)])
                    .arg(isEffective(r, cpu) ? tr("; in its effective affinity (tinted)")
                                             : QString());
            return {};
        }
    default:
        return {};
    }
}

QVariant DeviceIrqModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Irq:
            return tr("IRQ");
        case Queue:
            return tr("Queue");
        case Allowed:
            return tr("Allowed CPUs");
        case Effective:
            return tr("Effective");
        case Rate:
            return tr("Rate/s");
        default:
            if (section - FirstCpu < static_cast<int>(m_cpuIds.size()))
                return tr("CPU%1").arg(m_cpuIds[static_cast<std::size_t>(section - FirstCpu)]);
            return {};
        }
    }
    if (role == Qt::ToolTipRole && section >= FirstCpu)
        return tr("Interrupts/s this CPU took from each of the device's IRQs in the last "
                  "interval; tinted: the CPUs in the IRQ's effective affinity");
    return {};
}

} // namespace pg
