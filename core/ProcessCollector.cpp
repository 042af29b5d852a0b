#include "ProcessCollector.h"

#include "LoadAvg.h"
#include "MemInfo.h"
#include "ParseUtil.h"
#include "PidCmdline.h"
#include "PidStatm.h"
#include "ProcMounts.h"
#include "SystemStat.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
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

struct ProcessCollector::Entry
{
    ProcessKey key;
    UniqueFd statFd;
    UniqueFd statmFd;
    PidStat stat;
    PidStatm statm;
    Error memError = Error::None;
    std::shared_ptr<const ProcessNames> names;
    std::uint32_t uid = 0;
    bool uidKnown = false;
    std::shared_ptr<const std::string> user;
    std::uint64_t prevCpuTicks = 0;
    std::int64_t prevReadNs = 0; // 0: no previous reading (first sample)
    std::int64_t readNs = 0;
    double cpuPercent = std::nan("");
    std::uint64_t generation = 0;
};

ProcessCollector::ProcessCollector()
    : ProcessCollector(Options {})
{ }

ProcessCollector::ProcessCollector(Options options)
    : m_options(std::move(options))
    , m_dir(std::make_unique<DirHandle>())
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
    if (entry.statFd.valid())
        --m_keptFds;
    if (entry.statmFd.valid())
        --m_keptFds;
    entry.statFd.reset();
    entry.statmFd.reset();
}

void ProcessCollector::readUid(Entry& entry, const char* name)
{
    // The owner is the uid of the /proc/PID directory, as htop shows it.
    struct stat st
    {
    };
    if (::fstatat(::dirfd(m_dir->dir), name, &st, 0) == 0) {
        if (!entry.uidKnown || entry.uid != st.st_uid || !entry.user) {
            entry.uid = st.st_uid;
            entry.user = userName(st.st_uid);
        }
        entry.uidKnown = true;
    }
}

void ProcessCollector::readNames(Entry& entry, const char* name)
{
    auto names = std::make_shared<ProcessNames>();
    names->comm = entry.stat.comm;
    std::string path = std::string(name) + "/cmdline";
    auto text = readWholeFileAt(::dirfd(m_dir->dir), path.c_str(), 1u << 20);
    if (text) {
        names->argv = parsePidCmdline(*text);
        names->cmdline = joinCmdline(names->argv);
    } else {
        names->cmdlineError = text.error();
    }
    entry.names = std::move(names);
}

std::unique_ptr<ProcessCollector::Entry> ProcessCollector::openNew(
    int pid, const char* name, Error& why)
{
    auto entry = std::make_unique<Entry>();
    const int dirFd = ::dirfd(m_dir->dir);
    char path[64];
    std::snprintf(path, sizeof path, "%s/stat", name);
    auto statFd = openRegularFile(dirFd, path);
    if (!statFd) {
        why = statFd.error();
        return nullptr;
    }
    auto n = preadWhole(statFd->get(), m_buffer);
    if (!n) {
        why = n.error();
        return nullptr;
    }
    if (const Error e = parsePidStatInto(std::string_view(m_buffer.data(), *n), entry->stat);
        e != Error::None) {
        why = e;
        return nullptr;
    }
    entry->readNs = monotonicNow();
    if (entry->stat.pid != pid)
        return nullptr;
    entry->key = ProcessKey { pid, entry->stat.startTimeTicks };

    std::snprintf(path, sizeof path, "%s/statm", name);
    auto statmFd = openRegularFile(dirFd, path);
    if (statmFd) {
        auto m = preadWhole(statmFd->get(), m_buffer);
        auto statm = m ? parsePidStatm(std::string_view(m_buffer.data(), *m))
                       : Result<PidStatm>(m.error());
        if (statm)
            entry->statm = *statm;
        entry->memError = statm ? Error::None : statm.error();
    } else {
        entry->memError = statmFd.error();
    }
    readUid(*entry, name);
    readNames(*entry, name);

    if (m_options.keepFilesOpen && m_keptFds + 2 <= m_fdBudget && statmFd) {
        entry->statFd = std::move(statFd).value();
        entry->statmFd = std::move(statmFd).value();
        m_keptFds += 2;
    }
    return entry;
}

// A kept descriptor is re-read with pread; without one, the file is opened for this read only.
Result<std::size_t> ProcessCollector::readEntryFile(
    const UniqueFd& kept, const char* name, const char* file)
{
    if (kept.valid())
        return preadWhole(kept.get(), m_buffer);
    char path[64];
    std::snprintf(path, sizeof path, "%s/%s", name, file);
    auto fd = openRegularFile(::dirfd(m_dir->dir), path);
    if (!fd)
        return fd.error();
    return preadWhole(fd->get(), m_buffer);
}

