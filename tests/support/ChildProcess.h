// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers for tests that start child processes of their own.

#include "core/base/ProcFs.h"
#include "core/process/PidStat.h"

#include <csignal>
#include <functional>
#include <string>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace pgtest {

// A child process the test started itself: killed and reaped when it goes out of scope (so a
// test that ends early leaves nothing running).
struct Child
{
    pid_t pid = -1;
    Child() = default;
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    ~Child()
    {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
    }
};

// The state letter of /proc/PID/stat (field 3), or '?' when it cannot be read.
inline char stateOf(int pid)
{
    auto text = pg::readWholeFile("/proc/" + std::to_string(pid) + "/stat");
    if (!text)
        return '?';
    auto stat = pg::parsePidStat(*text);
    return stat ? stat->state : '?';
}

// Forks a child that runs `setup` (which returns false when it failed), tells the parent it is
// ready, and then sleeps until killed. Returns its pid once it is ready, or -1 (fork failed, or
// setup failed and the child exited). Keep the pid in a Child so that it is killed and reaped.
inline pid_t forkReadyChild(const std::function<bool()>& setup)
{
    int ready[2];
    if (::pipe(ready) != 0)
        return -1;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(ready[0]);
        if (!setup())
            ::_exit(1);
        const char c = 'r';
        (void)!::write(ready[1], &c, 1);
        for (;;)
            ::pause();
    }
    ::close(ready[1]);
    char c = 0;
    const bool ok = pid > 0 && ::read(ready[0], &c, 1) == 1;
    ::close(ready[0]);
    if (!ok && pid > 0) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    }
    return ok ? pid : -1;
}

} // namespace pgtest
