#pragma once

// The interrupts sampler: a worker object in the shared sampler thread that reads
// <procRoot>/interrupts, <procRoot>/softirqs and <procRoot>/irq/N/*affinity_list, computes rates
// and publishes one immutable InterruptsSnapshot per tick. Like ProcessSampler, the next tick is
// armed only after a sample finishes.

#include "core/interrupts/Interrupts.h"
#include "core/interrupts/IrqAffinity.h"
#include "core/interrupts/IrqRates.h"
#include "core/interrupts/Softirqs.h"

#include "core/sampler/SampleCadence.h"
#include <QMetaType>

#include <QObject>
#include <memory>
#include <string>
#include <unordered_map>

namespace pg {

struct InterruptsSnapshot
{
    std::uint64_t sequence = 0;
    double samplerCpuMs = 0;
    Error interruptsError = Error::None; // reading or parsing <root>/interrupts
    Error softirqsError = Error::None;
    Interrupts interrupts;
    IrqRateSample irqRates; // rows aligned with interrupts.rows
    std::vector<IrqAffinity> affinity; // aligned with interrupts.rows; empty for named rows
    Softirqs softirqs;
    IrqRateSample softirqRates; // rows aligned with softirqs.rows
};

// Reads, parses and diffs; no Qt, so the benchmark and tests drive it directly.
class InterruptsCollector final
{
public:
    explicit InterruptsCollector(std::string procRoot);
    // `timeSec` is the monotonic time of this read (the caller's clock, so tests can script it).
    InterruptsSnapshot sample(double timeSec);

private:
    std::string m_root;
    IrqRates m_irqRates;
    IrqRates m_softirqRates;
    std::unordered_map<int, IrqAffinity> m_affinity;
    std::uint64_t m_sequence = 0;
    std::string m_buffer;
};

class InterruptsSampler final : public QObject
{
    Q_OBJECT
public:
    explicit InterruptsSampler(std::string procRoot, QObject* parent = nullptr);
    ~InterruptsSampler() override;

    static void registerMetaTypes();

public slots:
    void start();
    void setIntervalMs(int ms);
    void setPaused(bool paused);
    void refreshNow();

signals:
    void snapshotReady(std::shared_ptr<const pg::InterruptsSnapshot> snapshot);

private:
    void tick();

    std::string m_root;
    std::unique_ptr<InterruptsCollector> m_collector;
    SampleCadence* m_cadence; // timer, interval and pause, shared by every periodic sampler
};

} // namespace pg

using InterruptsSnapshotPtr = std::shared_ptr<const pg::InterruptsSnapshot>;
Q_DECLARE_METATYPE(InterruptsSnapshotPtr)