bool ProcessCollector::readKnown(Entry& entry, int pid, const char* name)
{
    const std::string previousComm = entry.stat.comm;
    const Result<std::size_t> n = readEntryFile(entry.statFd, name, "stat");
    if (!n || parsePidStatInto(std::string_view(m_buffer.data(), *n), entry.stat) != Error::None)
        return false;
    entry.readNs = monotonicNow();
    if (entry.stat.pid != pid || entry.stat.startTimeTicks != entry.key.startTimeTicks)
        return false; // the pid was reused: a new process

    const Result<std::size_t> m = readEntryFile(entry.statmFd, name, "statm");
    auto statm
        = m ? parsePidStatm(std::string_view(m_buffer.data(), *m)) : Result<PidStatm>(m.error());
    if (statm)
        entry.statm = *statm;
    else if (statm.error() == Error::ProcessGone)
        return false;
    entry.memError = statm ? Error::None : statm.error();

    readUid(entry, name);
    if (entry.stat.comm != previousComm)
        readNames(entry, name); // an exec changed the program: its cmdline changed too
    return true;
}

void ProcessCollector::noteSkipped(ProcessSnapshot& snapshot, const char* name, Error why) const
{
    if (snapshot.skippedNotes.size() < kMaxSkippedNotes)
        snapshot.skippedNotes.push_back(
            m_options.procRoot + "/" + name + "/stat: " + std::string(errorText(why)));
    ++snapshot.skippedCount;
}

void ProcessCollector::fillInfo(const Entry& e, ProcessInfo& info) const
{
    info.key = e.key;
    info.ppid = e.stat.ppid;
    info.state = e.stat.state;
    info.kernelThread = e.stat.isKernelThread();
    info.uid = e.uid;
    info.uidKnown = e.uidKnown;
    info.user = e.user;
    info.names = e.names;
    info.priority = e.stat.priority;
    info.nice = e.stat.nice;
    info.threads = e.stat.numThreads;
    info.utimeTicks = e.stat.utimeTicks;
    info.stimeTicks = e.stat.stimeTicks;
    info.cpuPercent = e.cpuPercent;
    info.memError = e.memError;
    const auto pageKib = static_cast<std::uint64_t>(m_pageKib);
    info.virtKib = e.statm.sizePages * pageKib;
    info.resKib = e.statm.residentPages * pageKib;
    info.shrKib = e.statm.sharedPages * pageKib;
    info.startTimeUnixMs = static_cast<std::int64_t>(m_bootTimeUnix) * 1000
        + static_cast<std::int64_t>(
            e.stat.startTimeTicks * 1000 / static_cast<std::uint64_t>(m_ticksPerSecond));
    info.processor = e.stat.processor;
}

void ProcessCollector::sampleSystem(ProcessSnapshot& snapshot)
{
    SystemSummary& sys = snapshot.system;
    const std::string& root = m_options.procRoot;
    if (auto text = readWholeFile(root + "/stat")) {
        if (auto stat = parseSystemStat(*text)) {
            if (stat->bootTimeUnix)
                m_bootTimeUnix = *stat->bootTimeUnix;
            if (m_prevCpuTotal) {
                const CpuTimes& prev = *m_prevCpuTotal;
                const CpuTimes& cur = stat->total;
                if (cur.total() > prev.total() && cur.idleAll() >= prev.idleAll()) {
                    const double total = static_cast<double>(cur.total() - prev.total());
                    const double idle = static_cast<double>(cur.idleAll() - prev.idleAll());
                    sys.cpuBusyPercent = std::clamp(100.0 * (total - idle) / total, 0.0, 100.0);
                }
            }
            m_prevCpuTotal = stat->total;
            if (!stat->cpus.empty())
                m_cpuCount = static_cast<int>(stat->cpus.size());
            sys.stat = std::move(stat.value());
        }
    }
    if (auto text = readWholeFile(root + "/meminfo")) {
        if (auto mem = parseMemInfo(*text))
            sys.memInfo = std::move(mem.value());
    }
    if (auto text = readWholeFile(root + "/loadavg")) {
        if (auto load = parseLoadAvg(*text))
            sys.loadAvg = *load;
    }
    if (auto text = readWholeFile(root + "/uptime")) {
        if (auto up = parseUptime(*text))
            sys.uptime = *up;
    }
    sys.cpuCount = m_cpuCount;
}

