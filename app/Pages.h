// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The pages of the main window, assembled in one place: their samplers (in the sampler thread),
// the page widgets, the order of the tabs, and the jumps from one page to another. Adding a page
// is a folder under ui/ with a widget that implements Page (ui/shell/Page.h), a factory function
// in Pages.cpp and one line in its kPages table.

#include "core/pcp/PcpArchiveSession.h"
#include "core/pcp/ReplayClock.h"
#include "core/sampler/PcpHostFeed.h"

#include <QList>
#include <QStringList>

namespace pg {

class InterruptsPage;
class MainWindow;
class MemoryMapPage;
class MemoryUsagePage;
class ProcessTablePage;
class Sampler;
class SamplerThread;
class SystemOverviewPage;
struct AppOptions;

struct AppPages
{
    ProcessTablePage* processes = nullptr;
    MemoryMapPage* memory = nullptr;
    MemoryUsagePage* memoryUsage = nullptr;
    InterruptsPage* interrupts = nullptr;
    SystemOverviewPage* system = nullptr;
    QList<Sampler*> samplers; // adopted by the thread; start them once it runs
};

// --archive: the recording to replay (opened by the caller, so that a bad archive is one line
// before any window) and the clock that says which moment of it the pages show.
struct ArchiveReplay
{
    std::unique_ptr<PcpArchiveSession> archive;
    std::shared_ptr<ReplayClock> clock;
};

// The ids --page accepts, in tab order.
QStringList pageIds();

// Creates every page and adds it to `window`. With a `thread`, each page gets its sampler (moved
// to that thread, not started); without one (tests) the pages have no source and are fed by hand.
// With options.host (--host), the processes, system and interrupts samplers read that host's pmcd
// through one session that `openHost` opens (at the first sample, in the sampler thread; empty:
// pcpSessionOpener, the procglass-pcp module beside this program, loaded now; call this before
// the thread starts), and so do the details panel and
// the Memory map page's totals, for the selected pid only; the map mapping by mapping, the memory
// usage census and the process actions are not available and say why. With options.archive, the
// same pages replay `replay`'s archive at its clock's moment, with a time slider under them.
AppPages assemblePages(MainWindow& window, const AppOptions& options, SamplerThread* thread,
    PcpSessionOpener openHost = {}, ArchiveReplay replay = {});

} // namespace pg
