// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where an encoder that writes as it goes (MemoryMapCsvStream) puts its bytes: the export target's
// temporary file (ExportTargetWriter). It may ask for them back: the memory map's header names
// every column some mapping printed, so a column that first appears after rows were written
// makes every row written so far one cell longer.

#include <string>
#include <string_view>

namespace pg {

class CsvOutput
{
public:
    virtual ~CsvOutput() = default;
    // Appends `bytes`; false once writing failed (the output keeps the reason), and from then on.
    virtual bool append(std::string_view bytes) = 0;
    // Every byte appended so far, into `all`; the output is then empty. False on failure.
    virtual bool takeBack(std::string& all) = 0;
};

} // namespace pg
