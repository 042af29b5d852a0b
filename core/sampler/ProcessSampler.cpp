#include "ProcessSampler.h"

#include <QElapsedTimer>
#include <algorithm>

namespace pg {

void registerSamplerMetaTypes()
{
    qRegisterMetaType<ProcessSnapshotPtr>("ProcessSnapshotPtr");
}

ProcessSampler::ProcessSampler(ProcessCollector::Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{ }

ProcessSampler::~ProcessSampler() = default;

void ProcessSampler::start()
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        m_timer->setTimerType(Qt::PreciseTimer);
        connect(m_timer, &QTimer::timeout, this, &ProcessSampler::tick);
    }
    if (!m_collector)
        m_collector = std::make_unique<ProcessCollector>(m_options);
    tick();
}

void ProcessSampler::setIntervalMs(int ms)
{
    m_intervalMs = std::clamp(ms, 50, 3600 * 1000);
    if (m_timer && m_timer->isActive())
        arm(0);
}

void ProcessSampler::setPaused(bool paused)
{
    m_paused = paused;
    if (!m_timer)
        return;
    if (paused)
        m_timer->stop();
    else
        tick();
}

void ProcessSampler::refreshNow()
{
    if (m_collector)
        tick();
}

void ProcessSampler::tick()
{
    if (!m_collector)
        return;
    QElapsedTimer clock;
    clock.start();
    auto snapshot = std::make_shared<ProcessSnapshot>(m_collector->sample());
    emit snapshotReady(std::move(snapshot));
    if (!m_paused)
        arm(static_cast<double>(clock.elapsed()));
}

void ProcessSampler::arm(double spentMs)
{
    // Keep the cadence: the next sample starts one interval after this one started.
    const int wait = std::max(10, m_intervalMs - static_cast<int>(spentMs));
    m_timer->start(wait);
}

} // namespace pg
