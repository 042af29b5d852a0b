// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/ProcessSnapshot.h"

namespace pg {

std::string unreadableSummary(
    const std::vector<UnreadableProcess>& unreadable, std::size_t maxNamed)
{
    if (unreadable.empty())
        return {};
    const std::size_t n = unreadable.size();
    std::string text
        = std::to_string(n) + (n == 1 ? " process" : " processes") + " could not be read: ";
    for (std::size_t i = 0; i < n && i < maxNamed; ++i) {
        const UnreadableProcess& u = unreadable[i];
        if (i > 0)
            text += ", ";
        text
            += std::to_string(u.pid) + " (" + u.file + ": " + std::string(errorText(u.error)) + ")";
    }
    if (n > maxNamed)
        text += ", and " + std::to_string(n - maxNamed) + " more";
    return text;
}

} // namespace pg
