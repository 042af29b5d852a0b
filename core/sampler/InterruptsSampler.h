#pragma once

// The interrupts sampler: a worker object in the shared sampler thread that runs an
// InterruptsCollector (<procRoot>/interrupts, softirqs and irq/N/*affinity_list) on its cadence and
// publishes one immutable InterruptsSnapshot per tick.

#include "core/interrupts/InterruptsCollector.h"
#include "core/sampler/Sampler.h"
#include "core/sampler/SnapshotTypes.h"

#include <memory>
#include <string>

namespace pg {

class InterruptsSampler final : public Sampler
{
    Q_OBJECT
public:
    explicit InterruptsSampler(std::string procRoot, QObject* parent = nullptr);
    ~InterruptsSampler() override;

signals:
    void snapshotReady(InterruptsSnapshotPtr snapshot);

protected:
    void sample() override;

private:
    std::string m_root;
    std::unique_ptr<InterruptsCollector> m_collector; // created in the sampler thread
};

} // namespace pg
