// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The system table (`procglass export system`, File > Export snapshot...) as CSV.

#include "core/export/CsvTable.h"
#include "core/system/SystemOverview.h"

namespace pg {

// Every figure of the System overview page as "metric,value,unit" rows. An unknown figure keeps
// its row with an empty value, never a 0.
CsvTable systemToCsv(const SystemOverview& overview);

} // namespace pg
