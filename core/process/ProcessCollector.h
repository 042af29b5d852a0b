// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Takes process samples from a /proc root. Not thread-safe: one collector lives in the sampler
// thread. The hot path keeps each process's stat and statm open and re-reads them with pread at
// offset 0, lists /proc through one kept directory handle and parses with from_chars. cmdline has
// to be looked at too: an exec into a program of the same name, or a process rewriting its argv in
// place (setproctitle), changes nothing in stat. But reading it makes the kernel lock and walk the
// target's memory, so the third kept file is schedstat: cmdline and the owner are read again only
// of a process that has run since (mayHaveRun). The shared names are rebuilt only when the bytes
// differ. The same test spares stat of a single-threaded process that has not run (readKnown).
//
// And statm: a process that has not run cannot have faulted pages in or mapped anything. What
// else changes the resident size of a sleeper is mostly the kernel taking or moving its pages:
// reclaim, swap-out and swap-in (swapoff), khugepaged's collapse, a huge page split, the OOM
// killer; their event counters in /proc/vmstat (ReclaimEvents.h, read once per refresh, kept
// open) move when any of it happens anywhere. So statm of a process is read again when its stat
// is read (it ran, or its full read is due: at least every kFullStatEvery refreshes, staggered by
// pid), or when those counters moved since the last refresh, or when they cannot be read. The
// rest leaves no machine-wide trace (another process writing into it by ptrace or
// process_vm_writev, a file it maps truncated under it, process_madvise(MADV_PAGEOUT) of file
// pages, KSM merging into the zero page, a vfork child on its memory): that shows within
// kFullStatEvery refreshes, and the README says so where it explains RES.
// When the descriptor budget (RLIMIT_NOFILE) cannot keep three files of every process, some keep
// schedstat alone and open stat and statm when they are read (keepFiles). /proc/PID/io is read
// only while asked for (Options::readIo, setReadIo), kept open like the others while the
// descriptor budget allows.

#include "core/base/ProcFs.h"
#include "core/process/PidStat.h"
#include "core/process/PidStatm.h"
#include "core/process/ProcessNamesPool.h"
#include "core/process/ProcessSnapshot.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace pg {

class ProcessCollector final
{
public:
    struct Options
    {
        std::string procRoot = "/proc";
        bool keepFilesOpen = true;
        // Upper bound on kept file descriptors; 0 = derive from RLIMIT_NOFILE, leaving headroom.
        std::size_t maxKeptFds = 0;
        // Monotonic clock in ns; tests inject one to make CPU % exact. Null = CLOCK_MONOTONIC.
        std::function<std::int64_t()> monotonicNs;
        // Whether hidepid= hides nothing from us (root); unset = decide from the effective uid.
        std::optional<bool> seesAllProcesses;
        // Whether a refresh may skip listing the root when its processes count in stat (forks
        // and clones since boot) has not moved since the last refresh, and walk the last
        // snapshot's processes instead; unset = for the live /proc that hides nothing from us
        // (hidepid= could make a process appear without a fork: one whose owner becomes ours).
        std::optional<bool> listFromForkCount;
        // Read /proc/PID/io for the I/O rate columns (setReadIo() switches it later). Off by
        // default: it is a fourth file per process per tick, and the columns are hidden until the
        // user shows them.
        bool readIo = false;
    };

    ProcessCollector();
    explicit ProcessCollector(Options options);
    ~ProcessCollector();
    ProcessCollector(const ProcessCollector&) = delete;
    ProcessCollector& operator=(const ProcessCollector&) = delete;

    // One full refresh: every process under the root plus the system summary. The collector
    // keeps the snapshot too: what it knows of a process between refreshes is its ProcessInfo
    // there (a process that did not run is not read again, its figures are carried over).
    std::shared_ptr<const ProcessSnapshot> refresh();
    // The same, as a copy (tests, the export command: callers that keep a value).
    ProcessSnapshot sample() { return *refresh(); }
    // A snapshot's process list is built in the storage of one released before it when that is
    // at most this big (about 5,900 processes): a list of its own each refresh is a fresh
    // mapping that the kernel zero-fills and, when the window lets the old one go, unmaps with a
    // TLB shootdown across CPUs (about 1 ms on a 2-CPU VM, 5 % of the window at 2,000
    // processes). Past this size the spare's resident memory weighs more than that.
    static constexpr std::size_t kMaxSpareListBytes = 1u << 20;
    // Whether the last refresh listed the root, or walked the last snapshot's processes (tests).
    bool lastRefreshListed() const { return m_lastListed; }
    // The capacity of the spare list waiting for the next refresh (tests).
    std::size_t spareListCapacity() const;

    // Reads the stat of `pid` at the next refresh even if it has not run (after a renice or a
    // signal from us: what changed is then shown at once).
    void rereadInFull(int pid);
    // Every process is read in full (stat and statm) at least this often (in refreshes): bounds
    // how long a nice or scheduling policy set by another process on a sleeping process takes to
    // show, and a resident size changed without reclaim (see above).
    static constexpr std::uint64_t kFullStatEvery = 4;
    // Starts or stops reading /proc/PID/io; stopping closes the kept io files. The first sample
    // after starting has no rates yet (one reading).
    void setReadIo(bool on);
    bool readsIo() const { return m_options.readIo; }

