// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/SystemSampler.h"

#include "core/sampler/ProcessSampler.h"

namespace pg {

SystemSampler::SystemSampler(SystemOverviewCollector::Options options, QObject* parent)
    : Sampler(parent)
    , m_options(std::move(options))
{ }

SystemSampler::~SystemSampler() = default;

void SystemSampler::sample()
{
    if (!m_collector)
        m_collector = std::make_unique<SystemOverviewCollector>(m_options);
    const auto* processes = qobject_cast<const ProcessSampler*>(leader());
    const ProcessSnapshotPtr tick = processes ? processes->latest() : nullptr;
    // A process snapshot already used (the page shown again between two ticks) would make this
    // sample a zero-length interval: read the files afresh instead.
    if (tick && tick->sequence != m_lastProcessSequence) {
        m_lastProcessSequence = tick->sequence;
        emit overviewReady(
            std::make_shared<const SystemOverview>(m_collector->sample(tick->system)));
    } else {
        emit overviewReady(std::make_shared<const SystemOverview>(m_collector->sample()));
    }
}

} // namespace pg
