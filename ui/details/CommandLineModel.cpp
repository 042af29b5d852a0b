// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details/CommandLineModel.h"

#include "ui/common/Banner.h"
#include "ui/common/Format.h"

#include <QColor>
#include <QGuiApplication>

namespace pg {

CommandLineModel::CommandLineModel(QObject* parent)
    : KeyedRowsModel<ArgRow>(parent)
{ }

void CommandLineModel::setArguments(const std::vector<std::string>& argv)
{
    std::vector<ArgRow> rows;
    rows.reserve(argv.size());
    for (std::size_t i = 0; i < argv.size(); ++i)
        rows.push_back({ static_cast<int>(i), argv[i] });
    setRows(std::move(rows));
}

int CommandLineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CommandLineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Index ? tr("argv[]") : tr("Argument");
}

QString CommandLineModel::keyOf(const ArgRow& row) const
{
    return QString::number(row.index);
}

QVariant CommandLineModel::value(const ArgRow& row, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == Index)
            return row.index;
        return row.arg.empty() ? tr("(empty argument)") : fmt::displayBytes(row.arg);
    case SortRole:
        return column == Index
            ? QVariant(row.index)
            : QVariant(QString::fromUtf8(row.arg.data(), static_cast<qsizetype>(row.arg.size())));
    case RawRole:
        return QString::fromUtf8(row.arg.data(), static_cast<qsizetype>(row.arg.size()));
    case Qt::ForegroundRole:
        if (column == Argument && row.arg.empty())
            return toneColor(TextTone::Dim, QGuiApplication::palette());
        break;
    default:
        break;
    }
    return {};
}

} // namespace pg
