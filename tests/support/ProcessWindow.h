// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The main window with only the process page, fed by hand (no sampler): what the window tests
// check, without the other pages' widgets. app/Pages.cpp assembles the real window.

#include "ui/processes/ProcessTablePage.h"
#include "ui/shell/MainWindow.h"

namespace pgtest {

struct ProcessWindow
{
    explicit ProcessWindow(
        const pg::AppOptions& options = {}, pg::DetailsSampler* details = nullptr)
        : window(options)
        , page(new pg::ProcessTablePage(nullptr, details, options.procRoot))
    {
        window.addPage(page);
    }
    pg::MainWindow window;
    pg::ProcessTablePage* page;
};

} // namespace pgtest
