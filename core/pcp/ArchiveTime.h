// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `export ... --archive ARCHIVE --at TIME`: which moment of a recording TIME names. A subset of
// what PCP's tools take (PCPIntro(1) "TIME WINDOW SPECIFICATION"), parsed here so that it is
// tested without libpcp:
//   "2026-12-01 14:00:00" (or with "@ " before it, or a "T" between date and time): local time
//                         (TZ), seconds may have a fraction
//   "+30", "+30s", "+5m", "+1h": that long after the archive's start ("30" alone too)
//   "-30s", "-5m": that long before its end
// Empty: the archive's end (its last sample).

#include <optional>
#include <string>
#include <string_view>

namespace pg {

struct ArchiveTimeOutcome
{
    std::optional<double> sec; // seconds since the epoch
    std::string error; // one line when TIME is not understood or outside the archive
};

ArchiveTimeOutcome parseArchiveTime(std::string_view text, double startSec, double endSec);

// "2026-12-01 14:00:00.250" in local time: what the messages show.
std::string formatArchiveTime(double sec);

} // namespace pg
