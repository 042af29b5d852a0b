// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/PID/environ, proc(5): the initial environment, each NAME=VALUE string ending in a NUL.
// Values may be empty or contain '='; only the first '=' separates the name. A process may put a
// string without '=' in its environment (execve does not check); it is kept, marked.

#include <string>
#include <string_view>
#include <vector>

namespace pg {

struct EnvVar
{
    std::string name; // raw bytes before the first '='
    std::string value; // raw bytes after it; may be empty or contain '='
    bool hasEquals = true; // false for a string without '=' (then name holds all of it)
};

// Never fails: every byte sequence is a valid environ. Empty strings (from padding) are skipped.
std::vector<EnvVar> parsePidEnviron(std::string_view text);

} // namespace pg
