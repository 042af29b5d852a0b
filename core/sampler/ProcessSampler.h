#pragma once

// The process sampler: a worker object that lives in the sampler thread, owns a ProcessCollector
// and publishes one immutable snapshot per tick. The next tick is armed only after a sample
// finishes, so samples never pile up. Slots are invoked from the GUI thread through queued calls.

#include "core/process/ProcessCollector.h"
#include "core/sampler/SamplerTypes.h"

#include "core/sampler/SampleCadence.h"

#include <QObject>
#include <memory>

namespace pg {

class ProcessSampler final : public QObject
{
    Q_OBJECT
public:
    explicit ProcessSampler(ProcessCollector::Options options, QObject* parent = nullptr);
    ~ProcessSampler() override;

    static constexpr int kDefaultIntervalMs = 1000;

public slots:
    void start(); // first sample now, then every interval
    void setIntervalMs(int ms);
    void setPaused(bool paused);
    void refreshNow();

signals:
    void snapshotReady(ProcessSnapshotPtr snapshot);

private:
    void tick();

    ProcessCollector::Options m_options;
    std::unique_ptr<ProcessCollector> m_collector; // created in the sampler thread
    SampleCadence* m_cadence; // timer, interval and pause, shared by every periodic sampler
};

} // namespace pg
