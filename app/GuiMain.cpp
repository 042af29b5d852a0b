// SPDX-License-Identifier: GPL-3.0-or-later
// `procglass-gui`, the window: command line, the sampler thread, the main window. Users start it
// as `procglass`, which execs this program with the same arguments (app/main.cpp, GuiLauncher).

#include "ExportCommand.h"
#include "FileLimit.h"
#include "GuiCommandLine.h"
#include "HeapPolicy.h"
#include "HostWindowLauncher.h"
#include "Pages.h"
#include "PcpModuleLoader.h"
#include "core/base/RefreshInterval.h"
#include "core/metatypes/SnapshotTypes.h"
#include "core/pcp/ArchiveTime.h"
#include "core/pcp/PcpHostSpec.h"
#include "core/sampler/Sampler.h"
#include "core/sampler/SamplerThread.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/Theme.h"

#include <QApplication>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/prctl.h>

namespace {

bool haveDisplay()
{
    const char* platform = std::getenv("QT_QPA_PLATFORM");
    if (platform && *platform)
        return true; // offscreen, vnc, …: the user chose a platform
    const char* x = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (wayland && *wayland);
}

} // namespace

int main(int argc, char** argv)
{
    // The name the user started (`procglass`), not this file's: top, pgrep -x and killall show and
    // find the window under it as before the window moved into procglass-gui.
    ::prctl(PR_SET_NAME, "procglass");
    // `procglass export ...` is dispatched in procglass itself; here too, for a direct
    // `procglass-gui export ...`: headless, before any display check or QApplication.
    if (argc >= 2 && std::strcmp(argv[1], "export") == 0) {
        pg::raiseFileLimit();
        return pg::runExportCommand(argc, argv);
    }

    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    const pg::GuiCommandLine commandLine = pg::parseGuiCommandLine(args);
    if (commandLine.exitCode)
        return *commandLine.exitCode;
    const pg::AppOptions& options = commandLine.options;
    const int quitAfterMs = commandLine.quitAfterMs;

    if (!haveDisplay()) {
        std::fprintf(stderr,
            "procglass: no display (DISPLAY and WAYLAND_DISPLAY are unset); run it in a desktop "
            "session, "
            "or headless with: xvfb-run -a ./build.sh run\n");
        return 1;
    }

    // --archive: the recording opened (and --at found in it) before any window, so that a bad
    // archive or time is one line and an exit status.
    pg::ArchiveReplay replay;
    if (!options.archive.isEmpty()) {
        std::string error;
        replay.archive = pg::openPcpArchive(options.archive.toLocal8Bit().toStdString(), &error);
        if (!replay.archive) {
            std::fprintf(stderr, "procglass: %s\n", error.c_str());
            return 1;
        }
        replay.clock = std::make_shared<pg::ReplayClock>(
            replay.archive->startSec(), replay.archive->endSec());
        if (!options.archiveAt.isEmpty()) {
            const pg::ArchiveTimeOutcome at = pg::parseArchiveTime(options.archiveAt.toStdString(),
                replay.archive->startSec(), replay.archive->endSec());
            if (!at.sec) {
                std::fprintf(stderr, "procglass: --at: %s\n", at.error.c_str());
                return 2;
            }
            replay.clock->seek(*at.sec);
        }
    }

    pg::raiseFileLimit();
    pg::configureHeap();
    // An export into a FIFO whose reader goes away must fail with EPIPE in the dialog, not kill the
    // window (the command line keeps the default and dies like cat would).
    std::signal(SIGPIPE, SIG_IGN);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Procglass"));
    QApplication::setOrganizationName(QStringLiteral("Procglass"));
    QApplication::setApplicationVersion(QStringLiteral(PROCGLASS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(PROCGLASS_APP_ID));
    pg::capPixmapCache();
    pg::registerSnapshotMetaTypes();
    pg::applyTheme(pg::savedTheme());

    pg::SamplerThread samplerThread;
    pg::MainWindow window(options);
    const pg::AppPages pages
        = pg::assemblePages(window, options, &samplerThread, {}, std::move(replay));

    pg::installHeapTrim(&window);
    QObject::connect(
        &window, &pg::MainWindow::pageChanged, &window, [&window] { pg::trimHeapSoon(&window); });
    QObject::connect(
        &window, &pg::MainWindow::viewChanged, &window, [&window] { pg::trimHeapSoon(&window); });

    // File > Connect to host...: a window of its own for that host (HostWindowLauncher.h).
    QObject::connect(
        &window, &pg::MainWindow::hostRequested, &window, [&window](const QString& spec) {
            QString error;
            const qint64 pid = pg::openHostWindow(spec, &error);
            window.showStatusMessage(pid > 0
                    ? QObject::tr("Opened a window for %1 (pid %2)")
                          .arg(
                              QString::fromStdString(pg::pcpSpecWithoutSecrets(spec.toStdString())))
                          .arg(pid)
                    : error,
                8000);
        });
    // File > Open recording...: a window of its own replaying it.
    QObject::connect(
        &window, &pg::MainWindow::recordingRequested, &window, [&window](const QString& path) {
            QString error;
            const qint64 pid = pg::openArchiveWindow(path, &error);
            window.showStatusMessage(pid > 0
                    ? QObject::tr("Opened a window replaying %1 (pid %2)").arg(path).arg(pid)
                    : error,
                8000);
        });
    window.show();
    if (quitAfterMs >= 0)
        QTimer::singleShot(quitAfterMs, &window, &QWidget::close);
    samplerThread.start();
    for (pg::Sampler* sampler : pages.samplers)
        QMetaObject::invokeMethod(sampler, &pg::Sampler::start, Qt::QueuedConnection);
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
