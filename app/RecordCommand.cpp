// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordCommand.h"

#include "ArchiveTarget.h"
#include "CommandLineChecks.h"
#include "PcpModuleLoader.h"
#include "core/base/RefreshInterval.h"
#include "core/interrupts/InterruptsCollector.h"
#include "core/interrupts/IrqTopology.h"
#include "core/pcp/LocalPcpConverter.h"
#include "core/pcp/PcpProcesses.h"
#include "core/pcp/PcpRecordSet.h"
#include "core/process/ProcessCollector.h"
#include "core/system/SystemOverview.h"

#include <QCommandLineParser>
#include <QStringList>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <sys/utsname.h>

namespace pg {

namespace {

int fail(int status, std::string message)
{
    for (char& c : message) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    }
    std::fprintf(stderr, "procglass record: %s\n", message.c_str());
    return status;
}

double wallSec()
{
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

double monotonicSec()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// One sample of the recorded metrics, from /proc or from a pmcd.
class Source
{
public:
    virtual ~Source() = default;
    virtual PcpFetchOutcome sample() = 0;
};

class LocalSource final : public Source
{
public:
    LocalSource()
        : m_processes([] {
            ProcessCollector::Options o;
            o.keepFilesOpen = true;
            return o;
        }())
        , m_interrupts("/proc", irqSysRoot("/proc", {}))
        , m_system(SystemOverviewCollector::Options {})
    { }

    PcpFetchOutcome sample() override
    {
        const double now = wallSec();
        const std::shared_ptr<const ProcessSnapshot> taken = m_processes.refresh();
        const ProcessSnapshot& processes = *taken;
        if (!processes.listError.empty())
            return { {}, processes.listError };
        const InterruptsSnapshot irqs = m_interrupts.sample(monotonicSec());
        const SystemOverview system = m_system.sample();
        const bool irqsOk = irqs.interruptsError == Error::None;
        const bool softOk = irqs.softirqsError == Error::None;
        return { m_converter.convert(processes, irqsOk ? &irqs.interrupts : nullptr,
                     softOk ? &irqs.softirqs : nullptr, system, now),
            {} };
    }

private:
    ProcessCollector m_processes;
    InterruptsCollector m_interrupts;
    SystemOverviewCollector m_system;
    LocalPcpConverter m_converter;
};

class HostSource final : public Source
{
public:
    HostSource(std::unique_ptr<PcpSession> session, std::string host)
        : m_session(std::move(session))
        , m_host(std::move(host))
    { }

    PcpFetchOutcome sample() override
    {
        PcpFetchOutcome outcome = m_session->fetch(pcpRecordedMetrics());
        if (!outcome.error.empty())
            return outcome;
        // A host that refuses per-process metrics (TCP without authentication) says so at once.
        const PcpMetricValues* cmd = outcome.fetch.find("proc.psinfo.cmd");
        if (cmd && cmd->permissionDenied)
            return { {}, pcpPermissionHint(m_host) };
        namePcpProcessInstances(outcome.fetch);
        return outcome;
    }

private:
    std::unique_ptr<PcpSession> m_session;
    std::string m_host;
};

std::string nodeName(const PcpFetch& sample)
{
    if (const PcpMetricValues* m = sample.find("kernel.uname.nodename"); m && !m->values.empty()) {
        if (const auto* s = std::get_if<std::string>(&m->values.front().value))
            return *s;
    }
    utsname u {};
    return ::uname(&u) == 0 ? u.nodename : "";
}

// Blocks the ending signals (they are taken with sigtimedwait between samples, so a sample and
// pmiEnd are never cut short) and restores the old mask at the end.
class EndingSignals final
{
public:
    EndingSignals()
    {
        sigemptyset(&m_set);
        for (int s : { SIGINT, SIGTERM, SIGHUP })
            sigaddset(&m_set, s);
        sigprocmask(SIG_BLOCK, &m_set, &m_old);
    }
    ~EndingSignals() { sigprocmask(SIG_SETMASK, &m_old, nullptr); }
    EndingSignals(const EndingSignals&) = delete;
    EndingSignals& operator=(const EndingSignals&) = delete;

    // Waits up to `seconds`; true when an ending signal came.
    bool wait(double seconds)
    {
        const double until = monotonicSec() + std::max(0.0, seconds);
        for (;;) {
            const double left = until - monotonicSec();
            timespec t {};
            if (left > 0) {
                t.tv_sec = static_cast<time_t>(left);
                t.tv_nsec = static_cast<long>((left - std::floor(left)) * 1e9);
            }
            const int s = sigtimedwait(&m_set, nullptr, &t);
            if (s > 0)
                return true;
            if (errno == EAGAIN || left <= 0)
                return false;
            // EINTR: another signal (SIGCHLD, ...): wait for the rest
        }
    }

private:
    sigset_t m_set {};
    sigset_t m_old {};
};

} // namespace

int runRecordCommand(int argc, char** argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i) {
        if (i != 1)
            args << QString::fromLocal8Bit(argv[i]); // argv[1] is "record"
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Record processes, interrupts and the system overview into a Performance Co-Pilot archive "
        "(version 2: ARCHIVE.0, ARCHIVE.meta, ARCHIVE.index), readable by pmdumplog, pmrep, "
        "pmchart and procglass export --archive. Ends after --duration or on SIGINT/SIGTERM."));
    const QCommandLineOption helpOption(
        { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    const QCommandLineOption outputOption({ QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("The archive's base name; nothing may exist at ARCHIVE.0, .meta or .index."),
        QStringLiteral("ARCHIVE"));
    const QCommandLineOption intervalOption(QStringLiteral("interval"),
        QStringLiteral("Milliseconds between samples, %1 to %2 (default %3).")
            .arg(kMinRefreshIntervalMs)
            .arg(kMaxRefreshIntervalMs)
            .arg(kDefaultRefreshIntervalMs),
        QStringLiteral("MS"), QString::number(kDefaultRefreshIntervalMs));
    const QCommandLineOption durationOption(QStringLiteral("duration"),
        QStringLiteral("Stop after S seconds (default: until SIGINT or SIGTERM)."),
        QStringLiteral("S"));
    const QCommandLineOption hostOption(QStringLiteral("host"),
        QStringLiteral(
            "Record from a Performance Co-Pilot pmcd instead of the local /proc (a PCP "
            "host spec: HOST, HOST:PORT, pcps://HOST?username=USER, unix:PATH, local:)."),
        QStringLiteral("SPEC"));
    parser.addOptions({ helpOption, outputOption, intervalOption, durationOption, hostOption });
    if (!parser.parse(args))
        return fail(2, parser.errorText().toStdString() + " (see procglass record --help)");
    if (parser.isSet(helpOption)) {
        const QString help = parser.helpText();
        std::printf("Usage: procglass record -o ARCHIVE [--interval MS] [--duration S] "
                    "[--host SPEC]\n%s\n\n%s",
            qPrintable(parser.applicationDescription()),
            qPrintable(help.mid(help.indexOf(QStringLiteral("Options:")))));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(2,
            "unexpected argument '" + parser.positionalArguments().front().toStdString()
                + "' (see procglass record --help)");
    const std::string base = parser.value(outputOption).toLocal8Bit().toStdString();
    if (!parser.isSet(outputOption) || base.empty() || base == "-")
        return fail(2, "name the archive: procglass record -o ARCHIVE");
    const auto intervalMs = parseIntervalArgMs(parser.value(intervalOption));
    if (!intervalMs)
        return fail(2,
            intervalArgProblem(QStringLiteral("--interval"), parser.value(intervalOption))
                .toStdString());
    std::optional<double> durationSec;
    if (parser.isSet(durationOption)) {
        bool ok = false;
        const double d = parser.value(durationOption).toDouble(&ok);
        if (!ok || !std::isfinite(d) || d <= 0)
            return fail(2,
                "--duration takes seconds above 0, not '"
                    + parser.value(durationOption).toStdString() + "'");
        durationSec = d;
    }
    const std::string host = parser.value(hostOption).toLocal8Bit().toStdString();
    if (parser.isSet(hostOption) && host.empty())
        return fail(2, "--host takes a PCP host spec (HOST, unix:PATH, pcps://HOST?username=USER)");

    if (const std::string problem = ArchiveTarget::existingProblem(base); !problem.empty())
        return fail(1, problem);
    std::unique_ptr<Source> source;
    if (host.empty()) {
        source = std::make_unique<LocalSource>();
    } else {
        std::string error;
        std::unique_ptr<PcpSession> session = openPcpSession(host, &error);
        if (!session)
            return fail(1, error);
        source = std::make_unique<HostSource>(std::move(session), host);
    }

    EndingSignals ending;
    ArchiveTarget target(base);
    if (const std::string problem = target.prepare(); !problem.empty())
        return fail(1, problem);
    std::unique_ptr<PcpRecorder> recorder;
    const double started = monotonicSec();
    std::uint64_t samples = 0;
    std::uint64_t slot = 0; // samples are due at started + slot x interval
    const double intervalSec = *intervalMs / 1000.0;
    std::string error;
    for (;;) {
        PcpFetchOutcome sample = source->sample();
        if (!sample.error.empty()) {
            error = sample.error;
            break;
        }
        if (!recorder) {
            recorder = startPcpRecorder(target.privateBase(), nodeName(sample.fetch), &error);
            if (!recorder)
                break;
        }
        error = recorder->write(sample.fetch);
        if (!error.empty())
            break;
        ++samples;
        if (!target.published()) {
            error = target.publish();
            if (!error.empty())
                break;
        }
        // On a fixed schedule from the start, not from when this sample began: a late wake-up (a
        // loaded machine) neither drifts the cadence nor drops the last sample of --duration; a
        // slot already missed (a sample longer than the interval) is skipped, not caught up.
        double next = started + static_cast<double>(++slot) * intervalSec;
        for (const double now = monotonicSec(); next < now;)
            next = started + static_cast<double>(++slot) * intervalSec;
        if (durationSec && next - started > *durationSec + 1e-3)
            break;
        if (ending.wait(next - monotonicSec()))
            break;
    }
    if (recorder) {
        if (std::string problem = recorder->finish(); !problem.empty() && error.empty())
            error = problem;
    }
    if (!error.empty())
        return fail(1,
            error
                + (target.published() ? "; the archive holds the " + std::to_string(samples)
                            + " samples before that"
                                      : std::string()));
    std::fprintf(stderr, "procglass record: %llu samples in %s (.0, .meta, .index)\n",
        static_cast<unsigned long long>(samples), base.c_str());
    return 0;
}

} // namespace pg
