// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pcp/PcpProcessDetails.h"

#include "core/pcp/PcpProcesses.h"
#include "core/pcp/PcpValueIndex.h"

namespace pg {

namespace {

// PF_KTHREAD in include/linux/sched.h, as proc.psinfo.flags gives proc(5)'s (9) flags.
constexpr std::uint64_t kPfKthread = 0x00200000;

using D = PcpProcessDetails;
using S = PcpSmapsTotals;

template <typename Owner, typename T> struct Field
{
    const char* metric;
    PcpDetail<T> Owner::*member;
};

const Field<D, std::string> kTexts[] = {
    { "proc.psinfo.cmd", &D::cmd },
    { "proc.psinfo.psargs", &D::psargs },
    { "proc.psinfo.sname", &D::state },
    { "proc.psinfo.wchan_s", &D::wchan },
    { "proc.psinfo.policy_s", &D::policy },
    { "proc.psinfo.exe", &D::exe },
    { "proc.psinfo.cwd", &D::cwd },
    { "proc.psinfo.cgroups", &D::cgroups },
    { "proc.psinfo.ttyname", &D::tty },
    { "proc.id.uid_nm", &D::user },
    { "proc.id.euid_nm", &D::effectiveUser },
    { "proc.id.gid_nm", &D::group },
    { "proc.id.egid_nm", &D::effectiveGroup },
};

const Field<D, std::int64_t> kSigned[] = {
    { "proc.psinfo.ppid", &D::ppid },
    { "proc.psinfo.nice", &D::nice },
    { "proc.psinfo.priority", &D::priority },
};

const Field<D, std::uint64_t> kUnsigned[] = {
    { "proc.psinfo.policy", &D::policyNumber },
    { "proc.psinfo.rt_priority", &D::rtPriority },
    { "proc.psinfo.threads", &D::threads },
    { "proc.psinfo.start_time", &D::startMs },
    { "proc.psinfo.utime", &D::utimeMs },
    { "proc.psinfo.stime", &D::stimeMs },
    { "proc.psinfo.vctxsw", &D::voluntaryCtxsw },
    { "proc.psinfo.nvctxsw", &D::involuntaryCtxsw },
    { "proc.id.uid", &D::uid },
    { "proc.id.euid", &D::euid },
    { "proc.id.gid", &D::gid },
    { "proc.id.egid", &D::egid },
    { "proc.psinfo.vsize", &D::sizeKib },
    { "proc.memory.rss", &D::rssKib },
    { "proc.memory.share", &D::shareKib },
    { "proc.memory.textrss", &D::textRssKib },
    { "proc.memory.datrss", &D::dataRssKib },
    { "proc.memory.librss", &D::libRssKib },
    { "proc.memory.vmpeak", &D::vmPeakKib },
    { "proc.memory.vmhwm", &D::vmHwmKib },
    { "proc.memory.vmswap", &D::vmSwapKib },
    { "proc.memory.vmlock", &D::vmLockKib },
    { "proc.memory.vmpte", &D::vmPteKib },
    { "proc.io.rchar", &D::rcharBytes },
    { "proc.io.wchar", &D::wcharBytes },
    { "proc.io.syscr", &D::readSyscalls },
    { "proc.io.syscw", &D::writeSyscalls },
    { "proc.io.read_bytes", &D::readBytes },
    { "proc.io.write_bytes", &D::writeBytes },
    { "proc.io.cancelled_write_bytes", &D::cancelledWriteBytes },
    { "proc.fd.count", &D::fdCount },
};

const Field<S, std::uint64_t> kSmaps[] = {
    { "proc.smaps.rss", &S::rssKib },
    { "proc.smaps.pss", &S::pssKib },
    { "proc.smaps.pss_anon", &S::pssAnonKib },
    { "proc.smaps.pss_file", &S::pssFileKib },
    { "proc.smaps.pss_shmem", &S::pssShmemKib },
    { "proc.smaps.shared_clean", &S::sharedCleanKib },
    { "proc.smaps.shared_dirty", &S::sharedDirtyKib },
    { "proc.smaps.private_clean", &S::privateCleanKib },
    { "proc.smaps.private_dirty", &S::privateDirtyKib },
    { "proc.smaps.referenced", &S::referencedKib },
    { "proc.smaps.anonymous", &S::anonymousKib },
    { "proc.smaps.lazyfree", &S::lazyFreeKib },
    { "proc.smaps.anonhugepages", &S::anonHugePagesKib },
    { "proc.smaps.swap", &S::swapKib },
    { "proc.smaps.swappss", &S::swapPssKib },
    { "proc.smaps.locked", &S::lockedKib },
};

// The metrics of the Memory map page (besides proc.smaps.*).
const char* const kMapIdentity[]
    = { "proc.psinfo.cmd", "proc.psinfo.psargs", "proc.psinfo.sname", "proc.psinfo.start_time",
          "proc.psinfo.flags", "proc.psinfo.vsize", "proc.memory.rss", "proc.memory.share" };

PcpMetricRequest forPid(const char* name, int pid)
{
    PcpMetricRequest r { name };
    r.instances = { pid };
    r.optional = true;
    return r;
}

// Why `name` has no value for `pid` in `fetch` (the metric missing, refused, failed, or without
// this pid).
std::string whyMissing(
    const PcpFetch& fetch, const char* name, int pid, const std::string& source, bool recording)
{
    const PcpMetricValues* m = fetch.find(name);
    if (!m)
        return recording ? source + " has no " + name + " (it was not recorded)"
                         : source + " has no " + name + " (its pmdaproc does not provide it)";
    if (m->permissionDenied)
        return std::string(name) + " refused: " + pcpPermissionHint(source);
    if (!m->error.empty())
        return std::string(name) + ": " + m->error;
    if (recording)
        return source + " holds no " + name + " for process " + std::to_string(pid);
    return "pmdaproc on " + source + " gave no " + name + " for process " + std::to_string(pid)
        + ": it reads as the connecting user, and another user's process needs that user or root "
          "(as on its own machine), or the process is exiting";
}

template <typename Owner, typename T, std::size_t N>
void fill(Owner& owner, const Field<Owner, T> (&fields)[N], const PcpFetch& fetch, int pid,
    const std::string& source, bool recording)
{
    for (const Field<Owner, T>& f : fields) {
        PcpDetail<T>& out = owner.*(f.member);
        const PcpValueIndex index(fetch.find(f.metric));
        if constexpr (std::is_same_v<T, std::string>) {
            if (const std::string* text = index.text(pid))
                out.value = *text;
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
            out.value = index.i64(pid);
        } else {
            out.value = index.u64(pid);
        }
        if (!out.value)
            out.why = whyMissing(fetch, f.metric, pid, source, recording);
    }
}

} // namespace

PcpDetail<std::uint64_t> PcpSmapsTotals::ussKib() const
{
    if (privateCleanKib && privateDirtyKib)
        return { *privateCleanKib + *privateDirtyKib, {} };
    return { std::nullopt, privateCleanKib ? privateDirtyKib.why : privateCleanKib.why };
}

std::optional<std::int64_t> PcpProcessDetails::startUnixMs() const
{
    if (!bootTimeSec || !startMs)
        return std::nullopt;
    return *bootTimeSec * 1000 + static_cast<std::int64_t>(*startMs);
}

std::vector<PcpMetricRequest> pcpDetailsMetrics(int pid, int parentPid)
{
    std::vector<PcpMetricRequest> out;
    for (const auto& f : kTexts)
        out.push_back(forPid(f.metric, pid));
    if (parentPid > 0 && parentPid != pid)
        out.front().instances.push_back(parentPid); // proc.psinfo.cmd: the parent's name too
    for (const auto& f : kSigned)
        out.push_back(forPid(f.metric, pid));
    for (const auto& f : kUnsigned)
        out.push_back(forPid(f.metric, pid));
    for (const auto& f : kSmaps)
        out.push_back(forPid(f.metric, pid));
    out.push_back(forPid("proc.psinfo.flags", pid));
    PcpMetricRequest boot { "kernel.all.boottime" };
    boot.optional = true;
    out.push_back(std::move(boot));
    return out;
}

std::vector<PcpMetricRequest> pcpMapTotalsMetrics(int pid)
{
    std::vector<PcpMetricRequest> out;
    for (const char* name : kMapIdentity)
        out.push_back(forPid(name, pid));
    for (const auto& f : kSmaps)
        out.push_back(forPid(f.metric, pid));
    return out;
}

PcpProcessDetails processDetailsFromPcp(const PcpFetch& fetch, int pid, std::uint64_t startMs,
    const std::string& source, bool recording)
{
    PcpProcessDetails d;
    d.pid = pid;
    d.source = source;
    d.timestampSec = fetch.timestampSec;
    const PcpMetricValues* cmd = fetch.find("proc.psinfo.cmd");
    if (!cmd) {
        d.error = source + " gave no proc.psinfo.cmd";
        return d;
    }
    if (cmd->permissionDenied) {
        d.error = pcpPermissionHint(source);
        return d;
    }
    if (!cmd->error.empty()) {
        d.error = source + " gave no process list: " + cmd->error;
        return d;
    }
    fill(d, kTexts, fetch, pid, source, recording);
    fill(d, kSigned, fetch, pid, source, recording);
    fill(d, kUnsigned, fetch, pid, source, recording);
    fill(d.smaps, kSmaps, fetch, pid, source, recording);
    // Not in the list of this fetch: exited (or, in a recording, not alive at that moment).
    if (!d.cmd) {
        d.gone = true;
        return d;
    }
    d.reused = startMs != 0 && d.startMs && *d.startMs != startMs;
    d.kernelThread
        = (PcpValueIndex(fetch.find("proc.psinfo.flags")).u64(pid).value_or(0) & kPfKthread) != 0;
    if (const PcpValue* boot = pcpSingle(fetch, "kernel.all.boottime"))
        d.bootTimeSec.value = pcpSigned(*boot);
    if (!d.bootTimeSec)
        d.bootTimeSec.why = source + " gave no kernel.all.boottime";
    if (d.ppid && *d.ppid > 0) {
        if (const std::string* parent = PcpValueIndex(cmd).text(static_cast<int>(*d.ppid)))
            d.parentCmd.value = *parent;
    }
    if (!d.parentCmd)
        d.parentCmd.why = "not fetched yet";
    return d;
}

} // namespace pg
