// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/system/SystemStat.h"

#include "core/base/ParseUtil.h"

namespace pg {

namespace {

Error parseCpuLine(std::string_view rest, CpuTimes& cpu)
{
    std::uint64_t* fields[] = { &cpu.user, &cpu.nice, &cpu.system, &cpu.idle, &cpu.iowait, &cpu.irq,
        &cpu.softirq, &cpu.steal, &cpu.guest, &cpu.guestNice };
    int parsed = 0;
    for (std::uint64_t* field : fields) {
        const std::string_view tok = parse::nextToken(rest);
        if (tok.empty())
            break;
        if (!parse::toInt(tok, *field))
            return Error::BadNumber;
        ++parsed;
    }
    // user, nice, system, idle exist on every kernel; the rest arrived over 2.5/2.6.
    return parsed >= 4 ? Error::None : Error::Truncated;
}

bool firstNumber(std::string_view rest, std::optional<std::uint64_t>& out)
{
    std::uint64_t n = 0;
    if (!parse::toInt(parse::nextToken(rest), n))
        return false;
    out = n;
    return true;
}

} // namespace

Result<SystemStat> parseSystemStat(std::string_view text)
{
    using namespace parse;
    if (trim(text).empty())
        return Error::Empty;
    SystemStat stat;
    bool sawTotal = false;
    std::string_view line;
    while (nextLine(text, line)) {
        std::string_view rest = line;
        const std::string_view key = nextToken(rest);
        if (key.empty())
            continue;
        if (key == "cpu") {
            const Error e = parseCpuLine(rest, stat.total);
            if (e != Error::None)
                return e;
            sawTotal = true;
        } else if (key.substr(0, 3) == "cpu") {
            CpuTimes cpu;
            if (!toInt(key.substr(3), cpu.cpu))
                return Error::BadNumber;
            const Error e = parseCpuLine(rest, cpu);
            if (e != Error::None)
                return e;
            stat.cpus.push_back(cpu);
        } else {
            bool good = true;
            if (key == "intr")
                good = firstNumber(rest, stat.interruptsTotal);
            else if (key == "ctxt")
                good = firstNumber(rest, stat.contextSwitches);
            else if (key == "btime")
                good = firstNumber(rest, stat.bootTimeUnix);
            else if (key == "processes")
                good = firstNumber(rest, stat.processesCreated);
            else if (key == "procs_running")
                good = firstNumber(rest, stat.procsRunning);
            else if (key == "procs_blocked")
                good = firstNumber(rest, stat.procsBlocked);
            else if (key == "softirq")
                good = firstNumber(rest, stat.softirqsTotal);
            if (!good)
                return Error::BadNumber;
        }
    }
    if (!sawTotal)
        return Error::BadFormat;
    return stat;
}

} // namespace pg
