// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One tick of the interrupts page: /proc/interrupts and /proc/softirqs with their per-CPU rates and
// each IRQ's affinity. Immutable once published; plain C++ so models and tests need no sampler.

#include "core/base/Result.h"
#include "core/interrupts/Interrupts.h"
#include "core/interrupts/IrqAffinity.h"
#include "core/interrupts/IrqRates.h"
#include "core/interrupts/IrqTopology.h"
#include "core/interrupts/NetQueues.h"
#include "core/interrupts/Softirqs.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace pg {

struct InterruptsSnapshot
{
    std::uint64_t sequence = 0;
    double samplerCpuMs = 0;
    Error interruptsError = Error::None; // reading or parsing <root>/interrupts
    Error softirqsError = Error::None;
    Interrupts interrupts;
    IrqRateSample irqRates; // rows aligned with interrupts.rows
    std::vector<IrqAffinity> affinity; // aligned with interrupts.rows; empty for named rows
    // Attachment, /sys/kernel/irq fields, affinities and irqbalance: shared between snapshots
    // until the collector re-reads it (IrqTopology.h says when). Null before the first good read.
    std::shared_ptr<const IrqTopology> topology;
    // Per network interface with IRQs: its queues' RPS/XPS CPU masks, read with the topology (at
    // most every kTopologyRefreshSec) and shared the same way. Null without a /sys root.
    std::shared_ptr<const std::vector<NetDeviceQueues>> netQueues;
    Softirqs softirqs;
    IrqRateSample softirqRates; // rows aligned with softirqs.rows
    // Non-empty when the source gave no interrupts at all (a PCP host unreachable or refusing):
    // why, in one line. interruptsError is then IoError.
    std::string sourceError;
    // The Performance Co-Pilot host it came from (no softirqs, affinity or /sys topology from
    // there in this version); empty for a /proc root.
    std::string remoteHost;
    // A replay jumped in time (a seek, backwards or ahead): the samples before this one are not
    // this one's past, so the history charts start again from here.
    bool timelineRestarted = false;
};

} // namespace pg
