// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The time slider of `procglass --archive` (ui/shell/ReplayBar) under the window's pages, wired
// to the replay's clock: seeking moves the clock and refreshes every page at once; play, pause
// and speed go to the clock (the process sampler's feed moves it on each tick); the window's Pause
// pauses the replay; each process snapshot says which moment the pages show, and whether the clock
// stopped at the end.

#include "core/pcp/ReplayClock.h"

#include <QList>
#include <memory>

namespace pg {

class MainWindow;
class ProcessSampler;
class Sampler;

// Call before the samplers move to their thread.
void attachReplayBar(MainWindow& window, ProcessSampler& leader, const QList<Sampler*>& samplers,
    std::shared_ptr<ReplayClock> clock);

} // namespace pg
