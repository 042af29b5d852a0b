// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The "By mapping" table of the Memory usage page: one row per file (keyed by device and inode)
// and per kind of anonymous memory, with how many processes map it and their summed Rss, Pss, USS
// and Swap of it (readMappingCensus).

#include "core/memory/MemoryUsageSnapshot.h"
#include "ui/common/KeyedRowsModel.h"

namespace pg {

class MappingUsageModel final : public KeyedRowsModel<MappingMemory>
{
    Q_OBJECT
public:
    enum Column { Mapping, Processes, Mappings, Rss, Pss, Uss, Swap, ColumnCount };

    using KeyedRowsModel::KeyedRowsModel;

    // A snapshot without mappings (read from smaps_rollup) leaves the rows as they are.
    void apply(const MemoryUsageSnapshot& snapshot);
    void clear();
    // The rows in the census's order (largest Pss first), for export.
    std::vector<MappingMemory> mappings() const;

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString keyOf(const MappingMemory& row) const override;
    QVariant value(const MappingMemory& row, int column, int role) const override;
};

} // namespace pg
