// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The base of every worker object in the sampler thread. It owns the refresh cadence: a
// single-shot timer re-armed only after a sample finishes (so samples never pile up) for what is
// left of the interval (so the cadence holds), stopped while paused or inactive. A follower has no
// timer: it samples right after each sample its leader publishes, so both describe one moment.
// Nothing is read before start(). Create, follow() and connect before moving it to the thread.
// A sampler in a thread of its own does not outrun the GUI: while what it published last has not
// reached the application's thread (a busy machine, a long paint), its timer skips the tick, so
// that at most one sample per sampler waits in the GUI's event queue instead of one per interval.

#include <QObject>
#include <atomic>
#include <memory>

class QTimer;

namespace pg {

class Sampler : public QObject
{
    Q_OBJECT
public:
    explicit Sampler(QObject* parent = nullptr);
    ~Sampler() override;

    // No timer of its own: samples after each sample the leader publishes, paused or not (the
    // leader samples while paused only on F5, and then every page should refresh). Its own
    // refreshNow() does nothing: F5 reaches it through the leader. Call before start().
    void follow(Sampler* leader);
    int intervalMs() const { return m_intervalMs; }

public slots:
    void start(); // first sample now (if active, not paused, has work), then every interval
    void setIntervalMs(int ms); // clamped to kMinRefreshIntervalMs..kMaxRefreshIntervalMs
    void setPaused(bool paused); // resuming samples at once
    void setActive(bool active); // false: reads nothing (its page is hidden); true: reads at once
    void refreshNow(); // F5: a sample now if active (re-arms the cadence; not while paused)

signals:
    void sampled(); // after each sample is published (followers hook here)

protected:
    virtual void sample() = 0; // take one sample and emit the subclass's typed signal
    virtual bool hasWork() const { return true; } // e.g. the memory map sampler without a target

    // A sample now, if started, active and with work (a new target, a new selection).
    void sampleNow();
    Sampler* leader() const { return m_leader; }
    bool isActive() const { return m_active; }

private:
    void tick(); // own cadence: sample if there is something to read, then re-arm
    void onLeaderSampled();
    bool canSample() const { return m_started && m_active && hasWork(); }
    void publish();
    // The last publish has not been delivered to the application's thread yet.
    bool guiBehind() const;

    QTimer* m_timer = nullptr; // created by start() in the sampler thread; null for a follower
    Sampler* m_leader = nullptr;
    int m_intervalMs;
    bool m_started = false;
    bool m_paused = false;
    bool m_active = true;
    // Set when a sample is published, cleared by a call queued behind it to the application's
    // thread (events posted to one thread are delivered in order). Shared: that call may run
    // after this sampler is gone.
    std::shared_ptr<std::atomic<bool>> m_undelivered = std::make_shared<std::atomic<bool>>(false);
};

} // namespace pg
