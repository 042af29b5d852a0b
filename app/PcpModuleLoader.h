// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `--host` reads a pmcd through libpcp, and libpcp brings OpenSSL, SASL and libsystemd with it
// (about 3.7 ms more start-up for every run, measured in README). So procglass does not link it:
// the libpcp code is the procglass-pcp.so module (core/pcp/module/), opened with dlopen only when
// --host, --archive or record needs it. Like procglass-gui (GuiLauncher.h) it is looked for only
// relative to the real path of this program (/proc/self/exe), never through LD_LIBRARY_PATH or the
// current folder (Procglass runs as root): first in the same folder (the build tree), then at
// PROCGLASS_PCP_FROM_BINDIR from it (installed: ../libexec/procglass/procglass-pcp.so).

#include "core/pcp/PcpArchiveSession.h"
#include "core/pcp/PcpRecorder.h"
#include "core/pcp/PcpSession.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace pg {

// The places the module is looked for, in order, for the program at `selfPath` (a real path).
std::vector<std::string> pcpModuleCandidates(const std::string& selfPath);

// A session with the pmcd at `spec` (a PCP host spec, passed to libpcp as given), or null with
// *error set (one line): module missing or refused, host unreachable.
std::unique_ptr<PcpSession> openPcpSession(const std::string& spec, std::string* error);

// What PcpHostFeed calls, in the sampler thread, to open its session with the pmcd at `spec`
// (the same type as core/sampler's PcpSessionOpener). The module is loaded and prepared here, in
// the calling thread, which must be the one that starts the sampler thread and before it does:
// libpcp's first use of its configuration writes the environment (see kPcpModulePrepareEntry).
// When the module cannot be loaded, every call of the opener gives that error.
std::function<std::unique_ptr<PcpSession>(std::string* error)> pcpSessionOpener(
    const std::string& spec);
// The same with the module at `modulePath` (tests, whose binaries are not beside the module).
std::function<std::unique_ptr<PcpSession>(std::string* error)> pcpSessionOpenerFrom(
    const std::string& modulePath, const std::string& spec);

// The PCP archive at `path` (export --archive), or null with *error set.
std::unique_ptr<PcpArchiveSession> openPcpArchive(const std::string& path, std::string* error);

// A new archive at `path` (procglass record; the caller made sure nothing is there), or null
// with *error set. `hostname` goes into its label.
std::unique_ptr<PcpRecorder> startPcpRecorder(
    const std::string& path, const std::string& hostname, std::string* error);

} // namespace pg
