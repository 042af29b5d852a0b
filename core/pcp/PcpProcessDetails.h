// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The details of ONE process from pmdaproc (a host window, a recording): what Performance Co-Pilot
// has of what the details panel shows for a local process, and the process's smaps totals for the
// Memory map page. Fetched for that pid only (PcpMetricRequest::instances: an instance profile, so
// pmdaproc reads one process, not the whole table). Each value carries the reason when it is
// missing: the host lacks the metric, refuses it (PM_ERR_PERMISSION), or gave no value for the pid
// (pmdaproc reads as the client: another user's io or fd needs that user or root). Never a 0.
// A pure function of one fetch, tested without a pmcd.

#include "core/pcp/PcpFetch.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pg {

template <typename T> struct PcpDetail
{
    std::optional<T> value;
    std::string why; // non-empty when there is no value: one line saying why

    explicit operator bool() const { return value.has_value(); }
    const T& operator*() const { return *value; }
    const T* operator->() const { return &*value; }
};

// proc.smaps.*: the kernel's /proc/PID/smaps_rollup as pmdaproc reads it, KiB each.
struct PcpSmapsTotals
{
    PcpDetail<std::uint64_t> rssKib, pssKib, pssAnonKib, pssFileKib, pssShmemKib, sharedCleanKib,
        sharedDirtyKib, privateCleanKib, privateDirtyKib, referencedKib, anonymousKib, lazyFreeKib,
        anonHugePagesKib, swapKib, swapPssKib, lockedKib;

    // Private_Clean + Private_Dirty: the memory this process alone holds (USS).
    PcpDetail<std::uint64_t> ussKib() const;
};

struct PcpProcessDetails
{
    int pid = 0;
    std::string source; // the host (or "archive NAME") in messages
    double timestampSec = 0; // the fetch's timestamp (the host's clock)
    // Non-empty: nothing about the process (the fetch failed, the host refuses per-process
    // metrics); one line.
    std::string error;
    bool gone = false; // the host has no process with this pid any more
    bool reused = false; // the pid is another process now (its start time differs)
    bool kernelThread = false; // PF_KTHREAD in proc.psinfo.flags

    // proc.psinfo.*
    PcpDetail<std::string> cmd, psargs, state, wchan, policy, exe, cwd, cgroups, tty;
    PcpDetail<std::string> parentCmd; // the parent's proc.psinfo.cmd, when it was asked for
    PcpDetail<std::int64_t> ppid, nice, priority;
    // proc.psinfo.policy: stat's (41), as schedPolicyName() names it; policy is pmdaproc's own
    // name for it ("NORMAL"), the fallback.
    PcpDetail<std::uint64_t> policyNumber;
    PcpDetail<std::uint64_t> rtPriority, threads, startMs, utimeMs, stimeMs, voluntaryCtxsw,
        involuntaryCtxsw;
    PcpDetail<std::int64_t> bootTimeSec; // kernel.all.boottime: start_time is ms after boot
    // proc.id.*
    PcpDetail<std::uint64_t> uid, euid, gid, egid;
    PcpDetail<std::string> user, effectiveUser, group, effectiveGroup;
    // proc.memory.*, KiB
    PcpDetail<std::uint64_t> sizeKib, rssKib, shareKib, textRssKib, dataRssKib, libRssKib,
        vmPeakKib, vmHwmKib, vmSwapKib, vmLockKib, vmPteKib;
    // proc.io.*, bytes and calls
    PcpDetail<std::uint64_t> rcharBytes, wcharBytes, readSyscalls, writeSyscalls, readBytes,
        writeBytes, cancelledWriteBytes;
    PcpDetail<std::uint64_t> fdCount; // proc.fd.count
    PcpSmapsTotals smaps;

    // The start as Unix ms, when the boot time and the start time are known.
    std::optional<std::int64_t> startUnixMs() const;
};

// What the details panel fetches for `pid`: proc.psinfo/id/memory/io/fd/smaps restricted to that
// pid, and kernel.all.boottime. `parentPid` > 0 adds that pid to proc.psinfo.cmd's instances (the
// parent's name). Every metric is optional: a host or recording without it gives the rest.
std::vector<PcpMetricRequest> pcpDetailsMetrics(int pid, int parentPid = 0);
// What the Memory map page fetches for `pid`: its identity (cmd, psargs, start time, state),
// VIRT/RES/SHR (proc.psinfo.vsize/rss/share) and proc.smaps.*.
std::vector<PcpMetricRequest> pcpMapTotalsMetrics(int pid);

// `startMs` is the identity the table gave (proc.psinfo.start_time; 0: whatever process has the
// pid). `source` names the host or the recording in the reasons; `recording`: an archive (a value
// it lacks was not recorded, rather than refused).
PcpProcessDetails processDetailsFromPcp(const PcpFetch& fetch, int pid, std::uint64_t startMs,
    const std::string& source, bool recording);

} // namespace pg
