// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One connection to one host's pmcd (a PM_CONTEXT_HOST context), as the procglass-pcp module
// gives it: the module's C entry point (kPcpModuleEntry) makes one. Everything about libpcp stays
// behind this interface, so procglass itself never links libpcp.

#include "core/pcp/PcpFetch.h"

#include <memory>
#include <string>
#include <vector>

namespace pg {

struct PcpFetchOutcome
{
    PcpFetch fetch;
    std::string error; // non-empty: nothing was fetched; one line saying why
};

class PcpSession
{
public:
    virtual ~PcpSession() = default;
    // One pmFetch of `metrics` (names looked up once per session). A metric the host does not
    // have, a lost connection: error. A metric the host refuses (PM_ERR_PERMISSION) is no error
    // here: its PcpMetricValues says so, and the table decides.
    virtual PcpFetchOutcome fetch(const std::vector<PcpMetricRequest>& metrics) = 0;
};

// The module's entry point: extern "C" PcpSession* procglass_pcp_open(int abi, const char* spec,
// std::string* error). Null with *error set when the host cannot be reached. `abi` must be
// kPcpModuleAbi (a module from another build says no instead of crashing).
inline constexpr const char* kPcpModuleEntry = "procglass_pcp_open";
inline constexpr int kPcpModuleAbi = 1;
using PcpOpenFunction = PcpSession* (*)(int abi, const char* spec, std::string* error);

} // namespace pg
