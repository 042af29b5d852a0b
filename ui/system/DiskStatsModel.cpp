// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/system/DiskStatsModel.h"

#include "ui/system/OverviewFormat.h"

namespace pg {

void DiskStatsModel::apply(const SystemOverview& overview)
{
    std::vector<DiskRow> rows;
    if (overview.disks.value) {
        const auto& devices = overview.disks.value->devices;
        for (std::size_t i = 0; i < devices.size(); ++i) {
            rows.push_back({ devices[i],
                i < overview.diskRates.size() ? overview.diskRates[i] : DiskRate {} });
        }
    }
    setRows(std::move(rows));
}

int DiskStatsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiskStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    static const char* const titles[] = { "Device", "Kind", "Reads", "Writes", "Read", "Written",
        "Reads/s", "Writes/s", "Read/s", "Write/s", "In flight" };
    static const char* const tips[] = {
        "/proc/diskstats field 3: device name (major:minor in the tooltip)",
        "Whole disk or partition (/sys/class/block/NAME/partition, else by name)",
        "/proc/diskstats field 4: reads completed since boot",
        "/proc/diskstats field 8: writes completed since boot",
        "/proc/diskstats field 6: sectors read × 512 bytes",
        "/proc/diskstats field 10: sectors written × 512 bytes",
        "Reads completed per second (field 4, delta over the refresh interval)",
        "Writes completed per second (field 8, delta over the refresh interval)",
        "Bytes read per second (field 6 × 512, delta over the refresh interval)",
        "Bytes written per second (field 10 × 512, delta over the refresh interval)",
        "/proc/diskstats field 12: I/Os currently in progress",
    };
    if (section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole)
        return tr(titles[section]);
    if (role == Qt::ToolTipRole)
        return tr(tips[section]);
    return {};
}

QString DiskStatsModel::keyOf(const DiskRow& row) const
{
    return QString::fromStdString(row.stat.name);
}

QVariant DiskStatsModel::value(const DiskRow& row, int column, int role) const
{
    const DiskStat& d = row.stat;
    const DiskRate& r = row.rate;
    auto rate = [&](double v, bool bytes) -> QVariant {
        if (role == SortRole)
            return r.valid ? v : -1.0;
        if (!r.valid)
            return ofmt::unknown();
        return bytes ? ofmt::byteRate(v) : ofmt::perSecond(v);
    };
    if (role == Qt::TextAlignmentRole)
        return column <= Kind ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                              : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (column == Device)
            return tr("%1 (%2:%3)").arg(QString::fromStdString(d.name)).arg(d.major).arg(d.minor);
        if (column >= ReadsPerSec && column <= WriteRate && !r.valid)
            return tr(
                "No rate yet: the device is new since the last refresh, or its counters went back");
        return {};
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (column) {
    case Device:
        return QString::fromStdString(d.name);
    case Kind:
        return d.partition ? tr("partition") : tr("disk");
    case Reads:
        return sort ? QVariant(qulonglong(d.readsCompleted)) : ofmt::count(d.readsCompleted);
    case Writes:
        return sort ? QVariant(qulonglong(d.writesCompleted)) : ofmt::count(d.writesCompleted);
    case BytesRead: {
        const double b = static_cast<double>(d.sectorsRead * DiskStat::kSectorBytes);
        return sort ? QVariant(b) : ofmt::bytes(b);
    }
    case BytesWritten: {
        const double b = static_cast<double>(d.sectorsWritten * DiskStat::kSectorBytes);
        return sort ? QVariant(b) : ofmt::bytes(b);
    }
    case ReadsPerSec:
        return rate(r.readsPerSec, false);
    case WritesPerSec:
        return rate(r.writesPerSec, false);
    case ReadRate:
        return rate(r.readBytesPerSec, true);
    case WriteRate:
        return rate(r.writeBytesPerSec, true);
    case InFlight:
        return sort ? QVariant(qulonglong(d.inFlight)) : QVariant(QString::number(d.inFlight));
    default:
        return {};
    }
}

} // namespace pg
