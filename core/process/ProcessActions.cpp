// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/ProcessActions.h"

#include "core/process/HeldProcess.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <sys/stat.h>

namespace pg {

namespace {

std::function<void(const ProcessKey&)>& actionHook()
{
    static std::function<void(const ProcessKey&)> hook;
    return hook;
}

ActionOutcome fail(const ProcessKey& key, int err, bool isNice)
{
    return ActionOutcome { key, err, explainActionErrno(err, isNice) };
}

ActionOutcome refuse(const ProcessKey& key, const ProcRootCheck& root)
{
    return ActionOutcome { key, EXDEV, root.reason, root.scope };
}

// Opens the process and checks that it is the one the user confirmed; runs the test hook after.
HeldProcess holdConfirmed(const std::string& procRoot, const ProcessKey& key, int& err)
{
    HeldProcess process = HeldProcess::open(procRoot, key.pid, err);
    if (err == 0)
        err = process.checkStartTime(key.startTimeTicks);
    if (err == 0 && actionHook())
        actionHook()(key);
    return process;
}

// Whether some task has the number `tid` now (our thread having ended, someone else's).
bool numberInUse(const std::string& procRoot, int tid)
{
    struct stat st
    {
    };
    return ::stat((procRoot + "/" + std::to_string(tid)).c_str(), &st) == 0;
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
    return checkProcRoot(procRoot).actionsAllowed();
}

void setActionHookForTests(std::function<void(const ProcessKey&)> hook)
{
    actionHook() = std::move(hook);
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

// Signals. The process is held by its /proc/PID directory from before the identity check, and the
// signal is sent with pidfd_send_signal(2) on that directory fd, which the kernel accepts as a
// pidfd. So the number is resolved once, by the procfs the user was looking at, and the signal goes
// to the struct pid whose stat we just read: if the process exits and its number is reused after
// the check, the signal fails with ESRCH instead of reaching the newcomer.
//
// pidfd_open(pid) is not used: it resolves the number again, in *our* PID namespace, while the
// identity was read through the proc root. Those are two lookups of one number that can name two
// processes (that was the bug: the dialog named the parent namespace's `2 kthreadd`, and our
// namespace's pid 2 got the signal), and a pidfd cannot be used to read stat, so the identity check
// could not go through it. Every kernel with pidfd_open (5.3) has pidfd_send_signal (5.1), so it
// would never be needed as a fallback either. Before 5.1 (ENOSYS) the only way left is kill() by
// number: only done because checkProcRoot() proved the procfs's numbers are ours, and right after
// the held directory shows the process still has its number; a reuse within those two system calls
// would need the pid counter to wrap around to this very number in between.
ActionOutcome sendSignal(const std::string& procRoot, const ProcessKey& key, int signal)
{
    if (const ProcRootCheck root = checkProcRoot(procRoot); !root.actionsAllowed())
        return refuse(key, root);
    int err = 0;
    const HeldProcess process = holdConfirmed(procRoot, key, err);
    if (err != 0)
        return fail(key, err, false);
    err = process.sendSignal(signal);
    if (err == ENOSYS)
        err = !process.attached() ? ESRCH : ::kill(key.pid, signal) == 0 ? 0 : errno;
    if (err != 0)
        return fail(key, err, false);
    return ActionOutcome { key, 0, {} };
}

// Renice. There is no setpriority() on a pidfd, so the thread ids must be passed as numbers; this
// is safe only when the numbers are ours (checkProcRoot) and while they are held:
//
// 1. The process is held by its /proc/PID directory from before the identity check (start time read
//    through it), and each thread by its task/TID directory, opened under the held process (so only
//    a thread of that process can be found).
// 2. A number is freed only when its task is reaped (release_task detaches the struct pid), and a
//    struct pid, once detached, never gets a task again; a new process with the same number gets a
//    new struct pid. So if the held thread is still attached after setpriority(tid), its number
//    was never free between the check before and the check after, and setpriority(tid) found that
//    thread: the renice reached the confirmed process and nobody else.
// 3. Each setpriority is bracketed by attached() checks on the held thread, a few microseconds
//    apart. If the thread is gone after the call, it ended somewhere in that window, and the
//    renice may (in theory) have reached a newcomer with its number: that needs the thread to exit,
//    be reaped and the pid counter to wrap around to exactly this number (or root to set
//    ns_last_pid / clone3 set_tid) within two system calls. We cannot undo it, but we do not stay
//    silent: if the number is in use again right after, the outcome is an error saying so.
// A pid reused before the identity check (the common case: the process exited while the dialog
// was open) is refused without touching anyone, because the held directory is the newcomer's and
// its start time differs; a reuse after the check and before the threads are listed finds the held
// directory empty (ESRCH).
ActionOutcome setNice(const std::string& procRoot, const ProcessKey& key, int nice)
{
    if (const ProcRootCheck root = checkProcRoot(procRoot); !root.actionsAllowed())
        return refuse(key, root);
    if (nice < -20 || nice > 19)
        return fail(key, EINVAL, true);
    int err = 0;
    const HeldProcess process = holdConfirmed(procRoot, key, err);
    if (err != 0)
        return fail(key, err, true);
    const std::vector<int> tids = process.threadIds(err);
    if (err != 0)
        return fail(key, err, true);
    int firstError = 0;
    int lostTid = 0;
    bool any = false;
    for (const int tid : tids) {
        const HeldProcess thread = process.thread(tid, err);
        if (err != 0 || !thread.attached()) {
            if (err != 0 && err != ESRCH && firstError == 0)
                firstError = err;
            continue; // ended since the listing
        }
        if (::setpriority(PRIO_PROCESS, static_cast<id_t>(tid), nice) != 0) {
            if (errno != ESRCH && firstError == 0)
                firstError = errno;
            continue;
        }
        if (thread.attached())
            any = true;
        else if (lostTid == 0 && numberInUse(procRoot, tid))
            lostTid = tid;
    }
    if (lostTid != 0) {
        ActionOutcome outcome = fail(key, ESRCH, true);
        outcome.message += "; thread " + std::to_string(lostTid)
            + " ended while it was being reniced and its number already belongs to another "
              "process, which may have been reniced instead";
        return outcome;
    }
    if (firstError != 0)
        return fail(key, firstError, true);
    if (!any || !process.attached())
        return fail(key, ESRCH, true);
    return ActionOutcome { key, 0, {} };
}

} // namespace pg
