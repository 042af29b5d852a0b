// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the kernel says about each IRQ besides its counts: the device it serves (IrqAttachment),
// /sys/kernel/irq/N/{actions,chip_name,hwirq,type} (Documentation/ABI/testing/sysfs-kernel-irq),
// /proc/irq/N/{smp_affinity_list,effective_affinity_list,affinity_hint,node} (Documentation/
// core-api/irq/irq-affinity.rst), and whether irqbalance runs. A value that could not be read is
// unknown with its Error, never an empty string or 0 passed off as the value.
//
// Cost: none of it changes from one tick to the next. The collector reads it whole when the set
// of IRQs (numbers and action names in /proc/interrupts) changes, and otherwise re-reads only the
// affinities (irqbalance rewrites them every 10 s by default) and irqbalance's presence, at most
// every kTopologyRefreshSec.

#include "core/base/Result.h"
#include "core/interrupts/IrqAffinity.h"
#include "core/interrupts/IrqAttachment.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pg {

inline constexpr double kTopologyRefreshSec = 5;
// Device names can change without the IRQ set changing (udev renames eth0 to enp1s0 after boot):
// the /sys walk is redone this often even when nothing else says so.
inline constexpr double kAttachmentRefreshSec = 60;

struct IrqSysInfo
{
    Result<std::string> actions = Error::FileMissing; // "virtio2-input.0"; several joined by ","
    Result<std::string> chipName = Error::FileMissing; // "PCI-MSIX-0000:00:03.0", "IR-PCI-MSI"
    Result<std::string> hwirq = Error::FileMissing; // "1", "524288"
    Result<std::string> type = Error::FileMissing; // "edge", "level"
};

struct IrqInfo
{
    int irq = -1;
    IrqAttachment attached; // attached.known() false: see attachedReason
    std::string attachedReason;
    IrqSysInfo sys;
    IrqAffinity affinity;
};

struct IrqbalanceState
{
    std::optional<bool> running; // nullopt: not known yet (scan under way) or /proc unreadable
    int pid = -1;
    Error error = Error::None;
    // The scan of /proc/*/comm reads at most kIrqbalanceScanSlice files per call, resuming
    // after `cursor` (a pid; 0: from the start), so that thousands of processes never cost one
    // long pause; a pass that found nothing is repeated kIrqbalanceRescanSec later.
    int cursor = 0;
    bool scanning = false; // a pass is under way
    double passEndSec = -1e300; // the collector's clock when the last pass ended
};

inline constexpr int kIrqbalanceScanSlice = 256;
inline constexpr double kIrqbalanceRescanSec = 300;

struct IrqTopology
{
    std::map<int, IrqInfo> irqs;
    IrqbalanceState irqbalance;
    double readAtSec = 0; // the collector's clock when the affinities were last read
    double attachedAtSec = 0; // ... and when the /sys walk was last done
    const IrqInfo* find(int irq) const;
};

// The /sys root to read beside `procRoot`: `sysRootOption` when given (--sys-root), else "/sys"
// for the live "/proc" and none ("") for any other /proc tree: a copied /proc must not be paired
// with this machine's devices.
std::string irqSysRoot(const std::string& procRoot, const std::string& sysRootOption);

// Reads everything for `actions`' IRQs (irq -> action names, as /proc/interrupts lists them).
// `sysRoot` empty: no attachment and no /sys/kernel/irq fields, each with its reason.
IrqTopology readIrqTopology(const std::string& sysRoot, const std::string& procRoot,
    const std::map<int, std::vector<std::string>>& actions);

// Re-reads the affinities of every IRQ in `topology`. Where effective_affinity_list was readable
// it is read first and smp_affinity_list only when the effective list changed (writing
// smp_affinity moves the interrupt, so the effective list follows): one open per IRQ instead of
// two. A mask widened around the same CPU shows at the next full read (kAttachmentRefreshSec).
// Where there is no effective list both are read.
void refreshIrqAffinities(IrqTopology& topology, const std::string& procRoot);

// Redoes the /sys walk (an interface renamed, a driver rebound) and re-reads both affinity lists
// of every IRQ in `topology`; keeps the /sys/kernel/irq fields, hints and nodes, which change
// only with the IRQ set (and then readIrqTopology reads everything).
void refreshIrqAttachments(IrqTopology& topology, const std::string& sysRoot,
    const std::string& procRoot, const std::map<int, std::vector<std::string>>& actions);

// Looks for a process whose comm is "irqbalance": first `previous.pid` (one read when it still
// runs), else the next `maxReads` <procRoot>/PID/comm files after previous.cursor. `nowSec`
// stamps the end of a pass.
IrqbalanceState findIrqbalance(const std::string& procRoot, const IrqbalanceState& previous = {},
    double nowSec = 0, int maxReads = kIrqbalanceScanSlice);

// Whether the collector should call findIrqbalance at `nowSec`: a running one is re-checked by
// pid, a pass under way goes on, a finished pass is repeated after kIrqbalanceRescanSec.
bool irqbalanceCheckDue(const IrqbalanceState& state, double nowSec);

} // namespace pg
