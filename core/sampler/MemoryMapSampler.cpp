#include "core/sampler/MemoryMapSampler.h"

#include "core/memory/MemoryMapReader.h"

#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>

namespace pg {

MemoryMapSampler::MemoryMapSampler(const QString& procRoot, QObject* parent)
    : QObject(parent)
    , m_procRoot(procRoot.toStdString())
{
    qRegisterMetaType<MemoryMapSnapshotPtr>("MemoryMapSnapshotPtr");
}

MemoryMapSampler::~MemoryMapSampler() = default;

void MemoryMapSampler::ensureTimer()
{
    if (m_timer)
        return;
    m_timer = new QTimer(this); // here, in the sampler thread, so it fires there
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &MemoryMapSampler::sample);
}

void MemoryMapSampler::setTarget(int pid, qulonglong startTimeTicks)
{
    ensureTimer();
    m_target = ProcessKey { pid, startTimeTicks };
    m_targetExited = false;
    m_timer->stop();
    if (pid > 0 && m_active)
        sample();
}

void MemoryMapSampler::setActive(bool active)
{
    ensureTimer();
    if (active == m_active)
        return;
    m_active = active;
    if (!active)
        m_timer->stop();
    else if (m_target.pid > 0 && !m_targetExited)
        sample();
}

void MemoryMapSampler::setPaused(bool paused)
{
    ensureTimer();
    m_paused = paused;
    if (paused)
        m_timer->stop();
    else if (m_active && m_target.pid > 0 && !m_targetExited)
        sample();
}

void MemoryMapSampler::setIntervalMs(int ms)
{
    m_intervalMs = std::clamp(ms, 100, 3600 * 1000);
}

void MemoryMapSampler::refreshNow()
{
    ensureTimer();
    if (m_active && m_target.pid > 0 && !m_targetExited)
        sample();
}

void MemoryMapSampler::sample()
{
    m_timer->stop();
    if (!m_active || m_target.pid <= 0)
        return;
    QElapsedTimer clock;
    clock.start();
    auto snap = std::make_shared<MemoryMapSnapshot>(readMemoryMapSnapshot(m_procRoot, m_target));
    snap->sequence = ++m_sequence;
    // Pin the identity: if the pid is reused later, that is another process, not this one.
    m_target.startTimeTicks = snap->key.startTimeTicks;
    m_targetExited = snap->exited;
    emit mapsReady(std::move(snap));
    // Nothing to re-read once the process is gone; otherwise keep the cadence without piling up.
    if (!m_targetExited && !m_paused)
        m_timer->start(std::max(50, m_intervalMs - static_cast<int>(clock.elapsed())));
}

} // namespace pg
