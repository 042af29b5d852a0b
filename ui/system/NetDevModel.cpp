// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/system/NetDevModel.h"

#include "ui/common/Format.h"
#include "ui/system/OverviewFormat.h"

namespace pg {

void NetDevModel::apply(const SystemOverview& overview)
{
    std::vector<NetRow> rows;
    if (overview.net.value) {
        const auto& ifaces = overview.net.value->interfaces;
        for (std::size_t i = 0; i < ifaces.size(); ++i)
            rows.push_back(
                { ifaces[i], i < overview.netRates.size() ? overview.netRates[i] : NetRate {} });
    }
    setRows(std::move(rows));
}

int NetDevModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NetDevModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    static const char* const titles[] = { "Interface", "RX bytes", "RX packets", "TX bytes",
        "TX packets", "RX/s", "TX/s", "RX packets/s", "TX packets/s", "RX errors", "TX errors" };
    static const char* const tips[] = {
        "/proc/net/dev: interface name (before the colon)",
        "/proc/net/dev receive bytes since the interface came up",
        "/proc/net/dev receive packets",
        "/proc/net/dev transmit bytes",
        "/proc/net/dev transmit packets",
        "Bytes received per second (receive bytes, delta over the refresh interval)",
        "Bytes sent per second (transmit bytes, delta over the refresh interval)",
        "Packets received per second",
        "Packets sent per second",
        "/proc/net/dev receive errs",
        "/proc/net/dev transmit errs",
    };
    if (role == Qt::DisplayRole)
        return tr(titles[section]);
    if (role == Qt::ToolTipRole)
        return tr(tips[section]);
    return {};
}

QString NetDevModel::keyOf(const NetRow& row) const
{
    return QString::fromStdString(row.stat.name);
}

QVariant NetDevModel::value(const NetRow& row, int column, int role) const
{
    const NetDevStat& n = row.stat;
    const NetRate& r = row.rate;
    if (role == Qt::TextAlignmentRole)
        return column == Interface ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (column >= RxRate && column <= TxPacketRate && !r.valid)
            return tr("No rate yet: the interface is new since the last refresh, or its counters "
                      "went back");
        return {};
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    auto counter = [&](std::uint64_t v, bool bytes) -> QVariant {
        if (sort)
            return qulonglong(v);
        return bytes ? ofmt::bytes(static_cast<double>(v)) : ofmt::count(v);
    };
    auto rate = [&](double v, bool bytes) -> QVariant {
        if (sort)
            return r.valid ? v : -1.0;
        if (!r.valid)
            return ofmt::unknown();
        return bytes ? ofmt::byteRate(v) : ofmt::perSecond(v);
    };
    switch (column) {
    case Interface:
        return fmt::displayBytes(n.name);
    case RxBytes:
        return counter(n.rxBytes, true);
    case RxPackets:
        return counter(n.rxPackets, false);
    case TxBytes:
        return counter(n.txBytes, true);
    case TxPackets:
        return counter(n.txPackets, false);
    case RxRate:
        return rate(r.rxBytesPerSec, true);
    case TxRate:
        return rate(r.txBytesPerSec, true);
    case RxPacketRate:
        return rate(r.rxPacketsPerSec, false);
    case TxPacketRate:
        return rate(r.txPacketsPerSec, false);
    case RxErrors:
        return counter(n.rxErrors, false);
    case TxErrors:
        return counter(n.txErrors, false);
    default:
        return {};
    }
}

} // namespace pg
