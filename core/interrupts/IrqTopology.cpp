// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/interrupts/IrqTopology.h"

#include "core/base/ParseUtil.h"
#include "core/base/ProcFs.h"

#include <cerrno>
#include <dirent.h>

namespace pg {

namespace {

// /sys/kernel/irq/N files are one short line; a bigger one is not what the kernel writes.
constexpr std::size_t kMaxSysLine = 4096;

Result<std::string> readLine(const std::string& path)
{
    Result<std::string> text = readWholeFile(path, kMaxSysLine);
    if (!text)
        return text.error();
    return std::string(parse::trim(*text));
}

bool isIrqbalance(const std::string& procRoot, int pid)
{
    Result<std::string> comm = readWholeFile(procRoot + "/" + std::to_string(pid) + "/comm", 64);
    return comm && parse::trim(*comm) == "irqbalance";
}

} // namespace

std::string irqSysRoot(const std::string& procRoot, const std::string& sysRootOption)
{
    if (!sysRootOption.empty())
        return sysRootOption;
    return procRoot == "/proc" ? std::string("/sys") : std::string();
}

const IrqInfo* IrqTopology::find(int irq) const
{
    const auto it = irqs.find(irq);
    return it == irqs.end() ? nullptr : &it->second;
}

IrqTopology readIrqTopology(const std::string& sysRoot, const std::string& procRoot,
    const std::map<int, std::vector<std::string>>& actions)
{
    IrqTopology t;
    IrqAttachments attached = readIrqAttachments(sysRoot, actions);
    for (const auto& [irq, names] : actions) {
        IrqInfo& info = t.irqs[irq];
        info.irq = irq;
        if (auto it = attached.byIrq.find(irq); it != attached.byIrq.end())
            info.attached = std::move(it->second);
        else if (auto r = attached.unattachedReason.find(irq); r != attached.unattachedReason.end())
            info.attachedReason = r->second;
        if (!sysRoot.empty()) {
            const std::string dir = sysRoot + "/kernel/irq/" + std::to_string(irq) + "/";
            info.sys.actions = readLine(dir + "actions");
            info.sys.chipName = readLine(dir + "chip_name");
            info.sys.hwirq = readLine(dir + "hwirq");
            info.sys.type = readLine(dir + "type");
        }
        info.affinity = readIrqAffinity(procRoot, irq);
        readIrqAffinityHint(procRoot, irq, info.affinity);
    }
    return t;
}

void refreshIrqAffinities(IrqTopology& topology, const std::string& procRoot)
{
    for (auto& [irq, info] : topology.irqs) {
        IrqAffinity& a = info.affinity;
        if (a.effectiveKnown) {
            const std::string path
                = procRoot + "/irq/" + std::to_string(irq) + "/effective_affinity_list";
            if (Result<std::string> text = readWholeFile(path, 64 * 1024)) {
                if (Result<std::vector<int>> cpus = parseCpuList(*text);
                    cpus && *cpus == a.effective)
                    continue; // unchanged: smp_affinity_list is taken as unchanged too
            }
        }
        IrqAffinity fresh = readIrqAffinity(procRoot, irq);
        a.allowedKnown = fresh.allowedKnown;
        a.allowed = std::move(fresh.allowed);
        a.allowedError = fresh.allowedError;
        a.effectiveKnown = fresh.effectiveKnown;
        a.effective = std::move(fresh.effective);
        a.effectiveError = fresh.effectiveError;
    }
}

void refreshIrqAttachments(IrqTopology& topology, const std::string& sysRoot,
    const std::string& procRoot, const std::map<int, std::vector<std::string>>& actions)
{
    IrqAttachments attached = readIrqAttachments(sysRoot, actions);
    for (auto& [irq, info] : topology.irqs) {
        info.attached = {};
        info.attachedReason.clear();
        if (auto it = attached.byIrq.find(irq); it != attached.byIrq.end())
            info.attached = std::move(it->second);
        else if (auto r = attached.unattachedReason.find(irq); r != attached.unattachedReason.end())
            info.attachedReason = r->second;
        IrqAffinity fresh = readIrqAffinity(procRoot, irq);
        IrqAffinity& a = info.affinity;
        a.allowedKnown = fresh.allowedKnown;
        a.allowed = std::move(fresh.allowed);
        a.allowedError = fresh.allowedError;
        a.effectiveKnown = fresh.effectiveKnown;
        a.effective = std::move(fresh.effective);
        a.effectiveError = fresh.effectiveError;
    }
}

IrqbalanceState findIrqbalance(
    const std::string& procRoot, const IrqbalanceState& previous, double nowSec, int maxReads)
{
    IrqbalanceState out = previous;
    out.error = Error::None;
    if (previous.running == true && previous.pid > 0 && isIrqbalance(procRoot, previous.pid))
        return out;
    if (previous.running == true) { // it stopped: a new pass says whether another one runs
        out.running.reset();
        out.pid = -1;
        out.cursor = 0;
    }
    DIR* dir = openFolderStream(procRoot.c_str());
    if (!dir) {
        out.error = errorFromErrno(errno);
        out.running.reset();
        out.scanning = false;
        out.passEndSec = nowSec;
        return out;
    }
    out.scanning = true;
    int reads = 0;
    bool ended = true;
    while (const dirent* e = ::readdir(dir)) {
        int pid = 0;
        if (!parse::toInt(std::string_view(e->d_name), pid) || pid <= 0 || pid <= out.cursor)
            continue;
        if (reads >= maxReads) {
            ended = false;
            break;
        }
        ++reads;
        out.cursor = pid;
        if (isIrqbalance(procRoot, pid)) {
            out.running = true;
            out.pid = pid;
            out.scanning = false;
            out.cursor = 0;
            ::closedir(dir);
            return out;
        }
    }
    ::closedir(dir);
    if (ended) {
        out.running = false;
        out.pid = -1;
        out.scanning = false;
        out.cursor = 0;
        out.passEndSec = nowSec;
    }
    return out;
}

bool irqbalanceCheckDue(const IrqbalanceState& state, double nowSec)
{
    return state.running == true || state.scanning
        || nowSec - state.passEndSec >= kIrqbalanceRescanSec || nowSec < state.passEndSec;
}

} // namespace pg
