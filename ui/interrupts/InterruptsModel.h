// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The table of hardware interrupts (/proc/interrupts) or softirqs (/proc/softirqs): one row per
// IRQ or softirq kind, fixed columns then one count column per CPU. Updated in place from each
// snapshot (removals, insertions, then dataChanged over the changed rows and columns); reset only
// when the CPU columns change.

#include "core/interrupts/InterruptsSnapshot.h"
#include "ui/common/KeyedRowDiff.h"

#include <QAbstractTableModel>
#include <QString>
#include <vector>

namespace pg {

class InterruptsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Kind { Hardware, Soft };
    enum Column {
        Name,
        Devices,
        Chip,
        HwIrq,
        Trigger,
        Total,
        Rate,
        Affinity,
        Balance,
        Description,
        AttachedTo, // the device the IRQ serves (IrqAttachment): "eth0 input.0", "vda req.0"
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw numbers
        KeyRole, // the row's name in the kernel file ("24", "LOC", "NET_RX")
        FilterRole, // name, devices, attached device, chip, description: what the filter matches
        FlaggedRole, // bool: the balance finding is not None
    };

    explicit InterruptsModel(Kind kind, QObject* parent = nullptr);

    void applySnapshot(const InterruptsSnapshot& snapshot);
    void clear();

    struct Item
    {
        QString key;
        QString devices; // named rows: the description; softirqs: the one-line description
        QString chip, hwirq, trigger;
        std::vector<std::uint64_t> counts;
        bool singleCount = false;
        std::uint64_t total = 0;
        bool hasRate = false;
        double rate = 0;
        bool reset = false;
        std::vector<double> cpuRates;
        bool affinityKnown = false;
        QString affinity, effectiveAffinity;
        BalanceFinding balance; // kind None unless the verdict flags it
        QString balanceReason; // judgeBalance's reason: why (not) flagged, what to change
        QString attachedTo; // "eth0 input.0"; empty when unknown (attachedTip says why)
        QString attachedTip;
    };

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    Kind kind() const { return m_kind; }
    const std::vector<int>& cpuIds() const { return m_cpuIds; }
    const Item& item(int row) const { return m_items[static_cast<std::size_t>(row)]; }
    int rowOfKey(const QString& key) const;
    int firstCpuColumn() const { return static_cast<int>(m_columns.size()); }
    Column columnKind(int column) const; // for columns before firstCpuColumn()
    int columnOf(Column c) const; // -1 when this kind has no such column
    static QString balanceText(const BalanceFinding& b);
    // Title for charts and the heatmap: "IRQ 24 nvme0q0", "LOC Local timer interrupts", "NET_RX".
    QString displayName(int row) const;

private:
    friend class KeyedRowDiff;
    struct RowTraits;

    void apply(const std::vector<int>& cpuIds, std::vector<Item> items);
    QVariant displayData(const Item& item, int column) const;
    QVariant sortData(const Item& item, int column) const;
    // The columns whose cells differ between two samples of one row.
    ColumnSpan changedColumns(const Item& before, const Item& after) const;

    Kind m_kind;
    std::vector<Column> m_columns;
    std::vector<int> m_cpuIds;
    std::vector<Item> m_items;
};

} // namespace pg
