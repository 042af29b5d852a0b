// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `procglass export processes|interrupts|system --archive ARCHIVE [--at TIME]`: the table at a
// moment of a PCP archive (procglass record's or pmlogger's), read through the procglass-pcp
// module like a host, mapped by the same core/pcp/ code. The rates come from the sample at or
// before TIME and the one before it.

#include "HostExport.h"

#include <string>

namespace pg {

HostTableOutcome exportFromArchive(
    ExportTableId id, const std::string& archive, const std::string& at);

} // namespace pg
