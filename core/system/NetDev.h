// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/net/dev, proc(5): two header lines, then "name: 8 receive counters 8 transmit counters".
// The kernel prints the name right-aligned in 6 columns, so a long name touches the colon and a
// large byte count may touch it from the other side ("enp0s31f6:123456789"). Names cannot contain
// ':' (dev_valid_name), so the first colon ends the name.

#include "core/base/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

struct NetDevStat
{
    std::string name;
    std::uint64_t rxBytes = 0, rxPackets = 0, rxErrors = 0, rxDropped = 0, rxFifo = 0, rxFrame = 0,
                  rxCompressed = 0, rxMulticast = 0;
    std::uint64_t txBytes = 0, txPackets = 0, txErrors = 0, txDropped = 0, txFifo = 0,
                  txCollisions = 0, txCarrier = 0, txCompressed = 0;
};

struct NetDev
{
    std::vector<NetDevStat> interfaces; // file order
    const NetDevStat* find(std::string_view name) const;
};

Result<NetDev> parseNetDev(std::string_view text);

} // namespace pg
