// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The walk every system-wide memory reader shares: list the pid folders of a /proc root, skip
// kernel threads and zombies (status prints no Vm* lines for them), read one per-process file
// (smaps_rollup or smaps) and hand its text to a visitor. What cannot be read is counted and
// named with the reason; a process that exits during the walk counts as vanished, not as a
// failure. Runs on the caller's thread and checks `stop` before each process.

#include "core/base/Result.h"
#include "core/process/PidStatus.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

// A process whose memory could not be read, and why (PermissionDenied, BadFormat, ...).
struct CensusSkip
{
    int pid = 0;
    std::string comm; // empty when even status could not be read
    Error error = Error::None;
};

// What a walk covered, beside what it read.
struct CensusCoverage
{
    std::vector<CensusSkip> skipped; // could not be read: counted and named
    int withoutUserMemory = 0; // kernel threads and zombies: no user memory
    int vanished = 0; // exited between the listing and the read
    bool stopped = false; // `stop` was set: the lists are partial
    Error listError = Error::None; // the /proc root itself could not be listed
};

// Called with each process's status and the text of the file; returns Error::None, or the
// reason its text could not be used (the process is then listed as skipped).
using ProcessFileVisitor
    = std::function<Error(int pid, const PidStatus& status, std::string_view text)>;
// Called once the pids are listed (done 0) and after each process, with the number done and the
// number listed.
using WalkProgress = std::function<void(std::size_t done, std::size_t total)>;

struct ProcessWalk
{
    std::string procRoot = "/proc";
    const char* file = "smaps_rollup"; // the per-process file to read
    std::size_t maxBytes = 64u * 1024u * 1024u;
    const std::atomic<bool>* stop = nullptr;
    WalkProgress progress;
    // When set, only these pids are read (a second pass over the candidates of a first one);
    // otherwise every pid folder of procRoot.
    std::optional<std::vector<int>> pids;
};

// Walks every numeric folder of walk.procRoot (or walk.pids) in pid order.
CensusCoverage walkProcesses(const ProcessWalk& walk, const ProcessFileVisitor& visit);

// The same walk for files too large to hold whole (every process's smaps): each process's file is
// handed over in chunks of `chunkBytes` as it is read. begin() comes first, then chunk() for each
// read, then end() with Error::None when the whole file was read, or the read's error (end() then
// returns it, or its own error for the text).
struct ProcessStreamVisitor
{
    std::function<void(int pid, const PidStatus& status)> begin;
    std::function<void(std::string_view chunk)> chunk;
    std::function<Error(Error readError)> end;
};
CensusCoverage walkProcessesStreamed(
    const ProcessWalk& walk, std::size_t chunkBytes, const ProcessStreamVisitor& visit);

// One line on what a walk could not count, or empty when it counted every process: "3 processes
// not counted: permission denied for 2 (1 systemd, 412 sshd; another user's memory needs ptrace
// access: run as root), ...". At most `examples` pids are named per reason; the hint for a
// refusal depends on whether we already are root.
std::string censusSkipSummary(const CensusCoverage& coverage, std::size_t examples = 3);

} // namespace pg
