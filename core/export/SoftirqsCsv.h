// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The softirqs table (`procglass export softirqs`, File > Export snapshot...) as CSV:
// softirq,cpu0,...,cpuN (named from the header),total,rate_per_s. rate_per_s is the kind's
// events/s over the last interval, empty without two samples.

#include "core/export/CsvTable.h"
#include "core/interrupts/IrqRates.h"
#include "core/interrupts/Softirqs.h"

namespace pg {

// `rates` may be null or have no rates yet: rate_per_s is then empty.
CsvTable softirqsToCsv(const Softirqs& softirqs, const IrqRateSample* rates);

} // namespace pg
