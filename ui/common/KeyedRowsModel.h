// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A table model whose rows are identified by a key (a disk, an interface, a module name) and that
// updates in place through KeyedRowDiff: removals, then insertions, then dataChanged for changed
// rows coalesced into contiguous ranges and limited to the changed columns.
// A reset never happens, so the user's selection and scroll position survive a device that comes or
// goes.

#include "ui/common/KeyedRowDiff.h"

#include <QAbstractTableModel>
#include <QString>
#include <utility>
#include <vector>

namespace pg {

template <typename Row> class KeyedRowsModel;

// How KeyedRowDiff sees a KeyedRowsModel's rows: keyed by keyOf(), compared column by column.
template <typename R> struct KeyedRowsTraits
{
    using Row = R;
    using Incoming = R;
    using Key = QString;
    const KeyedRowsModel<R>* model;

    QString keyOf(const R& row) const { return model->keyOf(row); }
    static R make(R&& row) { return std::move(row); }
    ColumnSpan update(R& row, R&& in) const
    {
        const ColumnSpan span = model->changedColumns(row, in);
        row = std::move(in);
        return span;
    }
};

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
        // Insertions at the end (the proxy sorts them into place).
        KeyedRowDiff::Options options;
        options.placement = KeyedRowDiff::Placement::Append;
        KeyedRowsTraits<Row> traits { this };
        KeyedRowDiff::apply(*this, {}, m_rows, std::move(rows), traits, options);
    }

protected:
    virtual QString keyOf(const Row& row) const = 0;
    virtual QVariant value(const Row& row, int column, int role) const = 0;

private:
    friend class KeyedRowDiff;

    template <typename> friend struct KeyedRowsTraits;

    // The columns whose raw (SortRole) values differ: every column provides one and the display
    // text derives from it, and comparing it is cheaper than formatting both rows.
    ColumnSpan changedColumns(const Row& a, const Row& b) const
    {
        ColumnSpan span;
        for (int c = 0; c < columnCount(); ++c) {
            if (value(a, c, SortRole) != value(b, c, SortRole))
                span.add(c);
        }
        return span;
    }

    std::vector<Row> m_rows;
};

} // namespace pg
