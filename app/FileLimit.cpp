// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileLimit.h"

#include <sys/resource.h>

namespace pg {

void raiseFileLimit()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace pg
