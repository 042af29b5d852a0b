// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/ProcessCsv.h"

#include <charconv>
#include <cmath>
#include <ctime>
#include <map>

namespace pg {

const std::vector<std::string>& processCsvHeader()
{
    static const std::vector<std::string> header
        = { "pid", "ppid", "user", "uid", "state", "comm", "cmdline", "threads", "nice", "priority",
              "cpu_percent", "cpu_time_s", "virt_kib", "res_kib", "shr_kib", "start_time",
              "kernel_thread", "io_read_bytes_per_s", "io_write_bytes_per_s" };
    return header;
}

std::vector<std::string> processExportWarnings(const ProcessSnapshot& snapshot)
{
    std::vector<std::string> lines;
    if (snapshot.processesHidden)
        lines.push_back("the process list is partial (" + std::to_string(snapshot.processes.size())
            + " visible): " + snapshot.visibilityNote);
    if (!snapshot.unreadable.empty())
        lines.push_back(unreadableSummary(snapshot.unreadable, 10));
    if (!snapshot.bootTimeError.empty() && !snapshot.processes.empty())
        lines.push_back("start_time is empty: " + snapshot.bootTimeError);
    if (snapshot.ioSampled) {
        const std::string line = ioUnreadableSummary(snapshot);
        if (!line.empty())
            lines.push_back(line);
    }
    for (std::string& line : lines) {
        for (char& c : line) {
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                c = '?'; // a path with a newline must not split the line
        }
    }
    return lines;
}

std::string ioUnreadableSummary(const ProcessSnapshot& snapshot)
{
    // Counted per reason, in the order of the Error enum, so that the line is stable.
    std::map<Error, std::size_t> byError;
    std::size_t total = 0;
    for (const ProcessInfo& p : snapshot.processes) {
        if (p.ioError != Error::None) {
            ++byError[p.ioError];
            ++total;
        }
    }
    if (total == 0)
        return {};
    std::string line = "io_read_bytes_per_s and io_write_bytes_per_s are empty for "
        + std::to_string(total) + (total == 1 ? " process" : " processes")
        + " whose /proc/PID/io could not be read (";
    bool first = true;
    for (const auto& [error, count] : byError) {
        if (!first)
            line += "; ";
        first = false;
        line += std::to_string(count) + ": " + std::string(errorText(error));
    }
    line += ")";
    if (byError.count(Error::PermissionDenied))
        line += "; another user's io needs ptrace access: run as its owner or as root";
    return line;
}

std::string isoUtcFromUnixMs(std::int64_t unixMs)
{
    // Floor division, so that times before 1970 do not round towards zero.
    std::int64_t seconds = unixMs / 1000;
    if (unixMs % 1000 < 0)
        --seconds;
    const auto t = static_cast<std::time_t>(seconds);
    std::tm tm {};
    if (!::gmtime_r(&t, &tm))
        return {};
    char buf[32];
    const std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return std::string(buf, n);
}

std::string fixedDecimal(double value, int decimals)
{
    char buf[64];
    const auto [end, ec]
        = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    if (ec != std::errc())
        return {};
    return std::string(buf, end);
}

CsvTable processesToCsv(const ProcessSnapshot& snapshot)
{
    CsvTable table;
    table.header = processCsvHeader();
    table.rows.reserve(snapshot.processes.size());
    const double ticksPerSecond = static_cast<double>(
        snapshot.clockTicksPerSecond > 0 ? snapshot.clockTicksPerSecond : 100);
    for (const ProcessInfo& p : snapshot.processes) {
        std::vector<std::string> row;
        row.reserve(table.header.size());
        const bool memKnown = p.memError == Error::None;
        row.push_back(std::to_string(p.key.pid));
        row.push_back(std::to_string(p.ppid));
        row.push_back(p.user ? *p.user : std::string());
        row.push_back(p.uidKnown ? std::to_string(p.uid) : std::string());
        row.push_back(std::string(1, p.state));
        row.push_back(p.names ? p.names->comm : std::string());
        row.push_back(p.names ? p.names->cmdline : std::string());
        row.push_back(std::to_string(p.threads));
        row.push_back(std::to_string(p.nice));
        row.push_back(std::to_string(p.priority));
        row.push_back(std::isnan(p.cpuPercent) ? std::string() : fixedDecimal(p.cpuPercent, 2));
        const auto cpuTicks = p.cpuTimeTicks();
        row.push_back(
            cpuTicks ? fixedDecimal(static_cast<double>(*cpuTicks) / ticksPerSecond, 2) : "");
        row.push_back(memKnown ? std::to_string(p.virtKib) : std::string());
        row.push_back(memKnown ? std::to_string(p.resKib) : std::string());
        row.push_back(memKnown ? std::to_string(p.shrKib) : std::string());
        row.push_back(p.startTimeUnixMs ? isoUtcFromUnixMs(*p.startTimeUnixMs) : std::string());
        row.push_back(p.kernelThread ? "1" : "0");
        // Whole bytes per second; empty when unknown (not read, one reading, unreadable).
        row.push_back(
            std::isnan(p.ioReadBytesPerS) ? std::string() : fixedDecimal(p.ioReadBytesPerS, 0));
        row.push_back(
            std::isnan(p.ioWriteBytesPerS) ? std::string() : fixedDecimal(p.ioWriteBytesPerS, 0));
        table.rows.push_back(std::move(row));
    }
    return table;
}

} // namespace pg
