#include "SystemSampler.h"

#include <QElapsedTimer>
#include <algorithm>

namespace pg {

SystemSampler::SystemSampler(SystemOverviewCollector::Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<SystemOverviewPtr>("SystemOverviewPtr");
}

SystemSampler::~SystemSampler() = default;

void SystemSampler::start()
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        m_timer->setTimerType(Qt::PreciseTimer);
        connect(m_timer, &QTimer::timeout, this, &SystemSampler::tick);
    }
    if (!m_collector) {
        m_options.historyCapacity = SystemOverviewCollector::historyCapacityFor(m_intervalMs);
        m_collector = std::make_unique<SystemOverviewCollector>(m_options);
    }
    tick();
}

void SystemSampler::setIntervalMs(int ms)
{
    m_intervalMs = std::clamp(ms, 50, 3600 * 1000);
    if (m_collector)
        m_collector->setHistoryCapacity(SystemOverviewCollector::historyCapacityFor(m_intervalMs));
    if (m_timer && m_timer->isActive())
        m_timer->start(m_intervalMs);
}

void SystemSampler::setPaused(bool paused)
{
    m_paused = paused;
    if (!m_timer)
        return;
    if (paused)
        m_timer->stop();
    else
        tick();
}

void SystemSampler::refreshNow()
{
    if (m_collector)
        tick();
}

void SystemSampler::tick()
{
    if (!m_collector)
        return;
    QElapsedTimer clock;
    clock.start();
    emit overviewReady(std::make_shared<const SystemOverview>(m_collector->sample()));
    if (!m_paused) {
        // Keep the cadence: the next sample starts one interval after this one started.
        m_timer->start(std::max(10, m_intervalMs - static_cast<int>(clock.elapsed())));
    }
}

} // namespace pg
