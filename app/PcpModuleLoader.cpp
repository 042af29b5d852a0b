// SPDX-License-Identifier: GPL-3.0-or-later
#include "PcpModuleLoader.h"

#include "core/export/ExportTarget.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <dlfcn.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace pg {

std::vector<std::string> pcpModuleCandidates(const std::string& selfPath)
{
    const std::filesystem::path dir = std::filesystem::path(selfPath).parent_path();
    return { (dir / PROCGLASS_PCP_NAME).string(),
        (dir / PROCGLASS_PCP_FROM_BINDIR).lexically_normal().string() };
}

namespace {

// The module at `path`, loaded and prepared (kPcpModulePrepareEntry), or null with *error set.
// `what` names the option that needs it.
void* loadPcpModule(const std::string& path, const std::string& what, std::string* error)
{
    struct stat st
    {
    };
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        *error = what + " needs the " PROCGLASS_PCP_NAME " module, which is not at " + path;
        return nullptr;
    }
    // Code that runs as root: not from a file that someone else may have written.
    if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0 || (st.st_uid != 0 && st.st_uid != ::geteuid())) {
        *error = "refusing " + path + ": it is writable by others or owned by another user";
        return nullptr;
    }
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = ::dlerror();
        *error = "cannot load " + path + ": " + (why ? why : "unknown error") + " (" + what
            + " needs libpcp3 and libpcp-import1: apt-get install libpcp3 libpcp-import1)";
        return nullptr;
    }
    // Kept loaded for the life of the process: the sessions' code lives in it.
    auto prepare = reinterpret_cast<PcpPrepareFunction>(::dlsym(handle, kPcpModulePrepareEntry));
    if (!prepare) {
        *error = path + " is not a procglass-pcp module of this version (no "
            + kPcpModulePrepareEntry + ")";
        return nullptr;
    }
    return prepare(kPcpModuleAbi, error) ? handle : nullptr;
}

// The module beside this program (pcpModuleCandidates), loaded and prepared, or null with *error
// set.
void* loadOwnPcpModule(const std::string& what, std::string* error)
{
    char self[PATH_MAX];
    if (!::realpath("/proc/self/exe", self)) {
        *error = "cannot find this program's own path (/proc/self/exe: " + errnoPhrase(errno)
            + "), so not the " PROCGLASS_PCP_NAME " module that " + what + " needs";
        return nullptr;
    }
    const std::vector<std::string> candidates = pcpModuleCandidates(self);
    for (const std::string& path : candidates) {
        struct stat st
        {
        };
        if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode))
            return loadPcpModule(path, what, error);
    }
    *error = what + " needs the " PROCGLASS_PCP_NAME " module, which is missing (not at "
        + candidates[0] + " nor at " + candidates[1] + ")";
    return nullptr;
}

// `entry` in the loaded module `handle`, or null with *error set.
void* moduleSymbol(void* handle, const char* entry, std::string* error)
{
    if (!handle)
        return nullptr;
    void* symbol = ::dlsym(handle, entry);
    if (!symbol)
        *error
            = std::string(PROCGLASS_PCP_NAME " is not a procglass-pcp module of this version (no ")
            + entry + ")";
    return symbol;
}

// The module's `entry` symbol, or null with *error set.
void* pcpModuleSymbol(const char* entry, const std::string& what, std::string* error)
{
    return moduleSymbol(loadOwnPcpModule(what, error), entry, error);
}

std::function<std::unique_ptr<PcpSession>(std::string* error)> openerOf(
    void* handle, const std::string& spec, std::string loadError)
{
    auto open
        = reinterpret_cast<PcpOpenFunction>(moduleSymbol(handle, kPcpModuleEntry, &loadError));
    return [open, spec, loadError](std::string* error) -> std::unique_ptr<PcpSession> {
        if (!open) {
            *error = loadError;
            return nullptr;
        }
        return std::unique_ptr<PcpSession>(open(kPcpModuleAbi, spec.c_str(), error));
    };
}

} // namespace

std::unique_ptr<PcpSession> openPcpSession(const std::string& spec, std::string* error)
{
    auto open
        = reinterpret_cast<PcpOpenFunction>(pcpModuleSymbol(kPcpModuleEntry, "--host", error));
    return std::unique_ptr<PcpSession>(open ? open(kPcpModuleAbi, spec.c_str(), error) : nullptr);
}

std::function<std::unique_ptr<PcpSession>(std::string* error)> pcpSessionOpener(
    const std::string& spec)
{
    std::string error;
    void* handle = loadOwnPcpModule("--host", &error);
    return openerOf(handle, spec, error);
}

std::function<std::unique_ptr<PcpSession>(std::string* error)> pcpSessionOpenerFrom(
    const std::string& modulePath, const std::string& spec)
{
    std::string error;
    void* handle = loadPcpModule(modulePath, "--host", &error);
    return openerOf(handle, spec, error);
}

std::unique_ptr<PcpArchiveSession> openPcpArchive(const std::string& path, std::string* error)
{
    auto open = reinterpret_cast<PcpOpenArchiveFunction>(
        pcpModuleSymbol(kPcpModuleArchiveEntry, "--archive", error));
    return std::unique_ptr<PcpArchiveSession>(
        open ? open(kPcpModuleAbi, path.c_str(), error) : nullptr);
}

std::unique_ptr<PcpRecorder> startPcpRecorder(
    const std::string& path, const std::string& hostname, std::string* error)
{
    auto start = reinterpret_cast<PcpRecordFunction>(
        pcpModuleSymbol(kPcpModuleRecordEntry, "procglass record", error));
    return std::unique_ptr<PcpRecorder>(
        start ? start(kPcpModuleAbi, path.c_str(), hostname.c_str(), error) : nullptr);
}

} // namespace pg
