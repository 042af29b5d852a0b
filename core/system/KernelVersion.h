// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/version, proc(5): "SYSNAME version RELEASE (USER@HOST) (COMPILER) VERSION", the same
// string as linux_banner in init/version.c. The compiler part nests parentheses
// ("(gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld ... 2.40)"). uname(2) gives the same release and
// version plus the node name and machine, the fields `uname -a` prints.

#include "core/base/Result.h"

#include <string>
#include <string_view>

namespace pg {

struct KernelVersion
{
    std::string text; // the whole line, without the trailing newline
    std::string sysname; // "Linux"
    std::string release; // uname -r
    std::string builtBy; // "user@host"
    std::string compiler; // "gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld ..."
    std::string version; // uname -v: "#1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 (2023-09-29)"
};

Result<KernelVersion> parseKernelVersion(std::string_view text);

struct UnameInfo
{
    std::string sysname, nodename, release, version, machine;
};

// uname(2) of the running kernel (not of a --proc-root tree).
Result<UnameInfo> readUname();

} // namespace pg
