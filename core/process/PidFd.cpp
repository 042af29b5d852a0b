// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/PidFd.h"

#include "core/base/ParseUtil.h"

#include <fcntl.h>

namespace pg {

std::string_view fdKindName(FdKind kind)
{
    switch (kind) {
    case FdKind::File:
        return "file";
    case FdKind::DeletedFile:
        return "deleted file";
    case FdKind::Directory:
        return "directory";
    case FdKind::Device:
        return "device";
    case FdKind::Socket:
        return "socket";
    case FdKind::Pipe:
        return "pipe";
    case FdKind::AnonInode:
        return "anon inode";
    case FdKind::Memfd:
        return "memfd";
    case FdKind::Other:
        return "other";
    }
    return "other";
}

namespace {

// "socket:[12345]" -> 12345 when text starts with prefix and ends with ']'.
bool bracketInode(std::string_view text, std::string_view prefix, std::uint64_t& inode)
{
    if (text.substr(0, prefix.size()) != prefix || text.size() < prefix.size() + 3)
        return false;
    std::string_view rest = text.substr(prefix.size());
    if (rest.front() != '[' || rest.back() != ']')
        return false;
    return parse::toInt(rest.substr(1, rest.size() - 2), inode);
}

constexpr std::string_view kDeleted = " (deleted)";

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

} // namespace

FdTarget classifyFdTarget(std::string_view target)
{
    FdTarget out;
    if (bracketInode(target, "socket:", out.inode)) {
        out.kind = FdKind::Socket;
        out.name.assign(target);
        return out;
    }
    if (bracketInode(target, "pipe:", out.inode)) {
        out.kind = FdKind::Pipe;
        out.name.assign(target);
        return out;
    }
    if (target.substr(0, 11) == "anon_inode:") {
        std::string_view type = target.substr(11);
        if (type.size() >= 2 && type.front() == '[' && type.back() == ']')
            type = type.substr(1, type.size() - 2);
        out.kind = FdKind::AnonInode;
        out.name.assign(type);
        return out;
    }
    if (target.substr(0, 7) == "/memfd:") {
        std::string_view name = target.substr(7);
        if (endsWith(name, kDeleted))
            name.remove_suffix(kDeleted.size());
        out.kind = FdKind::Memfd;
        out.name.assign(name);
        return out;
    }
    if (!target.empty() && target.front() == '/') {
        std::string_view path = target;
        const bool deleted = endsWith(path, kDeleted);
        if (deleted)
            path.remove_suffix(kDeleted.size());
        out.name.assign(path);
        if (deleted)
            out.kind = FdKind::DeletedFile;
        else if (path.substr(0, 5) == "/dev/" && path.substr(0, 9) != "/dev/shm/"
            && path.substr(0, 10) != "/dev/mqueue")
            out.kind = FdKind::Device;
        else
            out.kind = FdKind::File;
        return out;
    }
    out.kind = FdKind::Other;
    out.name.assign(target);
    return out;
}

Result<FdInfo> parseFdInfo(std::string_view text)
{
    using namespace parse;
    if (trim(text).empty())
        return Error::Empty;
    FdInfo info;
    bool sawPos = false;
    bool sawFlags = false;
    std::string_view line;
    while (nextLine(text, line)) {
        if (trim(line).empty())
            continue;
        std::string_view key;
        std::string_view value;
        if (!splitKeyValue(line, key, value)) {
            info.extra.emplace_back(line);
            continue;
        }
        if (key == "pos") {
            if (!toInt(value, info.pos))
                return Error::BadNumber;
            sawPos = true;
        } else if (key == "flags") {
            if (!toInt(value, info.flags, 8))
                return Error::BadNumber;
            sawFlags = true;
        } else if (key == "mnt_id") {
            if (!toInt(value, info.mntId))
                return Error::BadNumber;
        } else {
            info.extra.emplace_back(line);
        }
    }
    if (!sawPos || !sawFlags)
        return Error::Truncated;
    return info;
}

std::string describeOpenFlags(std::uint32_t flags)
{
    std::string out;
    switch (flags & O_ACCMODE) {
    case O_RDONLY:
        out = "O_RDONLY";
        break;
    case O_WRONLY:
        out = "O_WRONLY";
        break;
    case O_RDWR:
        out = "O_RDWR";
        break;
    default:
        out = "O_ACCMODE(3)";
        break;
    }
    std::uint32_t rest = flags & ~static_cast<std::uint32_t>(O_ACCMODE);
    struct Named
    {
        std::uint32_t bit;
        const char* name;
    };
    // The kernel's values for this architecture (fdinfo prints the kernel's f_flags); O_LARGEFILE
    // is 0 in 64-bit user space headers but the kernel sets its own bit, so it is named here.
    static const Named names[] = {
        { O_CREAT, "O_CREAT" },
        { O_EXCL, "O_EXCL" },
        { O_NOCTTY, "O_NOCTTY" },
        { O_TRUNC, "O_TRUNC" },
        { O_APPEND, "O_APPEND" },
        { O_NONBLOCK, "O_NONBLOCK" },
        { static_cast<std::uint32_t>(O_SYNC), "O_SYNC" }, // includes O_DSYNC's bit: test it first
        { O_DSYNC, "O_DSYNC" },
        { O_DIRECT, "O_DIRECT" },
#if defined(__x86_64__) || defined(__i386__)
        { 0100000, "O_LARGEFILE" },
#endif
        { static_cast<std::uint32_t>(O_TMPFILE), "O_TMPFILE" }, // includes O_DIRECTORY's bit
        { O_DIRECTORY, "O_DIRECTORY" },
        { O_NOFOLLOW, "O_NOFOLLOW" },
        { O_NOATIME, "O_NOATIME" },
        { O_CLOEXEC, "O_CLOEXEC" },
        { O_PATH, "O_PATH" },
    };
    for (const Named& n : names) {
        if (n.bit != 0 && (rest & n.bit) == n.bit) {
            out += '|';
            out += n.name;
            rest &= ~n.bit;
        }
    }
    if (rest != 0) {
        char octal[16];
        int len = 0;
        char digits[16];
        while (rest != 0 && len < 15) {
            digits[len++] = static_cast<char>('0' + (rest & 7u));
            rest >>= 3;
        }
        octal[0] = '0';
        for (int i = 0; i < len; ++i)
            octal[i + 1] = digits[len - 1 - i];
        out += '|';
        out.append(octal, static_cast<std::size_t>(len + 1));
    }
    return out;
}

} // namespace pg
