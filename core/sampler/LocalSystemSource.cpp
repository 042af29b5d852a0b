// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/LocalSystemSource.h"

namespace pg {

LocalSystemSource::LocalSystemSource(SystemOverviewCollector::Options options)
    : m_options(std::move(options))
{ }

LocalSystemSource::~LocalSystemSource() = default;

SystemOverview LocalSystemSource::sample(const ProcessSnapshot* tick)
{
    if (!m_collector)
        m_collector = std::make_unique<SystemOverviewCollector>(m_options);
    return tick ? m_collector->sample(tick->system) : m_collector->sample();
}

} // namespace pg
