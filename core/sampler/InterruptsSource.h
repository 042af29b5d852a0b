// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where the InterruptsSampler's snapshots come from: the local /proc and /sys
// (LocalInterruptsSource) or a Performance Co-Pilot feed (PcpInterruptsSource).

#include "core/interrupts/InterruptsSnapshot.h"

namespace pg {

class InterruptsSource
{
public:
    virtual ~InterruptsSource() = default;
    virtual InterruptsSnapshot sample() = 0;
};

} // namespace pg
