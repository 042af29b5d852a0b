// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A process (or one of its threads) held by its /proc/PID directory, opened once. Every later step
// goes through that file descriptor: reading `stat` for the identity check (openat), listing the
// threads, and signalling (pidfd_send_signal(2) accepts a /proc/PID directory fd as a pidfd, since
// Linux 5.1). The number is resolved exactly once, by the open, in the namespace of the procfs the
// user was looking at; nothing is looked up by number again in our own namespace, which may be
// another one.
//
// Why the fd holds the process: the inode of /proc/PID refers to the kernel's `struct pid`, not to
// the number. When the process is reaped, that struct pid loses its task for good; a new process
// that gets the same number gets a new struct pid. So the directory fd never starts to mean the new
// process: reads through it fail (ENOENT/ESRCH) and a signal through it fails with ESRCH.

#include "core/base/ProcFs.h"

#include <cstdint>
#include <string>
#include <vector>

namespace pg {

class HeldProcess final
{
public:
    HeldProcess() = default;

    // Opens <procRoot>/<pid> (O_DIRECTORY | O_NOFOLLOW). err: 0, ESRCH when there is no such
    // process, otherwise the errno.
    static HeldProcess open(const std::string& procRoot, int pid, int& err);

    bool valid() const { return m_dir.valid(); }
    int pid() const { return m_pid; }
    int dirFd() const { return m_dir.get(); }

    // 0 when stat read through the held directory has this start time; ESRCH when the process is
    // gone or is another one; EPERM when it cannot be read.
    int checkStartTime(std::uint64_t startTimeTicks) const;

    // True while the held struct pid still has its task (alive, or a zombie not yet reaped). While
    // it does, its number cannot have been given to anyone else.
    bool attached() const;

    // pidfd_send_signal on the directory fd: 0 or the errno (ENOSYS before Linux 5.1).
    int sendSignal(int signal) const;

    // The thread ids listed in task/; err as for open().
    std::vector<int> threadIds(int& err) const;
    // task/<tid> of this process, held the same way; found only if tid is a thread of this process.
    HeldProcess thread(int tid, int& err) const;

private:
    HeldProcess(UniqueFd dir, int pid)
        : m_dir(std::move(dir))
        , m_pid(pid)
    { }

    UniqueFd m_dir;
    int m_pid = 0;
};

} // namespace pg
