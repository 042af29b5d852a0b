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
    // have (unless the request is optional), a lost connection: error. A metric the host refuses
    // (PM_ERR_PERMISSION) is no error here: its PcpMetricValues says so, and the table decides.
    virtual PcpFetchOutcome fetch(const std::vector<PcpMetricRequest>& metrics) = 0;
};

// The module's entry points (each checks `abi`: a module from another build says no instead of
// crashing; 2 added the archive and the recorder, 3 instance labels in a fetch, 4 instance lists
// (an instance profile) and optional metrics in a request, 5 the prepare entry):
//   extern "C" bool procglass_pcp_prepare(int abi, std::string* error)
//     Called once the module is loaded, before any other entry, on the thread that starts the
//     others: the first time libpcp needs its configuration it copies pcp.conf's PCP_* settings
//     into the environment with setenv(3), and setenv in one thread while another reads the
//     environment (Qt's QSettings, QStandardPaths in the GUI thread) can crash the reader. Prepare
//     makes libpcp do that copy now; later calls only read the environment.
//   extern "C" PcpSession* procglass_pcp_open(int abi, const char* spec, std::string* error)
//   extern "C" PcpArchiveSession* procglass_pcp_open_archive(int abi, const char* path,
//                                                            std::string* error)
//   extern "C" PcpRecorder* procglass_pcp_record(int abi, const char* path, const char* hostname,
//                                                std::string* error)
// Null with *error set when the host or archive cannot be opened.
inline constexpr const char* kPcpModulePrepareEntry = "procglass_pcp_prepare";
inline constexpr const char* kPcpModuleEntry = "procglass_pcp_open";
inline constexpr const char* kPcpModuleArchiveEntry = "procglass_pcp_open_archive";
inline constexpr const char* kPcpModuleRecordEntry = "procglass_pcp_record";
inline constexpr int kPcpModuleAbi = 5;
using PcpPrepareFunction = bool (*)(int abi, std::string* error);
using PcpOpenFunction = PcpSession* (*)(int abi, const char* spec, std::string* error);

} // namespace pg
