// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How /proc is mounted, from /proc/mounts (proc(5), "/proc/pid/mounts"): with hidepid= a user sees
// only their own processes, and with subset=pid the system-wide files (interrupts, stat, ...) are
// not there at all. Procglass says so instead of showing a short list as if it were complete.

#include <string>
#include <string_view>

namespace pg {

struct ProcMountOptions
{
    bool found = false; // a proc mount at /proc was listed
    int hidePid = 0; // 0 off; 1 noaccess; 2 invisible; 4 ptraceable
    bool subsetPid = false; // subset=pid: only the process directories

    // One line for the UI, empty when nothing is hidden.
    std::string explain() const;
};

// The options of the proc filesystem mounted at `mountPoint` in a mounts file's text. Lines that
// are not in the mounts format are skipped: the file is only a hint.
ProcMountOptions parseProcMountOptions(
    std::string_view mountsText, std::string_view mountPoint = "/proc");

// How the /proc tree at `procRoot` is mounted. A live proc filesystem is looked up in the live
// mount table, <root>/self/mounts, by its real path: subset=pid hides <root>/mounts itself (it is
// not a process directory) but keeps self. A copied tree (a fixture, not procfs) describes the
// machine it came from: its own self/mounts or mounts, at /proc. `isLiveProc` says which it was.
ProcMountOptions readProcMountOptions(const std::string& procRoot, bool* isLiveProc = nullptr);

} // namespace pg
