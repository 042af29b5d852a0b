// SPDX-License-Identifier: GPL-3.0-or-later
// The procglass-pcp module's one exported symbol (see core/pcp/PcpSession.h).

#include "core/pcp/module/LibPcpSession.h"

extern "C" __attribute__((visibility("default"))) pg::PcpSession* procglass_pcp_open(
    int abi, const char* spec, std::string* error)
{
    if (abi != pg::kPcpModuleAbi) {
        *error = "procglass-pcp module is from another build (ABI "
            + std::to_string(pg::kPcpModuleAbi) + ", procglass expects " + std::to_string(abi)
            + "); reinstall Procglass";
        return nullptr;
    }
    return pg::LibPcpSession::open(spec ? spec : "", error);
}
