#pragma once

// The interrupts table (`procglass export interrupts`, File > Export snapshot...) as CSV.

#include "core/export/CsvTable.h"
#include "core/interrupts/Interrupts.h"

namespace pg {

// irq,cpu0,...,cpuN (named from the header, so gaps stay visible), total,chip,hwirq,trigger,
// devices. Named rows put their description in "devices"; ERR and MIS leave the per-CPU columns
// empty and fill only "total".
CsvTable interruptsToCsv(const Interrupts& interrupts);

} // namespace pg
