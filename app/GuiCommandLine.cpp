// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiCommandLine.h"

#include "CommandLineChecks.h"
#include "HostWindowLauncher.h"
#include "Pages.h"
#include "core/base/RefreshInterval.h"
#include "core/pcp/PcpHostSpec.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <cstdio>

namespace pg {

GuiCommandLine parseGuiCommandLine(const QStringList& args)
{
    GuiCommandLine result;
    auto exitWith = [&result](int code) {
        result.exitCode = code;
        return result;
    };
    auto fail = [&exitWith](const QString& message) {
        std::fprintf(stderr, "procglass: %s\n", qPrintable(oneLineText(message)));
        return exitWith(2);
    };
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
            .arg(kMinRefreshIntervalMs)
            .arg(kMaxRefreshIntervalMs),
        QStringLiteral("MS"), QString::number(kDefaultRefreshIntervalMs));
    const QCommandLineOption procRootOption(QStringLiteral("proc-root"),
        QStringLiteral("Read a /proc tree elsewhere (a fixture or a copy)."), QStringLiteral("DIR"),
        QStringLiteral("/proc"));
    const QCommandLineOption sysRootOption(QStringLiteral("sys-root"),
        QStringLiteral("Read a /sys tree elsewhere, for the Interrupts page's devices (default: "
                       "/sys with the live /proc, none with --proc-root)."),
        QStringLiteral("DIR"));
    const QCommandLineOption hostOption(QStringLiteral("host"),
        QStringLiteral("Watch another host through its Performance Co-Pilot pmcd: HOST, HOST:PORT, "
                       "pcp://HOST, pcps://HOST?username=USER, unix:PATH or local: (processes, "
                       "system and interrupts; the memory pages and process actions are local "
                       "only)."),
        QStringLiteral("SPEC"));
    const QCommandLineOption archiveOption(QStringLiteral("archive"),
        QStringLiteral("Replay a Performance Co-Pilot archive (procglass record, pmlogger) with a "
                       "time slider: processes, system and interrupts as recorded."),
        QStringLiteral("ARCHIVE"));
    const QCommandLineOption atOption(QStringLiteral("at"),
        QStringLiteral("With --archive: start at TIME (\"2026-12-01 03:00:00\", +30m after the "
                       "start, -5m before the end; default: the first sample)."),
        QStringLiteral("TIME"));
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
    // For the whole-process benchmark: every view built once, then the process table as a user
    // leaves it.
    QCommandLineOption cycleOnceOption(QStringLiteral("cycle-once"),
        QStringLiteral("With --cycle-pages: one round, then stay on the first page."));
    cycleOnceOption.setFlags(QCommandLineOption::HiddenFromHelp);
    // For tests: quit as Ctrl+Q does (close the window, save the settings, stop the samplers)
    // after MS milliseconds, so a test can check that the process then really exits.
    QCommandLineOption quitAfterOption(QStringLiteral("quit-after"),
        QStringLiteral("Close the window after MS milliseconds (for tests)."),
        QStringLiteral("MS"));
    quitAfterOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({ helpOption, versionOption, intervalOption, procRootOption, sysRootOption,
        hostOption, archiveOption, atOption, pidOption, pageOption, cycleOption, cycleOnceOption,
        quitAfterOption });
    if (!parser.parse(args))
        return fail(parser.errorText() + QStringLiteral(" (see procglass --help)"));
    if (parser.isSet(helpOption)) {
        std::printf("%s",
            qPrintable(
                helpWithUsage(parser.helpText(), QStringLiteral("Usage: procglass [options]"))));
        std::printf(
            "\nOptions apply to this run only; the settings keep what you choose in the "
            "window.\n"
            "\nHeadless export to CSV (needs no display; see procglass export --help):\n"
            "  procglass export processes|interrupts|softirqs|system [-o FILE] "
            "[--proc-root DIR] [--sys-root DIR] [--interval MS]\n"
            "  procglass export memory PID [-o FILE] [--proc-root DIR]\n"
            "  procglass export memory [--by process|user|mapping] [-o FILE] [--proc-root DIR]\n");
        return exitWith(0);
    }
    if (parser.isSet(versionOption)) {
        std::printf("procglass %s\n", PROCGLASS_VERSION);
        return exitWith(0);
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument '%1': procglass takes options "
                                   "only, or the command export (see procglass --help)")
                        .arg(parser.positionalArguments().constFirst()));

    bool ok = false;
    const auto intervalMs = parseIntervalArgMs(parser.value(intervalOption));
    if (!intervalMs)
        return fail(intervalArgProblem(QStringLiteral("--interval"), parser.value(intervalOption)));
    result.options.intervalMs = *intervalMs;
    result.options.intervalSet = parser.isSet(intervalOption);
    result.options.procRoot = parser.value(procRootOption);
    if (!QFileInfo(result.options.procRoot).isDir())
        return fail(
            QStringLiteral("--proc-root takes a folder, not '%1'").arg(result.options.procRoot));
    if (parser.isSet(sysRootOption)) {
        result.options.sysRoot = parser.value(sysRootOption);
        if (!QFileInfo(result.options.sysRoot).isDir())
            return fail(
                QStringLiteral("--sys-root takes a folder, not '%1'").arg(result.options.sysRoot));
    }
    if (parser.isSet(hostOption)) {
        result.options.host = parser.value(hostOption).trimmed();
        // A window opened by Connect to host: the spec's password came in the environment (not
        // on the command line, which every user can read), for this spec only.
        const QByteArray full = qgetenv(kHostSpecEnv);
        if (!full.isEmpty()
            && QString::fromStdString(pcpSpecWithoutSecrets(full.toStdString()))
                == result.options.host)
            result.options.host = QString::fromLocal8Bit(full);
        qunsetenv(kHostSpecEnv);
        if (result.options.host.isEmpty())
            return fail(QStringLiteral("--host takes a PCP host spec (HOST, HOST:PORT, pcp://HOST, "
                                       "unix:PATH, local:), not an empty text"));
        if (parser.isSet(procRootOption) || parser.isSet(sysRootOption))
            return fail(QStringLiteral("--host reads another host's pmcd: it cannot be combined "
                                       "with --proc-root or --sys-root"));
    }
    if (parser.isSet(archiveOption)) {
        result.options.archive = parser.value(archiveOption);
        if (result.options.archive.isEmpty())
            return fail(QStringLiteral(
                "--archive takes the name of a PCP archive (its base name or one of its files)"));
        if (parser.isSet(hostOption) || parser.isSet(procRootOption) || parser.isSet(sysRootOption))
            return fail(QStringLiteral("--archive replays a recording: it cannot be combined with "
                                       "--host, --proc-root or --sys-root"));
        result.options.archiveAt = parser.value(atOption);
    } else if (parser.isSet(atOption)) {
        return fail(QStringLiteral("--at is a moment in a recording: it needs --archive ARCHIVE"));
    }
    if (parser.isSet(pidOption)) {
        result.options.initialPid = parser.value(pidOption).toInt(&ok);
        if (!ok || result.options.initialPid <= 0)
            return fail(QStringLiteral("--pid takes a process id (a number from 1), "
                                       "not '%1'")
                            .arg(parser.value(pidOption)));
    }
    result.options.initialPage = parser.value(pageOption);
    if (parser.isSet(pageOption) && !pageIds().contains(result.options.initialPage))
        return fail(QStringLiteral("--page takes %1, not '%2'")
                        .arg(pageIds().join(QStringLiteral(", ")), result.options.initialPage));
    if (parser.isSet(cycleOption)) {
        const auto cycleMs = parseIntervalArgMs(parser.value(cycleOption));
        if (!cycleMs)
            return fail(
                intervalArgProblem(QStringLiteral("--cycle-pages"), parser.value(cycleOption)));
        result.options.cyclePagesMs = *cycleMs;
        result.options.cycleOnce = parser.isSet(cycleOnceOption);
    }
    if (parser.isSet(quitAfterOption)) {
        result.quitAfterMs = parser.value(quitAfterOption).toInt(&ok);
        if (!ok || result.quitAfterMs < 0)
            return fail(QStringLiteral("--quit-after takes milliseconds, not '%1'")
                            .arg(parser.value(quitAfterOption)));
    }

    return result;
}

} // namespace pg
