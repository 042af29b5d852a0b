// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/SystemSampler.h"

#include "core/sampler/LocalSystemSource.h"
#include "core/sampler/ProcessSampler.h"

namespace pg {

SystemSampler::SystemSampler(SystemOverviewCollector::Options options, QObject* parent)
    : SystemSampler(std::make_unique<LocalSystemSource>(std::move(options)), parent)
{ }

SystemSampler::SystemSampler(std::unique_ptr<SystemSource> source, QObject* parent)
    : Sampler(parent)
    , m_source(std::move(source))
{ }

SystemSampler::~SystemSampler() = default;

void SystemSampler::sample()
{
    const auto* processes = qobject_cast<const ProcessSampler*>(leader());
    const ProcessSnapshotPtr tick = processes ? processes->latest() : nullptr;
    // A process snapshot already used (the page shown again between two ticks) would make this
    // sample a zero-length interval: the source reads afresh instead.
    const ProcessSnapshot* fresh = nullptr;
    if (tick && tick->sequence != m_lastProcessSequence) {
        m_lastProcessSequence = tick->sequence;
        fresh = tick.get();
    }
    emit overviewReady(std::make_shared<const SystemOverview>(m_source->sample(fresh)));
}

} // namespace pg
