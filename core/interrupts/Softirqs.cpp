// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/interrupts/Softirqs.h"

#include "core/base/KernelNumbers.h"
#include "core/base/ParseUtil.h"
#include "core/interrupts/Interrupts.h"

namespace pg {

std::uint64_t SoftirqRow::total() const
{
    std::uint64_t sum = 0;
    for (std::uint64_t c : counts)
        sum = saturatingAdd(sum, c); // 2^64-1: unknown (KernelNumbers.h)
    return sum;
}

Result<Softirqs> parseSoftirqs(std::string_view text)
{
    using namespace parse;
    if (trim(text).empty())
        return Error::Empty;
    if (text.back() != '\n')
        return Error::Truncated;
    Softirqs out;
    std::string_view line;
    while (nextLine(text, line) && trim(line).empty()) { }
    Result<std::vector<int>> header = parseCpuHeader(line);
    if (!header)
        return header.error();
    out.cpuIds = std::move(header).value();
    while (nextLine(text, line)) {
        if (trim(line).empty())
            continue;
        std::string_view key;
        std::string_view rest;
        if (!splitKeyValue(line, key, rest))
            return Error::BadFormat;
        SoftirqRow row;
        row.name = std::string(key);
        row.counts.reserve(out.cpuIds.size());
        for (std::string_view tok = nextToken(rest); !tok.empty(); tok = nextToken(rest)) {
            std::uint64_t n = 0;
            if (!toInt(tok, n))
                return Error::BadNumber;
            row.counts.push_back(n);
        }
        if (row.counts.size() < out.cpuIds.size())
            return Error::Truncated;
        if (row.counts.size() > out.cpuIds.size())
            return Error::BadFormat;
        out.rows.push_back(std::move(row));
    }
    if (out.rows.empty())
        return Error::Truncated;
    return out;
}

std::string_view softirqDescription(std::string_view name)
{
    // kernel/softirq.c softirq_to_name[] and include/linux/interrupt.h.
    struct Entry
    {
        std::string_view name, text;
    };
    static constexpr Entry kEntries[] = {
        { "HI", "High-priority tasklets (tasklet_hi_schedule)" },
        { "TIMER", "Expired timer-wheel timers (timer_list callbacks)" },
        { "NET_TX", "Network transmit completion and queue restarts" },
        { "NET_RX", "Network receive processing (NAPI polling)" },
        { "BLOCK", "Block I/O request completion" },
        { "IRQ_POLL", "Interrupt polling for block drivers (irq_poll)" },
        { "TASKLET", "Normal-priority tasklets deferred by drivers" },
        { "SCHED", "Scheduler load balancing between CPUs" },
        { "HRTIMER", "High-resolution timer callbacks deferred to softirq" },
        { "RCU", "RCU callbacks: freeing memory after a grace period" },
    };
    for (const Entry& e : kEntries) {
        if (e.name == name)
            return e.text;
    }
    return {};
}

} // namespace pg
