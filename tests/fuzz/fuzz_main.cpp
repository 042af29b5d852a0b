// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry point; PROCGLASS_FUZZ_TARGET names the function in FuzzTargets.h to call.

#include "FuzzTargets.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    pgfuzz::PROCGLASS_FUZZ_TARGET(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
