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
    IoError, // any other errno
};

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
