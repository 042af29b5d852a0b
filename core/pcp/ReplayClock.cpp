// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pcp/ReplayClock.h"

#include <algorithm>
#include <cmath>

namespace pg {

ReplayClock::ReplayClock(double startSec, double endSec)
    : m_start(startSec)
    , m_end(std::max(startSec, endSec))
{
    m_state.positionSec = m_start;
}

ReplayClock::State ReplayClock::state() const
{
    std::lock_guard lock(m_mutex);
    return m_state;
}

double ReplayClock::clamp(double sec) const
{
    if (!std::isfinite(sec))
        return sec > 0 ? m_end : m_start; // NaN: the start
    return std::clamp(sec, m_start, m_end);
}

void ReplayClock::seek(double sec)
{
    std::lock_guard lock(m_mutex);
    m_state.positionSec = clamp(sec);
    m_lastTick.reset();
}

void ReplayClock::setPlaying(bool playing)
{
    std::lock_guard lock(m_mutex);
    if (playing && m_state.positionSec >= m_end)
        m_state.positionSec = m_start;
    m_state.playing = playing && m_end > m_start;
    m_lastTick.reset();
}

void ReplayClock::setSpeed(double speed)
{
    if (!std::isfinite(speed))
        return;
    std::lock_guard lock(m_mutex);
    m_state.speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
}

double ReplayClock::advance(double elapsedSec)
{
    std::lock_guard lock(m_mutex);
    return advanceLocked(elapsedSec);
}

double ReplayClock::tick(std::chrono::steady_clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    if (!m_state.playing || !m_lastTick) {
        m_lastTick = now;
        return m_state.positionSec;
    }
    const double elapsed = std::chrono::duration<double>(now - *m_lastTick).count();
    m_lastTick = now;
    return advanceLocked(elapsed);
}

double ReplayClock::advanceLocked(double elapsedSec)
{
    if (m_state.playing && std::isfinite(elapsedSec) && elapsedSec > 0) {
        m_state.positionSec = clamp(m_state.positionSec + elapsedSec * m_state.speed);
        if (m_state.positionSec >= m_end)
            m_state.playing = false;
    }
    return m_state.positionSec;
}

} // namespace pg
