// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The thin libpcp layer: one PM_CONTEXT_HOST or PM_CONTEXT_ARCHIVE context, pmLookupName once per
// metric, pmFetch, pmExtractValue into PcpFetch. No mapping to snapshots here (core/pcp/Pcp*.cpp
// does that).

#include "core/pcp/PcpArchiveSession.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace pg {

class LibPcpSession final : public PcpArchiveSession
{
public:
    ~LibPcpSession() override;
    // Null with *error set when the host cannot be reached (pmNewContext failed).
    static LibPcpSession* open(const std::string& spec, std::string* error);
    // An archive (its base name, or any of its files): null with *error set when it is not one.
    static LibPcpSession* openArchive(const std::string& path, std::string* error);
    PcpFetchOutcome fetch(const std::vector<PcpMetricRequest>& metrics) override;
    double startSec() const override { return m_startSec; }
    double endSec() const override { return m_endSec; }
    std::string seekBack(double sec) override;

private:
    LibPcpSession(int context, std::string spec, bool archive);
    struct Metric
    {
        unsigned pmid = 0;
        int type = 0;
        unsigned indom = 0;
    };
    // The lookup of `name` on this host, cached; empty error when found.
    std::string lookUp(const std::string& name, Metric* out);
    // The label `label` of each instance of `indom`, by instance id: asked of the host again only
    // when one of `instances` has not been seen yet (a new IRQ), else from the cache.
    const std::map<int, std::string>& instanceLabels(
        unsigned indom, const std::string& label, const std::vector<int>& instances);

    int m_context = -1;
    std::string m_spec;
    bool m_archive = false;
    double m_startSec = 0;
    double m_endSec = 0;
    std::map<std::string, Metric> m_metrics;
    std::map<std::string, std::string> m_missing; // names this host lacks, with the error
    struct LabelCache
    {
        std::map<int, std::string> values; // instance -> label value
        std::set<int> seen; // instances asked about already, with or without the label
    };
    std::map<std::pair<unsigned, std::string>, LabelCache> m_labels;
};

} // namespace pg
