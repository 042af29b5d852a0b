// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/memory/MemoryCensus.h"

#include "core/base/ProcFs.h"
#include "core/process/PidStatus.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <dirent.h>
#include <map>
#include <string_view>
#include <unistd.h>

namespace pg {

namespace {

// A folder name that is a pid: digits only, no sign, no leading zero.
bool pidOf(const char* name, int& pid)
{
    if (name[0] < '1' || name[0] > '9')
        return false;
    long v = 0;
    for (const char* p = name; *p; ++p) {
        if (*p < '0' || *p > '9' || v > 100000000)
            return false;
        v = v * 10 + (*p - '0');
    }
    pid = static_cast<int>(v);
    return true;
}

bool gone(Error e)
{
    return e == Error::FileMissing || e == Error::ProcessGone;
}

// Reads one process; appends to `out` whatever it found.
void readOne(const std::string& procRoot, int pid, MemoryCensus& out)
{
    const std::string dirPath = procRoot + "/" + std::to_string(pid);
    auto dir = openFolder(-1, dirPath.c_str());
    if (!dir) {
        if (gone(dir.error()))
            ++out.vanished;
        else
            out.skipped.push_back({ pid, {}, dir.error() });
        return;
    }
    auto statusText = readWholeFileAt(dir->get(), "status");
    auto status = statusText ? parsePidStatus(*statusText) : Result<PidStatus>(statusText.error());
    if (!status) {
        if (gone(status.error()))
            ++out.vanished;
        else
            out.skipped.push_back({ pid, {}, status.error() });
        return;
    }
    // A kernel thread has no user memory, and neither has a zombie: status prints no Vm* lines
    // for them, and their smaps_rollup fails with ESRCH.
    if (!status->vmSizeKib) {
        ++out.withoutUserMemory;
        return;
    }
    const std::uint32_t uid = status->hasIds ? status->uid[0] : 0;
    auto rollupText = readWholeFileAt(dir->get(), "smaps_rollup");
    auto rollup
        = rollupText ? parseSmapsRollup(*rollupText) : Result<SmapsMapping>(rollupText.error());
    if (!rollup) {
        Error e = rollup.error();
        if (gone(e) || e == Error::Empty) {
            // Exited (or became a zombie) since status was read? Then it is simply gone.
            auto again = readWholeFileAt(dir->get(), "status");
            auto now = again ? parsePidStatus(*again) : Result<PidStatus>(again.error());
            if (!now || !now->vmSizeKib) {
                ++out.vanished;
                return;
            }
        }
        out.skipped.push_back({ pid, status->name, e });
        return;
    }
    out.processes.push_back(processMemoryFrom(pid, uid, status->name, *rollup));
}

} // namespace

ProcessMemory processMemoryFrom(
    int pid, std::uint32_t uid, std::string comm, const SmapsMapping& rollup)
{
    ProcessMemory m;
    m.pid = pid;
    m.uid = uid;
    m.comm = std::move(comm);
    m.rssKib = rollup.valueOr0(SmapsField::Rss);
    m.pssKib = rollup.valueOr0(SmapsField::Pss);
    m.ussKib
        = rollup.valueOr0(SmapsField::Private_Clean) + rollup.valueOr0(SmapsField::Private_Dirty);
    m.swapKib = rollup.valueOr0(SmapsField::Swap);
    m.swapPssKnown = rollup.has(SmapsField::SwapPss);
    m.swapPssKib = rollup.valueOr0(SmapsField::SwapPss);
    return m;
}

MemoryCensus readMemoryCensus(
    const std::string& procRoot, const std::atomic<bool>* stop, const CensusProgress& progress)
{
    MemoryCensus out;
    std::vector<int> pids;
    if (DIR* d = openFolderStream(procRoot.c_str())) {
        while (const dirent* e = ::readdir(d)) {
            int pid = 0;
            if (pidOf(e->d_name, pid))
                pids.push_back(pid);
        }
        ::closedir(d);
    } else {
        out.listError = errorFromErrno(errno);
        return out;
    }
    std::sort(pids.begin(), pids.end());
    // One allocation for the rows, not a doubling series whose freed steps leave holes in the
    // heap of a long-running caller (the window's Memory usage page reads every few seconds).
    out.processes.reserve(pids.size());
    if (progress)
        progress(0, pids.size());
    for (std::size_t i = 0; i < pids.size(); ++i) {
        if (stop && stop->load(std::memory_order_relaxed)) {
            out.stopped = true;
            break;
        }
        readOne(procRoot, pids[i], out);
        if (progress)
            progress(i + 1, pids.size());
    }
    return out;
}

std::string censusSkipSummary(const MemoryCensus& census, std::size_t examples)
{
    if (census.skipped.empty())
        return {};
    std::map<Error, std::vector<const CensusSkip*>> byError;
    for (const CensusSkip& s : census.skipped)
        byError[s.error].push_back(&s);
    const std::size_t n = census.skipped.size();
    std::string text = std::to_string(n) + (n == 1 ? " process" : " processes") + " not counted: ";
    bool first = true;
    for (const auto& [error, skips] : byError) {
        if (!first)
            text += "; ";
        first = false;
        text += std::string(errorText(error)) + " for " + std::to_string(skips.size()) + " (";
        for (std::size_t i = 0; i < skips.size() && i < examples; ++i) {
            if (i > 0)
                text += ", ";
            text += std::to_string(skips[i]->pid);
            if (!skips[i]->comm.empty())
                text += " " + skips[i]->comm;
        }
        if (skips.size() > examples)
            text += ", ...";
        if (error == Error::PermissionDenied)
            text += ::geteuid() == 0
                ? "; refused even to root: another user namespace or a security module (Yama, "
                  "SELinux)"
                : "; another user's memory needs ptrace access: run as root";
        text += ")";
    }
    return text;
}

std::vector<UserMemory> memoryByUser(const std::vector<ProcessMemory>& processes)
{
    std::map<std::uint32_t, UserMemory> byUid;
    for (const ProcessMemory& p : processes) {
        UserMemory& u = byUid[p.uid];
        u.uid = p.uid;
        ++u.processes;
        u.rssKib += p.rssKib;
        u.pssKib += p.pssKib;
        u.ussKib += p.ussKib;
        u.swapKib += p.swapKib;
    }
    std::vector<UserMemory> out;
    out.reserve(byUid.size());
    for (auto& [uid, u] : byUid)
        out.push_back(u);
    std::stable_sort(out.begin(), out.end(),
        [](const UserMemory& a, const UserMemory& b) { return a.pssKib > b.pssKib; });
    return out;
}

} // namespace pg
