// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one keyed row diff every live model uses (house style: "Live models update in place:
// removals, then insertions, then dataChanged ..., limited to changed columns"). Given the rows a
// model holds under one parent (a flat table's rows, or one tree node's children) and the rows a
// new snapshot has there, matched by key, it updates the rows in place and emits:
//   1. removals, one beginRemoveRows/endRemoveRows per contiguous run, from the back;
//   2. insertions, one beginInsertRows/endInsertRows per contiguous run;
//   or, when survivors changed order or there are more runs than Options::maxStructuralRuns, all
//   of it as one layout change whose persistent indexes follow their rows (removed rows' become
//   invalid): each separate signal makes a sorting proxy remap every row;
//   3. dataChanged per contiguous run of changed rows, limited to the run's changed columns.
// It never resets, so selections, expanded parents and the scroll position survive.
//
// A model describes its rows with a traits object:
//   using Row = ...;            // what the model stores
//   using Incoming = ...;       // what a snapshot gives (may be Row itself, or a pointer)
//   using Key = ...;            // identity: ProcessKey, an IRQ name, a mapping's address
//   Key keyOf(const Row&) const; Key keyOf(const Incoming&) const;
//   Row make(Incoming&&);       // a new row
//   ColumnSpan update(Row& row, Incoming&& in);  // refresh a kept row; return what changed,
//                               // from the model's one changedColumns(before, after)
// optionally:
//   static constexpr bool kSorted = true; bool less(const Key&, const Key&) const;
//       both sequences are sorted by key: a merge walk instead of a hash table
//   using KeyHash = ...;        // when std::hash<Key> does not exist
//   void renumber(std::vector<Row>&);  // rows moved (a model whose parent() needs positions)
// The model befriends KeyedRowDiff so that it may emit the protected begin/end signals.

#include <QAbstractItemModel>
#include <algorithm>
#include <bit>
#include <cstddef>
#include <functional>
#include <limits>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pg {

// The first and last column whose value changed in a row (or a run of rows); empty: none.
struct ColumnSpan
{
    int first = -1;
    int last = -1;

    bool empty() const { return first < 0; }
    void add(int column) { merge({ column, column }); }
    void merge(ColumnSpan other)
    {
        if (other.empty())
            return;
        first = empty() ? other.first : std::min(first, other.first);
        last = std::max(last, other.last);
    }
    bool operator==(const ColumnSpan&) const = default;
    // From a bit mask of changed columns (bit c: column c changed).
    static ColumnSpan fromMask(unsigned mask)
    {
        if (!mask)
            return {};
        return { std::countr_zero(mask), static_cast<int>(std::bit_width(mask)) - 1 };
    }
};

// The changed rows of one parent, emitted as dataChanged per contiguous run. Rows may be added in
// any order.
class ChangedRows
{
public:
    void add(int row, ColumnSpan columns)
    {
        if (columns.empty())
            return;
        m_sorted = m_sorted && (m_rows.empty() || m_rows.back().first < row);
        m_rows.emplace_back(row, columns);
    }
    bool empty() const { return m_rows.empty(); }
    void clear() { m_rows.clear(); }

    // Past maxRanges runs, one dataChanged over their union: cheaper for a sorting proxy and a
    // view than thousands of one-row signals (each of which makes the proxy re-sort).
    void emitTo(QAbstractItemModel& model, const QModelIndex& parent,
        std::size_t maxRanges = std::numeric_limits<std::size_t>::max())
    {
        if (!m_sorted)
            std::sort(m_rows.begin(), m_rows.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
        struct Range
        {
            int first, last;
            ColumnSpan columns;
        };
        std::vector<Range> ranges;
        for (const auto& [row, columns] : m_rows) {
            if (!ranges.empty() && ranges.back().last >= row - 1) {
                ranges.back().last = std::max(ranges.back().last, row);
                ranges.back().columns.merge(columns);
            } else {
                ranges.push_back({ row, row, columns });
            }
        }
        if (ranges.size() > maxRanges) {
            Range all { ranges.front().first, ranges.back().last, {} };
            for (const Range& range : ranges)
                all.columns.merge(range.columns);
            ranges.assign(1, all);
        }
        for (const Range& range : ranges)
            emit model.dataChanged(model.index(range.first, range.columns.first, parent),
                model.index(range.last, range.columns.last, parent));
        m_rows.clear();
        m_sorted = true;
    }

private:
    std::vector<std::pair<int, ColumnSpan>> m_rows;
    bool m_sorted = true;
};

class KeyedRowDiff
{
public:
    enum class Placement {
        Incoming, // rows end up in the incoming order; survivors that change order: a layout change
        Append, // survivors keep their order, new rows go at the end (a sorting proxy places them)
    };
    struct Options
    {
        Placement placement = Placement::Incoming;
        // Removal + insertion runs before one layout change replaces them.
        std::size_t maxStructuralRuns = std::numeric_limits<std::size_t>::max();
        // dataChanged runs before one signal over their union (see ChangedRows::emitTo).
        std::size_t maxChangedRanges = std::numeric_limits<std::size_t>::max();
    };

