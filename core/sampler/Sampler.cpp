// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/Sampler.h"

#include "core/base/RefreshInterval.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>

namespace pg {

Sampler::Sampler(QObject* parent)
    : QObject(parent)
    , m_intervalMs(kDefaultRefreshIntervalMs)
{ }

Sampler::~Sampler() = default;

void Sampler::follow(Sampler* leader)
{
    if (m_leader)
        disconnect(m_leader, &Sampler::sampled, this, &Sampler::onLeaderSampled);
    m_leader = leader;
    if (m_leader)
        connect(m_leader, &Sampler::sampled, this, &Sampler::onLeaderSampled);
}

void Sampler::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_leader) {
        m_timer = new QTimer(this); // here, in the sampler thread, so it fires there
        m_timer->setSingleShot(true);
        m_timer->setTimerType(Qt::PreciseTimer);
        connect(m_timer, &QTimer::timeout, this, &Sampler::tick);
    }
    if (!m_paused)
        sampleNow();
}

void Sampler::setIntervalMs(int ms)
{
    m_intervalMs = std::clamp(ms, kMinRefreshIntervalMs, kMaxRefreshIntervalMs);
    if (m_timer && m_timer->isActive())
        m_timer->start(m_intervalMs);
}

void Sampler::setPaused(bool paused)
{
    m_paused = paused;
    if (paused) {
        if (m_timer)
            m_timer->stop();
    } else {
        sampleNow();
    }
}

void Sampler::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (!active) {
        if (m_timer)
            m_timer->stop(); // re-armed by the sample that activation takes
    } else {
        sampleNow();
    }
}

void Sampler::refreshNow()
{
    if (!m_leader)
        sampleNow();
}

void Sampler::sampleNow()
{
    if (!m_started)
        return;
    if (m_timer)
        tick();
    else if (canSample())
        publish();
}

void Sampler::tick()
{
    m_timer->stop();
    QElapsedTimer clock;
    clock.start();
    if (canSample() && !guiBehind())
        publish();
    // Inactive: no timer until activation samples again. Paused: F5 samples without re-arming.
    if (m_active && !m_paused)
        m_timer->start(std::max(10, m_intervalMs - static_cast<int>(clock.elapsed())));
}

void Sampler::onLeaderSampled()
{
    if (canSample())
        publish();
}

void Sampler::publish()
{
    sample();
    emit sampled();
    QCoreApplication* app = QCoreApplication::instance();
    if (!app || app->thread() == thread())
        return; // in the application's thread: nothing can queue up behind the GUI
    m_undelivered->store(true);
    QMetaObject::invokeMethod(
        app, [flag = m_undelivered] { flag->store(false); }, Qt::QueuedConnection);
}

bool Sampler::guiBehind() const
{
    return m_undelivered->load();
}

} // namespace pg
