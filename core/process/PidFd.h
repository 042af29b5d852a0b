// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/PID/fd and /proc/PID/fdinfo, proc(5). Each fd is a symlink whose target names what is open:
// a path (" (deleted)" appended once it was unlinked), "socket:[inode]", "pipe:[inode]",
// "anon_inode:[eventfd]" / "anon_inode:inotify", "/memfd:name (deleted)", a namespace
// ("net:[4026531840]"). fdinfo/N holds "pos:", "flags:" (octal open(2) flags) and "mnt_id:" lines,
// followed by type-specific lines (eventfd-count, inotify wd, ...).

#include "core/base/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

enum class FdKind {
    File,
    DeletedFile, // unlinked while open: the data stays until the last close
    Directory, // not told apart from File by the link text; set by the reader from the mode
    Device, // a path under /dev/
    Socket,
    Pipe,
    AnonInode, // eventfd, eventpoll, inotify, timerfd, signalfd, pidfd, bpf ...
    Memfd, // memfd_create(2): anonymous memory with a name
    Other, // namespaces ("net:[...]") and anything unknown
};

std::string_view fdKindName(FdKind kind); // "file", "deleted file", "socket", ...

struct FdTarget
{
    FdKind kind = FdKind::Other;
    std::string name; // path without " (deleted)"; anon inode type without brackets; memfd name
    std::uint64_t inode = 0; // socket:[N] and pipe:[N]
};

// Classifies the text of a /proc/PID/fd/N symlink. Pure: never touches the file system.
FdTarget classifyFdTarget(std::string_view target);

struct FdInfo
{
    std::uint64_t pos = 0; // file offset
    std::uint32_t flags = 0; // open(2) flags, octal in the file
    int mntId = -1; // mnt_id, -1 on kernels before 3.15
    std::vector<std::string> extra; // remaining lines, raw ("eventfd-count: 0")
};

Result<FdInfo> parseFdInfo(std::string_view text);

// "O_RDWR|O_APPEND|O_CLOEXEC"; unknown bits as an octal remainder ("O_RDONLY|0200000000").
std::string describeOpenFlags(std::uint32_t flags);

} // namespace pg
