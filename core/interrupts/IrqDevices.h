// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The devices a user knows (network interfaces, disks, NVMe controllers, GPUs, other PCI and
// virtio functions) with the IRQs that serve them, from the IrqTopology's attachments: what the
// Interrupts page's "By device" view lists. Pure: no file is read here.

#include "core/interrupts/IrqTopology.h"

#include <string>
#include <vector>

namespace pg {

struct IrqDevice
{
    std::string name; // "eth0", "vda", "nvme0n1", "virtio3 vmw_vsock_virtio_transport"
    std::string kind; // IrqAttachment::kind: "net", "block", "nvme", "gpu", "virtio", "pci", ...
    std::vector<int> irqs; // ascending
};

// Every device with at least one IRQ: network interfaces first, then disks (block, nvme), GPUs and
// the rest, by name within a kind ("eth2" before "eth10"). An IRQ whose attachment names several
// interfaces (a legacy line shared by "eth0, eth1") belongs to each of them.
std::vector<IrqDevice> irqDevices(const IrqTopology& topology);

// "network interface", "disk", "NVMe", "GPU", ...: for the device list.
std::string irqDeviceKindText(const std::string& kind);

} // namespace pg
