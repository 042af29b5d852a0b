#include "ProcessActions.h"

#include "ParseUtil.h"
#include "PidStat.h"
#include "ProcFs.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace pg {

namespace {

#ifndef SYS_pidfd_open
constexpr long SYS_pidfd_open = 434;
#endif
#ifndef SYS_pidfd_send_signal
constexpr long SYS_pidfd_send_signal = 424;
#endif

ActionOutcome fail(const ProcessKey& key, int err, bool isNice)
{
    return ActionOutcome { key, err, explainActionErrno(err, isNice) };
}

// 0 when `key` still names the process with that pid; ESRCH when it exited or the pid was reused.
int checkIdentity(const std::string& procRoot, const ProcessKey& key)
{
    auto text = readWholeFile(procRoot + "/" + std::to_string(key.pid) + "/stat", 1u << 16);
    if (!text)
        return text.error() == Error::PermissionDenied ? EPERM : ESRCH;
    auto stat = parsePidStat(*text);
    if (!stat || stat->startTimeTicks != key.startTimeTicks)
        return ESRCH;
    return 0;
}

} // namespace

const std::vector<SignalChoice>& supportedSignals()
{
    static const std::vector<SignalChoice> signals = {
        { SIGTERM, "SIGTERM", "ask it to terminate (it may clean up, or ignore it)" },
        { SIGKILL, "SIGKILL", "kill it at once (cannot be caught or ignored)" },
        { SIGSTOP, "SIGSTOP", "stop (pause) it (cannot be caught)" },
        { SIGCONT, "SIGCONT", "continue a stopped process" },
        { SIGHUP, "SIGHUP", "hang up (daemons often reload their configuration)" },
        { SIGINT, "SIGINT", "interrupt, as Ctrl+C in a terminal" },
        { SIGUSR1, "SIGUSR1", "user-defined signal 1" },
        { SIGUSR2, "SIGUSR2", "user-defined signal 2" },
    };
    return signals;
}

std::string signalName(int signal)
{
    for (const SignalChoice& s : supportedSignals()) {
        if (s.signal == signal)
            return std::string(s.name);
    }
    const char* abbrev = ::sigabbrev_np(signal);
    return abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(signal);
}

bool actionsAllowed(const std::string& procRoot)
{
    return procRoot == "/proc" || procRoot == "/proc/";
}

std::string explainActionErrno(int err, bool isNice)
{
    const char* name = ::strerrorname_np(err);
    const char* desc = ::strerrordesc_np(err);
    std::string text = std::string(name ? name : "errno " + std::to_string(err)) + " ("
        + (desc ? desc : "unknown error") + ")";
    switch (err) {
    case EPERM:
        text += isNice
            ? ": the process belongs to another user; only root (CAP_SYS_NICE) may renice it"
            : ": the process belongs to another user; only its owner or root (CAP_KILL) may signal "
              "it";
        break;
    case EACCES:
        text += isNice ? ": lowering the nice value (raising priority) needs root or CAP_SYS_NICE, "
                         "or a higher RLIMIT_NICE"
                       : ": not allowed";
        break;
    case ESRCH:
        text += ": the process has exited (or its pid now belongs to another process)";
        break;
    case EINVAL:
        text += isNice ? ": the nice value must be between -20 and 19" : ": not a valid signal";
        break;
    case EXDEV:
        text += ": actions work on the live /proc only, not on a copied or fixture tree";
        break;
    default:
        break;
    }
    return text;
}

ActionOutcome sendSignal(const std::string& procRoot, const ProcessKey& key, int signal)
{
    if (!actionsAllowed(procRoot))
        return fail(key, EXDEV, false);
    if (key.pid <= 0)
        return fail(key, ESRCH, false);
    // A pidfd pins the process: once the start time matches, the signal cannot reach a new owner of
    // the pid even if the process exits in between.
    const long pidfd = ::syscall(SYS_pidfd_open, key.pid, 0);
    if (pidfd < 0 && errno != ENOSYS)
        return fail(key, errno, false);
    UniqueFd owner(pidfd >= 0 ? static_cast<int>(pidfd) : -1);
    if (const int err = checkIdentity(procRoot, key); err != 0)
        return fail(key, err, false);
    const long rc = owner.valid()
        ? ::syscall(SYS_pidfd_send_signal, owner.get(), signal, nullptr, 0u)
        : ::kill(key.pid, signal);
    if (rc != 0)
        return fail(key, errno, false);
    return ActionOutcome { key, 0, {} };
}

ActionOutcome setNice(const std::string& procRoot, const ProcessKey& key, int nice)
{
    if (!actionsAllowed(procRoot))
        return fail(key, EXDEV, true);
    if (nice < -20 || nice > 19)
        return fail(key, EINVAL, true);
    if (const int err = checkIdentity(procRoot, key); err != 0)
        return fail(key, err, true);
    const std::string taskDir = procRoot + "/" + std::to_string(key.pid) + "/task";
    DIR* d = openFolderStream(taskDir.c_str());
    if (!d)
        return fail(key, errno == ENOENT ? ESRCH : errno, true);
    int firstError = 0;
    bool any = false;
    while (const dirent* e = ::readdir(d)) {
        int tid = 0;
        if (!parse::toInt(std::string_view(e->d_name), tid))
            continue;
        if (::setpriority(PRIO_PROCESS, static_cast<id_t>(tid), nice) == 0) {
            any = true;
        } else if (errno != ESRCH && firstError == 0) {
            firstError = errno;
        }
    }
    ::closedir(d);
    if (firstError != 0)
        return fail(key, firstError, true);
    if (!any)
        return fail(key, ESRCH, true);
    return ActionOutcome { key, 0, {} };
}

} // namespace pg
