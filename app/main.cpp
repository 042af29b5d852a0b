// Procglass entry point: command line, the sampler thread, the main window.

#include "MainWindow.h"
#include "ProcessSampler.h"
#include "SamplerThread.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStringList>
#include <cstdio>
#include <cstdlib>
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

} // namespace

int main(int argc, char** argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Procglass: a system monitor that shows and explains /proc"));
    const QCommandLineOption helpOption({ QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    const QCommandLineOption versionOption({ QStringLiteral("v"), QStringLiteral("version") }, QStringLiteral("Show the version."));
    const QCommandLineOption intervalOption(QStringLiteral("interval"), QStringLiteral("Refresh interval in milliseconds (default 1000)."), QStringLiteral("MS"), QStringLiteral("1000"));
    const QCommandLineOption procRootOption(QStringLiteral("proc-root"), QStringLiteral("Read a /proc tree elsewhere (a fixture or a copy)."), QStringLiteral("DIR"), QStringLiteral("/proc"));
    const QCommandLineOption pidOption(QStringLiteral("pid"), QStringLiteral("Start with this process selected."), QStringLiteral("PID"));
    const QCommandLineOption pageOption(QStringLiteral("page"), QStringLiteral("Start on this page: processes."), QStringLiteral("PAGE"));
    parser.addOptions({ helpOption, versionOption, intervalOption, procRootOption, pidOption, pageOption });
    if (!parser.parse(args)) {
        std::fprintf(stderr, "procglass: %s (see procglass --help)\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(helpOption)) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (parser.isSet(versionOption)) {
        std::printf("procglass %s\n", PROCGLASS_VERSION);
        return 0;
    }

    pg::AppOptions options;
    bool ok = false;
    options.intervalMs = parser.value(intervalOption).toInt(&ok);
    if (!ok || options.intervalMs < 100 || options.intervalMs > 3600000) {
        std::fprintf(stderr, "procglass: --interval takes milliseconds from 100 to 3600000, not '%s'\n",
                     qPrintable(parser.value(intervalOption)));
        return 2;
    }
    options.procRoot = parser.value(procRootOption);
    if (parser.isSet(pidOption)) {
        options.initialPid = parser.value(pidOption).toInt(&ok);
        if (!ok || options.initialPid <= 0) {
            std::fprintf(stderr, "procglass: --pid takes a process id, not '%s'\n", qPrintable(parser.value(pidOption)));
            return 2;
        }
    }
    options.initialPage = parser.value(pageOption);

    if (!haveDisplay()) {
        std::fprintf(stderr, "procglass: no display (DISPLAY and WAYLAND_DISPLAY are unset); run it in a desktop session, "
                             "or headless with: xvfb-run -a ./build.sh run\n");
        return 1;
    }

    raiseFileLimit();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Procglass"));
    QApplication::setOrganizationName(QStringLiteral("Procglass"));
    QApplication::setApplicationVersion(QStringLiteral(PROCGLASS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(PROCGLASS_APP_ID));
    pg::registerSamplerMetaTypes();

    pg::SamplerThread samplerThread;
    pg::ProcessCollector::Options collectorOptions;
    collectorOptions.procRoot = options.procRoot.toStdString();
    auto* sampler = new pg::ProcessSampler(collectorOptions);
    sampler->setIntervalMs(options.intervalMs);
    samplerThread.adopt(sampler);

    pg::MainWindow window(options, sampler);
    window.show();
    samplerThread.start();
    QMetaObject::invokeMethod(sampler, &pg::ProcessSampler::start, Qt::QueuedConnection);
    const int rc = QApplication::exec();
    samplerThread.stop();
    return rc;
}
