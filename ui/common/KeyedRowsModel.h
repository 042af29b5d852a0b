#pragma once

// A table model whose rows are identified by a key (a disk, an interface, a module name) and that
// updates in place, as the house style asks of live models: removals, then insertions, then
// dataChanged for changed rows coalesced into contiguous ranges and limited to the changed columns.
// A reset never happens, so the user's selection and scroll position survive a device that comes or
// goes.

#include <QAbstractTableModel>
#include <QHash>
#include <QString>
#include <algorithm>
#include <utility>
#include <vector>

namespace pg {

template <typename Row> class KeyedRowsModel : public QAbstractTableModel
{
public:
    enum Role {
        SortRole = Qt::UserRole + 1, // raw number (or text) for sorting; -1 for unknown
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        return value(m_rows[static_cast<std::size_t>(index.row())], index.column(), role);
    }

    const Row& rowAt(int row) const { return m_rows[static_cast<std::size_t>(row)]; }

    void setRows(std::vector<Row> rows)
    {
        QHash<QString, int> incoming;
        for (std::size_t i = 0; i < rows.size(); ++i)
            incoming.insert(keyOf(rows[i]), static_cast<int>(i));
        // Removals, from the back, in contiguous ranges.
        for (int last = static_cast<int>(m_rows.size()) - 1; last >= 0;) {
            if (incoming.contains(keyOf(m_rows[static_cast<std::size_t>(last)]))) {
                --last;
                continue;
            }
            int first = last;
            while (
                first > 0 && !incoming.contains(keyOf(m_rows[static_cast<std::size_t>(first - 1)])))
                --first;
            beginRemoveRows({}, first, last);
            m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
            endRemoveRows();
            last = first - 1;
        }
        // Changes in place, remembering which rows differ.
        QHash<QString, int> present;
        for (std::size_t i = 0; i < m_rows.size(); ++i)
            present.insert(keyOf(m_rows[i]), static_cast<int>(i));
        // Per row, the first and last column whose raw value changed (-1: none).
        std::vector<std::pair<int, int>> changed(m_rows.size(), { -1, -1 });
        std::vector<Row> added;
        for (Row& row : rows) {
            const auto it = present.constFind(keyOf(row));
            if (it == present.constEnd()) {
                added.push_back(std::move(row));
                continue;
            }
            Row& old = m_rows[static_cast<std::size_t>(*it)];
            changed[static_cast<std::size_t>(*it)] = changedColumns(old, row);
            old = std::move(row);
        }
        // Insertions at the end (the proxy sorts them into place).
        if (!added.empty()) {
            const int first = static_cast<int>(m_rows.size());
            beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
            for (Row& row : added)
                m_rows.push_back(std::move(row));
            endInsertRows();
        }
        // dataChanged per run of changed rows, limited to the columns that changed in it.
        for (std::size_t i = 0; i < changed.size();) {
            if (changed[i].first < 0) {
                ++i;
                continue;
            }
            std::size_t j = i;
            int firstColumn = changed[i].first;
            int lastColumn = changed[i].second;
            while (j + 1 < changed.size() && changed[j + 1].first >= 0) {
                ++j;
                firstColumn = std::min(firstColumn, changed[j].first);
                lastColumn = std::max(lastColumn, changed[j].second);
            }
            emit dataChanged(
                index(static_cast<int>(i), firstColumn), index(static_cast<int>(j), lastColumn));
            i = j + 1;
        }
    }

protected:
    virtual QString keyOf(const Row& row) const = 0;
    virtual QVariant value(const Row& row, int column, int role) const = 0;

private:
    // Compares the raw (SortRole) values, which every column provides and the display text
    // derives from; cheaper than formatting both rows.
    std::pair<int, int> changedColumns(const Row& a, const Row& b) const
    {
        std::pair<int, int> range { -1, -1 };
        for (int c = 0; c < columnCount(); ++c) {
            if (value(a, c, SortRole) != value(b, c, SortRole)) {
                if (range.first < 0)
                    range.first = c;
                range.second = c;
            }
        }
        return range;
    }

    std::vector<Row> m_rows;
};

} // namespace pg
