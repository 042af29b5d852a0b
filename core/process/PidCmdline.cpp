// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/PidCmdline.h"

namespace pg {

std::vector<std::string> parsePidCmdline(std::string_view text)
{
    // Trailing NULs are padding (setproctitle leaves them), not empty arguments.
    while (!text.empty() && text.back() == '\0')
        text.remove_suffix(1);
    std::vector<std::string> argv;
    if (text.empty())
        return argv;
    std::size_t start = 0;
    for (;;) {
        const std::size_t nul = text.find('\0', start);
        if (nul == std::string_view::npos) {
            argv.emplace_back(text.substr(start));
            break;
        }
        argv.emplace_back(text.substr(start, nul - start));
        start = nul + 1;
    }
    return argv;
}

bool cmdlineEquals(const std::vector<std::string>& argv, std::string_view text)
{
    while (!text.empty() && text.back() == '\0')
        text.remove_suffix(1);
    if (text.empty())
        return argv.empty();
    std::size_t start = 0;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::size_t nul = text.find('\0', start);
        const std::size_t end = nul == std::string_view::npos ? text.size() : nul;
        if (text.substr(start, end - start) != argv[i])
            return false;
        if (nul == std::string_view::npos)
            return i + 1 == argv.size();
        start = nul + 1;
    }
    return false; // more arguments in the text than in argv
}

std::string joinCmdline(const std::vector<std::string>& argv)
{
    std::string joined;
    for (const std::string& arg : argv) {
        if (!joined.empty() || &arg != &argv.front())
            joined += ' ';
        joined += arg;
    }
    return joined;
}

} // namespace pg
