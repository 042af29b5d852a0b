// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Errors are values in core/: a parser or reader returns Result<T>, never throws, and never turns
// garbage into a silent 0.

#include <optional>
#include <string_view>
#include <utility>

namespace pg {

enum class Error {
    None,
    FileMissing, // ENOENT: the file (or the whole process) is not there
    ProcessGone, // ESRCH: the process exited between two reads
    PermissionDenied, // EACCES/EPERM
    Truncated, // the text ends before a required field
    BadNumber, // a field that must be a number is not one
    BadFormat, // the text does not have the file's shape
    Empty, // the file is empty where text is required
    TooLarge, // over the reader's size limit
    TooManyCpus, // a CPU header with more columns than kMaxInterruptCpus (Interrupts.h)
    IoError, // any other errno
    // A file under a /proc or /sys root that is not a regular file (a fake tree, a bind mount):
    // refused after open, before any read, so a FIFO cannot block the sampler.
    FifoNotFile, // a FIFO (named pipe)
    DeviceNotFile, // a character or block device
    SocketNotFile, // a Unix socket
    FolderNotFile, // a directory where a file is expected (also EISDIR)
    NotAFolder, // ENOTDIR: a component of the path (or the folder expected) is not a directory
    SymlinkLoop, // ELOOP: too many levels of symbolic links
};

// True for the errors that say "this path is not a regular file" (FIFO, device, socket, folder).
bool isNotRegularFile(Error error);

// A short English phrase for the error, for tooltips and the command line.
std::string_view errorText(Error error);

template <typename T> class [[nodiscard]] Result final
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(Error error)
        : m_error(error)
    { }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    Error error() const { return m_error; }

    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    T* operator->() { return &*m_value; }
    const T& operator*() const& { return *m_value; }
    T valueOr(T fallback) const { return m_value ? *m_value : std::move(fallback); }

private:
    std::optional<T> m_value;
    Error m_error = Error::None;
};

} // namespace pg
