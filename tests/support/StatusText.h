// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The text of a /proc/PID/status for fake /proc trees: a process with user memory (Vm* lines)
// or without (a kernel thread or zombie prints none).

#include <string>

namespace pgtest {

inline std::string statusText(const std::string& name, unsigned uid, bool userMemory)
{
    const std::string id = std::to_string(uid);
    std::string s = "Name:\t" + name + "\nState:\tS (sleeping)\nTgid:\t1\nPid:\t1\nPPid:\t0\n"
        + "Uid:\t" + id + "\t" + id + "\t" + id + "\t" + id + "\n" + "Gid:\t0\t0\t0\t0\n";
    if (userMemory)
        s += "VmPeak:\t 10000 kB\nVmSize:\t 9000 kB\nVmRSS:\t 900 kB\n";
    return s + "Threads:\t1\n";
}

} // namespace pgtest
