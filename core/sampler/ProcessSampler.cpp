#include "core/sampler/ProcessSampler.h"

#include <algorithm>

namespace pg {

void registerSamplerMetaTypes()
{
    qRegisterMetaType<ProcessSnapshotPtr>("ProcessSnapshotPtr");
}

ProcessSampler::ProcessSampler(ProcessCollector::Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_cadence(new SampleCadence([this] { tick(); }, this))
{
    m_cadence->setIntervalMs(kDefaultIntervalMs);
}

ProcessSampler::~ProcessSampler() = default;

void ProcessSampler::start()
{
    if (!m_collector)
        m_collector = std::make_unique<ProcessCollector>(m_options);
    m_cadence->start();
}

void ProcessSampler::setIntervalMs(int ms)
{
    m_cadence->setIntervalMs(ms);
}

void ProcessSampler::setPaused(bool paused)
{
    m_cadence->setPaused(paused);
}

void ProcessSampler::refreshNow()
{
    m_cadence->runNow();
}

void ProcessSampler::tick()
{
    if (m_collector)
        emit snapshotReady(std::make_shared<ProcessSnapshot>(m_collector->sample()));
}

} // namespace pg
