// SPDX-License-Identifier: GPL-3.0-or-later
// `procglass`: the headless export and record commands here, the window by exec of procglass-gui
// (GuiMain.cpp). This program links procglass_core and QtCore only, so that an export loads no GUI
// library.

#include "ExportCommand.h"
#include "FileLimit.h"
#include "GuiLauncher.h"
#include "RecordCommand.h"

#include <cstring>

int main(int argc, char** argv)
{
    if (argc >= 2 && std::strcmp(argv[1], "export") == 0) {
        pg::raiseFileLimit();
        return pg::runExportCommand(argc, argv);
    }
    if (argc >= 2 && std::strcmp(argv[1], "record") == 0) {
        pg::raiseFileLimit();
        return pg::runRecordCommand(argc, argv);
    }
    return pg::execGui(argv);
}
