// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/system/KernelVersion.h"

#include "core/base/ParseUtil.h"
#include "core/base/ProcFs.h"

#include <cerrno>
#include <sys/utsname.h>

namespace pg {

namespace {

// Takes a "(...)" group with nested parentheses off the front of `s` (after spaces); returns its
// inside, or false when `s` does not start with a balanced group.
bool takeGroup(std::string_view& s, std::string_view& inside)
{
    s = parse::trim(s);
    if (s.empty() || s.front() != '(')
        return false;
    int depth = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '(')
            ++depth;
        else if (s[i] == ')' && --depth == 0) {
            inside = s.substr(1, i - 1);
            s.remove_prefix(i + 1);
            return true;
        }
    }
    return false;
}

} // namespace

Result<KernelVersion> parseKernelVersion(std::string_view text)
{
    using namespace parse;
    const std::size_t nl = text.find('\n');
    std::string_view line = trim(text.substr(0, nl));
    if (line.empty())
        return Error::Empty;
    KernelVersion v;
    v.text = std::string(line);
    v.sysname = std::string(nextToken(line));
    if (nextToken(line) != "version")
        return Error::BadFormat;
    v.release = std::string(nextToken(line));
    if (v.release.empty())
        return Error::Truncated;
    std::string_view group;
    if (!takeGroup(line, group))
        return line.empty() ? Error::Truncated : Error::BadFormat;
    v.builtBy = std::string(group);
    if (!takeGroup(line, group))
        return line.empty() ? Error::Truncated : Error::BadFormat;
    v.compiler = std::string(group);
    v.version = std::string(trim(line));
    return v;
}

Result<UnameInfo> readUname()
{
    utsname u {};
    if (::uname(&u) != 0)
        return errorFromErrno(errno);
    return UnameInfo { u.sysname, u.nodename, u.release, u.version, u.machine };
}

} // namespace pg
