// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Procglass's own /proc samples as the values pmdaproc and pmdalinux would have given for the
// recorded metrics (PcpRecordSet.h): what `procglass record` writes without --host. Times become
// milliseconds (PCP's unit), the CPU and load instances get pmdalinux's ids and names, and each
// interrupt or softirq row and CPU ("24::cpu0", "NET_RX::cpu1"), disk and network interface an id
// of its own that stays the same for the whole recording. Disks are whole disks as pmdalinux's
// disk.dev has them (no partitions, device-mapper, md, loop or RAM disks).
//
// Not recorded from /proc: proc.io.* (the collector keeps rates, not the byte counters).

#include "core/interrupts/Interrupts.h"
#include "core/interrupts/Softirqs.h"
#include "core/pcp/PcpFetch.h"
#include "core/process/ProcessSnapshot.h"
#include "core/system/SystemOverview.h"

#include <string>
#include <unordered_map>

namespace pg {

class LocalPcpConverter final
{
public:
    // `interrupts` and `softirqs` may be null (unreadable): their metrics are then left out of
    // this sample.
    PcpFetch convert(const ProcessSnapshot& processes, const Interrupts* interrupts,
        const Softirqs* softirqs, const SystemOverview& system, double timestampSec);

private:
    // The instance id of `name` in one of the converter's own instance domains: the same for the
    // whole recording, numbered in order of first sight.
    int instance(std::unordered_map<std::string, int>& ids, const std::string& name);
    void addDisksAndNetwork(PcpFetch& f, const SystemOverview& o);
    std::unordered_map<std::string, int> m_interruptIds;
    std::unordered_map<std::string, int> m_softirqIds;
    std::unordered_map<std::string, int> m_diskIds;
    std::unordered_map<std::string, int> m_netIds;
};

} // namespace pg
