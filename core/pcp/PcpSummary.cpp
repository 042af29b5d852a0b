// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pcp/PcpSummary.h"

#include "core/system/CpuBusy.h"

namespace pg {

namespace {

template <typename T> void take(const Sourced<T>& from, std::optional<T>& value, Error& error)
{
    value = from.value;
    error = from.ok() ? Error::None : (from.error == Error::None ? Error::FileMissing : from.error);
}

} // namespace

SystemSummary summaryFromPcp(const SystemOverview& now, const SystemOverview* before)
{
    SystemSummary s;
    take(now.stat, s.stat, s.statError);
    take(now.memory, s.memInfo, s.memInfoError);
    take(now.load, s.loadAvg, s.loadAvgError);
    take(now.uptime, s.uptime, s.uptimeError);
    if (s.stat) {
        s.cpuCount = static_cast<int>(s.stat->cpus.size());
        if (before && before->stat.value) {
            if (const auto busy = cpuBusyPercent(before->stat.value->total, s.stat->total))
                s.cpuBusyPercent = *busy;
        }
    }
    return s;
}

} // namespace pg
