// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/memusage/ProcessUsageModel.h"

#include "ui/common/Format.h"

#include <algorithm>
#include <string>

namespace pg {

namespace {
constexpr std::size_t kMaxStructuralRuns = 16; // removal + insertion runs before one layout change
constexpr std::size_t kMaxChangedRanges = 32;
} // namespace

struct ProcessUsageModel::RowTraits
{
    using Row = ProcessMemory;
    using Incoming = const ProcessMemory*;
    using Key = int;
    static constexpr bool kSorted = true;

    static int keyOf(const ProcessMemory& row) { return row.pid; }
    static int keyOf(const ProcessMemory* p) { return p->pid; }
    static bool less(int a, int b) { return a < b; }
    static ProcessMemory make(const ProcessMemory* p) { return *p; }
    static ColumnSpan update(ProcessMemory& row, const ProcessMemory* p)
    {
        ColumnSpan span;
        if (row.uid != p->uid)
            span.add(User);
        if (row.comm != p->comm)
            span.add(Command);
        if (row.rssKib != p->rssKib)
            span.add(Rss);
        if (row.pssKib != p->pssKib)
            span.add(Pss);
        if (row.ussKib != p->ussKib)
            span.add(Uss);
        if (row.swapKib != p->swapKib)
            span.add(Swap);
        if (row.swapPssKib != p->swapPssKib || row.swapPssKnown != p->swapPssKnown)
            span.add(SwapPss);
        if (!span.empty())
            row = *p;
        return span;
    }
};

void ProcessUsageModel::apply(const MemoryUsageSnapshot& snapshot)
{
    for (const auto& [uid, name] : snapshot.userNames) {
        if (!m_userNames.contains(uid))
            m_userNames.insert(uid, QString::fromStdString(name));
    }
    std::vector<const ProcessMemory*> incoming;
    incoming.reserve(snapshot.census.processes.size());
    for (const ProcessMemory& p : snapshot.census.processes)
        incoming.push_back(&p);
    // The census is in pid order already; a hand-made one (tests) need not be.
    std::stable_sort(incoming.begin(), incoming.end(),
        [](const ProcessMemory* a, const ProcessMemory* b) { return a->pid < b->pid; });
    KeyedRowDiff::Options options;
    options.maxStructuralRuns = kMaxStructuralRuns;
    options.maxChangedRanges = kMaxChangedRanges;
    RowTraits traits;
    KeyedRowDiff::apply(*this, {}, m_rows, std::move(incoming), traits, options);
}

void ProcessUsageModel::clear()
{
    std::vector<const ProcessMemory*> none;
    RowTraits traits;
    KeyedRowDiff::apply(*this, {}, m_rows, std::move(none), traits);
    m_rows.shrink_to_fit();
    m_userNames.clear();
    m_userNames.squeeze();
}

MemoryCensus ProcessUsageModel::census() const
{
    MemoryCensus c;
    c.processes = m_rows; // pid order
    return c;
}

std::string ProcessUsageModel::userName(std::uint32_t uid) const
{
    const auto it = m_userNames.constFind(uid);
    return it == m_userNames.cend() ? std::to_string(uid) : it->toStdString();
}

int ProcessUsageModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant ProcessUsageModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return value(m_rows[static_cast<std::size_t>(index.row())], index.column(), role);
}

int ProcessUsageModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProcessUsageModel::columnToolTip(int column)
{
    switch (column) {
    case Pid:
        return tr("Process id");
    case User:
        return tr("The real user the process runs as");
    case Command:
        return tr("The process's name (status Name:, at most 15 bytes)");
    case Rss:
        return tr("Resident: every page of RAM the process maps, shared ones counted in full. "
                  "Summing Rss counts a shared library once per process that uses it");
    case Pss:
        return tr("Proportional: each resident page divided by the number of processes that map "
                  "it. Pss adds up across processes: their sum is the RAM user space holds");
    case Uss:
        return tr("Unique (Private_Clean + Private_Dirty): the pages only this process maps, what "
                  "its exit would give back");
    case Swap:
        return tr("Swapped-out pages of the process's anonymous memory, shared ones in full");
    case SwapPss:
        return tr("Swap shared out like Pss (kernels 4.3 and later print it)");
    default:
        return {};
    }
}

QVariant ProcessUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    static const char* const titles[]
        = { "PID", "User", "Command", "Rss", "Pss", "USS", "Swap", "SwapPss" };
    if (role == Qt::DisplayRole)
        return tr(titles[section]);
    if (role == Qt::ToolTipRole)
        return columnToolTip(section);
    return {};
}

QVariant ProcessUsageModel::value(const ProcessMemory& m, int column, int role) const
{
    if (role == PidRole)
        return m.pid;
    if (role == Qt::TextAlignmentRole)
        return column == User || column == Command ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && column == SwapPss && !m.swapPssKnown)
        return tr("This kernel does not print SwapPss (it came with 4.3)");
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    auto size = [sort](std::uint64_t kib) { return fmt::kibCell(kib, sort); };
    switch (column) {
    case Pid:
        return sort ? QVariant(qlonglong(m.pid)) : QVariant(QString::number(m.pid));
    case User:
        if (const auto it = m_userNames.constFind(m.uid); it != m_userNames.cend())
            return *it;
        return QString::number(m.uid);
    case Command:
        return fmt::displayBytes(m.comm);
    case Rss:
        return size(m.rssKib);
    case Pss:
        return size(m.pssKib);
    case Uss:
        return size(m.ussKib);
    case Swap:
        return size(m.swapKib);
    case SwapPss:
        if (!m.swapPssKnown)
            return sort ? QVariant(qlonglong(-1)) : QVariant(QStringLiteral("–"));
        return size(m.swapPssKib);
    default:
        return {};
    }
}

} // namespace pg
