// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/PidSchedstat.h"

#include "core/base/ParseUtil.h"

namespace pg {

Result<PidSchedstat> parsePidSchedstat(std::string_view text)
{
    using namespace parse;
    if (trim(text).empty())
        return Error::Empty;
    PidSchedstat s;
    std::uint64_t* fields[] = { &s.runNs, &s.waitNs, &s.timeslices };
    for (std::uint64_t* field : fields) {
        const std::string_view tok = nextToken(text);
        if (tok.empty())
            return Error::Truncated;
        if (!toInt(tok, *field))
            return Error::BadNumber;
    }
    return s;
}

} // namespace pg
