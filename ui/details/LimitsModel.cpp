// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details/LimitsModel.h"

#include "ui/common/Format.h"

namespace pg {

LimitsModel::LimitsModel(QObject* parent)
    : KeyedRowsModel<PidLimit>(parent)
{ }

int LimitsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LimitsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == Soft)
        return tr("The limit the kernel enforces; the process may raise it up to the hard limit "
                  "(setrlimit(2))");
    if (role == Qt::ToolTipRole && section == Hard)
        return tr("The ceiling for the soft limit; only root (CAP_SYS_RESOURCE) may raise it");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Limit");
    case Soft:
        return tr("Soft");
    case Hard:
        return tr("Hard");
    case Units:
        return tr("Units");
    }
    return {};
}

QString LimitsModel::keyOf(const PidLimit& row) const
{
    return QString::fromStdString(row.name);
}

QVariant LimitsModel::value(const PidLimit& row, int column, int role) const
{
    auto text = [](const LimitValue& v) {
        return v.unlimited ? tr("unlimited") : QString::number(v.value);
    };
    auto raw
        = [](const LimitValue& v) { return v.unlimited ? -1.0 : static_cast<double>(v.value); };
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Name:
            return fmt::displayBytes(row.name);
        case Soft:
            return text(row.soft);
        case Hard:
            return text(row.hard);
        case Units:
            return fmt::displayBytes(row.units);
        }
        break;
    case SortRole:
        switch (column) {
        case Name:
            return QString::fromStdString(row.name);
        case Soft:
            return raw(row.soft);
        case Hard:
            return raw(row.hard);
        case Units:
            return QString::fromStdString(row.units);
        }
        break;
    case Qt::ToolTipRole:
        if ((column == Soft || column == Hard) && row.units == "bytes") {
            const LimitValue& v = column == Soft ? row.soft : row.hard;
            if (!v.unlimited)
                return fmt::kib(v.value / 1024);
        }
        break;
    case Qt::TextAlignmentRole:
        return column == Soft || column == Hard ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        break;
    }
    return {};
}

} // namespace pg
