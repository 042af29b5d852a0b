// Procglass entry point: command line, the sampler thread, the main window.

#include "CommandLineChecks.h"
#include "ExportCommand.h"
#include "HeapPolicy.h"
#include "core/base/RefreshInterval.h"
#include "core/export/InterruptsCsv.h"
#include "core/export/SystemCsv.h"
#include "core/sampler/DetailsSampler.h"
#include "core/sampler/InterruptsSampler.h"
#include "core/sampler/MemoryMapSampler.h"
#include "core/sampler/ProcessSampler.h"
#include "core/sampler/SamplerThread.h"
#include "core/sampler/SystemSampler.h"
#include "ui/interrupts/InterruptsPage.h"
#include "ui/memory/MemoryMapPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/system/SystemOverviewPage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/resource.h>

namespace {

// The sampler keeps two descriptors per process open; lift the soft limit to the hard one.
void raiseFileLimit()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

bool haveDisplay()
{
    const char* platform = std::getenv("QT_QPA_PLATFORM");
    if (platform && *platform)
        return true; // offscreen, vnc, …: the user chose a platform
    const char* x = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (wayland && *wayland);
}

// The pages --page accepts: the ids MainWindow::addPage() is given below, in MainWindow and in
// MemoryMapPage::install().
const QStringList& pageIds()
{
    static const QStringList ids = { QStringLiteral("processes"), QStringLiteral("memory"),
        QStringLiteral("interrupts"), QStringLiteral("system") };
    return ids;
}

int commandLineError(const QString& message)
{
    std::fprintf(stderr, "procglass: %s\n", qPrintable(pg::oneLineText(message)));
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    // `procglass export ...` is headless: dispatched before any display check or QApplication.
    if (argc >= 2 && std::strcmp(argv[1], "export") == 0) {
        raiseFileLimit();
        return pg::runExportCommand(argc, argv);
    }

    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Procglass: a system monitor that shows and explains /proc"));
    const QCommandLineOption helpOption(
        { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    const QCommandLineOption versionOption(
        { QStringLiteral("v"), QStringLiteral("version") }, QStringLiteral("Show the version."));
    const QCommandLineOption intervalOption(QStringLiteral("interval"),
        QStringLiteral("Refresh interval in milliseconds, %1 to %2, for this run only (default: "
                       "the interval chosen in the window last time, else 1000).")
            .arg(pg::kMinRefreshIntervalMs)
            .arg(pg::kMaxRefreshIntervalMs),
        QStringLiteral("MS"), QString::number(pg::kDefaultRefreshIntervalMs));
    const QCommandLineOption procRootOption(QStringLiteral("proc-root"),
        QStringLiteral("Read a /proc tree elsewhere (a fixture or a copy)."), QStringLiteral("DIR"),
        QStringLiteral("/proc"));
    const QCommandLineOption pidOption(QStringLiteral("pid"),
        QStringLiteral("Start with this process selected (and its memory map shown)."),
        QStringLiteral("PID"));
    const QCommandLineOption pageOption(QStringLiteral("page"),
        QStringLiteral("Start on this page: %1 (this run only).")
            .arg(pageIds().join(QStringLiteral(", "))),
        QStringLiteral("PAGE"));
    QCommandLineOption cycleOption(QStringLiteral("cycle-pages"),
        QStringLiteral("Show the next tab or page every MS milliseconds (for soak tests)."),
        QStringLiteral("MS"));
    cycleOption.setFlags(QCommandLineOption::HiddenFromHelp);
    // For tests: quit as Ctrl+Q does (close the window, save the settings, stop the samplers)
    // after MS milliseconds, so a test can check that the process then really exits.
    QCommandLineOption quitAfterOption(QStringLiteral("quit-after"),
        QStringLiteral("Close the window after MS milliseconds (for tests)."),
        QStringLiteral("MS"));
    quitAfterOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({ helpOption, versionOption, intervalOption, procRootOption, pidOption,
        pageOption, cycleOption, quitAfterOption });
    if (!parser.parse(args))
        return commandLineError(parser.errorText() + QStringLiteral(" (see procglass --help)"));
    if (parser.isSet(helpOption)) {
        std::printf("%s",
            qPrintable(pg::helpWithUsage(
                parser.helpText(), QStringLiteral("Usage: procglass [options]"))));
        std::printf("\nOptions apply to this run only; the settings keep what you choose in the "
                    "window.\n"
                    "\nHeadless export to CSV (needs no display; see procglass export --help):\n"
                    "  procglass export processes|interrupts|system [-o FILE] [--proc-root DIR] "
                    "[--interval MS]\n"
                    "  procglass export memory PID [-o FILE] [--proc-root DIR]\n");
        return 0;
    }
    if (parser.isSet(versionOption)) {
        std::printf("procglass %s\n", PROCGLASS_VERSION);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return commandLineError(QStringLiteral("unexpected argument '%1': procglass takes options "
                                               "only, or the command export (see procglass --help)")
                                    .arg(parser.positionalArguments().constFirst()));

    pg::AppOptions options;
    bool ok = false;
    const auto intervalMs = pg::parseIntervalArgMs(parser.value(intervalOption));
    if (!intervalMs)
        return commandLineError(
            pg::intervalArgProblem(QStringLiteral("--interval"), parser.value(intervalOption)));
    options.intervalMs = *intervalMs;
    options.intervalSet = parser.isSet(intervalOption);
    options.procRoot = parser.value(procRootOption);
    if (!QFileInfo(options.procRoot).isDir())
        return commandLineError(
            QStringLiteral("--proc-root takes a folder, not '%1'").arg(options.procRoot));
    if (parser.isSet(pidOption)) {
        options.initialPid = parser.value(pidOption).toInt(&ok);
        if (!ok || options.initialPid <= 0)
            return commandLineError(QStringLiteral("--pid takes a process id (a number from 1), "
                                                   "not '%1'")
                                        .arg(parser.value(pidOption)));
    }
    options.initialPage = parser.value(pageOption);
    if (parser.isSet(pageOption) && !pageIds().contains(options.initialPage))
        return commandLineError(
            QStringLiteral("--page takes %1, not '%2'")
                .arg(pageIds().join(QStringLiteral(", ")), options.initialPage));
    if (parser.isSet(cycleOption)) {
        const auto cycleMs = pg::parseIntervalArgMs(parser.value(cycleOption));
        if (!cycleMs)
            return commandLineError(
                pg::intervalArgProblem(QStringLiteral("--cycle-pages"), parser.value(cycleOption)));
        options.cyclePagesMs = *cycleMs;
    }
    int quitAfterMs = -1;
    if (parser.isSet(quitAfterOption)) {
        quitAfterMs = parser.value(quitAfterOption).toInt(&ok);
        if (!ok || quitAfterMs < 0)
            return commandLineError(QStringLiteral("--quit-after takes milliseconds, not '%1'")
                                        .arg(parser.value(quitAfterOption)));
    }

    if (!haveDisplay()) {
        std::fprintf(stderr,
            "procglass: no display (DISPLAY and WAYLAND_DISPLAY are unset); run it in a desktop "
            "session, "
            "or headless with: xvfb-run -a ./build.sh run\n");
        return 1;
    }

    raiseFileLimit();
    pg::configureHeap();
    // An export into a FIFO whose reader goes away must fail with EPIPE in the dialog, not kill the
    // window (the command line keeps the default and dies like cat would).
    std::signal(SIGPIPE, SIG_IGN);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Procglass"));
    QApplication::setOrganizationName(QStringLiteral("Procglass"));
    QApplication::setApplicationVersion(QStringLiteral(PROCGLASS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(PROCGLASS_APP_ID));
    pg::registerSnapshotMetaTypes();

    pg::SamplerThread samplerThread;
    pg::ProcessCollector::Options collectorOptions;
    collectorOptions.procRoot = options.procRoot.toStdString();
    auto* sampler = new pg::ProcessSampler(collectorOptions);
    sampler->setIntervalMs(options.intervalMs);
    samplerThread.adopt(sampler);

    pg::MainWindow window(options, sampler);

    // Process details and actions (issue 5, parts 1-3): a worker in the sampler thread that reads
    // the selected process on selection change and on every process sample while the panel is
    // shown.
    auto* detailsSampler = new pg::DetailsSampler(collectorOptions.procRoot);
    samplerThread.adopt(detailsSampler);
    detailsSampler->follow(sampler);
    window.attachDetailsSampler(detailsSampler);

    // System overview page (issue 5, part 4): its own worker in the sampler thread, following the
    // process sampler.
    pg::SystemOverviewCollector::Options systemOptions;
    systemOptions.procRoot = collectorOptions.procRoot;
    const bool liveProc = systemOptions.procRoot == "/proc";
    systemOptions.sysRoot = liveProc ? "/sys" : "";
    systemOptions.readUname = liveProc;
    auto* systemSampler = new pg::SystemSampler(systemOptions);
    // Samples after each process sample, on its /proc/stat, meminfo, loadavg and uptime.
    systemSampler->follow(sampler);
    samplerThread.adopt(systemSampler);
    auto* systemPage = new pg::SystemOverviewPage(options.intervalMs);
    window.addPage(QStringLiteral("system"), QObject::tr("&System"), systemPage);
    QObject::connect(systemSampler, &pg::SystemSampler::overviewReady, systemPage,
        &pg::SystemOverviewPage::applyOverview, Qt::QueuedConnection);
    QObject::connect(&window, &pg::MainWindow::intervalChanged, systemSampler,
        &pg::SystemSampler::setIntervalMs, Qt::QueuedConnection);
    QObject::connect(&window, &pg::MainWindow::intervalChanged, systemPage,
        &pg::SystemOverviewPage::setIntervalMs);
    QObject::connect(&window, &pg::MainWindow::pausedChanged, systemSampler,
        &pg::SystemSampler::setPaused, Qt::QueuedConnection);
    QObject::connect(&window, &pg::MainWindow::refreshRequested, systemSampler,
        &pg::SystemSampler::refreshNow, Qt::QueuedConnection);
    QObject::connect(
        systemPage, &pg::SystemOverviewPage::showPageRequested, &window, &pg::MainWindow::showPage);
    if (options.initialPage == QLatin1String("system"))
        window.showPage(options.initialPage);

    // Memory map page (issue 3): its worker reads one process's smaps, only while the page is
    // shown.
    auto* mapsSampler = new pg::MemoryMapSampler(options.procRoot);
    samplerThread.adopt(mapsSampler);
    pg::MemoryMapPage::install(window, mapsSampler, options);

    // Interrupts page (issue 4): its worker reads <proc-root>/interrupts and softirqs in the
    // sampler thread, following the main refresh interval and pause; the page keeps the history.
    auto* interruptsSampler = new pg::InterruptsSampler(options.procRoot.toStdString());
    interruptsSampler->setIntervalMs(options.intervalMs);
    samplerThread.adopt(interruptsSampler);
    auto* interruptsPage = new pg::InterruptsPage();
    interruptsPage->setIntervalMs(options.intervalMs);
    window.addPage(QStringLiteral("interrupts"), QObject::tr("&Interrupts"), interruptsPage);
    QObject::connect(interruptsSampler, &pg::InterruptsSampler::snapshotReady, interruptsPage,
        &pg::InterruptsPage::applySnapshot, Qt::QueuedConnection);
    QObject::connect(&window, &pg::MainWindow::intervalChanged, interruptsSampler,
        &pg::InterruptsSampler::setIntervalMs, Qt::QueuedConnection);
    QObject::connect(&window, &pg::MainWindow::intervalChanged, interruptsPage,
        &pg::InterruptsPage::setIntervalMs);
    QObject::connect(&window, &pg::MainWindow::pausedChanged, interruptsSampler,
        &pg::InterruptsSampler::setPaused, Qt::QueuedConnection);
    QObject::connect(&window, &pg::MainWindow::refreshRequested, interruptsSampler,
        &pg::InterruptsSampler::refreshNow, Qt::QueuedConnection);
    if (options.initialPage == QLatin1String("interrupts"))
        window.showPage(options.initialPage);

    // File > Export snapshot... (issue 6): the overview and interrupts tables from the latest
    // snapshots their samplers published (kept here; the pages keep only what they draw).
    auto lastOverview = std::make_shared<SystemOverviewPtr>();
    QObject::connect(
        systemSampler, &pg::SystemSampler::overviewReady, &window,
        [lastOverview](SystemOverviewPtr o) { *lastOverview = std::move(o); },
        Qt::QueuedConnection);
    window.addExportSource(pg::exportSource(pg::ExportTableId::System, [lastOverview] {
        if (!*lastOverview)
            return pg::ExportTable { {}, QObject::tr("no overview sample has been taken yet") };
        return pg::ExportTable { pg::systemToCsv(**lastOverview), {} };
    }));
    auto lastInterrupts = std::make_shared<InterruptsSnapshotPtr>();
    QObject::connect(
        interruptsSampler, &pg::InterruptsSampler::snapshotReady, &window,
        [lastInterrupts](InterruptsSnapshotPtr s) { *lastInterrupts = std::move(s); },
        Qt::QueuedConnection);
    window.addExportSource(pg::exportSource(pg::ExportTableId::Interrupts, [lastInterrupts] {
        const InterruptsSnapshotPtr& snap = *lastInterrupts;
        if (!snap)
            return pg::ExportTable { {}, QObject::tr("no interrupts sample has been taken yet") };
        if (snap->interruptsError != pg::Error::None)
            return pg::ExportTable { {},
                QObject::tr("cannot read interrupts: %1")
                    .arg(QString::fromUtf8(pg::errorText(snap->interruptsError).data())) };
        return pg::ExportTable { pg::interruptsToCsv(snap->interrupts), {} };
    }));

    pg::installHeapTrim(&window);
    QObject::connect(
        &window, &pg::MainWindow::pageChanged, &window, [&window] { pg::trimHeapSoon(&window); });

    window.show();
    if (quitAfterMs >= 0)
        QTimer::singleShot(quitAfterMs, &window, &QWidget::close);
    samplerThread.start();
    QMetaObject::invokeMethod(sampler, &pg::ProcessSampler::start, Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        interruptsSampler, &pg::InterruptsSampler::start, Qt::QueuedConnection);
    QMetaObject::invokeMethod(systemSampler, &pg::SystemSampler::start, Qt::QueuedConnection);
    // Nothing is read before start(): these two read only once their panel or page is shown.
    QMetaObject::invokeMethod(detailsSampler, &pg::DetailsSampler::start, Qt::QueuedConnection);
    QMetaObject::invokeMethod(mapsSampler, &pg::MemoryMapSampler::start, Qt::QueuedConnection);
    const int rc = QApplication::exec();
    // The settings were saved when the window closed (and again on aboutToQuit). Every /proc and
    // /sys open is non-blocking and refuses what is not a regular file, so a sampler finishes its
    // tick quickly; but a read the kernel never completes (a hung FUSE or NFS file in a
    // --proc-root tree) would keep the sampler thread, and so the process, alive after the window
    // closed. Wait a bounded time for it, then leave without joining it (destroying a running
    // QThread would abort).
    constexpr std::chrono::seconds kSamplerExitWait { 5 };
    if (!samplerThread.stopWithin(kSamplerExitWait)) {
        std::fprintf(stderr,
            "procglass: a sampler was still reading a file %lld s after the window closed; "
            "exiting without waiting for it\n",
            static_cast<long long>(kSamplerExitWait.count()));
        std::fflush(nullptr);
        std::_Exit(rc);
    }
    return rc;
}
