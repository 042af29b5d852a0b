// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/memory/MemoryMapReader.h"

#include "core/base/ProcFs.h"
#include "core/process/PidCmdline.h"
#include "core/process/PidStat.h"

#include <chrono>
#include <fcntl.h>
#include <unistd.h>

namespace pg {

namespace {

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

} // namespace

MemoryMapSnapshot readMemoryMapSnapshot(const std::string& procRoot, const ProcessKey& key)
{
    MemoryMapSnapshot snap;
    snap.key = key;
    snap.procRoot = procRoot;
    snap.takenAtUnixMs = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch())
                             .count();
    snap.pageKib = static_cast<std::uint64_t>(std::max(1L, ::sysconf(_SC_PAGESIZE) / 1024));
    const std::string dir = procRoot + "/" + std::to_string(key.pid);
    snap.smapsPath = dir + "/smaps";

    // Everything is read relative to one directory fd, so a pid reused half way through cannot mix
    // two processes: once the old process is gone, its directory fd reads ESRCH.
    auto opened = openFolder(-1, dir.c_str());
    if (!opened) {
        snap.exited = true;
        snap.smapsError = opened.error();
        return snap;
    }
    const UniqueFd dirFd = std::move(opened).value();
    auto statText = readWholeFileAt(dirFd.get(), "stat");
    auto stat = statText ? parsePidStat(*statText) : Result<PidStat>(statText.error());
    if (!stat || (key.startTimeTicks != 0 && stat->startTimeTicks != key.startTimeTicks)) {
        snap.exited = true;
        snap.smapsError = stat ? Error::ProcessGone : stat.error();
        return snap;
    }
    snap.key.startTimeTicks = stat->startTimeTicks;
    snap.comm = stat->comm;
    snap.kernelThread = stat->isKernelThread();
    if (stat->state == 'Z' || stat->state == 'X') {
        snap.exited
            = true; // a zombie has no memory left: its smaps is empty, not a kernel thread's
        snap.smapsError = Error::ProcessGone;
        return snap;
    }
    if (auto cmdline = readWholeFileAt(dirFd.get(), "cmdline"))
        snap.cmdline = joinCmdline(parsePidCmdline(*cmdline));

    const auto readStart = std::chrono::steady_clock::now();
    auto smapsText = readWholeFileAt(dirFd.get(), "smaps");
    snap.readMs = msSince(readStart);
    if (!smapsText) {
        snap.smapsError = smapsText.error();
    } else {
        const auto parseStart = std::chrono::steady_clock::now();
        auto smaps = parseSmaps(*smapsText);
        if (!smaps) {
            snap.smapsError = smaps.error();
        } else {
            auto shared = std::make_shared<const Smaps>(std::move(smaps).value());
            snap.grouping = std::make_shared<const MemoryMapGrouping>(groupMappings(*shared));
            snap.smaps = std::move(shared);
        }
        snap.parseMs = msSince(parseStart);
    }

    if (auto text = readWholeFileAt(dirFd.get(), "statm")) {
        auto statm = parsePidStatm(*text);
        if (statm)
            snap.statm = *statm;
        else
            snap.statmError = statm.error();
    } else {
        snap.statmError = text.error();
    }
    if (auto text = readWholeFileAt(dirFd.get(), "status")) {
        auto status = parsePidStatus(*text);
        if (status) {
            snap.status = std::move(status).value();
            if (snap.status->hasIds)
                snap.uid = snap.status->uid[0];
        } else {
            snap.statusError = status.error();
        }
    } else {
        snap.statusError = text.error();
    }

    // The process may have exited while its files were read: then the reads fail with ESRCH.
    if (snap.smapsError == Error::ProcessGone || snap.statmError == Error::ProcessGone)
        snap.exited = true;
    return snap;
}

} // namespace pg
