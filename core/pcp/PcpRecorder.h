// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A PCP archive being written (libpcp_import, in the procglass-pcp module): one write() per
// sample, with the values of the recorded metrics (PcpRecordSet.h) described by the catalog
// (PcpMetricCatalog.h). The files (PATH.0, PATH.meta, PATH.index) appear at the first write; they
// are complete only after finish().

#include "core/pcp/PcpFetch.h"

#include <string>

namespace pg {

class PcpRecorder
{
public:
    virtual ~PcpRecorder() = default;
    // Empty on success, else one line. Metrics the catalog does not know are skipped.
    virtual std::string write(const PcpFetch& sample) = 0;
    // pmiEnd: the index and the labels' end time. Empty on success.
    virtual std::string finish() = 0;
};

using PcpRecordFunction
    = PcpRecorder* (*)(int abi, const char* path, const char* hostname, std::string* error);

} // namespace pg