    std::size_t keptFdCount() const { return m_keptFds; }
    const std::string& procRoot() const { return m_options.procRoot; }

private:
    // One process between refreshes: what the last snapshot does not hold (its ProcessInfo there,
    // at `index`, is the rest: stat's and statm's fields, names, owner, as last read). About 90
    // bytes, held in the map's node (10,000 processes: under 1 MiB).
    struct Entry
    {
        // The main thread's schedstat at the last look, and whether it was then the only thread:
        // see mayHaveRun().
        std::uint64_t schedRunNs = 0;
        std::uint64_t schedTimeslices = 0; // 0: unknown
        std::int64_t prevReadNs = 0; // 0: no previous reading (first sample)
        std::int64_t readNs = 0;
        // /proc/PID/io, while the collector reads it (only while the I/O columns are shown):
        // kept like stat (budget allowing), the rate state, and why it is unreadable. A denial
        // is not retried until the owner changes: our own credentials do not, and an open that
        // fails costs a path walk per process per tick.
        struct Io;
        std::unique_ptr<Io> io;
        UniqueFd statFd;
        UniqueFd statmFd;
        // The third kept file of a process with a user space: schedstat where it counts
        // timeslices, else cmdline (re-read every refresh, as without schedstat there is no
        // telling).
        UniqueFd schedstatFd;
        UniqueFd cmdlineFd;
        std::uint32_t generation = 0;
        std::uint32_t index = 0; // of its ProcessInfo in the last snapshot
        bool singleThreaded = false;
        bool rereadStat = false; // rereadInFull(): read stat even if the process did not run
    };
    struct DirHandle;

    // Each of these updates `info`, which holds what was known (a copy of the last snapshot's),
    // with what it reads.
    bool readKnown(Entry& entry, ProcessInfo& info, int pid, const char* name);
    bool statIsDue(const Entry& entry, const ProcessInfo& info, int pid) const;
    // False when the process cannot be listed; `why` is None when it is simply gone.
    bool openNew(Entry& entry, ProcessInfo& info, int pid, const char* name, Error& why);
    Result<std::size_t> readEntryFile(const UniqueFd& kept, const char* name, const char* file);
    bool mayHaveRun(Entry& entry, const ProcessInfo& info, const char* name);
    // `freshComm`: the comm of the stat read this refresh, or nullptr when stat was not read.
    void readNames(ProcessInfo& info, const UniqueFd& cmdlineFd, const char* name, bool ran,
        const std::string* freshComm);
    void keepStat(ProcessInfo& info, const PidStat& stat) const;
    // False when the process is gone.
    bool readStatm(Entry& entry, ProcessInfo& info, const char* name);
    void keepFiles(Entry& entry, UniqueFd statFd, UniqueFd statmFd, UniqueFd thirdFd);
    void readUid(ProcessInfo& info, const char* name);
    void readIo(Entry& entry, const ProcessInfo& info, const char* name);
    void dropIo(Entry& entry);
    void sampleSystem(ProcessSnapshot& snapshot);
    void readReclaimEvents();
    std::shared_ptr<const std::string> userName(std::uint32_t uid);
    void dropEntry(Entry& entry);
    std::int64_t monotonicNow() const;

    Options m_options;
    std::unique_ptr<DirHandle> m_dir;
    std::unordered_map<int, Entry> m_entries;
    std::vector<int> m_vanished; // sorted pids gone at the last refresh
    std::unordered_map<std::uint32_t, std::shared_ptr<const std::string>> m_userNames;
    ProcessNamesPool m_namesPool; // identical names stored once
    std::size_t m_keptFds = 0;
    std::size_t m_fullEntries = 0; // processes whose stat and statm are kept open too
    std::size_t m_plannedProcesses = 0; // see keepFiles()
    std::size_t m_fdBudget = 0;
    std::uint32_t m_generation = 0;
    // The last snapshot made from m_entries: each entry's ProcessInfo is in it (Entry::index).
    std::shared_ptr<const ProcessSnapshot> m_last;
    std::optional<std::uint64_t> m_lastForks; // processes in <root>/stat at m_last's refresh
    bool m_lastListed = true; // whether m_last's refresh listed the root (tests)
    bool m_liveProc = false; // the root is the live /proc (readProcMountOptions)
    // Where a released snapshot leaves its process list's storage for the next refresh.
    struct SpareList;
    std::shared_ptr<SpareList> m_spare;
    std::uint64_t m_sequence = 0;
    std::int64_t m_prevSampleNs = 0;
    std::optional<CpuTimes> m_prevCpuTotal;
    std::optional<std::uint64_t> m_bootTimeUnix; // btime of <root>/stat, once read
    std::string m_bootTimeError; // why it is unknown
    long m_ticksPerSecond = 100;
    long m_pageKib = 4;
    int m_cpuCount = 1;
    UniqueFd m_vmstatFd; // <root>/vmstat, kept open (not counted in m_keptFds)
    std::optional<std::uint64_t> m_reclaimSum; // ReclaimEvents at the last refresh, if readable
    bool m_statmOfAll = true; // this refresh reads every statm: the counters moved or are unknown
    std::string m_buffer; // reused read buffer
    PidStat m_stat; // reused: what each stat parses into before a ProcessInfo takes its fields
    std::optional<std::string> m_visibilityNote; // from the mount table, read once
    bool m_processesHidden = false;
};

} // namespace pg
