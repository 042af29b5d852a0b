// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/PID/cmdline, proc(5): the arguments, each ending in a NUL. Empty for kernel threads and
// zombies. A process that rewrites its argv (setproctitle) may leave one string with spaces and no
// NULs, or trailing NUL padding; both are handled.

#include <string>
#include <string_view>
#include <vector>

namespace pg {

std::vector<std::string> parsePidCmdline(std::string_view text);

// The argv joined by single spaces, as ps -o args shows it.
std::string joinCmdline(const std::vector<std::string>& argv);

// joinCmdline(parsePidCmdline(text)) in one pass, without the argument list: the NULs between
// arguments become spaces, the trailing ones go.
std::string joinedCmdline(std::string_view text);

// Whether `text` joins to exactly `joined`, without allocating: the sampler re-reads every
// cmdline each refresh (setproctitle changes nothing else it could watch) and rebuilds the names
// only when what they show differs.
bool joinedCmdlineEquals(std::string_view joined, std::string_view text);

} // namespace pg
