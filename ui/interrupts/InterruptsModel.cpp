// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/interrupts/InterruptsModel.h"

#include "core/base/KernelNumbers.h"
#include "core/interrupts/SnapshotBalance.h"
#include "ui/common/Banner.h"
#include "ui/common/Format.h"
#include "ui/common/KeyedRowDiff.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QSet>
#include <algorithm>
#include <optional>

namespace pg {

namespace {

QString rateText(double r)
{
    return fmt::rate(r); // one format for the table, the charts and their tooltips
}

QString str(const std::string& s)
{
    return fmt::displayBytes(s);
}

void attach(InterruptsModel::Item& it, const InterruptsSnapshot& snap, int irq)
{
    const IrqInfo* info = snap.topology ? snap.topology->find(irq) : nullptr;
    if (!info) {
        it.attachedTip = InterruptsModel::tr("Not read yet");
        return;
    }
    const IrqAttachment& a = info->attached;
    if (!a.known()) {
        it.attachedTip = InterruptsModel::tr("Unknown: %1").arg(str(info->attachedReason));
        return;
    }
    it.attachedTo = str(a.text());
    QStringList tip;
    tip << InterruptsModel::tr("Device: %1 (%2)").arg(str(a.device), str(a.kind));
    if (!a.queue.empty())
        tip << InterruptsModel::tr("Queue: %1").arg(str(a.queue));
    if (!a.pciAddress.empty())
        tip << InterruptsModel::tr("PCI function: %1, driver %2")
                   .arg(str(a.pciAddress), a.driver.empty() ? QStringLiteral("–") : str(a.driver));
    it.attachedTip = tip.join(QLatin1Char('\n'));
}

} // namespace

struct InterruptsModel::RowTraits
{
    using Row = Item;
    using Incoming = Item;
    using Key = QString;
    const InterruptsModel* model;

