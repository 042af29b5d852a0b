// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// While the command line writes an export file, SIGINT, SIGTERM and SIGHUP remove the temporary
// file first (PendingTempFile) and then end the process as the signal would have: the handler
// restores the default action and raises the signal again, so the exit status still says "killed
// by signal". A signal the caller ignores (nohup's SIGHUP) stays ignored. The window never
// installs these handlers: only runExportCommand() holds a guard.

#include <csignal>

namespace pg {

class ExportSignalGuard final
{
public:
    ExportSignalGuard();
    ~ExportSignalGuard();
    ExportSignalGuard(const ExportSignalGuard&) = delete;
    ExportSignalGuard& operator=(const ExportSignalGuard&) = delete;

private:
    static constexpr int kSignals[] = { SIGINT, SIGTERM, SIGHUP };
    struct sigaction m_saved[3] = {};
    bool m_installed[3] = {};
};

} // namespace pg
