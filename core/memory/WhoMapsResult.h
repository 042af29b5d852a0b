// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The answer to "who else maps this file?": the processes readFileMappers found, their user names
// and how long the search took. Made once by WhoMapsWorker (core/sampler) on its own thread and
// handed to the GUI as std::shared_ptr<const WhoMapsResult>: nobody changes it after that.

#include "core/memory/MappingCensus.h"

#include <cstdint>
#include <string>
#include <vector>

namespace pg {

struct WhoMapsResult
{
    std::string procRoot;
    std::string device; // as smaps prints it: "fe:00"
    std::uint64_t inode = 0;
    FileMappers mappers;
    std::vector<std::string> users; // the user name of each of mappers.processes, same order
    double seconds = 0; // wall time of the search
};

} // namespace pg
