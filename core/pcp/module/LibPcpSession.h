// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The thin libpcp layer: one PM_CONTEXT_HOST context, pmLookupName once per metric, pmFetch,
// pmExtractValue into PcpFetch. No mapping to snapshots here (core/pcp/Pcp*.cpp does that).

#include "core/pcp/PcpSession.h"

#include <map>
#include <string>

namespace pg {

class LibPcpSession final : public PcpSession
{
public:
    ~LibPcpSession() override;
    // Null with *error set when the host cannot be reached (pmNewContext failed).
    static LibPcpSession* open(const std::string& spec, std::string* error);
    PcpFetchOutcome fetch(const std::vector<PcpMetricRequest>& metrics) override;

private:
    explicit LibPcpSession(int context, std::string spec);
    struct Metric
    {
        unsigned pmid = 0;
        int type = 0;
        unsigned indom = 0;
    };
    // The lookup of `name` on this host, cached; empty error when found.
    std::string lookUp(const std::string& name, Metric* out);

    int m_context = -1;
    std::string m_spec;
    std::map<std::string, Metric> m_metrics;
};

} // namespace pg