    static const QString& keyOf(const Item& item) { return item.key; }
    static Item make(Item&& item) { return std::move(item); }
    ColumnSpan update(Item& row, Item&& in) const
    {
        const ColumnSpan span = model->changedColumns(row, in);
        row = std::move(in);
        return span;
    }
};

InterruptsModel::InterruptsModel(Kind kind, QObject* parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
{
    if (kind == Kind::Hardware)
        m_columns
            = { Name, Devices, AttachedTo, Chip, HwIrq, Trigger, Total, Rate, Affinity, Balance };
    else
        m_columns = { Name, Description, Total, Rate, Balance };
}

void InterruptsModel::clear()
{
    beginResetModel();
    m_items.clear();
    m_cpuIds.clear();
    endResetModel();
}

void InterruptsModel::applySnapshot(const InterruptsSnapshot& snap)
{
    std::vector<Item> items;
    if (m_kind == Kind::Hardware) {
        if (snap.interruptsError != Error::None)
            return; // the page shows the error and keeps the last good table
        const bool rates
            = snap.irqRates.hasRates && snap.irqRates.rows.size() == snap.interrupts.rows.size();
        items.reserve(snap.interrupts.rows.size());
        for (std::size_t i = 0; i < snap.interrupts.rows.size(); ++i) {
            const InterruptRow& r = snap.interrupts.rows[i];
            Item it;
            it.key = str(r.name);
            it.devices = str(r.irq >= 0 ? r.devicesJoined() : r.description);
            it.chip = str(r.chip);
            it.hwirq = str(r.hwirq);
            it.trigger = str(r.trigger);
            it.counts = r.counts;
            it.singleCount = r.singleCount;
            it.total = r.total();
            if (rates) {
                const RateRow& rr = snap.irqRates.rows[i];
                it.hasRate = !rr.fresh;
                it.rate = rr.rate;
                it.reset = rr.reset;
                it.cpuRates = rr.cpuRates;
            }
            IrqAffinity aff;
            if (i < snap.affinity.size()) {
                aff = snap.affinity[i];
                it.affinityKnown = aff.allowedKnown;
                it.affinity = QString::fromStdString(formatCpuList(aff.allowed));
                if (aff.effectiveKnown)
                    it.effectiveAffinity = QString::fromStdString(formatCpuList(aff.effective));
            }
            if (r.irq >= 0) {
                const BalanceVerdict v = irqRowBalance(snap, i);
                if (v.flagged)
                    it.balance = v.finding;
                it.balanceReason = QString::fromStdString(v.reason);
                attach(it, snap, r.irq);
            }
            items.push_back(std::move(it));
        }
        apply(snap.interrupts.cpuIds, std::move(items));
    } else {
        if (snap.softirqsError != Error::None)
            return;
        const bool rates = snap.softirqRates.hasRates
            && snap.softirqRates.rows.size() == snap.softirqs.rows.size();
        for (std::size_t i = 0; i < snap.softirqs.rows.size(); ++i) {
            const SoftirqRow& r = snap.softirqs.rows[i];
            Item it;
            it.key = str(r.name);
            it.devices = QString::fromUtf8(softirqDescription(r.name));
            it.counts = r.counts;
            it.total = r.total();
            if (rates) {
                const RateRow& rr = snap.softirqRates.rows[i];
                it.hasRate = !rr.fresh;
                it.rate = rr.rate;
                it.reset = rr.reset;
                it.cpuRates = rr.cpuRates;
            }
            const BalanceVerdict v = softirqRowBalance(snap, i);
            if (v.flagged)
                it.balance = v.finding;
            it.balanceReason = QString::fromStdString(v.reason);
            items.push_back(std::move(it));
        }
        apply(snap.softirqs.cpuIds, std::move(items));
    }
}

void InterruptsModel::apply(const std::vector<int>& cpuIds, std::vector<Item> items)
{
    {
        // A key twice in one file (never from a sane kernel; possible in a hostile fixture) would
        // make two rows share one identity: keep the first.
        QSet<QString> seen;
        std::erase_if(items, [&seen](const Item& it) {
            if (seen.contains(it.key))
                return true;
            seen.insert(it.key);
            return false;
        });
    }
    if (cpuIds != m_cpuIds) {
        // The CPU columns changed (first sample, hotplug): the schema changes, so reset.
        beginResetModel();
        m_cpuIds = cpuIds;
        m_items = std::move(items);
        endResetModel();
        return;
    }
    // Insertions at the end (the proxy sorts).
    KeyedRowDiff::Options options;
    options.placement = KeyedRowDiff::Placement::Append;
    RowTraits traits { this };
    KeyedRowDiff::apply(*this, {}, m_items, std::move(items), traits, options);
}

ColumnSpan InterruptsModel::changedColumns(const Item& a, const Item& b) const
{
    ColumnSpan span;
    for (int c = 0; c < firstCpuColumn(); ++c) {
        bool differs = false;
        switch (columnKind(c)) {
        case Name:
            differs = a.key != b.key;
            break;
        case Devices:
        case Description:
            differs = a.devices != b.devices;
            break;
        case AttachedTo:
            differs = a.attachedTo != b.attachedTo || a.attachedTip != b.attachedTip;
            break;
        case Chip:
            differs = a.chip != b.chip;
            break;
        case HwIrq:
            differs = a.hwirq != b.hwirq;
            break;
        case Trigger:
            differs = a.trigger != b.trigger;
            break;
        case Total:
            differs = a.total != b.total;
            break;
        case Rate:
            differs = a.hasRate != b.hasRate || a.rate != b.rate || a.reset != b.reset;
            break;
        case Affinity:
            differs = a.singleCount != b.singleCount || a.affinityKnown != b.affinityKnown
                || a.affinity != b.affinity || a.effectiveAffinity != b.effectiveAffinity;
            break;
        case Balance:
            differs = a.balance.kind != b.balance.kind || a.balance.cpu != b.balance.cpu
                || a.balance.used != b.balance.used || a.balance.share != b.balance.share
                || a.balance.allowedOnline != b.balance.allowedOnline
                || a.balanceReason != b.balanceReason;
            break;
        }
        if (differs)
            span.add(c);
    }
    // Per CPU: the count, and the rate its tooltip shows.
    const bool allCpus = a.singleCount != b.singleCount || a.hasRate != b.hasRate;
    for (std::size_t cpu = 0; cpu < m_cpuIds.size(); ++cpu) {
        auto at = [cpu](const auto& v) {
            return cpu < v.size() ? std::optional(v[cpu]) : std::nullopt;
        };
        if (allCpus || at(a.counts) != at(b.counts) || at(a.cpuRates) != at(b.cpuRates))
            span.add(firstCpuColumn() + static_cast<int>(cpu));
    }
    return span;
}

int InterruptsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int InterruptsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size() + m_cpuIds.size());
}

