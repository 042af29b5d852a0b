// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/PidStatm.h"

#include "core/base/ParseUtil.h"

namespace pg {

Result<PidStatm> parsePidStatm(std::string_view text)
{
    using namespace parse;
    if (trim(text).empty())
        return Error::Empty;
    PidStatm statm;
    std::uint64_t* fields[] = { &statm.sizePages, &statm.residentPages, &statm.sharedPages,
        &statm.textPages, &statm.libPages, &statm.dataPages, &statm.dtPages };
    for (std::uint64_t* field : fields) {
        const std::string_view tok = nextToken(text);
        if (tok.empty())
            return Error::Truncated;
        if (!toInt(tok, *field))
            return Error::BadNumber;
    }
    return statm;
}

} // namespace pg
