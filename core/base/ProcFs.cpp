// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/ProcFs.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pg {

Error errorFromErrno(int err)
{
    switch (err) {
    case ENOENT:
        return Error::FileMissing;
    case ENOTDIR:
        return Error::NotAFolder;
    case ELOOP:
        return Error::SymlinkLoop;
    case EISDIR:
        return Error::FolderNotFile;
    case ESRCH:
        return Error::ProcessGone;
    case EACCES:
    case EPERM:
        return Error::PermissionDenied;
    case EFBIG:
        return Error::TooLarge;
    default:
        return Error::IoError;
    }
}

Error errorFromFileMode(unsigned mode)
{
    if (S_ISREG(mode))
        return Error::None;
    if (S_ISFIFO(mode))
        return Error::FifoNotFile;
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return Error::DeviceNotFile;
    if (S_ISSOCK(mode))
        return Error::SocketNotFile;
    if (S_ISDIR(mode))
        return Error::FolderNotFile;
    return Error::IoError; // fstat follows the open, so a symlink cannot be here
}

namespace {

constexpr int kOpenFlags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;

int openFlags(int dirFd, const char* path, int flags)
{
    for (;;) {
        const int fd = dirFd >= 0 ? ::openat(dirFd, path, flags) : ::open(path, flags);
        if (fd >= 0 || errno != EINTR)
            return fd;
    }
}

} // namespace

Result<UniqueFd> openRegularFile(int dirFd, const char* path)
{
    struct stat st
    {
    };
    UniqueFd fd(openFlags(dirFd, path, kOpenFlags));
    if (!fd.valid()) {
        const int err = errno;
        // open(2) of a socket, or of a device without a driver, fails with ENXIO: say which.
        if (err == ENXIO && ::fstatat(dirFd >= 0 ? dirFd : AT_FDCWD, path, &st, 0) == 0)
            if (const Error kind = errorFromFileMode(st.st_mode); kind != Error::None)
                return kind;
        return errorFromErrno(err);
    }
    if (::fstat(fd.get(), &st) != 0)
        return errorFromErrno(errno);
    if (const Error kind = errorFromFileMode(st.st_mode); kind != Error::None)
        return kind;
    return fd;
}

Result<UniqueFd> openFolder(int dirFd, const char* path)
{
    UniqueFd fd(openFlags(dirFd, path, kOpenFlags | O_DIRECTORY));
    if (!fd.valid())
        return errorFromErrno(errno);
    return fd;
}

DIR* openFolderStream(const char* path)
{
    const int fd = openFlags(-1, path, kOpenFlags | O_DIRECTORY);
    if (fd < 0)
        return nullptr;
    DIR* dir = ::fdopendir(fd);
    if (!dir) {
        const int err = errno;
        ::close(fd);
        errno = err;
    }
    return dir;
}

UniqueFd::~UniqueFd()
{
    reset();
}

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept
{
    if (this != &other)
        reset(other.release());
    return *this;
}

void UniqueFd::reset(int fd)
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = fd;
}

namespace {

Result<std::size_t> readToEnd(int fd, std::string& buffer, std::size_t maxBytes, bool positional)
{
    if (buffer.size() < 4096)
        buffer.resize(4096);
    std::size_t used = 0;
    for (;;) {
        if (used == buffer.size()) {
            if (buffer.size() >= maxBytes)
                return Error::TooLarge;
            buffer.resize(std::min(buffer.size() * 2, maxBytes));
        }
        const ssize_t n = positional
            ? ::pread(fd, buffer.data() + used, buffer.size() - used, static_cast<off_t>(used))
            : ::read(fd, buffer.data() + used, buffer.size() - used);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errorFromErrno(errno);
        }
        if (n == 0)
            break;
        used += static_cast<std::size_t>(n);
    }
    return used;
}

} // namespace

Result<std::size_t> preadWhole(int fd, std::string& buffer, std::size_t maxBytes)
{
    return readToEnd(fd, buffer, maxBytes, true);
}

Result<std::string> readWholeFileAt(int dirFd, const char* name, std::size_t maxBytes)
{
    auto fd = openRegularFile(dirFd, name);
    if (!fd)
        return fd.error();
    std::string buffer;
    auto n = readToEnd(fd->get(), buffer, maxBytes, false);
    if (!n)
        return n.error();
    buffer.resize(*n);
    return buffer;
}

Result<std::string> readWholeFile(const std::string& path, std::size_t maxBytes)
{
    return readWholeFileAt(-1, path.c_str(), maxBytes);
}

Error readFileChunksAt(int dirFd, const char* name, std::string& buffer, std::size_t maxBytes,
    const std::function<void(std::string_view)>& consume, std::size_t* bytesRead)
{
    if (buffer.empty())
        buffer.resize(1);
    std::size_t total = 0;
    if (bytesRead)
        *bytesRead = 0;
    auto fd = openRegularFile(dirFd, name);
    if (!fd)
        return fd.error();
    for (;;) {
        // readWholeFile's rule: a file of maxBytes or more is too large.
        if (total >= maxBytes)
            return Error::TooLarge;
        const ssize_t n = ::read(fd->get(), buffer.data(), buffer.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errorFromErrno(errno);
        }
        if (n == 0)
            return Error::None;
        total += static_cast<std::size_t>(n);
        if (bytesRead)
            *bytesRead = total;
        consume(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    }
}

Result<std::string> readLink(const std::string& path)
{
    std::string target(256, '\0');
    for (;;) {
        const ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
        if (n < 0)
            return errorFromErrno(errno);
        if (static_cast<std::size_t>(n) < target.size()) {
            target.resize(static_cast<std::size_t>(n));
            return target;
        }
        if (target.size() >= 65536)
            return Error::TooLarge;
        target.resize(target.size() * 2);
    }
}

} // namespace pg
