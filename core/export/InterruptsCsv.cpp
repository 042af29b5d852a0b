// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/InterruptsCsv.h"

#include "core/base/KernelNumbers.h"

#include "core/interrupts/SnapshotBalance.h"

#include <cstdio>
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

std::string csvRate(double perSecond)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3f", perSecond);
    return buffer;
}

CsvTable interruptsSnapshotToCsv(const InterruptsSnapshot& snap)
{
    CsvTable table = interruptsToCsv(snap.interrupts);
    for (const char* name :
        { "rate_per_s", "affinity", "effective_affinity", "attached_to", "balance" })
        table.header.emplace_back(name);
    const bool rates = snap.irqRates.hasRates && snap.irqRates.rows.size() == table.rows.size();
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        std::vector<std::string>& fields = table.rows[i];
        const InterruptRow& row = snap.interrupts.rows[i];
        fields.push_back(
            rates && !snap.irqRates.rows[i].fresh ? csvRate(snap.irqRates.rows[i].rate) : "");
        const IrqAffinity* a
            = i < snap.affinity.size() && row.irq >= 0 ? &snap.affinity[i] : nullptr;
        fields.push_back(a && a->allowedKnown ? formatCpuList(a->allowed) : "");
        fields.push_back(a && a->effectiveKnown ? formatCpuList(a->effective) : "");
        const IrqInfo* info = snap.topology ? snap.topology->find(row.irq) : nullptr;
        fields.push_back(info ? info->attached.text() : "");
        fields.push_back(row.irq >= 0 ? irqRowBalance(snap, i).label : "");
    }
    return table;
}

} // namespace pg
