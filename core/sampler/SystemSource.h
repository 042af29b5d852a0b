// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where the SystemSampler's overviews come from: the local /proc (LocalSystemSource) or a
// Performance Co-Pilot feed (PcpSystemSource). `tick` is the process snapshot of this moment when
// the sampler follows the ProcessSampler and that snapshot is new (not used by a sample before);
// null otherwise: the source then reads (or fetches) what it needs itself.

#include "core/process/ProcessSnapshot.h"
#include "core/system/SystemOverview.h"

namespace pg {

class SystemSource
{
public:
    virtual ~SystemSource() = default;
    virtual SystemOverview sample(const ProcessSnapshot* tick) = 0;
};

} // namespace pg
