// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The window's command line (procglass [options]): --help and --version printed here, every
// other option checked and turned into AppOptions. `procglass export ...` has its own
// (ExportCommand).

#include "ui/shell/MainWindow.h"

#include <QStringList>
#include <optional>

namespace pg {

struct GuiCommandLine
{
    AppOptions options;
    int quitAfterMs = -1; // --quit-after (tests)
    // Set when the program should exit now with this code: help or version printed (0), or a
    // bad option explained on stderr (2).
    std::optional<int> exitCode;
};

GuiCommandLine parseGuiCommandLine(const QStringList& args);

} // namespace pg
