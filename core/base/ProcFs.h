// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading files under a /proc root (the real one or a fake tree in tests). Reading is kept apart
// from parsing: every parser takes the text these functions return.

#include "core/base/Result.h"

#include <cstddef>
#include <dirent.h>
#include <functional>
#include <string>
#include <string_view>

namespace pg {

// Files in /proc report size 0, so they are read to EOF in chunks; `maxBytes` guards against an
// unbounded file (an smaps of a process with millions of mappings, a fake tree's huge file).
inline constexpr std::size_t kDefaultMaxFileBytes = 64u * 1024u * 1024u;

// RAII owner of a file descriptor.
class UniqueFd final
{
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd)
        : m_fd(fd)
    { }
    ~UniqueFd();
    UniqueFd(UniqueFd&& other) noexcept
        : m_fd(other.release())
    { }
    UniqueFd& operator=(UniqueFd&& other) noexcept;
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }
    void reset(int fd = -1);

private:
    int m_fd = -1;
};

Error errorFromErrno(int err);

// The error for a file type that is not a regular file (st_mode of fstat), or None for one.
Error errorFromFileMode(unsigned mode);

// Every file under a /proc or /sys root is opened here, so the rule lives in one place: open with
// O_NONBLOCK (a FIFO in a fake tree or a bind mount opens at once instead of waiting for a writer
// that never comes), O_NOCTTY (a terminal there never becomes ours) and O_CLOEXEC; then fstat,
// and refuse anything but a regular file (FifoNotFile, DeviceNotFile, SocketNotFile,
// FolderNotFile) before a single byte is read. Real /proc and /sys files are regular files of
// st_size 0. `path` is absolute, or relative to `dirFd` when dirFd >= 0.
Result<UniqueFd> openRegularFile(int dirFd, const char* path);

// The same for a folder (O_DIRECTORY: anything else fails with NotAFolder).
Result<UniqueFd> openFolder(int dirFd, const char* path);

// opendir(3) under the same rule, for readdir loops: nullptr with errno set on failure, like
// opendir. Close with closedir.
DIR* openFolderStream(const char* path);

// Opens `path` (absolute, or relative to `dirFd` when dirFd >= 0) with openRegularFile and reads
// it whole.
Result<std::string> readWholeFile(
    const std::string& path, std::size_t maxBytes = kDefaultMaxFileBytes);
Result<std::string> readWholeFileAt(
    int dirFd, const char* name, std::size_t maxBytes = kDefaultMaxFileBytes);

// Hands the bytes of `name` under the open folder `dirFd` to `consume` a chunk at a time, as they
// are read into the caller's `buffer` (whose size is the chunk size: reused from one file to the
// next), until the end of the file: for many files in a row that need not be held whole (every
// process's smaps). The errors are readWholeFile()'s for the same file, TooLarge included
// (`maxBytes` counts every chunk). `bytesRead` gets the total.
Error readFileChunksAt(int dirFd, const char* name, std::string& buffer, std::size_t maxBytes,
    const std::function<void(std::string_view)>& consume, std::size_t* bytesRead = nullptr);
// One file too large to hold whole, a chunk at a time while a thread reads ahead: ReadAheadFile.h.

// Reads an already open fd from offset 0 with pread, into `buffer` (reused across calls to avoid
// allocations on the sampler's hot path). Returns the number of bytes or an error.
Result<std::size_t> preadWhole(
    int fd, std::string& buffer, std::size_t maxBytes = kDefaultMaxFileBytes);

// Target of a symlink such as /proc/PID/exe.
Result<std::string> readLink(const std::string& path);

} // namespace pg
