// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/ProcessCollector.h"

#include "core/base/KernelNumbers.h"
#include "core/base/ParseUtil.h"
#include "core/process/PidCmdline.h"
#include "core/process/PidIoRate.h"
#include "core/process/PidSchedstat.h"
#include "core/process/PidStatm.h"
#include "core/system/CpuBusy.h"
#include "core/system/ProcMounts.h"
#include "core/system/ReclaimEvents.h"
#include "core/system/SystemSummary.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <mutex>
#include <pwd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pg {

namespace {

std::int64_t nowNs(clockid_t clock)
{
    timespec ts {};
    ::clock_gettime(clock, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

// cmdline is at most a few MiB (the argument space); more is cut off with an error, as before.
constexpr std::size_t kMaxCmdlineBytes = 1u << 20;

// The whole of a /proc file from offset 0. One pread is enough when it returns less than the
// buffer holds: stat and statm (seq files) and cmdline hand over their whole text in one read, so
// a short read is the end. Only a full buffer takes the loop, whose last read returns 0 and costs
// as much as the first (for cmdline, another walk of the target's memory).
Result<std::size_t> readFromStart(int fd, std::string& buffer, std::size_t maxBytes)
{
    if (buffer.size() < 4096)
        buffer.resize(4096);
    ssize_t n = 0;
    do
        n = ::pread(fd, buffer.data(), buffer.size(), 0);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return errorFromErrno(errno);
    if (static_cast<std::size_t>(n) < buffer.size())
        return static_cast<std::size_t>(n);
    return preadWhole(fd, buffer, maxBytes);
}

bool pidFromName(const char* name, int& pid)
{
    if (name[0] < '1' || name[0] > '9')
        return false;
    return parse::toInt(std::string_view(name), pid);
}

} // namespace

struct ProcessCollector::DirHandle
{
    DIR* dir = nullptr;
    ~DirHandle()
    {
        if (dir)
            ::closedir(dir);
    }
};

struct ProcessCollector::Entry::Io
{
    UniqueFd fd;
    PidIoRate rate;
    IoRates rates;
    Error error = Error::None;
    std::uint32_t deniedUid = 0;
};

ProcessCollector::ProcessCollector()
    : ProcessCollector(Options {})
{ }

struct ProcessCollector::SpareList
{
    std::mutex mutex;
    std::vector<ProcessInfo> list; // empty, with the capacity of a released snapshot's list

    // In the thread that releases the snapshot (the window's): its processes are destroyed
    // there, as before; only the storage waits here.
    void give(std::vector<ProcessInfo>&& released)
    {
        released.clear();
        if (released.capacity() * sizeof(ProcessInfo) > kMaxSpareListBytes)
            return;
        const std::lock_guard<std::mutex> lock(mutex);
        if (released.capacity() > list.capacity())
            list = std::move(released);
    }
    std::vector<ProcessInfo> take()
    {
        const std::lock_guard<std::mutex> lock(mutex);
        return std::exchange(list, {});
    }
};

ProcessCollector::ProcessCollector(Options options)
    : m_options(std::move(options))
    , m_dir(std::make_unique<DirHandle>())
    , m_spare(std::make_shared<SpareList>())
{
    m_ticksPerSecond = std::max(1L, ::sysconf(_SC_CLK_TCK));
    m_pageKib = std::max(1L, ::sysconf(_SC_PAGESIZE) / 1024);
    m_cpuCount = static_cast<int>(std::max(1L, ::sysconf(_SC_NPROCESSORS_ONLN)));
    if (m_options.maxKeptFds > 0) {
        m_fdBudget = m_options.maxKeptFds;
    } else {
        rlimit limit {};
        if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
            // Leave room for everything else the program opens (smaps, fds of other pages, Qt).
            const rlim_t reserve = std::min<rlim_t>(1024, limit.rlim_cur / 2);
            m_fdBudget = static_cast<std::size_t>(limit.rlim_cur - reserve);
        } else {
            m_fdBudget = 65536;
        }
    }
}

ProcessCollector::~ProcessCollector() = default;

std::int64_t ProcessCollector::monotonicNow() const
{
    return m_options.monotonicNs ? m_options.monotonicNs() : nowNs(CLOCK_MONOTONIC);
}

std::shared_ptr<const std::string> ProcessCollector::userName(std::uint32_t uid)
{
    auto it = m_userNames.find(uid);
    if (it != m_userNames.end())
        return it->second;
    passwd pw {};
    passwd* found = nullptr;
    std::string buf(4096, '\0');
    std::string name;
    if (::getpwuid_r(uid, &pw, buf.data(), buf.size(), &found) == 0 && found && found->pw_name)
        name = found->pw_name;
    else
        name = std::to_string(uid); // no passwd entry: show the number, as ps does
    auto shared = std::make_shared<const std::string>(std::move(name));
    m_userNames.emplace(uid, shared);
    return shared;
}

void ProcessCollector::dropEntry(Entry& entry)
{
    if (entry.statFd.valid()) {
        --m_keptFds;
        --m_fullEntries;
    }
    if (entry.statmFd.valid())
        --m_keptFds;
    if (entry.cmdlineFd.valid())
        --m_keptFds;
    if (entry.schedstatFd.valid())
        --m_keptFds;
    entry.statFd.reset();
    entry.statmFd.reset();
    entry.cmdlineFd.reset();
    entry.schedstatFd.reset();
    dropIo(entry);
}

void ProcessCollector::dropIo(Entry& entry)
{
    if (entry.io && entry.io->fd.valid())
        --m_keptFds;
    entry.io.reset();
}

void ProcessCollector::setReadIo(bool on)
{
    if (on == m_options.readIo)
        return;
    m_options.readIo = on;
    if (!on) {
        for (auto& [pid, entry] : m_entries)
            dropIo(entry);
    }
}

void ProcessCollector::readIo(Entry& entry, const ProcessInfo& info, const char* name)
{
    if (!entry.io)
        entry.io = std::make_unique<Entry::Io>();
    Entry::Io& state = *entry.io;
    if (state.error == Error::PermissionDenied && info.uidKnown && info.uid == state.deniedUid)
        return; // still another user's: see Entry
    Result<std::size_t> n = std::size_t(0);
    if (state.fd.valid()) {
        n = readFromStart(state.fd.get(), m_buffer, kDefaultMaxFileBytes);
    } else {
        char path[64];
        std::snprintf(path, sizeof path, "%s/io", name);
        auto fd = openRegularFile(::dirfd(m_dir->dir), path);
        n = fd ? readFromStart(fd->get(), m_buffer, kDefaultMaxFileBytes)
               : Result<std::size_t>(fd.error());
        if (fd && n && m_options.keepFilesOpen && entry.statFd.valid()
            && m_keptFds + 1 <= m_fdBudget) {
            state.fd = std::move(fd).value();
            ++m_keptFds;
        }
    }
    const std::int64_t now = monotonicNow();
    const auto io
        = n ? parsePidIo(std::string_view(m_buffer.data(), *n)) : Result<PidIo>(n.error());
    if (!io) {
        state.rate.reset();
        state.rates = {};
        state.error = io.error();
        state.deniedUid = info.uid;
        return;
    }
    state.error = Error::None;
    state.rates = state.rate.update(*io, now);
}

void ProcessCollector::keepFiles(Entry& entry, UniqueFd statFd, UniqueFd statmFd, UniqueFd thirdFd)
{
    if (!m_options.keepFilesOpen)
        return;
    const std::size_t needed = 2 + (thirdFd.valid() ? 1 : 0);
    const bool all = m_keptFds + needed <= m_fdBudget && statFd.valid() && statmFd.valid();
    // A kept schedstat alone already spares stat and statm of a process that has not run (they
    // are opened when due). When the budget cannot keep three files of every process, as many as
    // it can (about (budget - processes) / 2, m_plannedProcesses) keep all three and the rest
    // schedstat alone; so every process keeps the one that matters, where first come, first
    // served would leave the last thousands with none.
    const bool schedstatAlone = entry.schedTimeslices > 0 && thirdFd.valid();
    const bool roomForAll
        = !schedstatAlone || 2 * (m_fullEntries + 1) + m_plannedProcesses <= m_fdBudget;
    if (all && roomForAll) {
        entry.statFd = std::move(statFd);
        entry.statmFd = std::move(statmFd);
        // schedstat when it counts timeslices (then cmdline is opened only when the process ran).
        if (entry.schedTimeslices > 0)
            entry.schedstatFd = std::move(thirdFd);
        else
            entry.cmdlineFd = std::move(thirdFd);
        m_keptFds += needed;
        ++m_fullEntries;
    } else if (schedstatAlone && m_keptFds + 1 <= m_fdBudget) {
        entry.schedstatFd = std::move(thirdFd);
        ++m_keptFds;
    }
}

void ProcessCollector::readUid(ProcessInfo& info, const char* name)
{
    // The owner is the uid of the /proc/PID directory, as htop shows it.
    struct stat st
    {
    };
    if (::fstatat(::dirfd(m_dir->dir), name, &st, 0) == 0) {
        if (!info.uidKnown || info.uid != st.st_uid || !info.user) {
            info.uid = st.st_uid;
            info.user = userName(st.st_uid);
        }
        info.uidKnown = true;
    }
}

bool ProcessCollector::mayHaveRun(Entry& entry, const ProcessInfo& info, const char* name)
{
    // Only a process itself rewrites its argv (setproctitle), execs or changes its credentials and
    // dumpability (which make the owner of /proc/PID), and to do any of it it has to run.
    // schedstat's run time and timeslice count of the main thread both stand still while it does
    // not (ticks bring the run time up to date while it runs on), so when neither moved since the
    // last look, neither did the command line or the owner. Other threads are not in the main
    // thread's schedstat: a process that had or has more than one thread counts as having run, as
    // does one whose schedstat is unreadable or counts no timeslices (schedstats not kept).
    // The caller reads schedstat before cmdline and the owner, so a change after it is seen next
    // time. Kernel threads have no command line: their owner is read every time, as before.
    if (info.kernelThread)
        return true;
    if (entry.cmdlineFd.valid() && !entry.schedstatFd.valid()) {
        entry.schedTimeslices = 0; // kept cmdline: schedstat was of no use when it was opened
        return true;
    }
    const Result<std::size_t> n = readEntryFile(entry.schedstatFd, name, "schedstat");
    const auto sched = n ? parsePidSchedstat(std::string_view(m_buffer.data(), *n))
                         : Result<PidSchedstat>(n.error());
    const bool wasSingle = entry.singleThreaded;
    entry.singleThreaded = info.threads == 1;
    if (!sched || sched->timeslices == 0) {
        entry.schedTimeslices = 0;
        return true;
    }
    const bool same
        = sched->timeslices == entry.schedTimeslices && sched->runNs == entry.schedRunNs;
    entry.schedRunNs = sched->runNs;
    entry.schedTimeslices = sched->timeslices;
    return !(same && wasSingle && entry.singleThreaded);
}

void ProcessCollector::readNames(ProcessInfo& info, const UniqueFd& cmdlineFd, const char* name,
    bool ran, const std::string* freshComm)
{
    // The comm to go by: the stat just read, else the one the names were made from (a process
    // that was not read this refresh has not run, so it cannot have changed it).
    static const std::string kNone;
    const std::string& comm = freshComm ? *freshComm : (info.names ? info.names->comm : kNone);
    // Kernel threads have no user space and so no command line: nothing to read.
    Result<std::size_t> n = std::size_t(0);
    if (!info.kernelThread) {
        if (!ran && info.names && info.names->comm == comm)
            return; // it has not run: the names stay shared
        if (cmdlineFd.valid()) {
            n = readFromStart(cmdlineFd.get(), m_buffer, kMaxCmdlineBytes);
        } else {
            char path[64];
            std::snprintf(path, sizeof path, "%s/cmdline", name);
            auto fd = openRegularFile(::dirfd(m_dir->dir), path);
            n = fd ? readFromStart(fd->get(), m_buffer, kMaxCmdlineBytes)
                   : Result<std::size_t>(fd.error());
        }
    }
    const std::string_view text = n ? std::string_view(m_buffer.data(), *n) : std::string_view();
    const Error error = n ? Error::None : n.error();
    if (info.names) {
        // Exited since stat was read: it is gone next refresh; keep what was known.
        if (error == Error::ProcessGone || error == Error::FileMissing)
            return;
        if (info.names->comm == comm && info.names->cmdlineError == error
            && (error != Error::None || joinedCmdlineEquals(info.names->cmdline, text)))
            return; // unchanged: the snapshot keeps sharing the same names
    }
    info.names = m_namesPool.intern(
        comm, error == Error::None ? joinedCmdline(text) : std::string(), error);
}

void ProcessCollector::keepStat(ProcessInfo& info, const PidStat& s) const
{
    info.ppid = s.ppid;
    info.state = s.state;
    info.kernelThread = s.isKernelThread();
    info.priority = s.priority;
    info.nice = s.nice;
    info.threads = s.numThreads;
    info.utimeTicks = s.utimeTicks;
    info.stimeTicks = s.stimeTicks;
    info.cpuTimeKnown = ticksInKernelRange(s.utimeTicks, m_ticksPerSecond)
        && ticksInKernelRange(s.stimeTicks, m_ticksPerSecond);
    info.processor = s.processor;
}

bool ProcessCollector::readStatm(Entry& entry, ProcessInfo& info, const char* name)
{
    const Result<std::size_t> m = readEntryFile(entry.statmFd, name, "statm");
    const auto statm
        = m ? parsePidStatm(std::string_view(m_buffer.data(), *m)) : Result<PidStatm>(m.error());
    // Pages -> KiB: a page count whose KiB do not fit 64 bits is no real process's
    // (KernelNumbers.h): the memory columns are unknown, never a wrapped "4 KiB".
    const auto pageKib = static_cast<std::uint64_t>(m_pageKib);
    std::optional<std::uint64_t> virt, res, shr;
    if (statm) {
        virt = checkedMul(statm->sizePages, pageKib);
        res = checkedMul(statm->residentPages, pageKib);
        shr = checkedMul(statm->sharedPages, pageKib);
    }
    info.memError = !statm        ? statm.error()
        : (!virt || !res || !shr) ? Error::BadNumber
                                  : Error::None;
    const bool known = info.memError == Error::None;
    info.virtKib = known ? *virt : 0;
    info.resKib = known ? *res : 0;
    info.shrKib = known ? *shr : 0;
    return info.memError != Error::ProcessGone;
}

bool ProcessCollector::openNew(
    Entry& entry, ProcessInfo& info, int pid, const char* name, Error& why)
{
    // `why` stays None when the process simply exited between readdir and here: not an error.
    why = Error::None;
    auto gone = [](Error e) { return e == Error::FileMissing || e == Error::ProcessGone; };
    const int dirFd = ::dirfd(m_dir->dir);
    char path[64];
    std::snprintf(path, sizeof path, "%s/stat", name);
    auto statFd = openRegularFile(dirFd, path);
    if (!statFd) {
        why = gone(statFd.error()) ? Error::None : statFd.error();
        return false;
    }
    auto n = readFromStart(statFd->get(), m_buffer, kDefaultMaxFileBytes);
    if (!n) {
        why = gone(n.error()) ? Error::None : n.error();
        return false;
    }
    const Error parsed = parsePidStatInto(std::string_view(m_buffer.data(), *n), m_stat);
    if (parsed != Error::None) {
        // A process that exits while stat is read gives an empty read, not garbage.
        why = parsed == Error::Empty && ::faccessat(dirFd, name, F_OK, 0) != 0 ? Error::None
                                                                               : parsed;
        return false;
    }
    entry.readNs = monotonicNow();
    if (m_stat.pid != pid) {
        why = Error::BadFormat; // stat of another process: not what the kernel writes
        return false;
    }
    keepStat(info, m_stat);
    info.key = ProcessKey { pid, m_stat.startTimeTicks };

    std::snprintf(path, sizeof path, "%s/statm", name);
    UniqueFd statmFd;
    if (auto fd = openRegularFile(dirFd, path)) {
        // Read through the entry's slot, where readStatm looks; gone by now: it is dropped at
        // the next refresh, as before.
        entry.statmFd = std::move(fd).value();
        (void)readStatm(entry, info, name);
        statmFd = std::move(entry.statmFd);
        entry.statmFd.reset();
    } else {
        info.memError = fd.error();
    }
    UniqueFd thirdFd;
    if (!info.kernelThread) {
        // Both are read through once, then one of them is kept (keepFiles) or closed.
        std::snprintf(path, sizeof path, "%s/schedstat", name);
        if (auto fd = openRegularFile(dirFd, path))
            entry.schedstatFd = std::move(fd).value();
        std::snprintf(path, sizeof path, "%s/cmdline", name);
        if (auto fd = openRegularFile(dirFd, path))
            entry.cmdlineFd = std::move(fd).value();
    }
    mayHaveRun(entry, info, name); // the first look: everything is read anyway
    readUid(info, name);
    readNames(info, entry.cmdlineFd, name, true, &m_stat.comm);
    thirdFd = entry.schedTimeslices > 0 ? std::move(entry.schedstatFd) : std::move(entry.cmdlineFd);
    entry.schedstatFd.reset();
    entry.cmdlineFd.reset();
    keepFiles(entry, std::move(statFd).value(), std::move(statmFd), std::move(thirdFd));
    return true;
}

// A kept descriptor is re-read with pread; without one, the file is opened for this read only.
Result<std::size_t> ProcessCollector::readEntryFile(
    const UniqueFd& kept, const char* name, const char* file)
{
    if (kept.valid())
        return readFromStart(kept.get(), m_buffer, kDefaultMaxFileBytes);
    char path[64];
    std::snprintf(path, sizeof path, "%s/%s", name, file);
    auto fd = openRegularFile(::dirfd(m_dir->dir), path);
    if (!fd)
        return fd.error();
    return readFromStart(fd->get(), m_buffer, kDefaultMaxFileBytes);
}

bool ProcessCollector::statIsDue(const Entry& entry, const ProcessInfo& info, int pid) const
{
    // stat is skipped only when the kept schedstat descriptor can tell that the process has not
    // run: a kept descriptor stays with its process (after an exit it reads ESRCH, so a reused pid
    // is never mistaken for the old one), a path could name a newcomer.
    if (!entry.schedstatFd.valid() || entry.schedTimeslices == 0 || info.kernelThread
        || !entry.singleThreaded || entry.rereadStat)
        return true;
    // A parent that exited makes its children orphans: their ppid changes without them running.
    if (std::binary_search(m_vanished.begin(), m_vanished.end(), info.ppid))
        return true;
    // What can change without the process running (nice and policy set by another process) is
    // bounded: every process is read in full at least every kFullStatEvery refreshes, staggered
    // by pid so that the cost is spread evenly.
    return (static_cast<std::uint64_t>(pid) + m_generation) % kFullStatEvery == 0;
}

bool ProcessCollector::readKnown(Entry& entry, ProcessInfo& info, int pid, const char* name)
{
    // A single-threaded process whose main thread has not run since the last look cannot have
    // changed its state, CPU times, thread count or processor: stat (the costliest of the three
    // files: do_task_stat walks the task and its signal struct) is then kept as it was, and statm
    // too unless the kernel reclaimed or swapped since the last refresh (see the header).
    // schedstat is read first, so that whatever the process does after it is seen next time.
    const bool due = statIsDue(entry, info, pid);
    bool ran = mayHaveRun(entry, info, name);
    const bool readStat = ran || due;
    if (readStat) {
        const Result<std::size_t> n = readEntryFile(entry.statFd, name, "stat");
        if (!n || parsePidStatInto(std::string_view(m_buffer.data(), *n), m_stat) != Error::None)
            return false;
        if (m_stat.pid != pid || m_stat.startTimeTicks != info.key.startTimeTicks)
            return false; // the pid was reused: a new process
        keepStat(info, m_stat);
        entry.rereadStat = false;
        // The thread count just read is the one mayHaveRun() goes by next time; another thread
        // now means it may have run now.
        entry.singleThreaded = info.threads == 1;
        ran = ran || !entry.singleThreaded;
    }
    entry.readNs = monotonicNow(); // no new ticks over this interval when it did not run

    // A kernel thread has no memory of its own: its statm reads zeros for good.
    if ((readStat || m_statmOfAll) && !info.kernelThread && !readStatm(entry, info, name))
        return false;

    // An exec, setproctitle or setuid since the last refresh, if it ran.
    if (ran || !info.uidKnown)
        readUid(info, name);
    readNames(info, entry.cmdlineFd, name, ran, readStat ? &m_stat.comm : nullptr);
    return true;
}

std::size_t ProcessCollector::spareListCapacity() const
{
    const std::lock_guard<std::mutex> lock(m_spare->mutex);
    return m_spare->list.capacity();
}

void ProcessCollector::rereadInFull(int pid)
{
    if (auto it = m_entries.find(pid); it != m_entries.end())
        it->second.rereadStat = true;
}

void ProcessCollector::readReclaimEvents()
{
    // Read before any process, so that reclaim after this read moves the next refresh's sum.
    if (!m_vmstatFd.valid()) {
        const std::string path = m_options.procRoot + "/vmstat";
        if (auto fd = openRegularFile(-1, path.c_str()))
            m_vmstatFd = std::move(fd).value();
    }
    Result<std::size_t> n = Error::FileMissing;
    if (m_vmstatFd.valid())
        n = readFromStart(m_vmstatFd.get(), m_buffer, kDefaultMaxFileBytes);
    if (!n || !m_options.keepFilesOpen)
        m_vmstatFd.reset(); // opened again next time
    const auto events = n ? parseReclaimEvents(std::string_view(m_buffer.data(), *n))
                          : Result<ReclaimEvents>(n.error());
    m_statmOfAll = !events || !m_reclaimSum || *m_reclaimSum != events->sum;
    m_reclaimSum = events ? std::optional<std::uint64_t>(events->sum) : std::nullopt;
}

void ProcessCollector::sampleSystem(ProcessSnapshot& snapshot)
{
    const std::string& root = m_options.procRoot;
    // stat, meminfo, loadavg and uptime, read once per tick: the System overview builds on this.
    snapshot.system = readSystemSummary(root);
    SystemSummary& sys = snapshot.system;
    // Start times are btime + starttime: without btime every one is unknown, and says why.
    if (sys.stat && sys.stat->bootTimeUnix
        && *sys.stat->bootTimeUnix <= static_cast<std::uint64_t>(kMaxDateUnixSeconds)) {
        m_bootTimeUnix = *sys.stat->bootTimeUnix;
        m_bootTimeError.clear();
    } else if (!m_bootTimeUnix) {
        // (A btime read once stays right for the whole boot: a later failed read keeps it.)
        m_bootTimeError = !sys.stat ? "cannot read the boot time: " + root
                + "/stat: " + std::string(errorText(sys.statError))
            : !sys.stat->bootTimeUnix
            ? "cannot read the boot time: " + root + "/stat has no btime line"
            : "cannot read the boot time: btime in " + root + "/stat is not a date";
    }
    snapshot.bootTimeError = m_bootTimeError;
    if (sys.stat) {
        if (m_prevCpuTotal) {
            if (const auto busy = cpuBusyPercent(*m_prevCpuTotal, sys.stat->total))
                sys.cpuBusyPercent = *busy;
        }
        m_prevCpuTotal = sys.stat->total;
        if (!sys.stat->cpus.empty())
            m_cpuCount = static_cast<int>(sys.stat->cpus.size());
    }
    sys.cpuCount = m_cpuCount;
}

std::shared_ptr<const ProcessSnapshot> ProcessCollector::refresh()
{
    const std::int64_t cpuStart = nowNs(CLOCK_THREAD_CPUTIME_ID);
    const std::int64_t wallStart = monotonicNow();
    const std::int64_t realStart = nowNs(CLOCK_MONOTONIC);
    // The deleter hands the process list's storage back (SpareList): it may run in another
    // thread, after this collector is gone.
    const std::shared_ptr<ProcessSnapshot> made(
        new ProcessSnapshot, [spare = m_spare](ProcessSnapshot* released) {
            spare->give(std::move(released->processes));
            delete released;
        });
    ProcessSnapshot& snapshot = *made;
    snapshot.sequence = ++m_sequence;
    snapshot.takenAtUnixMs = nowNs(CLOCK_REALTIME) / 1000000;
    snapshot.clockTicksPerSecond = m_ticksPerSecond;
    snapshot.procRoot = m_options.procRoot;
    snapshot.ioSampled = m_options.readIo;
    snapshot.elapsedSeconds
        = m_prevSampleNs ? static_cast<double>(wallStart - m_prevSampleNs) / 1e9 : 0.0;
    sampleSystem(snapshot);
    readReclaimEvents();
    if (!m_visibilityNote) {
        // How /proc is mounted does not change while we run: read it once.
        bool live = false;
        ProcMountOptions mount = readProcMountOptions(m_options.procRoot, &live);
        m_liveProc = live;
        // Root sees every process of a live /proc; a copied tree is as partial as it was made.
        if (m_options.seesAllProcesses.value_or(live && ::geteuid() == 0))
            mount.hidePid = 0;
        m_processesHidden = mount.hidePid != 0;
        m_visibilityNote = mount.explain();
    }
    snapshot.visibilityNote = *m_visibilityNote;
    snapshot.processesHidden = m_processesHidden;

    if (!m_dir->dir) {
        m_dir->dir = openFolderStream(m_options.procRoot.c_str());
        if (!m_dir->dir) {
            snapshot.listError = "cannot list " + m_options.procRoot + ": "
                + std::string(errorText(errorFromErrno(errno)));
            return made; // not kept: the entries still refer to the last listed snapshot
        }
    }
    // Listing /proc is about a tenth of a refresh (the kernel looks up a dentry per pid). When
    // the machine's count of created processes and threads (processes in <root>/stat, read above,
    // before any listing) has not moved since the last refresh, every process there is now was
    // there then: the last snapshot's are walked instead (listFromForkCount).
    const std::optional<std::uint64_t> forks
        = snapshot.system.stat ? snapshot.system.stat->processesCreated : std::nullopt;
    const bool trustForks = m_options.listFromForkCount.value_or(m_liveProc && !m_processesHidden);
    const bool listing = !(trustForks && forks && m_lastForks && *forks == *m_lastForks && m_last);
    if (listing)
        ::rewinddir(m_dir->dir);

    // How many processes the descriptor budget is shared by (keepFiles): the last refresh's, or
    // at the first one the listing counted once.
    m_plannedProcesses = m_entries.size();
    if (m_entries.empty() && m_options.keepFilesOpen) {
        int pid = 0;
        while (dirent* d = ::readdir(m_dir->dir))
            m_plannedProcesses += pidFromName(d->d_name, pid) ? 1 : 0;
        ::rewinddir(m_dir->dir);
    }
    const std::uint32_t generation = ++m_generation;
    // What was known of each listed process: its ProcessInfo in the last snapshot, copied and
    // brought up to date by what is read now.
    const ProcessSnapshot* last = m_last.get();
    std::vector<int> vanished; // for the next refresh: their children were re-parented
    const double ticks = static_cast<double>(m_ticksPerSecond);
    const double cpuCap = 100.0 * m_cpuCount;
    // The first refresh knows the count from its listing (m_plannedProcesses): no doubling of
    // a 2 MB vector at 10,000 processes.
    snapshot.processes = m_spare->take();
    snapshot.processes.reserve(std::max(m_entries.size(), m_plannedProcesses) + 64);
    // One listed process: brought up to date from what was known (its entry and its ProcessInfo
    // in the last snapshot), or read for the first time.
    auto visit = [&](int pid, const char* name) {
        ProcessInfo& info = snapshot.processes.emplace_back();
        Entry* entry = nullptr;
        std::uint64_t prevCpuTicks = 0;
        auto it = m_entries.find(pid);
        if (it != m_entries.end()
            && !(last && it->second.index < last->processes.size()
                && last->processes[it->second.index].key.pid == pid)) {
            // Never expected (every entry is in the last snapshot): read it afresh.
            dropEntry(it->second);
            m_entries.erase(it);
            it = m_entries.end();
        }
        if (it != m_entries.end()) {
            info = last->processes[it->second.index];
            prevCpuTicks = info.cpuTimeTicks().value_or(0);
            if (readKnown(it->second, info, pid, name)) {
                entry = &it->second;
            } else {
                vanished.push_back(pid);
                dropEntry(it->second);
                m_entries.erase(it);
                info = ProcessInfo {};
                prevCpuTicks = 0;
            }
        }
        if (!entry) {
            Error why = Error::None;
            // Built in place: the map's node holds the entry (no second allocation).
            const auto slot = m_entries.try_emplace(pid).first;
            if (!openNew(slot->second, info, pid, name, why)) {
                m_entries.erase(slot);
                snapshot.processes.pop_back();
                // Vanished between readdir and read: no error. Anything else (garbage, a FIFO
                // for stat in a fake tree, a loop) is counted and named, if the entry is still
                // there.
                struct stat st
                {
                };
                if (why != Error::None
                    && ::fstatat(::dirfd(m_dir->dir), name, &st, AT_SYMLINK_NOFOLLOW) == 0)
                    snapshot.unreadable.push_back({ pid, "stat", why });
                return;
            }
            Entry& fresh = slot->second;
            // Started since the previous sample: every tick it has was spent in this interval.
            fresh.prevReadNs = m_prevSampleNs;
            if (m_prevSampleNs > 0 && m_options.readIo) {
                fresh.io = std::make_unique<Entry::Io>();
                fresh.io->rate.startAt(m_prevSampleNs); // and every byte of I/O it did
            }
            entry = &fresh;
        }
        const std::optional<std::uint64_t> cpuTicks = info.cpuTimeTicks();
        if (!cpuTicks) {
            info.cpuPercent = std::nan("");
            entry->readNs = 0; // no rate against an unknown reading next time either
        } else if (entry->prevReadNs > 0 && entry->readNs > entry->prevReadNs
            && *cpuTicks >= prevCpuTicks) {
            const double seconds = static_cast<double>(entry->readNs - entry->prevReadNs) / 1e9;
            const double used = static_cast<double>(*cpuTicks - prevCpuTicks) / ticks;
            info.cpuPercent = std::clamp(100.0 * used / seconds, 0.0, cpuCap);
        } else {
            info.cpuPercent = std::nan("");
        }
        entry->prevReadNs = entry->readNs;
        entry->generation = generation;
        entry->index = static_cast<std::uint32_t>(snapshot.processes.size() - 1);
        // Unknown until read (btime may come later); figured again every refresh, as it is cheap.
        info.startTimeUnixMs
            = startTimeUnixMs(m_bootTimeUnix, info.key.startTimeTicks, m_ticksPerSecond);
        if (m_options.readIo)
            readIo(*entry, info, name);
        if (m_options.readIo && entry->io) {
            info.ioReadBytesPerS = entry->io->rates.readBytesPerS;
            info.ioWriteBytesPerS = entry->io->rates.writeBytesPerS;
            info.ioError = entry->io->error;
        } else {
            info.ioReadBytesPerS = std::nan("");
            info.ioWriteBytesPerS = std::nan("");
            info.ioError = Error::None;
        }
        snapshot.threadCount += static_cast<std::uint64_t>(std::max<std::int64_t>(0, info.threads));
    };
    if (listing) {
        errno = 0;
        while (dirent* d = ::readdir(m_dir->dir)) {
            int pid = 0;
            if (pidFromName(d->d_name, pid))
                visit(pid, d->d_name);
        }
    } else {
        // No process was created since the last refresh: the processes are the last snapshot's
        // (and those whose stat could not be read then), less the ones that exit, which their
        // reads tell. Both lists are in pid order.
        const std::vector<ProcessInfo>& known = last->processes;
        const std::vector<UnreadableProcess>& unread = last->unreadable;
        std::size_t i = 0;
        std::size_t j = 0;
        char name[16];
        while (i < known.size() || j < unread.size()) {
            const bool fromKnown
                = j >= unread.size() || (i < known.size() && known[i].key.pid < unread[j].pid);
            const int pid = fromKnown ? known[i++].key.pid : unread[j++].pid;
            std::snprintf(name, sizeof name, "%d", pid);
            visit(pid, name);
        }
    }

    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->second.generation != generation) {
            vanished.push_back(it->first);
            dropEntry(it->second);
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    // /proc lists pids in ascending order; a tree that does not (a copy on another file system)
    // is sorted, and the entries told where their processes went.
    auto byPid = [](const ProcessInfo& a, const ProcessInfo& b) { return a.key.pid < b.key.pid; };
    if (!std::is_sorted(snapshot.processes.begin(), snapshot.processes.end(), byPid)) {
        std::sort(snapshot.processes.begin(), snapshot.processes.end(), byPid);
        for (std::size_t i = 0; i < snapshot.processes.size(); ++i)
            m_entries.find(snapshot.processes[i].key.pid)->second.index
                = static_cast<std::uint32_t>(i);
    }
    std::sort(snapshot.unreadable.begin(), snapshot.unreadable.end(),
        [](const UnreadableProcess& a, const UnreadableProcess& b) { return a.pid < b.pid; });

    std::sort(vanished.begin(), vanished.end());
    m_vanished = std::move(vanished);
    m_prevSampleNs = wallStart;
    snapshot.samplerCpuMs = static_cast<double>(nowNs(CLOCK_THREAD_CPUTIME_ID) - cpuStart) / 1e6;
    snapshot.samplerWallMs = static_cast<double>(nowNs(CLOCK_MONOTONIC) - realStart) / 1e6;
    m_last = made;
    m_lastForks = forks;
    m_lastListed = listing;
    m_namesPool.sweep(); // names only the processes gone since used (and the snapshots let go)
    return made;
}

} // namespace pg
