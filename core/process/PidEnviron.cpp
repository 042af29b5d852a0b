// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/PidEnviron.h"

namespace pg {

std::vector<EnvVar> parsePidEnviron(std::string_view text)
{
    std::vector<EnvVar> vars;
    while (!text.empty()) {
        const std::size_t nul = text.find('\0');
        const std::string_view entry = text.substr(0, nul);
        text.remove_prefix(nul == std::string_view::npos ? text.size() : nul + 1);
        if (entry.empty())
            continue;
        EnvVar var;
        const std::size_t eq = entry.find('=');
        if (eq == std::string_view::npos) {
            var.name.assign(entry);
            var.hasEquals = false;
        } else {
            var.name.assign(entry.substr(0, eq));
            var.value.assign(entry.substr(eq + 1));
        }
        vars.push_back(std::move(var));
    }
    return vars;
}

} // namespace pg
