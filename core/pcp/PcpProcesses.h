// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The process table from pmdaproc's metrics (proc.psinfo.*, proc.id.*, proc.memory.*, proc.io.*):
// pid is the instance id, proc.psinfo.start_time (ms after boot) the identity. A pure function of
// two fetches, so that it is tested without a pmcd.

#include "core/pcp/PcpFetch.h"
#include "core/process/ProcessSnapshot.h"

#include <string>
#include <vector>

namespace pg {

struct PcpProcessTable
{
    ProcessSnapshot snapshot;
    std::string error; // non-empty: no table (the host refused per-process metrics, ...)
    std::vector<std::string> notes; // what the table lacks from PCP, one line each
};

// What the table fetches: nothing else (never environ or maps).
const std::vector<PcpMetricRequest>& pcpProcessMetrics();

// `before` (may be null) is the fetch `interval` earlier: CPU % and the io rates come from the
// counters' deltas over the host's own timestamps. `host` names the host in messages.
PcpProcessTable processTableFromPcp(
    const PcpFetch& now, const PcpFetch* before, const std::string& host);

// The one line for a host that refuses per-process metrics (PM_ERR_PERMISSION).
std::string pcpPermissionHint(const std::string& host);

} // namespace pg
