#include "core/sampler/SampleCadence.h"

#include "core/base/RefreshInterval.h"

#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>

namespace pg {

SampleCadence::SampleCadence(std::function<void()> sample, QObject* parent)
    : QObject(parent)
    , m_sample(std::move(sample))
{ }

void SampleCadence::start()
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        m_timer->setTimerType(Qt::PreciseTimer);
        connect(m_timer, &QTimer::timeout, this, &SampleCadence::tick);
    }
    tick();
}

void SampleCadence::setIntervalMs(int ms)
{
    m_intervalMs = std::clamp(ms, 50, kMaxRefreshIntervalMs);
    if (m_timer && m_timer->isActive())
        m_timer->start(m_intervalMs);
}

void SampleCadence::setPaused(bool paused)
{
    m_paused = paused;
    if (!m_timer)
        return;
    if (paused)
        m_timer->stop();
    else
        tick();
}

void SampleCadence::runNow()
{
    if (m_timer)
        tick();
}

void SampleCadence::tick()
{
    QElapsedTimer clock;
    clock.start();
    m_sample();
    if (!m_paused && m_timer)
        m_timer->start(std::max(10, m_intervalMs - static_cast<int>(clock.elapsed())));
}

} // namespace pg
