// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/ProcRootScope.h"

#include "core/base/ParseUtil.h"
#include "core/base/ProcFs.h"
#include "core/process/PidStatus.h"

#include <sys/vfs.h>
#include <unistd.h>

namespace pg {

namespace {

constexpr long kProcSuperMagic = 0x9fa0; // PROC_SUPER_MAGIC, linux/magic.h

} // namespace

ProcRootScope classifyProcRoot(
    bool isProcfs, std::optional<int> selfPid, int ourPid, int nsPidLevels)
{
    if (!selfPid)
        return isProcfs ? ProcRootScope::OtherPidNamespace : ProcRootScope::Fixture;
    if (*selfPid != ourPid)
        return ProcRootScope::OtherPidNamespace;
    if (!isProcfs)
        return ProcRootScope::Fixture;
    if (nsPidLevels > 1)
        return ProcRootScope::OtherPidNamespace;
    return ProcRootScope::Ours;
}

int countNsPidLevels(std::string_view statusText)
{
    auto status = parsePidStatus(statusText);
    if (!status)
        return 0;
    auto value = status->value("NSpid");
    if (!value)
        return 0;
    std::string_view rest = *value;
    int levels = 0;
    for (std::string_view token = parse::nextToken(rest); !token.empty();
         token = parse::nextToken(rest))
        ++levels;
    return levels;
}

ProcRootCheck checkProcRoot(const std::string& procRoot)
{
    struct statfs fs
    {
    };
    const bool isProcfs
        = ::statfs(procRoot.c_str(), &fs) == 0 && static_cast<long>(fs.f_type) == kProcSuperMagic;
    std::optional<int> selfPid;
    if (auto link = readLink(procRoot + "/self"); link) {
        int pid = 0;
        if (parse::toInt(std::string_view(*link), pid) && pid > 0)
            selfPid = pid;
    }
    int levels = 0;
    if (isProcfs && selfPid) {
        if (auto text = readWholeFile(procRoot + "/self/status", 1u << 16); text)
            levels = countNsPidLevels(*text);
    }
    ProcRootCheck check;
    check.scope = classifyProcRoot(isProcfs, selfPid, static_cast<int>(::getpid()), levels);
    check.reason = procRootReason(check.scope, procRoot);
    return check;
}

std::string procRootReason(ProcRootScope scope, const std::string& procRoot)
{
    switch (scope) {
    case ProcRootScope::Ours:
        return {};
    case ProcRootScope::OtherPidNamespace:
        return std::string("This /proc") + (procRoot == "/proc" ? "" : " (" + procRoot + ")")
            + " belongs to another PID namespace: the process numbers it shows are not ours, so "
              "signals and renice are disabled.";
    case ProcRootScope::RemoteHost:
        return "Signals are not sent to a remote host: these are the processes of " + procRoot
            + " (through Performance Co-Pilot), and their process numbers name other processes, "
              "or none, on this machine; signals and renice are disabled.";
    case ProcRootScope::Recording:
        return "Signals are not sent to a recording: these are the processes recorded in "
            + procRoot
            + " (a Performance Co-Pilot archive), gone or replaced by others on this machine "
              "now; signals and renice are disabled.";
    case ProcRootScope::Fixture:
        break;
    }
    return procRoot
        + " is not the live /proc (a copied or fixture tree): its process numbers are not real "
          "processes, so signals and renice are disabled.";
}

ProcRootCheck remoteHostCheck(const std::string& host)
{
    return { ProcRootScope::RemoteHost, procRootReason(ProcRootScope::RemoteHost, host) };
}

ProcRootCheck recordingCheck(const std::string& name)
{
    return { ProcRootScope::Recording, procRootReason(ProcRootScope::Recording, name) };
}

} // namespace pg
