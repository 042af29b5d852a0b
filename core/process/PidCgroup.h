// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/PID/cgroup, proc(5) and cgroups(7): one line per hierarchy,
// "hierarchy-ID:controller-list:cgroup-path". cgroup v2 (unified) has the single line "0::/path";
// v1 has one line per mounted hierarchy ("4:cpu,cpuacct:/user.slice", "1:name=systemd:/...").
// The path is everything after the second ':' and may itself contain ':'.

#include "core/base/Result.h"

#include <string>
#include <string_view>
#include <vector>

namespace pg {

struct CgroupEntry
{
    int hierarchyId = 0;
    std::vector<std::string> controllers; // empty for v2's "0::" line
    std::string path;

    bool isUnified() const { return hierarchyId == 0 && controllers.empty(); }
};

Result<std::vector<CgroupEntry>> parsePidCgroup(std::string_view text);

} // namespace pg
