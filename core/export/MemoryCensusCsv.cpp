// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/MemoryCensusCsv.h"

namespace pg {

CsvTable memoryByProcessToCsv(const MemoryCensus& census, const UserNameFn& userName)
{
    CsvTable t;
    t.header
        = { "pid", "user", "comm", "rss_kib", "pss_kib", "uss_kib", "swap_kib", "swap_pss_kib" };
    t.rows.reserve(census.processes.size());
    for (const ProcessMemory& p : census.processes) {
        t.rows.push_back({ std::to_string(p.pid), userName(p.uid), p.comm, std::to_string(p.rssKib),
            std::to_string(p.pssKib), std::to_string(p.ussKib), std::to_string(p.swapKib),
            p.swapPssKnown ? std::to_string(p.swapPssKib) : "" });
    }
    return t;
}

CsvTable memoryByUserToCsv(const MemoryCensus& census, const UserNameFn& userName)
{
    CsvTable t;
    t.header = { "user", "processes", "rss_kib", "pss_kib", "uss_kib", "swap_kib" };
    for (const UserMemory& u : memoryByUser(census.processes)) {
        t.rows.push_back({ userName(u.uid), std::to_string(u.processes), std::to_string(u.rssKib),
            std::to_string(u.pssKib), std::to_string(u.ussKib), std::to_string(u.swapKib) });
    }
    return t;
}

CsvTable memoryByMappingToCsv(const MappingCensus& census)
{
    CsvTable t;
    t.header = { "mapping", "processes", "rss_kib", "pss_kib", "uss_kib", "swap_kib" };
    t.rows.reserve(census.mappings.size());
    for (const MappingMemory& m : census.mappings) {
        t.rows.push_back({ m.name, std::to_string(m.processes), std::to_string(m.rssKib),
            std::to_string(m.pssKib), std::to_string(m.ussKib), std::to_string(m.swapKib) });
    }
    return t;
}

} // namespace pg
