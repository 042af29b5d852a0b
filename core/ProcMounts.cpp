#include "ProcMounts.h"

#include "ParseUtil.h"

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

ProcMountOptions parseProcMountOptions(std::string_view text)
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
        if (type != "proc" || mountPoint != "/proc")
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

} // namespace pg
