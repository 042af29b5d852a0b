#pragma once

// The refresh cadence every periodic sampler shares: a single-shot timer in the sampler thread,
// re-armed only after a sample finishes (so samples never pile up) for what is left of the
// interval (so the cadence holds), stopped while paused. Create it in the sampler thread.

#include <QObject>
#include <functional>

class QTimer;

namespace pg {

class SampleCadence final : public QObject
{
    Q_OBJECT
public:
    // `sample` takes one sample and publishes it; the cadence times it.
    explicit SampleCadence(std::function<void()> sample, QObject* parent = nullptr);

    void start(); // a sample now, then every interval unless paused
    void setIntervalMs(int ms); // clamped to 50 ms .. 1 h
    int intervalMs() const { return m_intervalMs; }
    void setPaused(bool paused); // resuming samples at once
    bool paused() const { return m_paused; }
    void runNow(); // an extra sample now (F5); ignored before start()

private:
    void tick();

    std::function<void()> m_sample;
    QTimer* m_timer = nullptr;
    int m_intervalMs = 1000;
    bool m_paused = false;
};

} // namespace pg