ProcessSnapshot ProcessCollector::sample()
{
    const std::int64_t cpuStart = nowNs(CLOCK_THREAD_CPUTIME_ID);
    const std::int64_t wallStart = monotonicNow();
    const std::int64_t realStart = nowNs(CLOCK_MONOTONIC);
    ProcessSnapshot snapshot;
    snapshot.sequence = ++m_sequence;
    snapshot.takenAtUnixMs = nowNs(CLOCK_REALTIME) / 1000000;
    snapshot.clockTicksPerSecond = m_ticksPerSecond;
    snapshot.procRoot = m_options.procRoot;
    snapshot.elapsedSeconds
        = m_prevSampleNs ? static_cast<double>(wallStart - m_prevSampleNs) / 1e9 : 0.0;
    sampleSystem(snapshot);
    if (!m_visibilityNote) {
        // How /proc is mounted does not change while we run: read it once.
        ProcMountOptions mount;
        if (auto text = readWholeFile(m_options.procRoot + "/mounts", 1u << 20))
            mount = parseProcMountOptions(*text);
        if (m_options.seesAllProcesses.value_or(::geteuid() == 0))
            mount.hidePid = 0;
        m_visibilityNote = mount.explain();
    }
    snapshot.visibilityNote = *m_visibilityNote;

    if (!m_dir->dir) {
        m_dir->dir = openFolderStream(m_options.procRoot.c_str());
        if (!m_dir->dir) {
            snapshot.listError = "cannot list " + m_options.procRoot + ": "
                + std::string(errorText(errorFromErrno(errno)));
            return snapshot;
        }
    } else {
        ::rewinddir(m_dir->dir);
    }

    const std::uint64_t generation = ++m_generation;
    const double ticks = static_cast<double>(m_ticksPerSecond);
    const double cpuCap = 100.0 * m_cpuCount;
    snapshot.processes.reserve(m_entries.size() + 64);
    errno = 0;
    while (dirent* d = ::readdir(m_dir->dir)) {
        int pid = 0;
        if (!pidFromName(d->d_name, pid))
            continue;
        Entry* entry = nullptr;
        auto it = m_entries.find(pid);
        if (it != m_entries.end()) {
            if (readKnown(*it->second, pid, d->d_name)) {
                entry = it->second.get();
            } else {
                dropEntry(*it->second);
                m_entries.erase(it);
            }
        }
        if (!entry) {
            Error why = Error::None;
            auto fresh = openNew(pid, d->d_name, why);
            if (!fresh) {
                // Vanished between readdir and read: dropped without a message. Anything else
                // (a FIFO for stat in a fake tree, a loop, garbage) is said, once per sample.
                struct stat st
                {
                };
                if (why != Error::None && why != Error::FileMissing && why != Error::ProcessGone
                    && ::fstatat(::dirfd(m_dir->dir), d->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
                    noteSkipped(snapshot, d->d_name, why);
                continue;
            }
            // Started since the previous sample: every tick it has was spent in this interval.
            fresh->prevReadNs = m_prevSampleNs;
            fresh->prevCpuTicks = 0;
            entry = fresh.get();
            m_entries[pid] = std::move(fresh);
        }
        const std::uint64_t cpuTicks = entry->stat.utimeTicks + entry->stat.stimeTicks;
        if (entry->prevReadNs > 0 && entry->readNs > entry->prevReadNs
            && cpuTicks >= entry->prevCpuTicks) {
            const double seconds = static_cast<double>(entry->readNs - entry->prevReadNs) / 1e9;
            const double used = static_cast<double>(cpuTicks - entry->prevCpuTicks) / ticks;
            entry->cpuPercent = std::clamp(100.0 * used / seconds, 0.0, cpuCap);
        } else {
            entry->cpuPercent = std::nan("");
        }
        entry->prevCpuTicks = cpuTicks;
        entry->prevReadNs = entry->readNs;
        entry->generation = generation;

        ProcessInfo& info = snapshot.processes.emplace_back();
        fillInfo(*entry, info);
        snapshot.threadCount += static_cast<std::uint64_t>(std::max<std::int64_t>(0, info.threads));
    }

    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->second->generation != generation) {
            dropEntry(*it->second);
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    std::sort(snapshot.processes.begin(), snapshot.processes.end(),
        [](const ProcessInfo& a, const ProcessInfo& b) { return a.key.pid < b.key.pid; });

    m_prevSampleNs = wallStart;
    snapshot.samplerCpuMs = static_cast<double>(nowNs(CLOCK_THREAD_CPUTIME_ID) - cpuStart) / 1e6;
    snapshot.samplerWallMs = static_cast<double>(nowNs(CLOCK_MONOTONIC) - realStart) / 1e6;
    return snapshot;
}

std::string describeSkipped(const ProcessSnapshot& snapshot)
{
    if (snapshot.skippedCount == 0)
        return {};
    std::string text = std::to_string(snapshot.skippedCount)
        + (snapshot.skippedCount == 1 ? " process is" : " processes are") + " not listed: ";
    constexpr std::size_t kShown = 3;
    for (std::size_t i = 0; i < snapshot.skippedNotes.size() && i < kShown; ++i) {
        if (i > 0)
            text += "; ";
        text += snapshot.skippedNotes[i];
    }
    if (snapshot.skippedCount > kShown)
        text += "; …";
    return text;
}

} // namespace pg
