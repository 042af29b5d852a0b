#include "ProcFs.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace pg {

Error errorFromErrno(int err)
{
    switch (err) {
    case ENOENT:
    case ENOTDIR:
        return Error::FileMissing;
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
    const int fd = dirFd >= 0 ? ::openat(dirFd, name, O_RDONLY | O_CLOEXEC)
                              : ::open(name, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errorFromErrno(errno);
    UniqueFd owner(fd);
    std::string buffer;
    auto n = readToEnd(fd, buffer, maxBytes, false);
    if (!n)
        return n.error();
    buffer.resize(*n);
    return buffer;
}

Result<std::string> readWholeFile(const std::string& path, std::size_t maxBytes)
{
    return readWholeFileAt(-1, path.c_str(), maxBytes);
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
