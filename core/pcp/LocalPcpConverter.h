// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Procglass's own /proc samples as the values pmdaproc and pmdalinux would have given for the
// recorded metrics (PcpRecordSet.h): what `procglass record` writes without --host. Times become
// milliseconds (PCP's unit), the CPU and load instances get pmdalinux's ids and names, and each
// interrupt row and CPU ("24::cpu0") an id of its own that stays the same for the whole recording.
//
// Not recorded from /proc: proc.io.* (the collector keeps rates, not the byte counters).

#include "core/interrupts/Interrupts.h"
#include "core/pcp/PcpFetch.h"
#include "core/process/ProcessSnapshot.h"
#include "core/system/SystemOverview.h"

#include <string>
#include <unordered_map>

namespace pg {

class LocalPcpConverter final
{
public:
    // `interrupts` may be null (unreadable): its metrics are then left out of this sample.
    PcpFetch convert(const ProcessSnapshot& processes, const Interrupts* interrupts,
        const SystemOverview& system, double timestampSec);

private:
    int interruptInstance(const std::string& name);
    std::unordered_map<std::string, int> m_interruptIds;
};

} // namespace pg
