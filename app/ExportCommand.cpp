#include "ExportCommand.h"

#include "CsvWriter.h"
#include "Interrupts.h"
#include "MapsGroups.h"
#include "ProcFs.h"
#include "ProcessCollector.h"
#include "ProcessCsv.h"
#include "Smaps.h"
#include "SystemOverview.h"

#include <QCommandLineParser>
#include <QStringList>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <sys/stat.h>
#include <thread>

namespace pg {

namespace {

struct ExportRequest
{
    std::string procRoot = "/proc";
    int intervalMs = 1000;
    int pid = 0;
};

// A table, or the one line that says why there is none.
struct TableOutcome
{
    CsvTable table;
    std::string error;
};

struct CliTable
{
    const char* name;
    bool needsPid;
    std::function<TableOutcome(const ExportRequest&)> produce;
};

TableOutcome exportProcesses(const ExportRequest& request)
{
    ProcessCollector::Options options;
    options.procRoot = request.procRoot;
    options.keepFilesOpen = true;
    ProcessCollector collector(options);
    // Two samples `interval` apart, so that cpu_percent is a real rate, not a guess.
    const ProcessSnapshot first = collector.sample();
    if (!first.listError.empty())
        return { {}, first.listError };
    std::this_thread::sleep_for(std::chrono::milliseconds(request.intervalMs));
    const ProcessSnapshot second = collector.sample();
    if (!second.listError.empty())
        return { {}, second.listError };
    // A partial list must not pass for a whole one: say so on stderr, next to the CSV.
    if (second.processes.empty() && !second.unreadable.empty())
        return { {}, "no process could be read; " + unreadableSummary(second.unreadable, 10) };
    for (const std::string& line : processExportWarnings(second))
        std::fprintf(stderr, "procglass export: warning: %s\n", line.c_str());
    return { processesToCsv(second), {} };
}

std::string readProblem(const std::string& path, Error error)
{
    return "cannot read " + path + ": " + std::string(errorText(error));
}

TableOutcome exportInterrupts(const ExportRequest& request)
{
    const std::string path = request.procRoot + "/interrupts";
    auto text = readWholeFile(path);
    if (!text)
        return { {}, readProblem(path, text.error()) };
    auto interrupts = parseInterrupts(*text);
    if (!interrupts)
        return { {}, readProblem(path, interrupts.error()) };
    return { interruptsToCsv(*interrupts), {} };
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
    return { systemToCsv(collector.sample()), {} };
}

TableOutcome exportMaps(const ExportRequest& request)
{
    const std::string dir = request.procRoot + "/" + std::to_string(request.pid);
    struct stat st
    {
    };
    if (::stat(dir.c_str(), &st) != 0)
        return { {},
            "no such process: " + std::to_string(request.pid) + " (nothing at " + dir + ")" };
    const std::string path = dir + "/smaps";
    auto text = readWholeFile(path, 1024u * 1024u * 1024u);
    if (!text) {
        if (text.error() == Error::PermissionDenied)
            return { {},
                "permission denied reading " + path + ": process " + std::to_string(request.pid)
                    + " belongs to another user; run as its owner or as root (reading a memory map "
                      "needs "
                      "ptrace access, CAP_SYS_PTRACE)" };
        if (text.error() == Error::ProcessGone || text.error() == Error::FileMissing)
            return { {}, "no such process: " + std::to_string(request.pid) + " (it exited)" };
        return { {}, readProblem(path, text.error()) };
    }
    auto smaps = parseSmaps(*text);
    if (!smaps)
        return { {}, readProblem(path, smaps.error()) };
    return { mapsToCsv(request.pid, *smaps), {} };
}

// One entry per exportable table: adding a table is one line here plus its producer.
const std::vector<CliTable>& cliTables()
{
    static const std::vector<CliTable> tables = {
        { "processes", false, exportProcesses },
        { "interrupts", false, exportInterrupts },
        { "system", false, exportSystem },
        { "maps", true, exportMaps },
    };
    return tables;
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
    std::string names;
    for (const CliTable& t : cliTables()) {
        if (!names.empty())
            names += ", ";
        names += t.name;
    }
    return names;
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
    parser.addPositionalArgument(QStringLiteral("table"),
        QStringLiteral("processes, interrupts, system, or maps PID"),
        QStringLiteral("processes|interrupts|system|maps PID"));
    const QCommandLineOption helpOption(
        { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    const QCommandLineOption outputOption({ QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("Write the CSV to FILE (atomically) instead of standard output."),
        QStringLiteral("FILE"));
    const QCommandLineOption procRootOption(QStringLiteral("proc-root"),
        QStringLiteral("Read a /proc tree elsewhere."), QStringLiteral("DIR"),
        QStringLiteral("/proc"));
    const QCommandLineOption intervalOption(QStringLiteral("interval"),
        QStringLiteral("Milliseconds between the two process samples (default 1000)."),
        QStringLiteral("MS"), QStringLiteral("1000"));
    parser.addOptions({ helpOption, outputOption, procRootOption, intervalOption });
    if (!parser.parse(args))
        return fail(2, parser.errorText().toStdString() + " (see procglass export --help)");
    if (parser.isSet(helpOption)) {
        const QString help = parser.helpText();
        std::printf("Usage: procglass export processes|interrupts|system [-o FILE]\n"
                    "       procglass export maps PID [-o FILE]\n\n%s\n\n%s",
            qPrintable(parser.applicationDescription()),
            qPrintable(help.mid(help.indexOf(QStringLiteral("Options:")))));
        return 0;
    }

    ExportRequest request;
    request.procRoot = parser.value(procRootOption).toStdString();
    bool ok = false;
    request.intervalMs = parser.value(intervalOption).toInt(&ok);
    if (!ok || request.intervalMs < 0 || request.intervalMs > 3600000)
        return fail(2,
            "--interval takes milliseconds from 0 to 3600000, not '"
                + parser.value(intervalOption).toStdString() + "'");

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(
            2, "name a table to export: " + tableNames() + " (see procglass export --help)");
    const std::string name = positional.front().toStdString();
    const CliTable* table = nullptr;
    for (const CliTable& t : cliTables()) {
        if (name == t.name)
            table = &t;
    }
    if (!table) {
        static const char* const planned[] = { "maps", "interrupts", "system" };
        for (const char* p : planned) {
            if (name == p)
                return fail(2,
                    "the " + name + " table cannot be exported by this build (available: "
                        + tableNames() + ")");
        }
        return fail(2, "unknown table '" + name + "': choose one of " + tableNames());
    }
    const int expectedArgs = table->needsPid ? 2 : 1;
    if (positional.size() < expectedArgs)
        return fail(2, "export " + name + " needs a process id: procglass export " + name + " PID");
    if (positional.size() > expectedArgs)
        return fail(2, "unexpected argument '" + positional.at(expectedArgs).toStdString() + "'");
    if (table->needsPid) {
        request.pid = positional.at(1).toInt(&ok);
        if (!ok || request.pid <= 0)
            return fail(2, "'" + positional.at(1).toStdString() + "' is not a process id");
    }

    const TableOutcome outcome = table->produce(request);
    if (!outcome.error.empty())
        return fail(1, outcome.error);

    const CsvWriteStatus status = parser.isSet(outputOption)
        ? writeCsvFile(parser.value(outputOption).toLocal8Bit().toStdString(), outcome.table)
        : writeCsvStream(stdout, outcome.table, "standard output");
    if (!status.ok())
        return fail(1, status.message);
    return 0;
}

} // namespace pg
