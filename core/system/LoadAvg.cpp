// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/system/LoadAvg.h"

#include "core/base/ParseUtil.h"

namespace pg {

Result<LoadAvg> parseLoadAvg(std::string_view text)
{
    using namespace parse;
    if (trim(text).empty())
        return Error::Empty;
    LoadAvg load;
    for (double* field : { &load.load1, &load.load5, &load.load15 }) {
        const std::string_view tok = nextToken(text);
        if (tok.empty())
            return Error::Truncated;
        if (!toDouble(tok, *field))
            return Error::BadNumber;
    }
    const std::string_view tasks = nextToken(text);
    const std::size_t slash = tasks.find('/');
    if (tasks.empty())
        return Error::Truncated;
    if (slash == std::string_view::npos)
        return Error::BadFormat;
    if (!toInt(tasks.substr(0, slash), load.runnable)
        || !toInt(tasks.substr(slash + 1), load.total))
        return Error::BadNumber;
    const std::string_view last = nextToken(text);
    if (last.empty())
        return Error::Truncated;
    if (!toInt(last, load.lastPid))
        return Error::BadNumber;
    return load;
}

Result<Uptime> parseUptime(std::string_view text)
{
    using namespace parse;
    if (trim(text).empty())
        return Error::Empty;
    Uptime up;
    const std::string_view a = nextToken(text);
    const std::string_view b = nextToken(text);
    if (b.empty())
        return Error::Truncated;
    if (!toDouble(a, up.upSeconds) || !toDouble(b, up.idleSeconds))
        return Error::BadNumber;
    return up;
}

} // namespace pg
