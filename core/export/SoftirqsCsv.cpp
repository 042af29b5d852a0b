// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/SoftirqsCsv.h"

#include "core/base/KernelNumbers.h"
#include "core/export/InterruptsCsv.h"

#include <string>

namespace pg {

CsvTable softirqsToCsv(const Softirqs& softirqs, const IrqRateSample* rates)
{
    CsvTable table;
    table.header.emplace_back("softirq");
    for (int id : softirqs.cpuIds)
        table.header.push_back("cpu" + std::to_string(id));
    table.header.emplace_back("total");
    table.header.emplace_back("rate_per_s");
    const bool haveRates = rates && rates->hasRates && rates->rows.size() == softirqs.rows.size();
    for (std::size_t r = 0; r < softirqs.rows.size(); ++r) {
        const SoftirqRow& row = softirqs.rows[r];
        std::vector<std::string> fields;
        fields.reserve(table.header.size());
        fields.push_back(row.name);
        for (std::size_t i = 0; i < softirqs.cpuIds.size(); ++i)
            fields.push_back(i < row.counts.size() ? std::to_string(row.counts[i]) : std::string());
        fields.push_back(row.total() == kU64Max ? std::string() : std::to_string(row.total()));
        fields.push_back(
            haveRates && !rates->rows[r].fresh ? csvRate(rates->rows[r].rate) : std::string());
        table.rows.push_back(std::move(fields));
    }
    return table;
}

} // namespace pg
