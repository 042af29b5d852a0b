// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Which device an IRQ serves, from the links /sys keeps between devices (Documentation/ABI/
// testing/sysfs-bus-pci "msi_irqs", sysfs-class-net, sysfs-block):
//   /sys/class/net/IFACE/device, /sys/block/DEV/device, /sys/class/nvme/nvmeN/device and
//   /sys/class/drm/cardN/device lead (through a virtioN or nvmeN child when there is one) to the
//   PCI function, whose msi_irqs/ names its MSI and MSI-X IRQs;
//   a virtio PCI function with no interface or disk below it is named by its virtio driver
//   (virtio3 vmw_vsock_virtio_transport) and any other PCI function by its address and driver;
//   legacy (INTx, ISA) IRQs are matched by their action names (/sys/kernel/irq/N/actions) to a
//   net interface, block device, tty, rtc or driver of that name.
// The queue comes from the action name: "virtio2-input.0" -> "input.0", "eth0-TxRx-3" ->
// "TxRx-3", "nvme0q3" -> "q3", "nvme0q0" -> "admin".

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

struct IrqAttachment
{
    std::string device; // "eth0", "vda", "nvme0n1", "card0", "virtio3 vmw_vsock_virtio_transport"
    std::string kind; // "net", "block", "nvme", "gpu", "virtio", "pci", "tty", "rtc", "driver"
    std::string queue; // "input.0", "TxRx-3", "q3", "admin", "config"; empty when not told
    std::string pciAddress; // "0000:00:03.0"; empty for a non-PCI device
    std::string driver; // the PCI function's driver ("virtio-pci", "nvme", "ixgbe")
    bool known() const { return !device.empty(); }
    // "eth0 input.0", "vda req.0", "nvme0n1 q3": what the table shows and the filter matches.
    std::string text() const;
};

struct IrqAttachments
{
    std::map<int, IrqAttachment> byIrq;
    // Why an IRQ has no attachment, for the tooltip (absent: it has one).
    std::map<int, std::string> unattachedReason;
};

// `actions` holds each IRQ's action names (from /proc/interrupts or /sys/kernel/irq/N/actions);
// every IRQ in it gets an attachment or a reason. `sysRoot` empty: nothing is attached, with that
// reason. Reads only folders, symlinks and small regular files (ProcFs rules): a FIFO or a loop in
// a fake tree is skipped, never waited on.
IrqAttachments readIrqAttachments(
    const std::string& sysRoot, const std::map<int, std::vector<std::string>>& actions);

// The queue part of an action name for a device: see the header comment. Pure, for tests.
std::string queueFromAction(std::string_view action, std::string_view device,
    std::string_view virtioName, std::string_view nvmeController);

} // namespace pg
