// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The System overview's figures from pmdalinux (mem.*, kernel.all.*, kernel.percpu.cpu.*,
// kernel.uname.*), in the same SystemOverview the /proc reader fills. One fetch: the rates (CPU
// "now", context switches/s, ...) are empty in this version; vmstat, disks, network, modules and
// /proc/version are not fetched (their rows are left out).

#include "core/pcp/PcpFetch.h"
#include "core/system/SystemOverview.h"

#include <string>
#include <vector>

namespace pg {

struct PcpSystemTable
{
    SystemOverview overview;
    std::string error; // non-empty: no table
    std::vector<std::string> notes;
};

const std::vector<PcpMetricRequest>& pcpSystemMetrics();

PcpSystemTable systemFromPcp(const PcpFetch& fetch, const std::string& host);

} // namespace pg
