// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What `procglass record` writes: the metrics that `export processes|interrupts|system` read
// (pcpProcessMetrics, pcpInterruptsMetrics, pcpSystemMetrics) plus hinv.ncpu, every one in the
// catalog (PcpMetricCatalog.h), and the instance names it writes for them.

#include "core/pcp/PcpFetch.h"

#include <string>
#include <vector>

namespace pg {

// Each metric once, in a fixed order; instance names asked for every metric with instances
// except proc.* (their names are made from pid and comm: pcpProcessInstanceName).
const std::vector<PcpMetricRequest>& pcpRecordedMetrics();

// pmdaproc's instance name: the pid in six digits, a space, then (here) comm: "001234 bash".
// PCP tools match an instance by its name's first word, so the pid alone must be unique.
std::string pcpProcessInstanceName(int pid, const std::string& comm);

// Fills the instance name of every proc.* value that has none, from proc.psinfo.cmd.
void namePcpProcessInstances(PcpFetch& fetch);

} // namespace pg
