// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/HeldProcess.h"

#include "core/base/ParseUtil.h"
#include "core/process/PidStat.h"

#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace pg {

namespace {

#ifndef SYS_pidfd_send_signal
constexpr long SYS_pidfd_send_signal = 424;
#endif

constexpr int kDirFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

int openErrno()
{
    return errno == ENOENT ? ESRCH : errno;
}

} // namespace

HeldProcess HeldProcess::open(const std::string& procRoot, int pid, int& err)
{
    err = 0;
    if (pid <= 0) {
        err = ESRCH;
        return {};
    }
    // Not O_PATH: pidfd_send_signal wants a file whose operations are procfs's, which an O_PATH
    // file does not have (EBADF).
    const std::string path = procRoot + "/" + std::to_string(pid);
    UniqueFd dir(::open(path.c_str(), kDirFlags));
    if (!dir.valid()) {
        err = openErrno();
        return {};
    }
    return HeldProcess(std::move(dir), pid);
}

int HeldProcess::checkStartTime(std::uint64_t startTimeTicks) const
{
    auto text = readWholeFileAt(m_dir.get(), "stat", 1u << 16);
    if (!text)
        return text.error() == Error::PermissionDenied ? EPERM : ESRCH;
    auto stat = parsePidStat(*text);
    if (!stat || stat->startTimeTicks != startTimeTicks)
        return ESRCH;
    return 0;
}

bool HeldProcess::attached() const
{
    // Looking up a name under /proc/PID asks the kernel for the struct pid's task (a cached entry
    // is revalidated the same way), and fails with ENOENT once it has none.
    struct stat st
    {
    };
    return ::fstatat(m_dir.get(), "stat", &st, 0) == 0;
}

int HeldProcess::sendSignal(int signal) const
{
    if (::syscall(SYS_pidfd_send_signal, m_dir.get(), signal, nullptr, 0u) == 0)
        return 0;
    return errno;
}

std::vector<int> HeldProcess::threadIds(int& err) const
{
    err = 0;
    std::vector<int> tids;
    const int fd = ::openat(m_dir.get(), "task", kDirFlags);
    if (fd < 0) {
        err = openErrno();
        return tids;
    }
    DIR* d = ::fdopendir(fd); // owns fd from here on
    if (!d) {
        err = errno;
        ::close(fd);
        return tids;
    }
    while (const dirent* e = ::readdir(d)) {
        int tid = 0;
        if (parse::toInt(std::string_view(e->d_name), tid) && tid > 0)
            tids.push_back(tid);
    }
    ::closedir(d);
    return tids;
}

HeldProcess HeldProcess::thread(int tid, int& err) const
{
    err = 0;
    const std::string name = "task/" + std::to_string(tid);
    UniqueFd dir(::openat(m_dir.get(), name.c_str(), kDirFlags));
    if (!dir.valid()) {
        err = openErrno();
        return {};
    }
    return HeldProcess(std::move(dir), tid);
}

} // namespace pg
