// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One entry per core parser: how the fuzzer calls it. Every parser must accept any bytes and answer
// with a value or an error, never crash, hang or read out of bounds. Each target touches the
// parsed fields so that the sanitizers see every byte the parser produced.

#include "core/export/CsvWriter.h"
#include "core/export/InterruptsCsv.h"
#include "core/export/MemoryMapCsv.h"
#include "core/interrupts/Interrupts.h"
#include "core/interrupts/IrqAffinity.h"
#include "core/interrupts/Softirqs.h"
#include "core/memory/MemoryMapGroups.h"
#include "core/memory/Smaps.h"
#include "core/process/PidCgroup.h"
#include "core/process/PidCmdline.h"
#include "core/process/PidEnviron.h"
#include "core/process/PidFd.h"
#include "core/process/PidIo.h"
#include "core/process/PidLimits.h"
#include "core/process/PidSchedstat.h"
#include "core/process/PidStat.h"
#include "core/process/PidStatm.h"
#include "core/process/PidStatus.h"
#include "core/process/PidTask.h"
#include "core/system/DiskStats.h"
#include "core/system/KernelVersion.h"
#include "core/system/LoadAvg.h"
#include "core/system/MemInfo.h"
#include "core/system/Modules.h"
#include "core/system/NetDev.h"
#include "core/system/ProcMounts.h"
#include "core/system/ReclaimEvents.h"
#include "core/system/SystemStat.h"
#include "core/system/VmStat.h"

#include <cstddef>
#include <string_view>

namespace pgfuzz {

inline volatile std::size_t sink = 0;

inline void pidStat(std::string_view t)
{
    if (auto r = pg::parsePidStat(t))
        sink += r->comm.size() + static_cast<std::size_t>(r->pid) + r->startTimeTicks;
}

inline void pidStatm(std::string_view t)
{
    if (auto r = pg::parsePidStatm(t))
        sink += r->sizePages + r->residentPages + r->sharedPages;
}

inline void pidSchedstat(std::string_view t)
{
    if (auto r = pg::parsePidSchedstat(t))
        sink += r->runNs + r->waitNs + r->timeslices;
}

inline void pidStatus(std::string_view t)
{
    if (auto r = pg::parsePidStatus(t)) {
        for (const auto& [k, v] : r->fields)
            sink += k.size() + v.size();
        sink += r->name.size() + r->value("VmRSS").value_or("").size();
    }
}

inline void pidCmdline(std::string_view t)
{
    const auto argv = pg::parsePidCmdline(t);
    sink += pg::joinCmdline(argv).size();
}

inline void systemStat(std::string_view t)
{
    if (auto r = pg::parseSystemStat(t))
        sink += r->cpus.size() + r->total.total() + r->contextSwitches.value_or(0);
}

inline void memInfo(std::string_view t)
{
    if (auto r = pg::parseMemInfo(t))
        sink += r->fields.size() + r->usedKib().value_or(0);
}

inline void loadAvg(std::string_view t)
{
    if (auto r = pg::parseLoadAvg(t))
        sink += r->total;
}

inline void uptime(std::string_view t)
{
    if (auto r = pg::parseUptime(t))
        sink += static_cast<std::size_t>(r->upSeconds > 0);
}

// Parsers whose result only needs to exist: ASan and UBSan watch every byte they read and write.
template <typename R> inline void touch(const R& r)
{
    sink += r.ok() ? 1u : 0u;
}

inline void pidEnviron(std::string_view t)
{
    for (const auto& var : pg::parsePidEnviron(t))
        sink += sizeof(var);
}

inline void smaps(std::string_view t)
{
    if (auto r = pg::parseSmaps(t)) {
        const auto groups = pg::groupMappings(*r);
        sink += r->mappings.size() + sizeof(groups);
        sink += pg::csvEncode(pg::memoryMapToCsv(1, *r)).size(); // export path too
    }
}

inline void smapsRollup(std::string_view t)
{
    touch(pg::parseSmapsRollup(t));
}

inline void interrupts(std::string_view t)
{
    if (auto r = pg::parseInterrupts(t))
        sink += r->rows.size() + pg::csvEncode(pg::interruptsToCsv(*r)).size();
}

inline void softirqs(std::string_view t)
{
    touch(pg::parseSoftirqs(t));
}

inline void cpuList(std::string_view t)
{
    if (auto r = pg::parseCpuList(t))
        sink += pg::formatCpuList(*r).size();
}

inline void vmStat(std::string_view t)
{
    touch(pg::parseVmStat(t));
}
inline void reclaimEvents(std::string_view t)
{
    if (auto r = pg::parseReclaimEvents(t))
        sink += r->sum + static_cast<std::size_t>(r->counters);
}
inline void diskStats(std::string_view t)
{
    touch(pg::parseDiskStats(t));
}
inline void netDev(std::string_view t)
{
    touch(pg::parseNetDev(t));
}
inline void modules(std::string_view t)
{
    touch(pg::parseModules(t));
}
inline void kernelVersion(std::string_view t)
{
    touch(pg::parseKernelVersion(t));
}
inline void pidIo(std::string_view t)
{
    touch(pg::parsePidIo(t));
}
inline void pidLimits(std::string_view t)
{
    touch(pg::parsePidLimits(t));
}
inline void pidCgroup(std::string_view t)
{
    touch(pg::parsePidCgroup(t));
}
inline void fdInfo(std::string_view t)
{
    touch(pg::parseFdInfo(t));
}

inline void fdTarget(std::string_view t)
{
    const auto target = pg::classifyFdTarget(t);
    sink += sizeof(target);
}

inline void procMounts(std::string_view t)
{
    sink += pg::parseProcMountOptions(t).explain().size();
}

// A thread's stat and status in one input, split at the first NUL.
inline void pidTask(std::string_view t)
{
    const std::size_t nul = t.find('\0');
    const std::string_view stat = t.substr(0, nul);
    const std::string_view status
        = nul == std::string_view::npos ? std::string_view() : t.substr(nul + 1);
    touch(pg::parseThread(stat, status));
}

// The CSV encoder on arbitrary bytes: one row of fields split at NULs.
inline void csv(std::string_view t)
{
    pg::CsvTable table;
    table.header = { "a" };
    table.rows.emplace_back();
    std::size_t start = 0;
    for (;;) {
        const std::size_t nul = t.find('\0', start);
        table.rows.back().emplace_back(
            t.substr(start, nul == std::string_view::npos ? std::string_view::npos : nul - start));
        if (nul == std::string_view::npos)
            break;
        start = nul + 1;
    }
    sink += pg::csvEncode(table).size();
}

} // namespace pgfuzz
