// SPDX-License-Identifier: GPL-3.0-or-later
#include "Pages.h"

#include "PcpModuleLoader.h"
#include "ReplayControls.h"
#include "core/interrupts/IrqTopology.h"
#include "core/pcp/PcpHostSpec.h"
#include "core/sampler/DetailsSampler.h"
#include "core/sampler/InterruptsSampler.h"
#include "core/sampler/MemoryMapSampler.h"
#include "core/sampler/MemoryUsageSampler.h"
#include "core/sampler/PcpArchiveFeed.h"
#include "core/sampler/PcpDetailsSampler.h"
#include "core/sampler/PcpHostFeed.h"
#include "core/sampler/PcpInterruptsSource.h"
#include "core/sampler/PcpProcessSource.h"
#include "core/sampler/PcpSystemSource.h"
#include "core/sampler/ProcessSampler.h"
#include "core/sampler/SamplerThread.h"
#include "core/sampler/SystemSampler.h"
#include "ui/interrupts/InterruptsPage.h"
#include "ui/memory/MemoryMapPage.h"
#include "ui/memusage/MemoryUsagePage.h"
#include "ui/processes/ProcessTablePage.h"
#include "ui/shell/MainWindow.h"
#include "ui/system/SystemOverviewPage.h"

#include <QAction>
#include <QTimer>

namespace pg {

namespace {

// What a page factory gets: the options, and the samplers made so far.
struct PageContext
{
    const AppOptions& options;
    SamplerThread* thread;
    AppPages& pages;
    ProcessSampler* processSampler = nullptr; // every page's clock: others may follow it
    // --host: the one connection to that host's pmcd the PCP sources share (opened at the first
    // sample, in the sampler thread); null for the local /proc.
    std::shared_ptr<PcpFeed> host;

    std::string procRoot() const { return options.procRoot.toStdString(); }
    bool replay() const { return !options.archive.isEmpty(); }
    bool remote() const { return !options.host.isEmpty() || replay(); }
    // The host, or the recording: what the pages that cannot show it name.
    QString remoteName() const
    {
        // A host without a password typed into the spec.
        return replay() ? QObject::tr("archive %1").arg(options.archive)
                        : QString::fromStdString(pcpSpecWithoutSecrets(options.host.toStdString()));
    }
    QString remoteKind() const
    {
        return replay() ? QObject::tr("a recording") : QObject::tr("a remote host");
    }

