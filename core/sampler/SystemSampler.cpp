#include "core/sampler/SystemSampler.h"

#include <algorithm>

namespace pg {

SystemSampler::SystemSampler(SystemOverviewCollector::Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_cadence(new SampleCadence([this] { tick(); }, this))
{
    qRegisterMetaType<SystemOverviewPtr>("SystemOverviewPtr");
}

SystemSampler::~SystemSampler() = default;

void SystemSampler::start()
{
    if (!m_collector)
        m_collector = std::make_unique<SystemOverviewCollector>(m_options);
    m_cadence->start();
}

void SystemSampler::setIntervalMs(int ms)
{
    m_cadence->setIntervalMs(ms);
}

void SystemSampler::setPaused(bool paused)
{
    m_cadence->setPaused(paused);
}

void SystemSampler::refreshNow()
{
    m_cadence->runNow();
}

void SystemSampler::tick()
{
    if (m_collector)
        emit overviewReady(std::make_shared<const SystemOverview>(m_collector->sample()));
}

} // namespace pg