    // Which old row each incoming row is (-1: new) and where each old row goes (-1: removed).
    struct Match
    {
        std::vector<int> oldOfNew;
        std::vector<int> newOfOld;
    };

    // Matches by key: a merge walk when the traits say both sides are sorted, else a hash table.
    // A key twice on one side matches at most once; the extra rows count as new or removed.
    template <typename Traits>
    static Match match(const std::vector<typename Traits::Row>& rows,
        const std::vector<typename Traits::Incoming>& incoming, const Traits& traits)
    {
        Match m;
        m.oldOfNew.assign(incoming.size(), -1);
        m.newOfOld.assign(rows.size(), -1);
        if constexpr (requires { Traits::kSorted; }) {
            static_assert(Traits::kSorted);
            std::size_t i = 0;
            for (std::size_t j = 0; j < incoming.size(); ++j) {
                const auto key = traits.keyOf(incoming[j]);
                while (i < rows.size() && traits.less(traits.keyOf(rows[i]), key))
                    ++i;
                if (i < rows.size() && !traits.less(key, traits.keyOf(rows[i]))) {
                    m.oldOfNew[j] = static_cast<int>(i);
                    m.newOfOld[i] = static_cast<int>(j);
                    ++i;
                }
            }
        } else {
            using Key = typename Traits::Key;
            using Hash = decltype(hashOf<Traits>());
            std::unordered_map<Key, int, Hash> at;
            at.reserve(incoming.size());
            for (std::size_t j = 0; j < incoming.size(); ++j)
                at.emplace(traits.keyOf(incoming[j]), static_cast<int>(j));
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const auto it = at.find(traits.keyOf(rows[i]));
                if (it == at.end() || m.oldOfNew[static_cast<std::size_t>(it->second)] >= 0)
                    continue;
                m.oldOfNew[static_cast<std::size_t>(it->second)] = static_cast<int>(i);
                m.newOfOld[i] = it->second;
            }
        }
        return m;
    }

    // Brings `rows`, the rows of `model` under `parent`, to `incoming`, emitting the signals above.
    template <typename Model, typename Traits>
    static void apply(Model& model, const QModelIndex& parent,
        std::vector<typename Traits::Row>& rows, std::vector<typename Traits::Incoming> incoming,
        Traits& traits, const Options& options = {})
    {
        const Match m = match(rows, incoming, traits);
        // The incoming rows in their final order: `order[t]` is the incoming row at position t.
        std::vector<int> order;
        if (options.placement == Placement::Append) {
            order.reserve(incoming.size());
            for (int i : m.newOfOld) {
                if (i >= 0)
                    order.push_back(i);
            }
            for (std::size_t j = 0; j < incoming.size(); ++j) {
                if (m.oldOfNew[j] < 0)
                    order.push_back(static_cast<int>(j));
            }
        }
        auto at
            = [&](std::size_t t) { return order.empty() ? t : static_cast<std::size_t>(order[t]); };
        // Survivors out of order, and the removal and insertion runs.
        bool moved = false;
        std::size_t runs = 0;
        int lastPos = -1;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const int j = m.newOfOld[i];
            if (j < 0) {
                runs += i == 0 || m.newOfOld[i - 1] >= 0;
                continue;
            }
            // Append keeps survivors in their order by construction.
            if (options.placement == Placement::Incoming && j < lastPos)
                moved = true;
            lastPos = j;
        }
        for (std::size_t t = 0; t < incoming.size(); ++t)
            runs += m.oldOfNew[at(t)] < 0 && (t == 0 || m.oldOfNew[at(t - 1)] >= 0);

        if (moved || runs > options.maxStructuralRuns)
            restructure(model, parent, rows, incoming, traits, m, at);
        else if (runs > 0)
            removeAndInsert(model, parent, rows, incoming, traits, m, at);

        // Afterwards rows[t] is the incoming row at(t); refresh the survivors.
        ChangedRows changed;
        for (std::size_t t = 0; t < rows.size(); ++t) {
            const std::size_t j = at(t);
            if (m.oldOfNew[j] >= 0)
                changed.add(static_cast<int>(t), traits.update(rows[t], std::move(incoming[j])));
        }
        // After many removals: give back room for more than a quarter more rows than there are.
        if (rows.capacity() > rows.size() + rows.size() / 4 + 64) {
            rows.shrink_to_fit();
            renumber(traits, rows);
        }
        changed.emitTo(model, parent, options.maxChangedRanges);
    }

