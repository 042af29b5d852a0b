// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/ProcessDetails.h"

#include "core/base/KernelNumbers.h"
#include "core/base/ParseUtil.h"
#include "core/base/ProcFs.h"
#include "core/process/PidCmdline.h"
#include "core/system/LoadAvg.h"
#include "core/system/SystemStat.h"

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pg {

namespace {

constexpr std::size_t kSmallFile = 1u << 20; // stat, status, io, limits, cgroup, fdinfo
constexpr std::size_t kEnvironMax = 16u << 20; // environ and cmdline are bounded by ARG_MAX anyway

// Numeric entries of a directory (fd numbers, thread ids), sorted; errors as values.
Result<std::vector<int>> listNumbers(const std::string& dir, std::size_t limit, bool& truncated)
{
    DIR* d = openFolderStream(dir.c_str());
    if (!d)
        return errorFromErrno(errno);
    std::vector<int> numbers;
    while (const dirent* e = ::readdir(d)) {
        int n = 0;
        if (!parse::toInt(std::string_view(e->d_name), n))
            continue;
        if (numbers.size() >= limit) {
            truncated = true;
            break;
        }
        numbers.push_back(n);
    }
    ::closedir(d);
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

template <typename T, typename Parse>
Result<T> readParsed(const std::string& path, std::size_t maxBytes, Parse parse)
{
    auto text = readWholeFile(path, maxBytes);
    if (!text)
        return text.error();
    return parse(*text);
}

Result<std::vector<OpenFile>> readFiles(const std::string& dir, bool& truncated)
{
    auto fds = listNumbers(dir + "/fd", kMaxFds, truncated);
    if (!fds)
        return fds.error();
    std::vector<OpenFile> files;
    files.reserve(fds->size());
    for (int fd : *fds) {
        const std::string name = std::to_string(fd);
        auto target = readLink(dir + "/fd/" + name);
        if (!target)
            continue; // closed between the listing and the readlink
        OpenFile f;
        f.fd = fd;
        f.target = std::move(*target);
        f.what = classifyFdTarget(f.target);
        if (f.what.kind == FdKind::File) {
            struct stat st
            {
            };
            if (::stat((dir + "/fd/" + name).c_str(), &st) == 0 && S_ISDIR(st.st_mode))
                f.what.kind = FdKind::Directory;
        }
        auto info = readWholeFile(dir + "/fdinfo/" + name, kSmallFile);
        if (info) {
            auto parsed = parseFdInfo(*info);
            if (parsed)
                f.info = std::move(*parsed);
            else
                f.infoError = parsed.error();
        } else {
            f.infoError = info.error();
        }
        files.push_back(std::move(f));
    }
    return files;
}

Result<std::vector<ThreadSample>> readThreads(const std::string& dir)
{
    bool truncated = false;
    auto tids = listNumbers(dir + "/task", kMaxThreads, truncated);
    if (!tids)
        return tids.error();
    std::vector<ThreadSample> threads;
    threads.reserve(tids->size());
    for (int tid : *tids) {
        const std::string taskDir = dir + "/task/" + std::to_string(tid);
        auto stat = readWholeFile(taskDir + "/stat", kSmallFile);
        if (!stat)
            continue; // the thread exited
        auto status = readWholeFile(taskDir + "/status", kSmallFile);
        auto thread = parseThread(*stat, status ? std::string_view(*status) : std::string_view());
        if (thread)
            threads.push_back(std::move(*thread));
    }
    return threads;
}

} // namespace

std::optional<double> ProcessDetails::elapsedSeconds() const
{
    if (!stat || !uptimeSeconds || !ticksInKernelRange(stat->startTimeTicks, ticksPerSecond))
        return std::nullopt;
    return std::max(0.0,
        *uptimeSeconds
            - static_cast<double>(stat->startTimeTicks) / static_cast<double>(ticksPerSecond));
}

ProcessDetails readProcessDetails(
    const std::string& procRoot, int pid, const DetailsOptions& options)
{
    ProcessDetails d;
    d.pid = pid;
    d.procRoot = procRoot;
    d.readerUid = static_cast<std::uint32_t>(::geteuid());
    const long tps = ::sysconf(_SC_CLK_TCK);
    d.ticksPerSecond = tps > 0 ? tps : 100;
    const std::string dir = procRoot + "/" + std::to_string(pid);

    d.stat = readParsed<PidStat>(dir + "/stat", kSmallFile, parsePidStat);
    if (d.gone())
        return d;
    d.status = readParsed<PidStatus>(dir + "/status", kSmallFile, parsePidStatus);
    d.cmdline = readParsed<std::vector<std::string>>(
        dir + "/cmdline", kEnvironMax, [](const std::string& t) { return parsePidCmdline(t); });
    if (options.environment)
        d.environ = readParsed<std::vector<EnvVar>>(
            dir + "/environ", kEnvironMax, [](const std::string& t) { return parsePidEnviron(t); });
    d.exe = readLink(dir + "/exe");
    d.cwd = readLink(dir + "/cwd");
    d.wchan = readParsed<std::string>(dir + "/wchan", kSmallFile,
        [](const std::string& t) { return std::string(parse::trim(t)); });
    d.io = readParsed<PidIo>(dir + "/io", kSmallFile, parsePidIo);
    if (options.files)
        d.files = readFiles(dir, d.filesTruncated);
    if (options.threads)
        d.threads = readThreads(dir);
    d.limits = readParsed<std::vector<PidLimit>>(dir + "/limits", kSmallFile, parsePidLimits);
    d.cgroup = readParsed<std::vector<CgroupEntry>>(dir + "/cgroup", kSmallFile, parsePidCgroup);
    if (d.stat && d.stat->ppid > 0)
        d.parentComm
            = readParsed<std::string>(procRoot + "/" + std::to_string(d.stat->ppid) + "/comm",
                kSmallFile, [](const std::string& t) { return std::string(parse::trim(t)); });
    if (d.status && d.status->hasIds) {
        d.realUser = userNameOf(d.status->uid[0]);
        d.effectiveUser = userNameOf(d.status->uid[1]);
    }
    if (auto sys = readParsed<SystemStat>(procRoot + "/stat", kSmallFile, parseSystemStat))
        d.bootTimeUnix = sys->bootTimeUnix;
    if (auto up = readParsed<Uptime>(procRoot + "/uptime", kSmallFile, parseUptime))
        d.uptimeSeconds = up->upSeconds;
    return d;
}

std::string explainReadError(const ProcessDetails& details, std::string_view file, Error error)
{
    std::string text
        = details.procRoot + "/" + std::to_string(details.pid) + "/" + std::string(file) + ": ";
    text += errorText(error);
    if (error == Error::PermissionDenied) {
        const bool otherUser = details.status && details.status->hasIds
            && details.status->uid[1] != details.readerUid;
        text += otherUser
            ? "; the process belongs to another user, and reading this file needs the same user or "
              "root "
              "(CAP_SYS_PTRACE)"
            : "; reading this file needs ptrace access to the process: the same user (and the "
              "process not setuid or otherwise undumpable), or CAP_SYS_PTRACE";
    } else if (error == Error::FileMissing || error == Error::ProcessGone) {
        text += details.gone() ? "; the process has exited" : "";
    }
    return text;
}

std::string userNameOf(std::uint32_t uid)
{
    passwd pw {};
    passwd* result = nullptr;
    char buffer[4096];
    if (::getpwuid_r(uid, &pw, buffer, sizeof buffer, &result) == 0 && result && result->pw_name)
        return result->pw_name;
    return std::to_string(uid);
}

std::string_view schedPolicyName(std::uint64_t policy)
{
    switch (policy) {
    case 0:
        return "SCHED_OTHER";
    case 1:
        return "SCHED_FIFO";
    case 2:
        return "SCHED_RR";
    case 3:
        return "SCHED_BATCH";
    case 5:
        return "SCHED_IDLE";
    case 6:
        return "SCHED_DEADLINE";
    default:
        return "unknown";
    }
}

} // namespace pg
