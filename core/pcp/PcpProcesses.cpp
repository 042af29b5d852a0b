// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pcp/PcpProcesses.h"

#include "core/pcp/PcpValueIndex.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace pg {

namespace {

// PF_KTHREAD in include/linux/sched.h: proc(5)'s (9) flags, as proc.psinfo.flags gives them.
constexpr std::uint64_t kPfKthread = 0x00200000;

struct ProcessIndexes
{
    explicit ProcessIndexes(const PcpFetch& f)
        : cmd(f.find("proc.psinfo.cmd"))
        , psargs(f.find("proc.psinfo.psargs"))
        , sname(f.find("proc.psinfo.sname"))
        , ppid(f.find("proc.psinfo.ppid"))
        , flags(f.find("proc.psinfo.flags"))
        , nice(f.find("proc.psinfo.nice"))
        , priority(f.find("proc.psinfo.priority"))
        , threads(f.find("proc.psinfo.threads"))
        , utime(f.find("proc.psinfo.utime"))
        , stime(f.find("proc.psinfo.stime"))
        , startTime(f.find("proc.psinfo.start_time"))
        , processor(f.find("proc.psinfo.processor"))
        , uid(f.find("proc.id.uid"))
        , userName(f.find("proc.id.uid_nm"))
        , size(f.find("proc.psinfo.vsize"))
        , rss(f.find("proc.memory.rss"))
        , share(f.find("proc.memory.share"))
        , readBytes(f.find("proc.io.read_bytes"))
        , writeBytes(f.find("proc.io.write_bytes"))
    { }
    PcpValueIndex cmd, psargs, sname, ppid, flags, nice, priority, threads, utime, stime, startTime,
        processor, uid, userName, size, rss, share, readBytes, writeBytes;
};

// The counters of one process in one fetch, for the rates.
struct Counters
{
    std::uint64_t startMs = 0;
    std::optional<std::uint64_t> cpuMs, readBytes, writeBytes;
};

std::unordered_map<int, Counters> countersOf(const PcpFetch& fetch)
{
    const ProcessIndexes ix(fetch);
    std::unordered_map<int, Counters> out;
    if (!ix.cmd.metric())
        return out;
    for (const PcpInstanceValue& v : ix.cmd.metric()->values) {
        Counters c;
        c.startMs = ix.startTime.u64(v.instance).value_or(0);
        const auto u = ix.utime.u64(v.instance);
        const auto s = ix.stime.u64(v.instance);
        if (u && s)
            c.cpuMs = *u + *s;
        c.readBytes = ix.readBytes.u64(v.instance);
        c.writeBytes = ix.writeBytes.u64(v.instance);
        out.emplace(v.instance, c);
    }
    return out;
}

double perSecond(std::optional<std::uint64_t> a, std::optional<std::uint64_t> b, double seconds)
{
    if (!a || !b || *b < *a || seconds <= 0)
        return std::nan("");
    return static_cast<double>(*b - *a) / seconds;
}

} // namespace

const std::vector<PcpMetricRequest>& pcpProcessMetrics()
{
    static const std::vector<PcpMetricRequest> metrics = [] {
        std::vector<PcpMetricRequest> m;
        for (const char* name :
            { "proc.psinfo.cmd", "proc.psinfo.psargs", "proc.psinfo.sname", "proc.psinfo.ppid",
                "proc.psinfo.flags", "proc.psinfo.nice", "proc.psinfo.priority",
                "proc.psinfo.threads", "proc.psinfo.utime", "proc.psinfo.stime",
                "proc.psinfo.start_time", "proc.psinfo.processor", "proc.id.uid", "proc.id.uid_nm",
                "proc.psinfo.vsize", "proc.memory.rss", "proc.memory.share", "proc.io.read_bytes",
                "proc.io.write_bytes", "kernel.all.boottime" })
            m.push_back({ name, false });
        return m;
    }();
    return metrics;
}

std::string pcpPermissionHint(const std::string& host)
{
    return pcpSourceName(host)
        + " refuses per-process metrics to this connection (PM_ERR_PERMISSION): over TCP they need "
          "an authenticated user, pcps://HOST?username=USER, or the host's local unix socket "
          "(unix:/run/pcp/pmcd.socket)";
}