private:
    template <typename Traits> static auto hashOf()
    {
        if constexpr (requires { typename Traits::KeyHash; })
            return typename Traits::KeyHash {};
        else
            return std::hash<typename Traits::Key> {};
    }

    template <typename Traits>
    static void renumber(Traits& traits, std::vector<typename Traits::Row>& rows)
    {
        if constexpr (requires { traits.renumber(rows); })
            traits.renumber(rows);
    }

    template <typename Model, typename Traits, typename At>
    static void removeAndInsert(Model& model, const QModelIndex& parent,
        std::vector<typename Traits::Row>& rows, std::vector<typename Traits::Incoming>& incoming,
        Traits& traits, const Match& m, const At& at)
    {
        // Removals from the back, so that earlier row numbers stay valid.
        for (int last = static_cast<int>(rows.size()) - 1; last >= 0;) {
            if (m.newOfOld[static_cast<std::size_t>(last)] >= 0) {
                --last;
                continue;
            }
            int first = last;
            while (first > 0 && m.newOfOld[static_cast<std::size_t>(first - 1)] < 0)
                --first;
            model.beginRemoveRows(parent, first, last);
            rows.erase(rows.begin() + first, rows.begin() + last + 1);
            renumber(traits, rows);
            model.endRemoveRows();
            last = first - 1;
        }
        // Insertions at their place: the survivors are in order, so after the runs before it,
        // rows[0, t) is the final rows[0, t).
        std::vector<typename Traits::Row> pending;
        std::size_t t = 0;
        auto flush = [&] {
            if (pending.empty())
                return;
            const int first = static_cast<int>(t - pending.size());
            // Grow by an eighth, not std::vector's doubling: 10,000 rows should not hold room
            // for 20,000 because one more arrived.
            if (rows.capacity() < rows.size() + pending.size())
                rows.reserve(rows.size() + pending.size() + rows.size() / 8 + 16);
            model.beginInsertRows(parent, first, first + static_cast<int>(pending.size()) - 1);
            rows.insert(rows.begin() + first, std::make_move_iterator(pending.begin()),
                std::make_move_iterator(pending.end()));
            renumber(traits, rows);
            model.endInsertRows();
            pending.clear();
        };
        for (; t < incoming.size(); ++t) {
            const std::size_t j = at(t);
            if (m.oldOfNew[j] >= 0) {
                flush();
                continue;
            }
            pending.push_back(traits.make(std::move(incoming[j])));
        }
        flush();
    }

    template <typename Model, typename Traits, typename At>
    static void restructure(Model& model, const QModelIndex& parent,
        std::vector<typename Traits::Row>& rows, std::vector<typename Traits::Incoming>& incoming,
        Traits& traits, const Match& m, const At& at)
    {
        // One new row vector; persistent indexes under `parent` follow their row, or become
        // invalid when it is gone, and so do those below a row that is gone. Those below a kept
        // row stay as they are: a tree model must name a child's parent by pointer, not by row.
        const QList<QPersistentModelIndex> parents = parent.isValid()
            ? QList<QPersistentModelIndex> { parent }
            : QList<QPersistentModelIndex> {};
        emit model.layoutAboutToBeChanged(parents);
        // Classified on the old rows, before any moves: (persistent index, old row or -1 when
        // the index is below a row that is removed).
        QModelIndexList from;
        std::vector<std::pair<int, int>> fromRow; // old row, column
        for (const QModelIndex& index : model.persistentIndexList()) {
            QModelIndex up = index;
            QModelIndex above = up.parent();
            while (above.isValid() && above != parent) {
                up = above;
                above = up.parent();
            }
            if (above != parent)
                continue; // not under `parent`
            if (up == index) {
                from.append(index);
                fromRow.emplace_back(index.row(), index.column());
            } else if (up.row() < static_cast<int>(rows.size())
                && m.newOfOld[static_cast<std::size_t>(up.row())] < 0) {
                from.append(index);
                fromRow.emplace_back(-1, 0);
            }
        }
        std::vector<int> newRowOf(rows.size(), -1);
        std::vector<typename Traits::Row> next;
        next.reserve(incoming.size());
        for (std::size_t t = 0; t < incoming.size(); ++t) {
            const std::size_t j = at(t);
            const int i = m.oldOfNew[j];
            if (i >= 0) {
                newRowOf[static_cast<std::size_t>(i)] = static_cast<int>(t);
                next.push_back(std::move(rows[static_cast<std::size_t>(i)]));
            } else {
                next.push_back(traits.make(std::move(incoming[j])));
            }
        }
        QModelIndexList to(from.size()); // invalid unless set below
        rows = std::move(next);
        renumber(traits, rows);
        for (std::size_t k = 0; k < fromRow.size(); ++k) {
            const auto [oldRow, column] = fromRow[k];
            const int row = oldRow >= 0 && oldRow < static_cast<int>(newRowOf.size())
                ? newRowOf[static_cast<std::size_t>(oldRow)]
                : -1;
            if (row >= 0)
                to[static_cast<qsizetype>(k)] = model.index(row, column, parent);
        }
        model.changePersistentIndexList(from, to);
        emit model.layoutChanged(parents);
    }
};

} // namespace pg
