// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details/EnvironmentModel.h"

#include "ui/common/Banner.h"
#include "ui/common/Format.h"

#include <QColor>
#include <QGuiApplication>

#include <unordered_map>

namespace pg {

EnvironmentModel::EnvironmentModel(QObject* parent)
    : KeyedRowsModel<EnvVar>(parent)
{ }

void EnvironmentModel::setEnvironment(const std::vector<EnvVar>& vars)
{
    // A name that repeats gets "#2", "#3" in its key (the row's text is not changed).
    std::vector<EnvVar> rows = vars;
    std::unordered_map<std::string, int> seen;
    for (EnvVar& v : rows) {
        const int n = ++seen[v.name];
        if (n > 1) {
            v.name.push_back('\0');
            v.name.append(std::to_string(n));
        }
    }
    setRows(std::move(rows));
}

int EnvironmentModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnvironmentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Name ? tr("Name") : tr("Value");
}

QString EnvironmentModel::keyOf(const EnvVar& row) const
{
    return QString::fromUtf8(row.name.data(), static_cast<qsizetype>(row.name.size()));
}

namespace {

// The name without the "\0#n" suffix setEnvironment adds for repeated names.
std::string plainName(const std::string& name)
{
    const std::size_t nul = name.find('\0');
    return nul == std::string::npos ? name : name.substr(0, nul);
}

} // namespace

QVariant EnvironmentModel::value(const EnvVar& row, int column, int role) const
{
    const std::string name = plainName(row.name);
    switch (role) {
    case Qt::DisplayRole:
        if (column == Value && row.value.empty())
            return row.hasEquals ? tr("(empty)") : tr("(no '=')");
        return column == Name ? fmt::displayBytes(name) : fmt::displayBytes(row.value);
    case Qt::ForegroundRole:
        if (column == Value && row.value.empty())
            return toneColor(TextTone::Dim, QGuiApplication::palette());
        return {};
    case SortRole:
        return column == Name
            ? QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()))
            : QString::fromUtf8(row.value.data(), static_cast<qsizetype>(row.value.size()));
    case RawRole: {
        const std::string raw = row.hasEquals ? name + "=" + row.value : name;
        return QString::fromUtf8(raw.data(), static_cast<qsizetype>(raw.size()));
    }
    case Qt::ToolTipRole:
        if (!row.hasEquals)
            return tr("This environment string has no '=': the process put it there as is");
        if (column == Value && row.value.empty())
            return tr("Set, with an empty value");
        return column == Value ? fmt::displayBytes(row.value) : QVariant();
    default:
        return {};
    }
}

} // namespace pg
