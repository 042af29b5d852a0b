// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The immutable result of one process sample: what the sampler thread publishes and the process
// table model consumes. Plain C++; the model converts to Qt types.

#include "core/base/Result.h"
#include "core/system/SystemSummary.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pg {

// A process is (pid, start time), never a bare pid: a reused pid is a different process.
struct ProcessKey
{
    int pid = 0;
    std::uint64_t startTimeTicks = 0;
    bool operator==(const ProcessKey&) const = default;
};

struct ProcessKeyHash
{
    std::size_t operator()(const ProcessKey& k) const noexcept
    {
        return std::hash<std::uint64_t>()(
            (static_cast<std::uint64_t>(k.pid) << 40) ^ k.startTimeTicks);
    }
};

// Read once per process (and again after an exec changes comm); shared between snapshots, so a
// pointer comparison tells the model whether the strings changed.
struct ProcessNames
{
    std::string comm; // (2) of stat, raw bytes
    // cmdline's arguments joined by single spaces (raw bytes); empty for kernel threads and
    // zombies. The argument list itself is not kept per process: the details read it when shown.
    std::string cmdline;
    Error cmdlineError = Error::None; // why cmdline is unknown, if it is
};

struct ProcessInfo
{
    // The small fields sit together (176 bytes, not 200: one is kept per process per snapshot).
    ProcessKey key;
    int ppid = 0;
    std::uint32_t uid = 0;
    char state = '?';
    bool kernelThread = false;
    bool uidKnown = false;
    // False when utime or stime is beyond what the kernel can print (see KernelNumbers.h): the CPU
    // time and CPU % are then unknown.
    bool cpuTimeKnown = true;
    int processor = -1;
    // statm's figures below are unknown when memError is not None (it says why); ioError says
    // why the I/O rates are unknown.
    Error memError = Error::None;
    Error ioError = Error::None;
    std::shared_ptr<const std::string> user; // name of uid, or the number when it has no name
    std::shared_ptr<const ProcessNames> names;
    std::int64_t priority = 0;
    std::int64_t nice = 0;
    std::int64_t threads = 0;
    std::uint64_t utimeTicks = 0;
    std::uint64_t stimeTicks = 0;
    double cpuPercent = std::nan(""); // 100 = one CPU; NaN until two samples exist
    // statm, in KiB.
    std::uint64_t virtKib = 0;
    std::uint64_t resKib = 0;
    std::uint64_t shrKib = 0;
    // btime + starttime; unknown when the boot time is (ProcessSnapshot::bootTimeError says why)
    // or starttime is out of the kernel's range.
    std::optional<std::int64_t> startTimeUnixMs;
    // read_bytes and write_bytes of /proc/PID/io per second over the last interval (PidIoRate.h);
    // NaN when unknown: io not read this sample (ProcessSnapshot::ioSampled), only one reading so
    // far, or unreadable (ioError: another user's process needs ptrace access).
    double ioReadBytesPerS = std::nan("");
    double ioWriteBytesPerS = std::nan("");

    // utime + stime, unknown when either is out of the kernel's range (both in range: no overflow).
    std::optional<std::uint64_t> cpuTimeTicks() const
    {
        if (!cpuTimeKnown)
            return std::nullopt;
        return utimeTicks + stimeTicks;
    }
};

// A process that is listed under /proc but whose stat could not be read or parsed (not one that
// simply exited between listing and reading: that is no error).
struct UnreadableProcess
{
    int pid = 0;
    std::string file; // "stat"
    Error error = Error::None;
};

// "3 processes could not be read: 4242 (stat: a field is not a valid number), ...": at most
// `maxNamed` processes named, the rest counted; empty when the list is empty. One line: nothing
// in it comes from the processes themselves.
std::string unreadableSummary(const std::vector<UnreadableProcess>& unreadable,
    std::size_t maxNamed = static_cast<std::size_t>(-1));

struct ProcessSnapshot
{
    std::uint64_t sequence = 0;
    std::int64_t takenAtUnixMs = 0;
    double elapsedSeconds = 0; // since the previous sample; 0 for the first
    std::vector<ProcessInfo> processes; // ordered by pid
    std::uint64_t threadCount = 0; // sum of every process's threads
    SystemSummary system;
    double samplerCpuMs = 0; // CPU time the sampler thread spent on this sample
    double samplerWallMs = 0;
    long clockTicksPerSecond = 100;
    std::string procRoot;
    std::string listError; // non-empty when /proc itself could not be listed
    std::string
        visibilityNote; // non-empty when the /proc mount hides processes or files (hidepid, subset)
    bool processesHidden = false; // hidepid= hides other users' processes from us: list partial
    std::string bootTimeError; // non-empty when btime is unknown: why every start time is unknown
    std::vector<UnreadableProcess> unreadable; // listed, but stat could not be read; by pid
    // Whether /proc/PID/io was read for this sample (ProcessCollector::setReadIo): without it
    // every io rate is unknown because nobody asked, not because it is unreadable.
    bool ioSampled = false;
};

// The snapshot's processes in pid order (the collector lists them so; a snapshot from elsewhere
// is sorted), as pointers: what the models merge their rows against.
inline std::vector<const ProcessInfo*> processesByPid(const ProcessSnapshot& snapshot)
{
    std::vector<const ProcessInfo*> in;
    in.reserve(snapshot.processes.size());
    for (const ProcessInfo& p : snapshot.processes)
        in.push_back(&p);
    auto byPid = [](const ProcessInfo* a, const ProcessInfo* b) { return a->key.pid < b->key.pid; };
    if (!std::is_sorted(in.begin(), in.end(), byPid))
        std::stable_sort(in.begin(), in.end(), byPid);
    return in;
}

} // namespace pg
