// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiLauncher.h"

#include "core/export/ExportTarget.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace pg {

std::vector<std::string> guiProgramCandidates(const std::string& selfPath)
{
    const std::filesystem::path dir = std::filesystem::path(selfPath).parent_path();
    return { (dir / PROCGLASS_GUI_NAME).string(),
        (dir / PROCGLASS_GUI_FROM_BINDIR).lexically_normal().string() };
}

int execGui(char** argv)
{
    const auto fail = [](const std::string& message) {
        std::fprintf(stderr, "procglass: %s\n", message.c_str());
        return 1;
    };
    char self[PATH_MAX];
    if (!::realpath("/proc/self/exe", self))
        return fail("cannot start the window: cannot find this program's own path (/proc/self/exe: "
            + errnoPhrase(errno) + "; is /proc mounted?)");
    const std::vector<std::string> candidates = guiProgramCandidates(self);
    for (const std::string& path : candidates) {
        struct stat st
        {
        };
        if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        ::execv(path.c_str(), argv);
        return fail("cannot start the window: " + path + ": " + errnoPhrase(errno));
    }
    return fail("cannot start the window: " PROCGLASS_GUI_NAME " is missing (not at "
        + candidates[0] + " nor at " + candidates[1] + "); procglass export works without it");
}

} // namespace pg
