// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A PCP archive (a pmlogger or `procglass record` recording) read like a host: the same fetch()
// and the same mapping, at a moment chosen with seekBack().

#include "core/pcp/PcpSession.h"

#include <string>

namespace pg {

class PcpArchiveSession : public PcpSession
{
public:
    // The archive's first and last timestamps, seconds since the epoch.
    virtual double startSec() const = 0;
    virtual double endSec() const = 0;
    // From here on fetch() goes backwards: first the sample at or before `sec`, then the one
    // before it, ...; a fetch before the first sample gives an error (end of archive).
    virtual std::string seekBack(double sec) = 0;
};

using PcpOpenArchiveFunction
    = PcpArchiveSession* (*)(int abi, const char* path, std::string* error);

} // namespace pg
