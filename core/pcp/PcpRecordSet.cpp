// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pcp/PcpRecordSet.h"

#include "core/pcp/PcpInterrupts.h"
#include "core/pcp/PcpMetricCatalog.h"
#include "core/pcp/PcpProcesses.h"
#include "core/pcp/PcpSystem.h"

#include <cstdio>
#include <unordered_map>

namespace pg {

const std::vector<PcpMetricRequest>& pcpRecordedMetrics()
{
    static const std::vector<PcpMetricRequest> metrics = [] {
        std::vector<PcpMetricRequest> all;
        auto add = [&all](const PcpMetricRequest& r) {
            for (const PcpMetricRequest& have : all) {
                if (have.name == r.name)
                    return;
            }
            const PcpMetricDesc* desc = findPcpMetric(r.name);
            PcpMetricRequest kept { r.name,
                desc && !desc->indom.null() && desc->indom != kProcInDom };
            kept.optional = r.optional; // record --host from a pmcd without it: left out
            all.push_back(std::move(kept));
        };
        for (const auto* list :
            { &pcpProcessMetrics(), &pcpInterruptsMetrics(), &pcpSystemMetrics() })
            for (const PcpMetricRequest& r : *list)
                add(r);
        // Softirqs too, where the host has them (an older pmdalinux does not).
        for (PcpMetricRequest r : pcpSoftirqsMetrics()) {
            r.optional = true;
            add(r);
        }
        add({ "hinv.ncpu", false });
        return all;
    }();
    return metrics;
}

std::string pcpProcessInstanceName(int pid, const std::string& comm)
{
    char digits[16];
    std::snprintf(digits, sizeof digits, "%06d", pid);
    std::string name = digits;
    name += ' ';
    for (char c : comm) // one line: a comm may hold any byte but NUL and '/'
        name += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
    return name;
}

void namePcpProcessInstances(PcpFetch& fetch)
{
    const PcpMetricValues* cmd = fetch.find("proc.psinfo.cmd");
    if (!cmd)
        return;
    std::unordered_map<int, std::string> names;
    names.reserve(cmd->values.size());
    for (const PcpInstanceValue& v : cmd->values) {
        const std::string* comm = std::get_if<std::string>(&v.value);
        names.emplace(v.instance, pcpProcessInstanceName(v.instance, comm ? *comm : std::string()));
    }
    for (PcpMetricValues& m : fetch.metrics) {
        if (!m.name.starts_with("proc."))
            continue;
        for (PcpInstanceValue& v : m.values) {
            if (!v.instanceName.empty())
                continue;
            if (auto it = names.find(v.instance); it != names.end())
                v.instanceName = it->second;
            else
                v.instanceName = pcpProcessInstanceName(v.instance, {});
        }
    }
}

} // namespace pg
