// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A table ready for CSV export: a header and rows of raw fields. Fields hold the exact bytes from
// /proc (which need not be valid UTF-8); escaping, quoting and formula neutralisation happen in the
// writer (CsvWriter), never here. Numbers are written raw, units live in the column names.

#include <string>
#include <vector>

namespace pg {

struct CsvTable
{
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

} // namespace pg
