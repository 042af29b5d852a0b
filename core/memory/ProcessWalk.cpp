// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/memory/ProcessWalk.h"

#include "core/base/ProcFs.h"

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <map>
#include <unistd.h>

namespace pg {

namespace {

// A folder name that is a pid: digits only, no sign, no leading zero.
bool pidOf(const char* name, int& pid)
{
    if (name[0] < '1' || name[0] > '9')
        return false;
    long v = 0;
    for (const char* p = name; *p; ++p) {
        if (*p < '0' || *p > '9' || v > 100000000)
            return false;
        v = v * 10 + (*p - '0');
    }
    pid = static_cast<int>(v);
    return true;
}

bool gone(Error e)
{
    return e == Error::FileMissing || e == Error::ProcessGone;
}

// A failed read of `pid`: it vanished, or it is skipped with the reason.
void countFailure(CensusCoverage& out, int pid, std::string comm, Error e)
{
    if (gone(e))
        ++out.vanished;
    else
        out.skipped.push_back({ pid, std::move(comm), e });
}

Result<PidStatus> readStatus(int dirFd)
{
    auto text = readWholeFileAt(dirFd, "status");
    return text ? parsePidStatus(*text) : Result<PidStatus>(text.error());
}

// Reads the process's file under its open folder and visits it: Error::None, or why not.
using ReadAndVisit = std::function<Error(int dirFd, int pid, const PidStatus& status)>;

void walkOne(
    const ProcessWalk& walk, int pid, const ReadAndVisit& readAndVisit, CensusCoverage& out)
{
    const std::string dirPath = walk.procRoot + "/" + std::to_string(pid);
    auto dir = openFolder(-1, dirPath.c_str());
    if (!dir)
        return countFailure(out, pid, {}, dir.error());
    auto status = readStatus(dir->get());
    if (!status)
        return countFailure(out, pid, {}, status.error());
    // A kernel thread has no user memory, and neither has a zombie: status prints no Vm* lines
    // for them, and their smaps files are empty or fail with ESRCH.
    if (!status->vmSizeKib) {
        ++out.withoutUserMemory;
        return;
    }
    const Error e = readAndVisit(dir->get(), pid, *status);
    if (e == Error::None)
        return;
    if (gone(e) || e == Error::Empty) {
        // Exited (or became a zombie) since status was read? Then it is simply gone.
        auto now = readStatus(dir->get());
        if (!now || !now->vmSizeKib) {
            ++out.vanished;
            return;
        }
    }
    out.skipped.push_back({ pid, status->name, e });
}

CensusCoverage walkPids(const ProcessWalk& walk, const ReadAndVisit& readAndVisit)
{
    CensusCoverage out;
    std::vector<int> pids;
    if (walk.pids) {
        pids = *walk.pids;
    } else if (DIR* d = openFolderStream(walk.procRoot.c_str())) {
        while (const dirent* e = ::readdir(d)) {
            int pid = 0;
            if (pidOf(e->d_name, pid))
                pids.push_back(pid);
        }
        ::closedir(d);
    } else {
        out.listError = errorFromErrno(errno);
        return out;
    }
    std::sort(pids.begin(), pids.end());
    if (walk.progress)
        walk.progress(0, pids.size());
    for (std::size_t i = 0; i < pids.size(); ++i) {
        if (walk.stop && walk.stop->load(std::memory_order_relaxed)) {
            out.stopped = true;
            break;
        }
        walkOne(walk, pids[i], readAndVisit, out);
        if (walk.progress)
            walk.progress(i + 1, pids.size());
    }
    return out;
}

} // namespace

CensusCoverage walkProcesses(const ProcessWalk& walk, const ProcessFileVisitor& visit)
{
    return walkPids(walk, [&](int dirFd, int pid, const PidStatus& status) {
        auto text = readWholeFileAt(dirFd, walk.file, walk.maxBytes);
        if (!text)
            return text.error();
        if (text->empty())
            return Error::Empty;
        return visit(pid, status, *text);
    });
}

CensusCoverage walkProcessesStreamed(
    const ProcessWalk& walk, std::size_t chunkBytes, const ProcessStreamVisitor& visit)
{
    std::string buffer(std::max<std::size_t>(chunkBytes, 1), '\0'); // one for the whole walk
    return walkPids(walk, [&](int dirFd, int pid, const PidStatus& status) {
        visit.begin(pid, status);
        std::size_t bytes = 0;
        Error e = readFileChunksAt(dirFd, walk.file, buffer, walk.maxBytes, visit.chunk, &bytes);
        if (e == Error::None && bytes == 0)
            e = Error::Empty;
        return visit.end(e);
    });
}

std::string censusSkipSummary(const CensusCoverage& coverage, std::size_t examples)
{
    if (coverage.skipped.empty())
        return {};
    std::map<Error, std::vector<const CensusSkip*>> byError;
    for (const CensusSkip& s : coverage.skipped)
        byError[s.error].push_back(&s);
    const std::size_t n = coverage.skipped.size();
    std::string text = std::to_string(n) + (n == 1 ? " process" : " processes") + " not counted: ";
    bool first = true;
    for (const auto& [error, skips] : byError) {
        if (!first)
            text += "; ";
        first = false;
        text += std::string(errorText(error)) + " for " + std::to_string(skips.size()) + " (";
        for (std::size_t i = 0; i < skips.size() && i < examples; ++i) {
            if (i > 0)
                text += ", ";
            text += std::to_string(skips[i]->pid);
            if (!skips[i]->comm.empty())
                text += " " + skips[i]->comm;
        }
        if (skips.size() > examples)
            text += ", ...";
        if (error == Error::PermissionDenied)
            text += ::geteuid() == 0
                ? "; refused even to root: another user namespace or a security module (Yama, "
                  "SELinux)"
                : "; another user's memory needs ptrace access: run as root";
        text += ")";
    }
    return text;
}

} // namespace pg
