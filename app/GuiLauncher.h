// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `procglass` without `export` is the window, and the window is another program, procglass-gui
// (every Qt library; see app/CMakeLists.txt). procglass execs it with the same arguments, so the
// process keeps its pid (the soak test and xdotool follow that pid), its exit status and its
// standard streams.
//
// procglass-gui is looked for only relative to the real path of this program (/proc/self/exe),
// never through PATH or the current folder (Procglass runs as root): first in the same folder (the
// build tree, build/app/), then at PROCGLASS_GUI_FROM_BINDIR from it (installed:
// ../libexec/procglass/procglass-gui).

#include <string>
#include <vector>

namespace pg {

// The places procglass-gui is looked for, in order, for the program at `selfPath` (a real path).
std::vector<std::string> guiProgramCandidates(const std::string& selfPath);

// Execs procglass-gui with `argv`. Returns only when it cannot, after one line on standard error:
// the exit status (1).
int execGui(char** argv);

} // namespace pg