PcpProcessTable processTableFromPcp(
    const PcpFetch& now, const PcpFetch* before, const std::string& host)
{
    PcpProcessTable table;
    const ProcessIndexes ix(now);
    const PcpMetricValues* cmd = ix.cmd.metric();
    if (!cmd) {
        table.error = pcpSourceName(host) + " gave no proc.psinfo.cmd";
        return table;
    }
    if (cmd->permissionDenied) {
        table.error = pcpPermissionHint(host);
        return table;
    }
    if (!cmd->error.empty()) {
        table.error = pcpSourceName(host) + " gave no process list: " + cmd->error;
        return table;
    }

    ProcessSnapshot& snap = table.snapshot;
    snap.takenAtUnixMs = static_cast<std::int64_t>(std::llround(now.timestampSec * 1000.0));
    // pmdaproc's times are milliseconds: one "tick" is one ms here, so no precision is lost.
    snap.clockTicksPerSecond = 1000;
    snap.procRoot = host;
    const double elapsed = before ? now.timestampSec - before->timestampSec : 0.0;
    snap.elapsedSeconds = elapsed > 0 ? elapsed : 0.0;
    const auto previous = before ? countersOf(*before) : std::unordered_map<int, Counters> {};

    const PcpValue* boot = pcpSingle(now, "kernel.all.boottime");
    const std::optional<std::int64_t> bootSec = boot ? pcpSigned(*boot) : std::nullopt;
    if (!bootSec)
        snap.bootTimeError = pcpSourceName(host) + " gave no kernel.all.boottime";

    // One shared string per user name, as the local collector shares them.
    std::map<std::string, std::shared_ptr<const std::string>> users;
    const bool ioRefused = ix.readBytes.metric() && ix.readBytes.metric()->permissionDenied;
    // An archive recorded from /proc by procglass has no proc.io.* (LocalPcpConverter.h): not
    // sampled, rather than unreadable for every process.
    const bool ioMissing = !ix.readBytes.metric() || !ix.writeBytes.metric();
    snap.ioSampled = !ioRefused && !ioMissing; // one note below instead of a count per process
    snap.processes.reserve(cmd->values.size());
    for (const PcpInstanceValue& v : cmd->values) {
        const int pid = v.instance;
        // pmdaproc reads each process's stat once per fetch for all psinfo metrics: without its
        // state, ppid or threads the process exited during the fetch. Left out, as the local
        // collector leaves out a process that exits while it is read (never a row of zeros).
        if (!ix.sname.text(pid) || !ix.ppid.i64(pid) || !ix.threads.i64(pid) || !ix.nice.i64(pid)
            || !ix.priority.i64(pid))
            continue;
        ProcessInfo p;
        p.key.pid = pid;
        const auto startMs = ix.startTime.u64(pid);
        p.key.startTimeTicks = startMs.value_or(0);
        if (startMs && bootSec)
            p.startTimeUnixMs = *bootSec * 1000 + static_cast<std::int64_t>(*startMs);
        p.ppid = static_cast<int>(ix.ppid.i64(pid).value_or(0));
        const std::string* state = ix.sname.text(pid);
        p.state = state && !state->empty() ? (*state)[0] : '?';
        p.kernelThread = (ix.flags.u64(pid).value_or(0) & kPfKthread) != 0;
        if (const auto uid = ix.uid.u64(pid)) {
            p.uid = static_cast<std::uint32_t>(*uid);
            p.uidKnown = true;
        }
        const std::string* name = ix.userName.text(pid);
        const std::string userText = name ? *name : (p.uidKnown ? std::to_string(p.uid) : "");
        if (!userText.empty()) {
            auto& shared = users[userText];
            if (!shared)
                shared = std::make_shared<const std::string>(userText);
            p.user = shared;
        }
        auto names = std::make_shared<ProcessNames>();
        if (const std::string* comm = std::get_if<std::string>(&v.value))
            names->comm = *comm;
        // psargs: the arguments joined by spaces and cut at about 4 KB (pmdaproc); argv's
        // boundaries are lost, so argv stays empty. A kernel thread has no command line.
        const std::string* args = ix.psargs.text(pid);
        if (args && !p.kernelThread && p.state != 'Z')
            names->cmdline = *args;
        p.names = std::move(names);
        p.priority = ix.priority.i64(pid).value_or(0);
        p.nice = ix.nice.i64(pid).value_or(0);
        p.threads = ix.threads.i64(pid).value_or(0);
        snap.threadCount += static_cast<std::uint64_t>(std::max<std::int64_t>(p.threads, 0));
        const auto utime = ix.utime.u64(pid);
        const auto stime = ix.stime.u64(pid);
        p.cpuTimeKnown = utime && stime;
        p.utimeTicks = utime.value_or(0);
        p.stimeTicks = stime.value_or(0);
        p.processor = static_cast<int>(ix.processor.i64(pid).value_or(-1));
        const auto size = ix.size.u64(pid);
        const auto rss = ix.rss.u64(pid);
        const auto share = ix.share.u64(pid);
        if (size && rss && share) {
            p.virtKib = *size;
            p.resKib = *rss;
            p.shrKib = *share;
        } else {
            // pmdaproc leaves out a process whose statm it could not read: it exited, or the
            // client may not read it.
            p.memError = Error::PermissionDenied;
        }
        const auto read = ix.readBytes.u64(pid);
        const auto written = ix.writeBytes.u64(pid);
        if ((!read || !written) && !ioMissing)
            p.ioError
                = Error::PermissionDenied; // refused, or left out: pmdaproc reads as the client
        const auto prev = previous.find(pid);
        if (prev != previous.end() && startMs && prev->second.startMs == *startMs) {
            if (p.cpuTimeKnown && prev->second.cpuMs) {
                const double cpuMsPerS
                    = perSecond(prev->second.cpuMs, *utime + *stime, snap.elapsedSeconds);
                p.cpuPercent = cpuMsPerS / 10.0; // ms of CPU per s, in % of one CPU
            }
            p.ioReadBytesPerS = perSecond(prev->second.readBytes, read, snap.elapsedSeconds);
            p.ioWriteBytesPerS = perSecond(prev->second.writeBytes, written, snap.elapsedSeconds);
        }
        snap.processes.push_back(std::move(p));
    }
    std::sort(snap.processes.begin(), snap.processes.end(),
        [](const ProcessInfo& a, const ProcessInfo& b) { return a.key.pid < b.key.pid; });

    table.notes.push_back("cmdline is proc.psinfo.psargs from PCP: the arguments joined by spaces "
                          "(their boundaries are lost) and cut at about 4 KB");
    if (ioRefused)
        table.notes.push_back("io_read_bytes_per_s and io_write_bytes_per_s are empty: pmcd at "
            + host + " refuses proc.io.* to this connection");
    if (ioMissing && !ioRefused)
        table.notes.push_back("io_read_bytes_per_s and io_write_bytes_per_s are empty: " + host
            + " has no proc.io.read_bytes or proc.io.write_bytes");
    if (!before)
        table.notes.push_back("cpu_percent and the io rates are empty: a rate needs two fetches");
    return table;
}

} // namespace pg