    // A sampler for the sampler thread (moved there once every page is made), or nullptr
    // without a thread (tests).
    template <typename S, typename... Args> S* sampler(Args&&... args)
    {
        if (!thread)
            return nullptr;
        auto* s = new S(std::forward<Args>(args)...);
        pages.samplers << s;
        return s;
    }
};

Page* remoteProcessesPage(PageContext& c)
{
    PcpDetailsSampler* details = nullptr;
    if (c.host) {
        c.processSampler
            = c.sampler<ProcessSampler>(std::make_unique<PcpProcessSource>(c.host), false, nullptr);
        // The selected process's details from the same host (that pid only), after every
        // process sample while the panel is shown.
        details
            = c.sampler<PcpDetailsSampler>(c.host, PcpDetailsSampler::Kind::Details, c.replay());
        if (details)
            details->follow(c.processSampler);
    }
    c.pages.processes
        = ProcessTablePage::forRemoteHost(c.processSampler, c.remoteName(), c.replay(), details);
    return c.pages.processes;
}

Page* processesPage(PageContext& c)
{
    if (c.remote())
        return remoteProcessesPage(c);
    ProcessCollector::Options collector;
    collector.procRoot = c.procRoot();
    c.processSampler = c.sampler<ProcessSampler>(collector);
    // The details panel's worker reads the selected process after every process sample.
    auto* details = c.sampler<DetailsSampler>(c.procRoot());
    if (details)
        details->follow(c.processSampler);
    c.pages.processes = new ProcessTablePage(c.processSampler, details, c.options.procRoot);
    return c.pages.processes;
}

Page* memoryPage(PageContext& c)
{
    if (c.remote()) {
        // No /proc sampler: a remote pid must never reach this machine's /proc/PID/smaps. The
        // chosen process's totals come from PCP (that pid only, while the page is shown).
        c.pages.memory = new MemoryMapPage(nullptr);
        const QString why = QObject::tr(
            "Totals only: the map mapping by mapping is not available for %1 (%2). It is read "
            "from /proc/PID/smaps on the process's own machine; Performance Co-Pilot gives each "
            "process's totals (proc.smaps.*, its smaps_rollup), shown here.")
                                .arg(c.remoteKind(), c.remoteName());
        if (c.host)
            c.pages.memory->setTotalsOnly(c.sampler<PcpDetailsSampler>(c.host,
                                              PcpDetailsSampler::Kind::MapTotals, c.replay()),
                why);
        else
            c.pages.memory->setUnavailable(why);
        return c.pages.memory;
    }
    c.pages.memory = new MemoryMapPage(c.sampler<MemoryMapSampler>(c.options.procRoot));
    return c.pages.memory;
}

Page* memoryUsagePage(PageContext& c)
{
    if (c.remote()) {
        c.pages.memoryUsage = new MemoryUsagePage(nullptr);
        c.pages.memoryUsage->setUnavailable(QObject::tr(
            "Memory usage: not available for %1 (%2). The census reads every process's "
            "smaps_rollup (and smaps for By mapping) on its own machine; this version does not "
            "fetch PCP's per-process proc.smaps.* totals.")
                                                .arg(c.remoteKind(), c.remoteName()));
        return c.pages.memoryUsage;
    }
    c.pages.memoryUsage = new MemoryUsagePage(c.sampler<MemoryUsageSampler>(c.options.procRoot));
    return c.pages.memoryUsage;
}

Page* interruptsPage(PageContext& c)
{
    if (c.remote()) {
        c.pages.interrupts
            = new InterruptsPage(c.host ? c.sampler<InterruptsSampler>(
                                     std::make_unique<PcpInterruptsSource>(c.host), nullptr)
                                        : nullptr);
        return c.pages.interrupts;
    }
    c.pages.interrupts = new InterruptsPage(c.sampler<InterruptsSampler>(
        c.procRoot(), irqSysRoot(c.procRoot(), c.options.sysRoot.toStdString())));
    return c.pages.interrupts;
}

Page* systemPage(PageContext& c)
{
    SystemOverviewCollector::Options system;
    system.procRoot = c.procRoot();
    const bool liveProc = system.procRoot == "/proc";
    system.sysRoot = liveProc ? "/sys" : "";
    system.readUname = liveProc;
    // /proc/stat, meminfo and loadavg come from the process sampler's tick: read once per tick.
    // From a host: the process sampler's fetch carries the system figures the same way.
    SystemSampler* source = c.host
        ? c.sampler<SystemSampler>(std::make_unique<PcpSystemSource>(c.host), nullptr)
        : c.sampler<SystemSampler>(system);
    if (source)
        source->follow(c.processSampler);
    c.pages.system = new SystemOverviewPage(c.options.intervalMs, source);
    return c.pages.system;
}

struct PageEntry
{
    const char* id; // --page, the settings: the id the page says it has
    Page* (*make)(PageContext&);
};

// The pages, in tab order: one line each.
const PageEntry kPages[] = {
    { "processes", processesPage },
    { "memory", memoryPage },
    { "memusage", memoryUsagePage },
    { "interrupts", interruptsPage },
    { "system", systemPage },
};

// The jumps from one page to another, all of them here.
void connectJumps(MainWindow& window, const AppPages& pages)
{
    ProcessTablePage* processes = pages.processes;
    MemoryMapPage* memory = pages.memory;
    auto openMap = [memory, &window](const ProcessKey& key) {
        memory->openProcess(key);
        window.showPage(memory->pageId());
    };
    // Process table -> memory map: double-click or Enter on a row, Ctrl+M, the context menu.
    QObject::connect(processes, &ProcessTablePage::processActivated, memory, openMap);
    auto* mapAction = new QAction(QObject::tr("&Memory map"), &window);
    mapAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    mapAction->setShortcutContext(Qt::WindowShortcut);
    mapAction->setToolTip(QObject::tr("Show the selected process's memory map (Ctrl+M)"));
    QObject::connect(mapAction, &QAction::triggered, memory, [processes, memory, &window, openMap] {
        if (const auto key = processes->currentProcess())
            openMap(*key);
        else
            window.showPage(memory->pageId()); // it says how to choose a process
    });
    processes->addProcessAction(mapAction);
    // Memory usage -> memory map: double-click or Enter on a process row, the context menu.
    QObject::connect(
        pages.memoryUsage, &MemoryUsagePage::memoryMapRequested, memory, [openMap](int pid) {
            openMap(ProcessKey { pid, 0 });
        });
    // System page links ("see the Interrupts page") -> that page.
    QObject::connect(pages.system, &SystemOverviewPage::showPageRequested, &window,
        [&window](const QString& id) { window.showPage(id); });
}

} // namespace

QStringList pageIds()
{
    QStringList ids;
    for (const PageEntry& entry : kPages)
        ids << QString::fromLatin1(entry.id);
    return ids;
}

AppPages assemblePages(MainWindow& window, const AppOptions& options, SamplerThread* thread,
    PcpSessionOpener openHost, ArchiveReplay replay)
{
    AppPages pages;
    PageContext context { options, thread, pages, nullptr, nullptr };
    if (thread && replay.archive && replay.clock) {
        context.host = std::make_shared<PcpArchiveFeed>(
            "archive " + options.archive.toStdString(), std::move(replay.archive), replay.clock);
    } else if (thread && !options.host.isEmpty()) {
        const std::string spec = options.host.toStdString();
        const std::string shown = pcpSpecWithoutSecrets(spec);
        // The module loaded here, before the sampler thread starts (PcpModuleLoader.h says why).
        if (!openHost)
            openHost = pcpSessionOpener(spec);
        // Messages name the host without a password typed into the spec, libpcp's too.
        auto feed = std::make_shared<PcpHostFeed>(shown, std::move(openHost));
        feed->redactInErrors(spec);
        context.host = std::move(feed);
    }
    std::vector<Page*> made;
    for (const PageEntry& entry : kPages) {
        made.push_back(entry.make(context));
        Q_ASSERT(made.back()->pageId() == QLatin1String(entry.id));
    }
    // Jumps first: they add actions that the pages then offer in their menus.
    connectJumps(window, pages);
    for (Page* page : made)
        window.addPage(page);
    // --archive: the time slider under the pages, on the replay's clock.
    if (context.host && replay.clock && context.processSampler)
        attachReplayBar(window, *context.processSampler, pages.samplers, replay.clock);
    // Followed and connected: now into the thread.
    for (Sampler* sampler : std::as_const(pages.samplers))
        thread->adopt(sampler);
    // --pid: that process selected in the table and its map shown (MainWindow shows the page).
    if (options.initialPid > 0) {
        pages.processes->selectPidWhenSeen(options.initialPid);
        if (!context.remote() || pages.memory->isTotalsOnly())
            pages.memory->openProcess(ProcessKey { options.initialPid, 0 });
    }
    return pages;
}

} // namespace pg
