#pragma once

// The System overview's worker: lives in the shared sampler thread, owns a SystemOverviewCollector
// and publishes one immutable SystemOverview per tick. Its timer follows the main window's refresh
// interval and pause (connected in main.cpp); the next tick is armed only after a sample finishes.

#include "core/system/SystemOverview.h"

#include "core/sampler/SampleCadence.h"
#include <QMetaType>

#include <QObject>
#include <memory>

using SystemOverviewPtr = std::shared_ptr<const pg::SystemOverview>;
Q_DECLARE_METATYPE(SystemOverviewPtr)

namespace pg {

class SystemSampler final : public QObject
{
    Q_OBJECT
public:
    explicit SystemSampler(SystemOverviewCollector::Options options, QObject* parent = nullptr);
    ~SystemSampler() override;

public slots:
    void start(); // first sample now, then every interval
    void setIntervalMs(int ms);
    void setPaused(bool paused);
    void refreshNow();

signals:
    void overviewReady(SystemOverviewPtr overview);

private:
    void tick();

    SystemOverviewCollector::Options m_options;
    std::unique_ptr<SystemOverviewCollector> m_collector; // created in the sampler thread
    SampleCadence* m_cadence; // timer, interval and pause, shared by every periodic sampler
};

} // namespace pg
