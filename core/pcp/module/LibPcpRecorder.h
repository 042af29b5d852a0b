// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The libpcp_import layer: one LOGIMPORT context writing a version 2 archive (pmiSetVersion(2):
// libpcp 6.0.3 crashes on v3 archives in interpolated mode), the catalog's metrics with their
// real PMIDs, each sample as one pmResult (pmiPutResult: pmiPutValue would look every one of
// ~40,000 values per sample up by name).

#include "core/pcp/PcpRecorder.h"

#include <map>
#include <set>
#include <string>
#include <utility>

namespace pg {

class LibPcpRecorder final : public PcpRecorder
{
public:
    ~LibPcpRecorder() override;
    static LibPcpRecorder* start(
        const std::string& path, const std::string& hostname, std::string* error);
    std::string write(const PcpFetch& sample) override;
    std::string finish() override;

private:
    LibPcpRecorder(int context, std::string path);
    std::string addInstances(const PcpFetch& sample);

    int m_context = -1;
    std::string m_path;
    bool m_finished = false;
    std::set<std::pair<unsigned, int>> m_instances; // (indom, instance) given to pmiAddInstance
};

} // namespace pg
