// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reads <procRoot>/interrupts and <procRoot>/softirqs every call, parses and diffs them into one
// InterruptsSnapshot; the IRQ topology (IrqTopology.h: attached device, /sys/kernel/irq fields,
// affinities, irqbalance) only when the IRQ set changes and otherwise at most every
// kTopologyRefreshSec (affinities) or kAttachmentRefreshSec (the /sys walk). No Qt, so the
// benchmark and tests drive it directly; the InterruptsSampler runs it on the sampler thread's
// cadence.

#include "core/interrupts/InterruptsSnapshot.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace pg {

class InterruptsCollector final
{
public:
    // `sysRoot` empty: no /sys is read (a copied /proc tree without its /sys).
    explicit InterruptsCollector(std::string procRoot, std::string sysRoot = {});
    // `timeSec` is the monotonic time of this read (the caller's clock, so tests can script it).
    InterruptsSnapshot sample(double timeSec);

private:
    void updateTopology(const Interrupts& interrupts, double timeSec);
    void readNetQueues();

    std::string m_root;
    std::string m_sysRoot;
    IrqRates m_irqRates;
    IrqRates m_softirqRates;
    std::shared_ptr<const IrqTopology> m_topology;
    std::shared_ptr<const std::vector<NetDeviceQueues>> m_netQueues;
    std::vector<std::pair<int, std::string>> m_irqSet; // (irq, action names) of the last read
    std::uint64_t m_sequence = 0;
    std::string m_buffer;
};

} // namespace pg
