// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The process page's summary strip (SystemSummary: what the local collector reads from stat,
// meminfo, loadavg and uptime each tick) from a host's system figures (systemFromPcp), with the
// same CPU-busy formula (CpuBusy.h) over the host's previous figures.

#include "core/system/SystemOverview.h"
#include "core/system/SystemSummary.h"

namespace pg {

// `before` (may be null): the overview of the previous fetch, for cpuBusyPercent.
SystemSummary summaryFromPcp(const SystemOverview& now, const SystemOverview* before);

} // namespace pg
