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

namespace {

std::string_view withoutPadding(std::string_view text)
{
    while (!text.empty() && text.back() == '\0')
        text.remove_suffix(1);
    return text;
}

} // namespace

std::string joinedCmdline(std::string_view text)
{
    std::string joined(withoutPadding(text));
    for (char& c : joined) {
        if (c == '\0')
            c = ' ';
    }
    return joined;
}

bool joinedCmdlineEquals(std::string_view joined, std::string_view text)
{
    text = withoutPadding(text);
    if (text.size() != joined.size())
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((text[i] == '\0' ? ' ' : text[i]) != joined[i])
            return false;
    }
    return true;
}

} // namespace pg
