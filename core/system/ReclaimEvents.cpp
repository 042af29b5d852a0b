// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/system/ReclaimEvents.h"

#include "core/base/ParseUtil.h"

namespace pg {

namespace {

bool isReclaimEvent(std::string_view key)
{
    // Names as mm/vmstat.c prints them since 4.x (pgsteal_anon/file since 5.x, zswp* since 6.x);
    // a kernel without one simply lacks the line. Not the *_failed ones: nothing changed.
    if (key.starts_with("pgscan_") || key.starts_with("pgsteal_"))
        return true;
    return key == "pswpin" || key == "pswpout" || key == "zswpin" || key == "zswpout"
        || key == "thp_collapse_alloc" || key == "thp_split_page" || key == "oom_kill";
}

} // namespace

Result<ReclaimEvents> parseReclaimEvents(std::string_view vmstatText)
{
    using namespace parse;
    if (trim(vmstatText).empty())
        return Error::Empty;
    ReclaimEvents events;
    std::string_view text = vmstatText;
    std::string_view line;
    while (nextLine(text, line)) {
        std::string_view rest = line;
        const std::string_view key = nextToken(rest);
        if (!isReclaimEvent(key))
            continue;
        std::uint64_t n = 0;
        if (!toInt(nextToken(rest), n))
            return Error::BadNumber;
        events.sum += n;
        ++events.counters;
    }
    if (events.counters == 0)
        return Error::BadFormat;
    return events;
}

} // namespace pg
