// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pcp/PcpInterrupts.h"

#include "core/pcp/PcpValueIndex.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <tuple>

namespace pg {

namespace {

// The rows of a per-CPU metric whose instances are named "ROW::cpuN" (kernel.percpu.interrupts,
// kernel.percpu.softirqs), in the order pmdalinux lists them (the file's order), each with one
// count per CPU; the CPU ids, sorted, are returned. `makeRow(name, firstValue)` makes a row the
// first time its name is seen. A (row, CPU) pair the agent left out stays 0; an instance without
// a name (it vanished between pmGetInDom and pmFetch) or a count is left out.
template <typename Row, typename MakeRow>
std::vector<int> perCpuRows(const PcpMetricValues& metric, std::vector<Row>& rows, MakeRow makeRow)
{
    std::vector<std::tuple<std::size_t, int, std::uint64_t>> cells; // row, cpu, count
    std::map<std::string, std::size_t> rowOf;
    std::vector<int> cpus;
    for (const PcpInstanceValue& v : metric.values) {
        std::string name;
        int cpu = -1;
        const auto count = pcpUnsigned(v.value);
        if (!splitIrqInstance(v.instanceName, &name, &cpu) || !count)
            continue;
        auto [it, added] = rowOf.emplace(name, rows.size());
        if (added)
            rows.push_back(makeRow(name, v));
        cells.emplace_back(it->second, cpu, *count);
        cpus.push_back(cpu);
    }
    std::sort(cpus.begin(), cpus.end());
    cpus.erase(std::unique(cpus.begin(), cpus.end()), cpus.end());
    for (Row& row : rows)
        row.counts.assign(cpus.size(), 0);
    for (const auto& [row, cpu, count] : cells) {
        const auto col = std::lower_bound(cpus.begin(), cpus.end(), cpu) - cpus.begin();
        rows[row].counts[static_cast<std::size_t>(col)] = count;
    }
    return cpus;
}

} // namespace

const std::vector<PcpMetricRequest>& pcpInterruptsMetrics()
{
    static const std::vector<PcpMetricRequest> metrics = {
        { "kernel.percpu.interrupts", true, "irqtext" },
        { "kernel.all.interrupts.errors", false },
        { "kernel.all.interrupts.missed", false },
    };
    return metrics;
}

bool splitIrqInstance(std::string_view name, std::string* irq, int* cpu)
{
    const std::size_t at = name.rfind("::cpu");
    if (at == std::string_view::npos || at == 0)
        return false;
    const std::string_view digits = name.substr(at + 5);
    int n = -1;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || end != digits.data() + digits.size() || n < 0 || digits.empty())
        return false;
    *irq = std::string(name.substr(0, at));
    *cpu = n;
    return true;
}

PcpInterruptsTable interruptsFromPcp(const PcpFetch& fetch, const std::string& host)
{
    PcpInterruptsTable table;
    const PcpMetricValues* percpu = fetch.find("kernel.percpu.interrupts");
    if (!percpu || !percpu->error.empty()) {
        table.error = pcpSourceName(host) + " gave no kernel.percpu.interrupts"
            + (percpu ? ": " + percpu->error : std::string());
        return table;
    }
    Interrupts& out = table.interrupts;
    out.cpuIds
        = perCpuRows(*percpu, out.rows, [](const std::string& irq, const PcpInstanceValue& v) {
              InterruptRow row;
              row.name = irq;
              int number = -1;
              const auto [end, ec] = std::from_chars(irq.data(), irq.data() + irq.size(), number);
              if (ec == std::errc() && end == irq.data() + irq.size())
                  row.irq = number;
              describeInterruptRow(v.label, row);
              return row;
          });
    // ERR and MIS: one machine-wide count each, where x86's arch_show_interrupts() prints them:
    // before the posted-interrupt rows (PIN, NPI, PIW) when there are any, else last.
    auto at = std::find_if(out.rows.begin(), out.rows.end(), [](const InterruptRow& r) {
        return r.name == "PIN" || r.name == "NPI" || r.name == "PIW";
    });
    std::size_t insertAt = static_cast<std::size_t>(at - out.rows.begin());
    for (const auto& [name, metric] : { std::pair { "ERR", "kernel.all.interrupts.errors" },
             std::pair { "MIS", "kernel.all.interrupts.missed" } }) {
        const PcpValue* v = pcpSingle(fetch, metric);
        const auto count = v ? pcpUnsigned(*v) : std::nullopt;
        if (!count)
            continue;
        InterruptRow row;
        row.name = name;
        row.singleCount = true;
        row.counts = { *count };
        out.rows.insert(out.rows.begin() + static_cast<std::ptrdiff_t>(insertAt++), std::move(row));
    }
    return table;
}

const std::vector<PcpMetricRequest>& pcpSoftirqsMetrics()
{
    static const std::vector<PcpMetricRequest> metrics = { { "kernel.percpu.softirqs", true } };
    return metrics;
}

PcpSoftirqsTable softirqsFromPcp(const PcpFetch& fetch, const std::string& host)
{
    PcpSoftirqsTable table;
    const PcpMetricValues* percpu = fetch.find("kernel.percpu.softirqs");
    if (!percpu || !percpu->error.empty()) {
        table.error = pcpSourceName(host) + " gave no kernel.percpu.softirqs"
            + (percpu ? ": " + percpu->error : std::string());
        return table;
    }
    table.softirqs.cpuIds = perCpuRows(
        *percpu, table.softirqs.rows, [](const std::string& kind, const PcpInstanceValue&) {
            return SoftirqRow { kind, {} };
        });
    return table;
}

} // namespace pg
