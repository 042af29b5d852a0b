// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A process action the user asked for (a signal or a nice value for some processes) and what came
// of it, one outcome per process. Plain C++: the GUI builds the request, the sampler thread
// performs it (core/process/ProcessActions.h) and answers with the report.

#include "core/process/ProcessActions.h"
#include "core/process/ProcessSnapshot.h"

#include <vector>

namespace pg {

struct ActionRequest
{
    enum Kind { Signal, Nice } kind = Signal;
    int value = 0; // the signal number, or the nice value
    std::vector<ProcessKey> keys;
};

struct ActionReport
{
    ActionRequest request;
    std::vector<ActionOutcome> outcomes; // one per key, in order
};

} // namespace pg
