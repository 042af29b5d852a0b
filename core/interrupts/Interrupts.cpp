// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/interrupts/Interrupts.h"

#include "core/base/KernelNumbers.h"
#include "core/base/ParseUtil.h"

#include <algorithm>
#include <charconv>

namespace pg {

namespace {

bool isNumber(std::string_view tok)
{
    return !tok.empty()
        && std::all_of(tok.begin(), tok.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isLevelWord(std::string_view tok)
{
    // GENERIC_IRQ_SHOW_LEVEL (arm, arm64, riscv) prints the trigger as its own word.
    return tok == "Level" || tok == "Edge";
}

// "ioc0, vboxguest" or "PCIe PME, aerdrv": the kernel joins action names with ", ".
std::vector<std::string> splitDevices(std::string_view rest)
{
    std::vector<std::string> out;
    rest = parse::trim(rest);
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        const std::string_view one = parse::trim(rest.substr(0, comma));
        if (!one.empty())
            out.emplace_back(one);
        if (comma == std::string_view::npos)
            break;
        rest.remove_prefix(comma + 1);
    }
    return out;
}

// What follows the counts of a numeric row: "IO-APIC   2-edge      timer",
// "PCI-MSIX-0000:00:01.0   0-edge      virtio0-config", "GICv3  27 Level     arch_timer",
// "ITS-MSI 16384 Edge      PCIe PME, aerdrv", or the old "IO-APIC-edge  timer".
void parseChipAndDevices(std::string_view rest, InterruptRow& row)
{
    using parse::nextToken;
    row.chip = std::string(nextToken(rest));
    if (row.chip.empty())
        return;
    std::string_view peek = rest;
    std::string_view tok = nextToken(peek);
    if (!tok.empty() && tok.front() >= '0' && tok.front() <= '9') {
        const std::size_t dash = tok.find('-');
        row.hwirq = std::string(tok.substr(0, dash));
        rest = peek;
        if (dash != std::string_view::npos) {
            row.trigger = std::string(tok.substr(dash + 1)); // x86: "2-edge", "9-fasteoi"
        } else if (isLevelWord(tok = nextToken(peek))) {
            row.trigger = std::string(tok);
            rest = peek;
        }
    } else if (isLevelWord(tok)) {
        row.trigger = std::string(tok);
        rest = peek;
    }
    row.devices = splitDevices(rest);
}

} // namespace

void describeInterruptRow(std::string_view rest, InterruptRow& row)
{
    if (row.irq >= 0)
        parseChipAndDevices(rest, row);
    else
        row.description = std::string(parse::trim(rest));
}

std::uint64_t InterruptRow::total() const
{
    // Saturating (KernelNumbers.h): the kernel's counts are 32-bit, so 2^64-1 means unknown.
    std::uint64_t sum = 0;
    for (std::uint64_t c : counts)
        sum = saturatingAdd(sum, c);
    return sum;
}

std::string InterruptRow::devicesJoined() const
{
    std::string out;
    for (const std::string& d : devices) {
        if (!out.empty())
            out += ", ";
        out += d;
    }
    return out;
}

Result<std::vector<int>> parseCpuHeader(std::string_view line)
{
    std::vector<int> ids;
    for (std::string_view tok = parse::nextToken(line); !tok.empty();
         tok = parse::nextToken(line)) {
        int id = -1;
        if (tok.substr(0, 3) != "CPU" || !parse::toInt(tok.substr(3), id) || id < 0)
            return Error::BadFormat;
        if (!ids.empty() && id <= ids.back())
            return Error::BadFormat; // the kernel prints online CPUs in increasing order
        ids.push_back(id);
        if (ids.size() > kMaxInterruptCpus)
            return Error::TooManyCpus; // the file may be small; the cap is ours
    }
    if (ids.empty())
        return Error::BadFormat;
    return ids;
}

Result<Interrupts> parseInterrupts(std::string_view text)
{
    using namespace parse;
    if (trim(text).empty())
        return Error::Empty;
    // The kernel ends every row with '\n'; a file that does not was cut off by the reader or the
    // fixture, and its last row cannot be trusted.
    if (text.back() != '\n')
        return Error::Truncated;

    Interrupts out;
    std::string_view line;
    while (nextLine(text, line) && trim(line).empty()) { }
    Result<std::vector<int>> header = parseCpuHeader(line);
    if (!header)
        return header.error();
    out.cpuIds = std::move(header).value();
    const std::size_t ncpu = out.cpuIds.size();

    while (nextLine(text, line)) {
        if (trim(line).empty())
            continue;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            return Error::BadFormat;
        InterruptRow row;
        const std::string_view name = trim(line.substr(0, colon));
        if (name.empty())
            return Error::BadFormat;
        row.name = std::string(name);
        if (isNumber(name) && !toInt(name, row.irq))
            return Error::BadNumber;

        std::string_view rest = line.substr(colon + 1);
        row.counts.reserve(ncpu);
        // The hot loop (256 CPUs x 300 rows): one pass over each number, no token copies.
        const char* p = rest.data();
        const char* const end = p + rest.size();
        while (row.counts.size() < ncpu) {
            const char* q = p;
            while (q < end && (*q == ' ' || *q == '\t')) // the kernel pads with spaces
                ++q;
            if (q == end || *q < '0' || *q > '9')
                break;
            std::uint64_t n = 0;
            const auto [next, ec] = std::from_chars(q, end, n);
            if (next < end && !isSpace(*next))
                break; // "2-edge", "16384abc": not a count
            if (ec != std::errc())
                return Error::BadNumber; // over 2^64
            row.counts.push_back(n);
            p = next;
        }
        rest = std::string_view(p, static_cast<std::size_t>(end - p));
        const bool onlyOne = row.counts.size() == 1 && trim(rest).empty();
        // ERR and MIS (x86, mips), Err (arm): one machine-wide count. A named row another
        // architecture prints the same way is taken as such; a numeric row never is (that is a
        // row cut short).
        if (name == "ERR" || name == "MIS" || name == "Err"
            || (onlyOne && ncpu > 1 && row.irq < 0)) {
            if (row.counts.size() != 1)
                return row.counts.empty() ? Error::Truncated : Error::BadFormat;
            row.singleCount = true;
        } else if (row.counts.size() < ncpu) {
            return row.counts.empty() || trim(rest).empty() ? Error::Truncated : Error::BadFormat;
        } else {
            describeInterruptRow(rest, row);
        }
        out.rows.push_back(std::move(row));
    }
    return out;
}

} // namespace pg
