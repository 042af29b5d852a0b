// SPDX-License-Identifier: GPL-3.0-or-later
// The procglass-pcp module's exported symbols (see core/pcp/PcpSession.h).

#include "core/pcp/module/LibPcpRecorder.h"
#include "core/pcp/module/LibPcpSession.h"

#include <pcp/pmapi.h>

namespace {

bool sameAbi(int abi, std::string* error)
{
    if (abi == pg::kPcpModuleAbi)
        return true;
    *error = "procglass-pcp module is from another build (ABI " + std::to_string(pg::kPcpModuleAbi)
        + ", procglass expects " + std::to_string(abi) + "); reinstall Procglass";
    return false;
}

} // namespace

extern "C" __attribute__((visibility("default"))) bool procglass_pcp_prepare(
    int abi, std::string* error)
{
    if (!sameAbi(abi, error))
        return false;
    // Any configuration name loads all of pcp.conf into the environment (once per process); the
    // optional form does not exit(1) when pcp.conf is missing, the later calls report that.
    (void)pmGetOptionalConfig("PCP_VAR_DIR");
    return true;
}

extern "C" __attribute__((visibility("default"))) pg::PcpSession* procglass_pcp_open(
    int abi, const char* spec, std::string* error)
{
    return sameAbi(abi, error) ? pg::LibPcpSession::open(spec ? spec : "", error) : nullptr;
}

extern "C" __attribute__((visibility("default"))) pg::PcpArchiveSession* procglass_pcp_open_archive(
    int abi, const char* path, std::string* error)
{
    return sameAbi(abi, error) ? pg::LibPcpSession::openArchive(path ? path : "", error) : nullptr;
}

extern "C" __attribute__((visibility("default"))) pg::PcpRecorder* procglass_pcp_record(
    int abi, const char* path, const char* hostname, std::string* error)
{
    return sameAbi(abi, error)
        ? pg::LibPcpRecorder::start(path ? path : "", hostname ? hostname : "", error)
        : nullptr;
}
