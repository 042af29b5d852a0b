// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/PidStatus.h"

#include "core/base/ParseUtil.h"

namespace pg {

namespace {

// "1234 kB" -> 1234
bool parseKib(std::string_view value, std::optional<std::uint64_t>& out)
{
    std::string_view rest = value;
    const std::string_view number = parse::nextToken(rest);
    std::uint64_t n = 0;
    if (!parse::toInt(number, n))
        return false;
    out = n;
    return true;
}

bool parseIds(std::string_view value, std::array<std::uint32_t, 4>& out)
{
    for (std::uint32_t& id : out) {
        if (!parse::toInt(parse::nextToken(value), id))
            return false;
    }
    return true;
}

} // namespace

std::optional<std::string_view> PidStatus::value(std::string_view key) const
{
    for (const auto& [k, v] : fields) {
        if (k == key)
            return std::string_view(v);
    }
    return std::nullopt;
}

Result<PidStatus> parsePidStatus(std::string_view text)
{
    using namespace parse;
    if (trim(text).empty())
        return Error::Empty;
    PidStatus status;
    bool sawName = false;
    bool sawUid = false;
    bool sawGid = false;
    std::string_view line;
    while (nextLine(text, line)) {
        if (line.empty())
            continue;
        std::string_view key;
        std::string_view value;
        if (!splitKeyValue(line, key, value))
            return Error::BadFormat;
        status.fields.emplace_back(std::string(key), std::string(value));
        bool good = true;
        if (key == "Name") {
            // Name's value is not trimmed of inner spaces; take the text after the tab.
            const std::size_t colon = line.find(':');
            std::string_view raw = line.substr(colon + 1);
            if (!raw.empty() && raw.front() == '\t')
                raw.remove_prefix(1);
            status.name.assign(raw);
            sawName = true;
        } else if (key == "State") {
            good = !value.empty();
            if (good)
                status.state = value.front();
        } else if (key == "Tgid") {
            good = toInt(value, status.tgid);
        } else if (key == "Pid") {
            good = toInt(value, status.pid);
        } else if (key == "PPid") {
            good = toInt(value, status.ppid);
        } else if (key == "TracerPid") {
            good = toInt(value, status.tracerPid);
        } else if (key == "Uid") {
            good = sawUid = parseIds(value, status.uid);
        } else if (key == "Gid") {
            good = sawGid = parseIds(value, status.gid);
        } else if (key == "VmPeak") {
            good = parseKib(value, status.vmPeakKib);
        } else if (key == "VmSize") {
            good = parseKib(value, status.vmSizeKib);
        } else if (key == "VmLck") {
            good = parseKib(value, status.vmLckKib);
        } else if (key == "VmPin") {
            good = parseKib(value, status.vmPinKib);
        } else if (key == "VmHWM") {
            good = parseKib(value, status.vmHwmKib);
        } else if (key == "VmRSS") {
            good = parseKib(value, status.vmRssKib);
        } else if (key == "RssAnon") {
            good = parseKib(value, status.rssAnonKib);
        } else if (key == "RssFile") {
            good = parseKib(value, status.rssFileKib);
        } else if (key == "RssShmem") {
            good = parseKib(value, status.rssShmemKib);
        } else if (key == "VmData") {
            good = parseKib(value, status.vmDataKib);
        } else if (key == "VmStk") {
            good = parseKib(value, status.vmStkKib);
        } else if (key == "VmExe") {
            good = parseKib(value, status.vmExeKib);
        } else if (key == "VmLib") {
            good = parseKib(value, status.vmLibKib);
        } else if (key == "VmPTE") {
            good = parseKib(value, status.vmPteKib);
        } else if (key == "VmSwap") {
            good = parseKib(value, status.vmSwapKib);
        } else if (key == "Threads") {
            std::int64_t n = 0;
            good = toInt(value, n);
            status.threads = n;
        } else if (key == "voluntary_ctxt_switches") {
            std::uint64_t n = 0;
            good = toInt(value, n);
            status.voluntaryCtxtSwitches = n;
        } else if (key == "nonvoluntary_ctxt_switches") {
            std::uint64_t n = 0;
            good = toInt(value, n);
            status.nonvoluntaryCtxtSwitches = n;
        }
        if (!good)
            return Error::BadNumber;
    }
    if (!sawName)
        return Error::BadFormat;
    // Name, State, Tgid, Pid, PPid, Uid and Gid come first in every kernel; missing ids mean the
    // read stopped early.
    if (!sawUid || !sawGid)
        return Error::Truncated;
    status.hasIds = true;
    return status;
}

} // namespace pg
