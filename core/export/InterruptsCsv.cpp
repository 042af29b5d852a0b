#include "core/export/InterruptsCsv.h"

#include "core/base/KernelNumbers.h"

#include <string>

namespace pg {

CsvTable interruptsToCsv(const Interrupts& interrupts)
{
    CsvTable table;
    table.header.reserve(interrupts.cpuIds.size() + 6);
    table.header.emplace_back("irq");
    for (int id : interrupts.cpuIds)
        table.header.push_back("cpu" + std::to_string(id));
    for (const char* name : { "total", "chip", "hwirq", "trigger", "devices" })
        table.header.emplace_back(name);
    table.rows.reserve(interrupts.rows.size());
    for (const InterruptRow& row : interrupts.rows) {
        std::vector<std::string> fields;
        fields.reserve(table.header.size());
        fields.push_back(row.name);
        for (std::size_t i = 0; i < interrupts.cpuIds.size(); ++i)
            fields.push_back(!row.singleCount && i < row.counts.size()
                    ? std::to_string(row.counts[i])
                    : std::string());
        fields.push_back(row.total() == kU64Max ? std::string() : std::to_string(row.total()));
        fields.push_back(row.chip);
        fields.push_back(row.hwirq);
        fields.push_back(row.trigger);
        fields.push_back(row.irq >= 0 ? row.devicesJoined() : row.description);
        table.rows.push_back(std::move(fields));
    }
    return table;
}

} // namespace pg
