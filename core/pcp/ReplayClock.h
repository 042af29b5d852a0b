// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The moment an archive replay shows (--archive in the window): a position between the archive's
// first and last sample, playing or paused, at a speed. The window's time slider seeks it and
// starts or stops it (GUI thread); the sampler that leads the replay advances it by each tick's
// interval times the speed and reads it (sampler thread): every call takes one lock. Playing
// stops by itself at the end of the archive.

#include <chrono>
#include <mutex>
#include <optional>

namespace pg {

class ReplayClock
{
public:
    // Starts paused at `startSec` (the archive's first sample). endSec < startSec: endSec = start.
    ReplayClock(double startSec, double endSec);

    double startSec() const { return m_start; }
    double endSec() const { return m_end; }

    struct State
    {
        double positionSec = 0;
        bool playing = false;
        double speed = 1;
    };
    State state() const;
    double position() const { return state().positionSec; }

    void seek(double sec); // clamped to [start, end]
    // Playing from the end starts again at the first sample.
    void setPlaying(bool playing);
    void setSpeed(double speed); // clamped to kMinSpeed..kMaxSpeed; not finite: unchanged

    // One tick of `elapsedSec` of replay time at the current speed when playing (nothing when
    // paused); reaching the end stops playing. The new position.
    double advance(double elapsedSec);
    // The sampler's tick at wall time `now`: advances by the wall time since the previous tick
    // while playing. The first tick after play starts, after a seek or after a pause counts from
    // itself, so time spent paused (the replay's or the window's) is never played through.
    double tick(std::chrono::steady_clock::time_point now);

    static constexpr double kMinSpeed = 0.1;
    static constexpr double kMaxSpeed = 3600;

private:
    double clamp(double sec) const;

    const double m_start;
    const double m_end;
    double advanceLocked(double elapsedSec);

    mutable std::mutex m_mutex;
    State m_state;
    std::optional<std::chrono::steady_clock::time_point> m_lastTick; // while playing
};

} // namespace pg
