// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The build's procglass-pcp module. The program opens it beside itself (app/PcpModuleLoader.cpp);
// a test's binary is elsewhere, so the tests open the build's copy by this path.

namespace pgtest {

inline constexpr const char* kPcpModule = PROCGLASS_BINARY_DIR "/app/procglass-pcp.so";

} // namespace pgtest

// In a Qt Test function (QSKIP returns from it): skips when the module was not built.
#define PCP_MODULE_OR_SKIP()                                                                       \
    do {                                                                                           \
        if (!QFile::exists(QString::fromLatin1(pgtest::kPcpModule)))                               \
            QSKIP("the procglass-pcp module was not built (libpcp3-dev missing)");                 \
    } while (false)
