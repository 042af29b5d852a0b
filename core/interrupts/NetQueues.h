// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The data of the per-device view (ui/interrupts/DevicePanel) for a network interface: its
// IRQs (from the IrqTopology's attachments) and, per queue, the CPUs receive packet steering and
// transmit packet steering may use (Documentation/networking/scaling.rst):
// /sys/class/net/IFACE/queues/rx-N/rps_cpus and tx-N/xps_cpus, hex CPU masks. All zeros: RPS or
// XPS is off for that queue (the IRQ's CPU does the work).

#include "core/base/Result.h"
#include "core/interrupts/IrqTopology.h"

#include <string>
#include <vector>

namespace pg {

struct QueueMask
{
    std::string queue; // "rx-0", "tx-3"
    bool known = false;
    std::vector<int> cpus; // empty and known: steering off
    Error error = Error::None; // why not known (FileMissing: a kernel without RPS/XPS)
};

struct NetDeviceQueues
{
    std::string iface;
    std::vector<int> irqs; // sorted; IRQs whose attachment names this interface
    std::vector<QueueMask> rps; // rx-* in queue order
    std::vector<QueueMask> xps; // tx-*
};

NetDeviceQueues readNetDeviceQueues(
    const std::string& sysRoot, const std::string& iface, const IrqTopology& topology);

} // namespace pg
