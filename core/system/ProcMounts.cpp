// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/system/ProcMounts.h"

#include "core/base/ParseUtil.h"
#include "core/base/ProcFs.h"

#include <climits>
#include <cstdlib>
#include <linux/magic.h>
#include <sys/vfs.h>

namespace pg {

std::string ProcMountOptions::explain() const
{
    std::string text;
    if (hidePid == 2 || hidePid == 4)
        text = "/proc is mounted with hidepid="
            + std::string(hidePid == 2 ? "invisible" : "ptraceable")
            + ": processes of other users are hidden (root and the gid= group see them all)";
    else if (hidePid == 1)
        text = "/proc is mounted with hidepid=noaccess: other users' processes are listed, but "
               "their "
               "details cannot be read";
    if (subsetPid) {
        if (!text.empty())
            text += "; ";
        text += "/proc is mounted with subset=pid: system-wide files such as interrupts, stat and "
                "meminfo are not there";
    }
    return text;
}

ProcMountOptions parseProcMountOptions(std::string_view text, std::string_view wantedMountPoint)
{
    using namespace parse;
    ProcMountOptions result;
    std::string_view line;
    while (nextLine(text, line)) {
        // "proc /proc proc rw,nosuid,nodev,noexec,relatime,hidepid=invisible 0 0"
        std::string_view rest = line;
        nextToken(rest); // device
        const std::string_view mountPoint = nextToken(rest);
        const std::string_view type = nextToken(rest);
        std::string_view options = nextToken(rest);
        if (type != "proc" || mountPoint != wantedMountPoint)
            continue;
        result = ProcMountOptions {};
        result.found = true;
        while (!options.empty()) {
            const std::size_t comma = options.find(',');
            const std::string_view option = options.substr(0, comma);
            options
                = comma == std::string_view::npos ? std::string_view() : options.substr(comma + 1);
            if (option.substr(0, 8) == "hidepid=") {
                const std::string_view value = option.substr(8);
                if (value == "1" || value == "noaccess")
                    result.hidePid = 1;
                else if (value == "2" || value == "invisible")
                    result.hidePid = 2;
                else if (value == "4" || value == "ptraceable")
                    result.hidePid = 4;
            } else if (option == "subset=pid") {
                result.subsetPid = true;
            }
        }
    }
    return result;
}

ProcMountOptions readProcMountOptions(const std::string& procRoot, bool* isLiveProc)
{
    struct statfs fs
    {
    };
    const bool live = ::statfs(procRoot.c_str(), &fs) == 0 && fs.f_type == PROC_SUPER_MAGIC;
    if (isLiveProc)
        *isLiveProc = live;
    std::string mountPoint = "/proc";
    if (live) {
        char real[PATH_MAX];
        if (::realpath(procRoot.c_str(), real))
            mountPoint = real;
    }
    for (const char* file : { "/self/mounts", "/mounts" }) {
        auto text = readWholeFile(procRoot + file, 1u << 20);
        if (!text)
            continue;
        const ProcMountOptions options = parseProcMountOptions(*text, mountPoint);
        if (options.found || !live)
            return options;
    }
    return {};
}

} // namespace pg
