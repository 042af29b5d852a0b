#pragma once

// One entry per core parser: how the fuzzer calls it. Every parser must accept any bytes and answer
// with a value or an error, never crash, hang or read out of bounds. Each target touches the
// parsed fields so that the sanitizers see every byte the parser produced.

#include "LoadAvg.h"
#include "MemInfo.h"
#include "PidCmdline.h"
#include "PidStat.h"
#include "PidStatm.h"
#include "PidStatus.h"
#include "SystemStat.h"

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

} // namespace pgfuzz
