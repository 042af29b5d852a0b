// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportCommand.h"

#include "ArchiveExport.h"
#include "CommandLineChecks.h"
#include "ExportSignalGuard.h"
#include "HostExport.h"
#include "core/base/ProcFs.h"
#include "core/base/ReadAheadFile.h"
#include "core/base/RefreshInterval.h"
#include "core/export/CsvWriter.h"
#include "core/export/ExportTables.h"
#include "core/export/ExportTarget.h"
#include "core/export/InterruptsCsv.h"
#include "core/export/MemoryCensusCsv.h"
#include "core/export/MemoryMapCsvStream.h"
#include "core/export/ProcessCsv.h"
#include "core/export/SoftirqsCsv.h"
#include "core/export/SystemCsv.h"
#include "core/interrupts/Interrupts.h"
#include "core/interrupts/InterruptsCollector.h"
#include "core/memory/MappingCensus.h"
#include "core/memory/MemoryCensus.h"
#include "core/process/PidStat.h"
#include "core/process/ProcessCollector.h"
#include "core/process/ProcessDetails.h"
#include "core/system/SystemOverview.h"

#include <QCommandLineParser>
#include <QStringList>
#include <algorithm>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <utility>

namespace pg {

namespace {

struct ExportRequest
{
    std::string procRoot = "/proc";
    std::string sysRoot; // --sys-root; empty: irqSysRoot()'s default
    std::string host; // --host SPEC: a PCP pmcd instead of procRoot (HostExport.h)
    std::string archive; // --archive ARCHIVE: a PCP recording instead (ArchiveExport.h)
    std::string at; // --at TIME in the archive; empty: its last sample
    int intervalMs = 1000;
    bool intervalSet = false; // --interval given: interrupts and softirqs take two samples
    int pid = 0; // memory: 0 for every process (the census), else that process's map
    enum class By { Process, User, Mapping };
    By by = By::Process; // memory without a pid: --by
    // -o FILE (null for standard output): the memory map of one process goes into it as it is
    // encoded, when the target allows (ExportTargetWriter::writesAsItGoes()).
    ExportTargetWriter* target = nullptr;
};

// A table, or the one line that says why there is none; `warnings` go to standard error (one
// line each) while the table is still written: a process or a file that could not be read.
// `encoded`, when set, is the table already encoded (the memory map of one process, encoded as
// its smaps is read): what finish() gives (the rows not yet in the target) is written instead of
// `table`.
struct TableOutcome
{
    CsvTable table;
    std::string error;
    std::vector<std::string> warnings = {};
    std::unique_ptr<MemoryMapCsvStream> encoded = {};
};

TableOutcome exportProcesses(const ExportRequest& request)
{
    ProcessCollector::Options options;
    options.procRoot = request.procRoot;
    options.keepFilesOpen = true;
    options.readIo = true; // the io_*_bytes_per_s columns: rates over the same interval
    ProcessCollector collector(options);
    // Two samples `interval` apart, so that cpu_percent is a real rate, not a guess.
    // (refresh: the collector's own snapshots, not copies.)
    const std::shared_ptr<const ProcessSnapshot> first = collector.refresh();
    if (!first->listError.empty())
        return { {}, first->listError };
    std::this_thread::sleep_for(std::chrono::milliseconds(request.intervalMs));
    const std::shared_ptr<const ProcessSnapshot> taken = collector.refresh();
    const ProcessSnapshot& second = *taken;
    if (!second.listError.empty())
        return { {}, second.listError };
    // A partial list must not pass for a whole one: say so on stderr, next to the CSV.
    if (second.processes.empty() && !second.unreadable.empty())
        return { {}, "no process could be read; " + unreadableSummary(second.unreadable, 10) };
    TableOutcome outcome { processesToCsv(second), {} };
    outcome.warnings = processExportWarnings(second);
    return outcome;
}

std::string readProblem(const std::string& path, Error error)
{
    return "cannot read " + path + ": " + std::string(errorText(error));
}

double monotonicSec()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// One InterruptsSnapshot, or two `--interval` apart when it is given (the rates need two).
InterruptsSnapshot sampleInterrupts(const ExportRequest& request, std::vector<std::string>& notes)
{
    const std::string sysRoot = irqSysRoot(request.procRoot, request.sysRoot);
    InterruptsCollector collector(request.procRoot, sysRoot);
    InterruptsSnapshot snap = collector.sample(monotonicSec());
    if (request.intervalSet) {
        std::this_thread::sleep_for(std::chrono::milliseconds(request.intervalMs));
        snap = collector.sample(monotonicSec());
    } else {
        notes.push_back("rate_per_s is empty: a rate needs two samples; pass --interval MS");
    }
    if (sysRoot.empty())
        notes.push_back("attached_to is empty: no /sys tree is read with --proc-root "
            + request.procRoot + "; pass --sys-root DIR");
    return snap;
}

TableOutcome exportInterrupts(const ExportRequest& request)
{
    std::vector<std::string> notes;
    const InterruptsSnapshot snap = sampleInterrupts(request, notes);
    if (snap.interruptsError != Error::None)
        return { {}, readProblem(request.procRoot + "/interrupts", snap.interruptsError) };
    return { interruptsSnapshotToCsv(snap), {}, notes };
}

TableOutcome exportSoftirqs(const ExportRequest& request)
{
    std::vector<std::string> notes;
    const InterruptsSnapshot snap = sampleInterrupts(request, notes);
    std::erase_if(notes, [](const std::string& n) { return n.starts_with("attached_to"); });
    if (snap.softirqsError != Error::None)
        return { {}, readProblem(request.procRoot + "/softirqs", snap.softirqsError) };
    return { softirqsToCsv(snap.softirqs, &snap.softirqRates), {}, notes };
}

TableOutcome exportSystem(const ExportRequest& request)
{
    SystemOverviewCollector::Options options;
    options.procRoot = request.procRoot;
    // uname(2) and /sys describe this machine, not a copied tree.
    const bool live = request.procRoot == "/proc";
    options.sysRoot = live ? "/sys" : "";
    options.readUname = live;
    SystemOverviewCollector collector(options);
    struct stat st
    {
    };
    if (::stat(request.procRoot.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        return { {}, "cannot read " + request.procRoot + ": it is not a folder" };
    (void)collector.sample();
    // Two samples `interval` apart, so that the rates (CPU busy, disk and network bytes/s) are
    // real.
    std::this_thread::sleep_for(std::chrono::milliseconds(request.intervalMs));
    const SystemOverview overview = collector.sample();
    TableOutcome outcome { systemToCsv(overview), {} };
    // A missing file is common (a container, a copied tree) and shows as empty values; anything
    // else (a FIFO, a loop, garbage) is said.
    auto warn = [&outcome](const std::string& path, Error error) {
        if (error != Error::None && error != Error::FileMissing)
            outcome.warnings.push_back(readProblem(path, error) + "; its values are empty");
    };
    warn(overview.stat.path, overview.stat.error);
    warn(overview.memory.path, overview.memory.error);
    warn(overview.load.path, overview.load.error);
    warn(overview.uptime.path, overview.uptime.error);
    warn(overview.vmstat.path, overview.vmstat.error);
    warn(overview.disks.path, overview.disks.error);
    warn(overview.net.path, overview.net.error);
    warn(overview.modules.path, overview.modules.error);
    warn(overview.version.path, overview.version.error);
    return outcome;
}

// Test hook (tests/integration/tst_export_cli.cpp): PROCGLASS_TEST_STOP_AFTER_CHUNK=N stops the
// process (SIGSTOP) once the Nth chunk of smaps (from 1) is parsed, so that a test can end the
// process being read at exactly that point, or look at the temporary file then.
std::function<void()> testStopAfterChunk()
{
    const char* stop = std::getenv("PROCGLASS_TEST_STOP_AFTER_CHUNK");
    int n = 0;
    if (!stop || std::from_chars(stop, stop + std::strlen(stop), n).ec != std::errc() || n < 1)
        return {};
    return [n, chunks = 0]() mutable {
        if (++chunks == n)
            ::raise(SIGSTOP);
    };
}

TableOutcome exportMemory(const ExportRequest& request)
{
    const std::string dir = request.procRoot + "/" + std::to_string(request.pid);
    struct stat st
    {
    };
    if (::stat(dir.c_str(), &st) != 0)
        return { {},
            "no such process: " + std::to_string(request.pid) + " (nothing at " + dir + ")" };
    // A zombie's and a kernel thread's smaps are empty: say why instead of a header-only table.
    const std::string who = "pid " + std::to_string(request.pid);
    auto statText = readWholeFile(dir + "/stat");
    auto stat = statText ? parsePidStat(*statText) : Result<PidStat>(statText.error());
    if (stat && (stat->state == 'Z' || stat->state == 'X'))
        return { {},
            who + " (" + stat->comm + ") is a zombie: its memory is already freed (it exited; its "
                + "parent has not reaped it yet)" };
    if (stat && stat->isKernelThread())
        return { {}, who + " (" + stat->comm + ") is a kernel thread: it has no user memory map" };
    const std::string path = dir + "/smaps";
    // Read (on a thread of its own), parsed and encoded a chunk at a time: a 30,000-mapping smaps
    // is 20 MiB of text. Opened first, so that a process one may not read is said before a
    // problem with -o; then the target, so that the rows go into its temporary file as they are
    // encoded (renamed only once everything below succeeded; removed otherwise).
    ReadAheadFile smaps(kSmapsChunkBytes, kSmapsExportMaxBytes, kSmapsReadAheadChunks);
    Error error = smaps.open(path);
    if (error == Error::None && request.target) {
        if (const TargetWriteStatus status = request.target->open(); !status.ok())
            return { {}, status.message };
    }
    CsvOutput* output
        = request.target && request.target->writesAsItGoes() ? request.target : nullptr;
    auto csv = std::make_unique<MemoryMapCsvStream>(request.pid, output);
    if (error == Error::None)
        error = streamSmapsToCsv(smaps, *csv, testStopAfterChunk());
    if (error != Error::None) {
        if (error == Error::PermissionDenied)
            return { {},
                "permission denied reading " + path + ": process " + std::to_string(request.pid)
                    + " belongs to another user; run as its owner or as root (reading a memory map "
                      "needs "
                      "ptrace access, CAP_SYS_PTRACE)" };
        if (error == Error::ProcessGone || error == Error::FileMissing)
            return { {}, "no such process: " + std::to_string(request.pid) + " (it exited)" };
        return { {}, readProblem(path, error) };
    }
    if (csv->outputFailed())
        return { {}, request.target->status().message };
    // A process that exits while its smaps is read ends the file early at a mapping's end (the
    // kernel finds no mm any more): a valid but partial map. Its stat says so: gone, a zombie, or
    // another process now under that pid.
    if (stat) {
        auto after = readWholeFile(dir + "/stat");
        auto statAfter = after ? parsePidStat(*after) : Result<PidStat>(after.error());
        if (!statAfter || statAfter->state == 'Z' || statAfter->state == 'X'
            || statAfter->startTimeTicks != stat->startTimeTicks)
            return { {},
                "no such process: " + std::to_string(request.pid)
                    + " (it exited while its memory map was read; nothing was written)" };
    }
    if (csv->rowCount() == 0)
        return { {},
            who + (stat ? " (" + stat->comm + ")" : std::string()) + " has no memory map: " + path
                + " is empty" };
    return { {}, {}, {}, std::move(csv) };
}

// `export memory --by mapping`: every process's whole smaps, one row per file or kind of
// anonymous memory.
TableOutcome exportMemoryByMapping(const ExportRequest& request)
{
    const MappingCensus census = readMappingCensus(request.procRoot);
    if (census.listError != Error::None)
        return { {}, readProblem(request.procRoot, census.listError) };
    if (census.processesRead == 0 && !census.skipped.empty())
        return { {}, "no process's memory could be read; " + censusSkipSummary(census) };
    TableOutcome outcome { memoryByMappingToCsv(census), {} };
    if (const std::string skipped = censusSkipSummary(census); !skipped.empty())
        outcome.warnings.push_back(skipped);
    return outcome;
}

// `export memory` without a pid: every process's smaps_rollup, by process or by user (or every
// smaps by mapping). What could not be read is named on stderr, never left out silently.
TableOutcome exportMemoryCensus(const ExportRequest& request)
{
    if (request.by == ExportRequest::By::Mapping)
        return exportMemoryByMapping(request);
    const MemoryCensus census = readMemoryCensus(request.procRoot);
    if (census.listError != Error::None)
        return { {}, readProblem(request.procRoot, census.listError) };
    if (census.processes.empty() && !census.skipped.empty())
        return { {}, "no process's memory could be read; " + censusSkipSummary(census) };
    TableOutcome outcome { request.by == ExportRequest::By::User
            ? memoryByUserToCsv(census, userNameOf)
            : memoryByProcessToCsv(census, userNameOf),
        {} };
    if (const std::string skipped = censusSkipSummary(census); !skipped.empty())
        outcome.warnings.push_back(skipped);
    return outcome;
}

// The producer of each table of the registry (core/export/ExportTables.h): adding a table is one
// entry there plus one case here.
TableOutcome produce(ExportTableId id, const ExportRequest& request)
{
    if (!request.archive.empty()) {
        HostTableOutcome fromArchive = exportFromArchive(id, request.archive, request.at);
        return { std::move(fromArchive.table), std::move(fromArchive.error),
            std::move(fromArchive.warnings) };
    }
    if (!request.host.empty()) {
        HostTableOutcome fromHost
            = exportFromHost(id, request.host, request.intervalMs, request.intervalSet);
        return { std::move(fromHost.table), std::move(fromHost.error),
            std::move(fromHost.warnings) };
    }
    switch (id) {
    case ExportTableId::Processes:
        return exportProcesses(request);
    case ExportTableId::Memory:
        return request.pid > 0 ? exportMemory(request) : exportMemoryCensus(request);
    case ExportTableId::Interrupts:
        return exportInterrupts(request);
    case ExportTableId::Softirqs:
        return exportSoftirqs(request);
    case ExportTableId::System:
        return exportSystem(request);
    }
    return { {}, "unknown table" };
}

// Paths and messages may carry control characters; the error must stay one line.
std::string oneLine(std::string text)
{
    for (char& c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    }
    return text;
}

int fail(int status, const std::string& message)
{
    std::fprintf(stderr, "procglass export: %s\n", oneLine(message).c_str());
    return status;
}

std::string tableNames()
{
    return std::string(exportTableNames());
}

// "processes|interrupts|system" (needsPid false) or "memory" (true), in the registry's order.
std::string namesWhere(bool needsPid)
{
    std::string names;
    for (const ExportTableInfo& t : exportTables()) {
        if (t.needsPid != needsPid)
            continue;
        if (!names.empty())
            names += "|";
        names += t.name;
    }
    return names;
}

// The two usage lines, for --help.
std::string usageLines()
{
    return "Usage: procglass export " + namesWhere(false) + " [-o FILE]\n"
        + "       procglass export " + namesWhere(true) + " PID [-o FILE]\n"
        + "       procglass export memory [--by process|user|mapping] [-o FILE]\n"
        + "       procglass export processes|interrupts|system --host SPEC [-o FILE]\n"
        + "       procglass export processes|interrupts|system --archive ARCHIVE [--at TIME] "
          "[-o FILE]\n";
}

// One line per table, for --help: its name (and PID) and what it holds.
std::string tablesText()
{
    std::string text = "Tables:\n";
    for (const ExportTableInfo& t : exportTables()) {
        std::string name(t.name);
        if (t.needsPid)
            name += " PID";
        name.resize(std::max<std::size_t>(name.size() + 2, 16), ' ');
        text += "  " + name + std::string(t.description) + "\n";
        if (t.id == ExportTableId::Memory)
            text += "  memory          without a PID: every process's Rss, Pss, USS and swap "
                    "(smaps_rollup), --by process or user; --by mapping reads every smaps\n";
    }
    return text;
}

// How -o FILE is written.
TargetWriteOptions targetOptions()
{
    TargetWriteOptions options;
    // Test hook (tests/tst_export_target.cpp): PROCGLASS_TEST_STOP_BEFORE_RENAME=1 stops the
    // process (SIGSTOP) once the temporary file is complete and before it is renamed, so that a
    // test can deliver a signal at exactly that point without sleeping.
    const char* stop = std::getenv("PROCGLASS_TEST_STOP_BEFORE_RENAME");
    if (stop && std::string_view(stop) == "1")
        options.beforeRename = [] { ::raise(SIGSTOP); };
    return options;
}

} // namespace

int runExportCommand(int argc, char** argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i) {
        if (i == 1)
            continue; // "export"
        args << QString::fromLocal8Bit(argv[i]);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write one table of /proc as CSV (RFC 4180, UTF-8) to FILE or standard output."));
    parser.addPositionalArgument(QStringLiteral("table"), QString::fromStdString(tableNames()),
        QString::fromStdString(namesWhere(false) + "|" + namesWhere(true) + " PID"));
    const QCommandLineOption helpOption(
        { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    const QCommandLineOption outputOption({ QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("Write the CSV to FILE (atomically) instead of standard output; "
                       "- is standard output."),
        QStringLiteral("FILE"));
    const QCommandLineOption procRootOption(QStringLiteral("proc-root"),
        QStringLiteral("Read a /proc tree elsewhere."), QStringLiteral("DIR"),
        QStringLiteral("/proc"));
    const QCommandLineOption intervalOption(QStringLiteral("interval"),
        QStringLiteral("Milliseconds between the two samples that CPU % and the rates come from, "
                       "%1 to %2 (default %3).")
            .arg(kMinRefreshIntervalMs)
            .arg(kMaxRefreshIntervalMs)
            .arg(kDefaultRefreshIntervalMs),
        QStringLiteral("MS"), QString::number(kDefaultRefreshIntervalMs));
    const QCommandLineOption sysRootOption(QStringLiteral("sys-root"),
        QStringLiteral("Read a /sys tree elsewhere, for the devices IRQs serve (default: /sys "
                       "with the live /proc, none with --proc-root)."),
        QStringLiteral("DIR"));
    const QCommandLineOption byOption(QStringLiteral("by"),
        QStringLiteral("For memory without a PID: one row per process (default), per user, or per "
                       "mapping (file or kind of anonymous memory; reads every smaps)."),
        QStringLiteral("process|user|mapping"), QStringLiteral("process"));
    const QCommandLineOption hostOption(QStringLiteral("host"),
        QStringLiteral("Read processes, interrupts or system from a Performance Co-Pilot pmcd "
                       "instead of the local /proc: a PCP host spec (HOST, HOST:PORT, pcp://..., "
                       "pcps://HOST?username=USER, unix:PATH, local:), passed to libpcp as given."),
        QStringLiteral("SPEC"));
    const QCommandLineOption archiveOption(QStringLiteral("archive"),
        QStringLiteral("Read processes, interrupts or system from a Performance Co-Pilot archive "
                       "(procglass record's or pmlogger's) instead of the local /proc."),
        QStringLiteral("ARCHIVE"));
    const QCommandLineOption atOption(QStringLiteral("at"),
        QStringLiteral("With --archive: the moment to export, \"YYYY-MM-DD HH:MM:SS\" (local "
                       "time), +30s after the archive's start or -30s before its end (default: "
                       "its last sample)."),
        QStringLiteral("TIME"));
    parser.addOptions({ helpOption, outputOption, procRootOption, sysRootOption, intervalOption,
        byOption, hostOption, archiveOption, atOption });
    if (!parser.parse(args))
        return fail(2, parser.errorText().toStdString() + " (see procglass export --help)");
    if (parser.isSet(helpOption)) {
        const QString help = parser.helpText();
        std::printf("%s\n%s\n\n%s\n%s", usageLines().c_str(),
            qPrintable(parser.applicationDescription()), tablesText().c_str(),
            qPrintable(help.mid(help.indexOf(QStringLiteral("Options:")))));
        return 0;
    }

    ExportRequest request;
    request.procRoot = parser.value(procRootOption).toStdString();
    request.sysRoot = parser.value(sysRootOption).toStdString();
    if (parser.isSet(sysRootOption)) {
        struct stat st
        {
        };
        if (::stat(request.sysRoot.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
            return fail(2, "--sys-root takes a folder, not '" + request.sysRoot + "'");
    }
    request.intervalSet = parser.isSet(intervalOption);
    bool ok = false;
    // The window's bounds: under 100 ms a busy loop shows 0 or 200 % CPU (the clock ticks 10 ms).
    const auto intervalMs = parseIntervalArgMs(parser.value(intervalOption));
    if (!intervalMs)
        return fail(2,
            intervalArgProblem(QStringLiteral("--interval"), parser.value(intervalOption))
                .toStdString());
    request.intervalMs = *intervalMs;

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(
            2, "name a table to export: " + tableNames() + " (see procglass export --help)");
    const std::string asked = positional.front().toStdString();
    const ExportTableInfo* table = findExportTable(asked);
    const bool renamed = !table;
    if (!table) {
        table = findRenamedExportTable(asked);
        if (!table)
            return fail(2, "unknown table '" + asked + "': choose one of " + tableNames());
        // Still accepted for one release; the rest of the run says the new name.
        std::fprintf(stderr, "procglass: 'export %s' is now 'export %s'\n", asked.c_str(),
            std::string(table->name).c_str());
    }
    const std::string name(table->name);
    if (parser.isSet(hostOption)) {
        request.host = parser.value(hostOption).toLocal8Bit().toStdString();
        if (request.host.empty())
            return fail(
                2, "--host takes a PCP host spec (HOST, unix:PATH, pcps://HOST?username=USER...)");
        if (parser.isSet(procRootOption) || parser.isSet(sysRootOption))
            return fail(2,
                "--host reads another host's pmcd: it does not go with --proc-root or --sys-root");
        if (const std::string problem = hostExportProblem(table->id, positional.size() > 1);
            !problem.empty())
            return fail(2, problem);
    }
    if (parser.isSet(archiveOption)) {
        request.archive = parser.value(archiveOption).toLocal8Bit().toStdString();
        request.at = parser.value(atOption).toLocal8Bit().toStdString();
        if (request.archive.empty())
            return fail(2, "--archive takes the name of a PCP archive (its base name or a file)");
        if (parser.isSet(hostOption) || parser.isSet(procRootOption) || parser.isSet(sysRootOption)
            || parser.isSet(intervalOption))
            return fail(2,
                "--archive reads a recording: it does not go with --host, --proc-root, "
                "--sys-root or --interval");
        if (const std::string problem = hostExportProblem(table->id, positional.size() > 1);
            !problem.empty())
            return fail(2, problem);
    } else if (parser.isSet(atOption)) {
        return fail(2, "--at is a moment in a recording: it needs --archive ARCHIVE");
    }
    // memory takes a PID (that process's map) or none (every process, --by process|user|mapping).
    // The old name "maps" always meant one process's map.
    const bool census = table->id == ExportTableId::Memory && positional.size() == 1 && !renamed;
    if (parser.isSet(byOption) && !census)
        return fail(2, "--by is for 'export memory' without a PID (see procglass export --help)");
    if (census) {
        const QString by = parser.value(byOption);
        if (by == QLatin1String("user"))
            request.by = ExportRequest::By::User;
        else if (by == QLatin1String("mapping"))
            request.by = ExportRequest::By::Mapping;
        else if (by != QLatin1String("process"))
            return fail(2, "--by takes process, user or mapping, not '" + by.toStdString() + "'");
    }
    const int expectedArgs = table->needsPid && !census ? 2 : 1;
    if (positional.size() < expectedArgs)
        return fail(2, "export " + name + " needs a process id: procglass export " + name + " PID");
    if (positional.size() > expectedArgs)
        return fail(2,
            "unexpected argument '" + positional.at(expectedArgs).toStdString() + "': export "
                + name + (table->needsPid ? " takes one PID at most" : " takes no other argument")
                + " (see procglass export --help)");
    if (table->needsPid && !census) {
        request.pid = positional.at(1).toInt(&ok);
        if (!ok || request.pid <= 0)
            return fail(2, "'" + positional.at(1).toStdString() + "' is not a process id");
    }

    // -o FILE: from here on SIGINT, SIGTERM and SIGHUP remove the temporary file (the guard is
    // destroyed after the writer, which removes it on every other way out).
    const std::string output = parser.value(outputOption).toLocal8Bit().toStdString();
    const bool toStdout = !parser.isSet(outputOption) || output == "-";
    std::optional<ExportSignalGuard> guard;
    std::optional<ExportTargetWriter> target;
    if (!toStdout) {
        guard.emplace();
        target.emplace(output, targetOptions());
        request.target = &*target;
    }

    const TableOutcome outcome = produce(table->id, request);
    if (!outcome.error.empty())
        return fail(1, outcome.error);

    std::string encodedTable;
    const std::string_view data = outcome.encoded
        ? outcome.encoded->finish()
        : std::string_view(encodedTable = csvEncode(outcome.table));
    const CsvWriteStatus status
        = toStdout ? writeEncodedCsvStream(stdout, data, "standard output") : target->commit(data);
    if (!status.ok())
        return fail(1, status.message); // one line: notes on a table never written would mislead
    // What the written table lacks, and why, once it is written.
    for (const std::string& warning : outcome.warnings)
        std::fprintf(stderr, "procglass export: warning: %s\n", oneLine(warning).c_str());
    return 0;
}

} // namespace pg
