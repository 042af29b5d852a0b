// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportSignalGuard.h"

#include "core/export/PendingTempFile.h"

#include <cerrno>

namespace pg {

namespace {

// Async-signal-safe only: unlinkat, sigaction, raise.
extern "C" void removeTempAndDie(int signal)
{
    const int savedErrno = errno;
    removePendingTempFile();
    struct sigaction fallback
    {
    };
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    ::sigaction(signal, &fallback, nullptr);
    // Blocked while this handler runs: delivered, with the default action, when it returns.
    ::raise(signal);
    errno = savedErrno;
}

} // namespace

ExportSignalGuard::ExportSignalGuard()
{
    struct sigaction action
    {
    };
    action.sa_handler = removeTempAndDie;
    sigemptyset(&action.sa_mask);
    for (const int s : kSignals)
        sigaddset(&action.sa_mask, s);
    for (int i = 0; i < 3; ++i) {
        if (::sigaction(kSignals[i], nullptr, &m_saved[i]) != 0 || m_saved[i].sa_handler == SIG_IGN)
            continue;
        m_installed[i] = ::sigaction(kSignals[i], &action, nullptr) == 0;
    }
}

ExportSignalGuard::~ExportSignalGuard()
{
    for (int i = 0; i < 3; ++i) {
        if (m_installed[i])
            ::sigaction(kSignals[i], &m_saved[i], nullptr);
    }
}

} // namespace pg
