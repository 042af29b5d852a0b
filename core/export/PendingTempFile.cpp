// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/PendingTempFile.h"

#include <atomic>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace pg {

namespace {

// A signal handler may read these only because the descriptor is a lock-free atomic and the name
// is written before the descriptor is published (and unpublished before it is overwritten).
std::atomic<int> g_dirFd { -1 };
char g_name[64];
static_assert(std::atomic<int>::is_always_lock_free);

} // namespace

void setPendingTempFile(int dirFd, const char* name)
{
    g_dirFd.store(-1);
    const std::size_t length = std::strlen(name);
    if (dirFd < 0 || length >= sizeof g_name)
        return;
    std::memcpy(g_name, name, length + 1);
    g_dirFd.store(dirFd);
}

void clearPendingTempFile()
{
    g_dirFd.store(-1);
}

void removePendingTempFile()
{
    const int dirFd = g_dirFd.exchange(-1);
    if (dirFd >= 0)
        ::unlinkat(dirFd, g_name, 0);
}

} // namespace pg
