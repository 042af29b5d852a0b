// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/PidTask.h"

#include "core/process/PidStatus.h"

namespace pg {

Result<ThreadSample> parseThread(std::string_view statText, std::string_view statusText)
{
    auto stat = parsePidStat(statText);
    if (!stat)
        return stat.error();
    ThreadSample t;
    t.tid = stat->pid;
    t.comm = std::move(stat->comm);
    t.state = stat->state;
    t.utimeTicks = stat->utimeTicks;
    t.stimeTicks = stat->stimeTicks;
    t.priority = stat->priority;
    t.nice = stat->nice;
    t.startTimeTicks = stat->startTimeTicks;
    t.processor = stat->processor;
    if (!statusText.empty()) {
        auto status = parsePidStatus(statusText);
        if (status) {
            t.voluntaryCtxtSwitches = status->voluntaryCtxtSwitches;
            t.nonvoluntaryCtxtSwitches = status->nonvoluntaryCtxtSwitches;
        }
    }
    return t;
}

} // namespace pg
