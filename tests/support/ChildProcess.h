// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers for tests that start child processes of their own.

#include "core/base/ProcFs.h"
#include "core/process/PidStat.h"

#include <csignal>
#include <string>
#include <sys/types.h>
#include <sys/wait.h>

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

} // namespace pgtest