InterruptsModel::Column InterruptsModel::columnKind(int column) const
{
    return m_columns[static_cast<std::size_t>(column)];
}

int InterruptsModel::columnOf(Column c) const
{
    const auto it = std::find(m_columns.begin(), m_columns.end(), c);
    return it == m_columns.end() ? -1 : static_cast<int>(it - m_columns.begin());
}

int InterruptsModel::rowOfKey(const QString& key) const
{
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        if (m_items[i].key == key)
            return static_cast<int>(i);
    }
    return -1;
}

QString InterruptsModel::displayName(int row) const
{
    const Item& it = item(row);
    if (m_kind == Kind::Soft)
        return it.key;
    bool numeric = false;
    it.key.toInt(&numeric);
    const QString what = it.devices.isEmpty() ? it.chip : it.devices;
    if (numeric)
        return what.isEmpty() ? tr("IRQ %1").arg(it.key) : tr("IRQ %1 %2").arg(it.key, what);
    return what.isEmpty() ? it.key : QStringLiteral("%1 %2").arg(it.key, what);
}

QString InterruptsModel::balanceText(const BalanceFinding& b)
{
    switch (b.kind) {
    case BalanceFinding::Kind::Concentrated:
        return tr("CPU %1 takes %2 %").arg(b.cpu).arg(b.share * 100, 0, 'f', 0);
    case BalanceFinding::Kind::FewerThanAllowed:
        return tr("%1 of %2 allowed CPUs").arg(b.used).arg(b.allowedOnline);
    case BalanceFinding::Kind::None:
        break;
    }
    return {};
}

QVariant InterruptsModel::displayData(const Item& it, int column) const
{
    if (column >= firstCpuColumn()) {
        const std::size_t cpu = static_cast<std::size_t>(column - firstCpuColumn());
        if (it.singleCount || cpu >= it.counts.size())
            return QString();
        return QString::number(it.counts[cpu]);
    }
    switch (columnKind(column)) {
    case Name:
        return it.key;
    case Devices:
    case Description:
        return it.devices;
    case AttachedTo:
        return it.attachedTo;
    case Chip:
        return it.chip;
    case HwIrq:
        return it.hwirq;
    case Trigger:
        return it.trigger;
    case Total:
        return it.total == kU64Max ? QStringLiteral("–") : QString::number(it.total);
    case Rate:
        return it.hasRate ? rateText(it.rate) : QStringLiteral("–");
    case Affinity:
        if (it.singleCount || it.key.isEmpty() || !it.key.front().isDigit())
            return QString();
        return it.affinityKnown ? it.affinity : QStringLiteral("–");
    case Balance:
        return balanceText(it.balance);
    }
    return {};
}

QVariant InterruptsModel::sortData(const Item& it, int column) const
{
    if (column >= firstCpuColumn()) {
        const std::size_t cpu = static_cast<std::size_t>(column - firstCpuColumn());
        return it.singleCount || cpu >= it.counts.size()
            ? QVariant(-1.0)
            : QVariant(static_cast<double>(it.counts[cpu]));
    }
    switch (columnKind(column)) {
    case Name: {
        bool numeric = false;
        const int n = it.key.toInt(&numeric);
        // Numeric IRQs in numeric order, before the named rows.
        return numeric ? QVariant(QStringLiteral("%1").arg(n, 10, 10, QLatin1Char('0')))
                       : QVariant(QStringLiteral("~") + it.key);
    }
    case Total:
        return it.total == kU64Max ? -1.0 : static_cast<double>(it.total);
    case Rate:
        return it.hasRate ? it.rate : -1.0;
    case Balance:
        return it.balance.kind == BalanceFinding::Kind::None ? 0.0 : 1.0 + it.balance.share;
    default:
        return displayData(it, column);
    }
}

