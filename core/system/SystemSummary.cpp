// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/system/SystemSummary.h"

#include "core/base/ProcFs.h"

#include <utility>

namespace pg {

namespace {

// 4 MiB is far above any real file of these (a 256-CPU /proc/stat is about 40 KiB).
constexpr std::size_t kMaxSummaryFileBytes = 4u * 1024u * 1024u;

template <typename T, typename Parser>
void readInto(const std::string& path, Parser parser, std::optional<T>& value, Error& error)
{
    auto text = readWholeFile(path, kMaxSummaryFileBytes);
    if (!text) {
        error = text.error();
        return;
    }
    auto parsed = parser(*text);
    if (!parsed) {
        error = parsed.error();
        return;
    }
    value = std::move(parsed).value();
}

} // namespace

SystemSummary readSystemSummary(const std::string& procRoot)
{
    SystemSummary s;
    readInto(procRoot + "/stat", parseSystemStat, s.stat, s.statError);
    readInto(procRoot + "/meminfo", parseMemInfo, s.memInfo, s.memInfoError);
    readInto(procRoot + "/loadavg", parseLoadAvg, s.loadAvg, s.loadAvgError);
    readInto(procRoot + "/uptime", parseUptime, s.uptime, s.uptimeError);
    return s;
}

} // namespace pg
