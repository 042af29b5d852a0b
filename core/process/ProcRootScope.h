// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Whose processes a /proc root shows, and so whether Procglass may act on them. Signals and renice
// end up naming a process by number (setpriority, and kill on kernels before 5.1), and a number
// names the same process only inside the PID namespace the procfs belongs to. In a PID namespace
// that still sees its parent's /proc (`unshare -fp` without --mount-proc) the table shows the
// parent's numbers; acting on "pid 2" there would hit this namespace's pid 2. So actions are
// allowed on a procfs of our own PID namespace only, and refused with a reason otherwise.

#include <optional>
#include <string>
#include <string_view>

namespace pg {

enum class ProcRootScope {
    Ours, // a procfs of our own PID namespace: its numbers are our numbers
    Fixture, // a copied or fixture tree: its pids are not real processes
    OtherPidNamespace, // a procfs of another PID namespace: its numbers name other processes here
    RemoteHost, // another machine's processes (--host, through PCP): their numbers name ours here
    Recording, // processes recorded in a PCP archive (--archive): gone, or someone else here now
};

struct ProcRootCheck
{
    ProcRootScope scope = ProcRootScope::Fixture;
    std::string reason; // empty for Ours; a sentence for the UI and ActionOutcome otherwise
    bool actionsAllowed() const { return scope == ProcRootScope::Ours; }
};

// Pure decision from what was observed about the root:
// - isProcfs: statfs says PROC_SUPER_MAGIC;
// - selfPid: the number `<root>/self` points to (nullopt: missing or not a number);
// - ourPid: getpid();
// - nsPidLevels: how many numbers the NSpid line of `<root>/self/status` has (one per PID
//   namespace from the procfs's own down to ours; 0 when unknown, e.g. before Linux 4.1).
// A procfs without a `self` we can see belongs to a namespace we are not in. A `self` that is not
// us means the numbers differ: that is how another namespace looks (and how tests simulate one
// with a fixture tree whose `self` points elsewhere). NSpid catches the rare case where our
// number happens to be the same in both namespaces.
ProcRootScope classifyProcRoot(
    bool isProcfs, std::optional<int> selfPid, int ourPid, int nsPidLevels);

// The number of values on the "NSpid:" line of a /proc/PID/status text; 0 without such a line.
int countNsPidLevels(std::string_view statusText);

// Looks at the root (readlink, statfs, one small read) and explains a refusal.
ProcRootCheck checkProcRoot(const std::string& procRoot);

// For RemoteHost, `procRoot` is the host as the user named it.
std::string procRootReason(ProcRootScope scope, const std::string& procRoot);

// The check for the processes of a Performance Co-Pilot host: never allowed.
ProcRootCheck remoteHostCheck(const std::string& host);
// The check for the processes of a recording (`name`: "archive lunch"): never allowed.
ProcRootCheck recordingCheck(const std::string& name);

} // namespace pg
