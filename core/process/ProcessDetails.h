// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Everything Procglass shows about one process, read from <procRoot>/<pid>/. Each part keeps its
// own Result so that a tab can say which file failed and why (environ, fd and io of another user's
// process need ptrace access: the same user or root). Reading is done by the details sampler in
// the sampler thread; the GUI only gets the finished value.

#include "core/base/Result.h"
#include "core/process/PidCgroup.h"
#include "core/process/PidEnviron.h"
#include "core/process/PidFd.h"
#include "core/process/PidIo.h"
#include "core/process/PidLimits.h"
#include "core/process/PidStat.h"
#include "core/process/PidStatus.h"
#include "core/process/PidTask.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

struct OpenFile
{
    int fd = -1;
    std::string target; // the raw link text
    FdTarget what; // classified target
    std::optional<FdInfo> info; // fdinfo/N
    Error infoError = Error::None; // why info is missing
};

struct ProcessDetails
{
    int pid = 0;
    std::string procRoot;
    long ticksPerSecond = 100;
    std::uint32_t readerUid = 0; // effective uid of the reader: to explain permission errors

    Result<PidStat> stat { Error::FileMissing };
    Result<PidStatus> status { Error::FileMissing };
    Result<std::vector<std::string>> cmdline { Error::FileMissing };
    Result<std::vector<EnvVar>> environ { Error::FileMissing };
    Result<std::string> exe { Error::FileMissing };
    Result<std::string> cwd { Error::FileMissing };
    Result<std::string> wchan { Error::FileMissing };
    Result<PidIo> io { Error::FileMissing };
    Result<std::vector<OpenFile>> files { Error::FileMissing };
    bool filesTruncated = false; // more than kMaxFds descriptors: the first ones only
    Result<std::vector<ThreadSample>> threads { Error::FileMissing };
    Result<std::vector<PidLimit>> limits { Error::FileMissing };
    Result<std::vector<CgroupEntry>> cgroup { Error::FileMissing };
    Result<std::string> parentComm { Error::FileMissing };
    std::string realUser, effectiveUser; // names of status's real and effective uid
    std::optional<std::uint64_t> bootTimeUnix; // btime of <root>/stat
    std::optional<double> uptimeSeconds; // <root>/uptime at the time of the read

    // The process vanished (stat could not be read because it is gone).
    bool gone() const
    {
        return !stat && (stat.error() == Error::FileMissing || stat.error() == Error::ProcessGone);
    }
    bool kernelThread() const { return stat && stat->isKernelThread(); }
    std::uint64_t startTimeTicks() const { return stat ? stat->startTimeTicks : 0; }
    // Seconds since the process started, when uptime and stat are known.
    std::optional<double> elapsedSeconds() const;
};

inline constexpr std::size_t kMaxFds = 20000;
inline constexpr std::size_t kMaxThreads = 10000;

struct DetailsOptions
{
    bool threads = true;
    bool files = true;
    bool environment = true;
};

ProcessDetails readProcessDetails(
    const std::string& procRoot, int pid, const DetailsOptions& options = {});

// "/proc/1234/environ: permission denied: it belongs to another user; reading it needs the same
// user or root (CAP_SYS_PTRACE)". `file` is the name under /proc/PID ("environ", "fd", "io").
std::string explainReadError(const ProcessDetails& details, std::string_view file, Error error);

// Name of `uid` from the password database, or the number.
std::string userNameOf(std::uint32_t uid);

// The scheduling policy of stat field (41): "SCHED_OTHER", "SCHED_FIFO", ...
std::string_view schedPolicyName(std::uint64_t policy);

} // namespace pg
