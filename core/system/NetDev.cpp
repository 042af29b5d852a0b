// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/system/NetDev.h"

#include "core/base/ParseUtil.h"

namespace pg {

const NetDevStat* NetDev::find(std::string_view name) const
{
    for (const NetDevStat& s : interfaces) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

Result<NetDev> parseNetDev(std::string_view text)
{
    using namespace parse;
    if (trim(text).empty())
        return Error::Empty;
    NetDev dev;
    std::string_view line;
    int lineNo = 0;
    while (nextLine(text, line)) {
        if (++lineNo <= 2) {
            // "Inter-|   Receive ..." and " face |bytes ...": the header has a '|' and no ':'.
            if (line.find('|') == std::string_view::npos)
                return Error::BadFormat;
            continue;
        }
        if (trim(line).empty())
            continue;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            return Error::BadFormat;
        NetDevStat s;
        const std::string_view name = trim(line.substr(0, colon));
        if (name.empty())
            return Error::BadFormat;
        s.name = std::string(name);
        std::string_view rest = line.substr(colon + 1);
        std::uint64_t* fields[] = { &s.rxBytes, &s.rxPackets, &s.rxErrors, &s.rxDropped, &s.rxFifo,
            &s.rxFrame, &s.rxCompressed, &s.rxMulticast, &s.txBytes, &s.txPackets, &s.txErrors,
            &s.txDropped, &s.txFifo, &s.txCollisions, &s.txCarrier, &s.txCompressed };
        for (std::uint64_t* field : fields) {
            const std::string_view tok = nextToken(rest);
            if (tok.empty())
                return Error::Truncated;
            if (!toInt(tok, *field))
                return Error::BadNumber;
        }
        dev.interfaces.push_back(std::move(s));
    }
    if (lineNo < 2)
        return Error::Truncated;
    return dev;
}

} // namespace pg