QVariant InterruptsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const Item& it = m_items[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(it, column);
    case SortRole:
        return sortData(it, column);
    case KeyRole:
        return it.key;
    case FilterRole:
        return QStringList { it.key, it.devices, it.attachedTo, it.chip }.join(QLatin1Char(' '));
    case FlaggedRole:
        return it.balance.kind != BalanceFinding::Kind::None;
    case Qt::TextAlignmentRole:
        if (column >= firstCpuColumn() || columnKind(column) == Total || columnKind(column) == Rate
            || columnKind(column) == HwIrq || columnKind(column) == Name)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (column < firstCpuColumn() && columnKind(column) == Balance
            && it.balance.kind != BalanceFinding::Kind::None)
            return QBrush(toneColor(TextTone::Warning, QGuiApplication::palette()));
        return {};
    case Qt::ToolTipRole:
        if (column >= firstCpuColumn()) {
            const std::size_t cpu = static_cast<std::size_t>(column - firstCpuColumn());
            if (it.singleCount)
                return tr("%1 is one machine-wide count, not per CPU").arg(it.key);
            if (cpu < it.cpuRates.size() && it.hasRate)
                return tr("CPU %1: %2 since boot, %3 interrupts/s")
                    .arg(m_cpuIds[cpu])
                    .arg(it.counts[cpu])
                    .arg(rateText(it.cpuRates[cpu]));
            return {};
        }
        switch (columnKind(column)) {
        case Total:
            if (it.total == kU64Max)
                return tr("Unknown: the per-CPU counts add up to more than 2^64-1, which no kernel "
                          "counter reaches (the file is not what the kernel writes)");
            return {};
        case Rate:
            if (!it.hasRate)
                return tr(
                    "A rate needs two samples of this row; it appears after the next refresh");
            if (it.reset)
                return tr("A counter went backwards (CPU hot-unplug or IRQ reallocated); that "
                          "CPU's change was left out");
            return tr("%1 interrupts/s over the last interval").arg(rateText(it.rate));
        case Affinity:
            if (!it.affinityKnown)
                return tr("smp_affinity_list is not readable for this IRQ");
            return tr("Allowed CPUs (smp_affinity_list): %1\nEffective CPUs "
                      "(effective_affinity_list): %2")
                .arg(it.affinity,
                    it.effectiveAffinity.isEmpty() ? tr("not readable") : it.effectiveAffinity);
        case Balance:
            return it.balanceReason.isEmpty() ? QVariant() : QVariant(it.balanceReason);
        case AttachedTo:
            return it.attachedTip;
        case Devices:
        case Description:
            return it.devices;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant InterruptsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (section >= firstCpuColumn()) {
        const int cpu = m_cpuIds[static_cast<std::size_t>(section - firstCpuColumn())];
        if (role == Qt::DisplayRole)
            return tr("CPU%1").arg(cpu);
        if (role == Qt::ToolTipRole)
            return tr("Count on CPU %1 since boot").arg(cpu);
        return {};
    }
    const Column c = columnKind(section);
    if (role == Qt::DisplayRole) {
        switch (c) {
        case Name:
            return m_kind == Kind::Hardware ? tr("IRQ") : tr("Softirq");
        case Devices:
            return tr("Devices");
        case Chip:
            return tr("Chip");
        case HwIrq:
            return tr("HW IRQ");
        case Trigger:
            return tr("Trigger");
        case Total:
            return tr("Total");
        case Rate:
            return tr("Rate/s");
        case Affinity:
            return tr("Affinity");
        case Balance:
            return tr("Balance");
        case Description:
            return tr("What it does");
        case AttachedTo:
            return tr("Attached to");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (c) {
        case Total:
            return tr("Count since boot over all CPUs");
        case Rate:
            return tr("Interrupts per second over the last refresh interval");
        case Affinity:
            return tr("CPUs the interrupt may be delivered to (/proc/irq/N/smp_affinity_list)");
        case Balance:
            return tr("Judged against the CPUs the kernel allows (effective affinity, else "
                      "smp_affinity_list, else the affinity hint) once there are at least %1 "
                      "events since boot and %2 in the last interval. Flagged when one CPU takes "
                      "90 % or more although several are allowed, or fewer CPUs take it than "
                      "allowed; one allowed CPU is never flagged")
                .arg(kBalanceMinTotalEvents)
                .arg(kBalanceMinWindowEvents);
        case AttachedTo:
            return tr("The network interface, disk, NVMe queue, GPU or other device this IRQ "
                      "serves, from /sys (PCI msi_irqs, virtio and class links)");
        default:
            return {};
        }
    }
    return {};
}

} // namespace pg
