#pragma once

// The immutable result of one process sample: what the sampler thread publishes and the process
// table model consumes. Plain C++; the model converts to Qt types.

#include "LoadAvg.h"
#include "MemInfo.h"
#include "Result.h"
#include "SystemStat.h"

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
    std::vector<std::string> argv; // cmdline split at NULs, raw bytes
    std::string cmdline; // argv joined by single spaces; empty for kernel threads and zombies
    Error cmdlineError = Error::None; // why cmdline is unknown, if it is
};

struct ProcessInfo
{
    ProcessKey key;
    int ppid = 0;
    char state = '?';
    bool kernelThread = false;
    std::uint32_t uid = 0;
    bool uidKnown = false;
    std::shared_ptr<const std::string> user; // name of uid, or the number when it has no name
    std::shared_ptr<const ProcessNames> names;
    std::int64_t priority = 0;
    std::int64_t nice = 0;
    std::int64_t threads = 0;
    std::uint64_t utimeTicks = 0;
    std::uint64_t stimeTicks = 0;
    double cpuPercent = std::nan(""); // 100 = one CPU; NaN until two samples exist
    // statm, in KiB; memError says why they are unknown when it is not None.
    std::uint64_t virtKib = 0;
    std::uint64_t resKib = 0;
    std::uint64_t shrKib = 0;
    Error memError = Error::None;
    std::int64_t startTimeUnixMs = 0; // btime + starttime
    int processor = -1;

    std::uint64_t cpuTimeTicks() const { return utimeTicks + stimeTicks; }
};

struct SystemSummary
{
    std::optional<SystemStat> stat;
    std::optional<MemInfo> memInfo;
    std::optional<LoadAvg> loadAvg;
    std::optional<Uptime> uptime;
    double cpuBusyPercent = std::nan(""); // whole machine, 100 = all CPUs busy
    int cpuCount = 0;
};

// At most this many skippedNotes are kept per snapshot (skippedCount counts them all).
inline constexpr std::size_t kMaxSkippedNotes = 20;

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
    // Processes left out because their stat could not be read for another reason than their exit
    // (a FIFO or a folder in a fake tree, a symlink loop, garbage): "<root>/42/stat: <why>".
    std::vector<std::string> skippedNotes;
    std::size_t skippedCount = 0;
    std::string
        visibilityNote; // non-empty when the /proc mount hides processes or files (hidepid, subset)
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
