// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The System overview from a /proc root: a SystemOverviewCollector (made at the first sample, in
// the sampler thread) that builds on the process tick's stat, meminfo, loadavg and uptime.

#include "core/sampler/SystemSource.h"

#include <memory>

namespace pg {

class LocalSystemSource final : public SystemSource
{
public:
    explicit LocalSystemSource(SystemOverviewCollector::Options options);
    ~LocalSystemSource() override;

    SystemOverview sample(const ProcessSnapshot* tick) override;

private:
    SystemOverviewCollector::Options m_options;
    std::unique_ptr<SystemOverviewCollector> m_collector;
};

} // namespace pg
