// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The interrupts sampler: a worker object in the shared sampler thread that runs an
// InterruptsSource on its cadence and publishes one immutable InterruptsSnapshot per tick. The
// local source is an InterruptsCollector (<procRoot>/interrupts and softirqs every tick, the IRQ
// topology under <procRoot>/irq and <sysRoot> when it may have changed); PcpInterruptsSource
// reads a host's kernel.percpu.interrupts.

#include "core/interrupts/InterruptsCollector.h"
#include "core/metatypes/SnapshotTypes.h"
#include "core/sampler/InterruptsSource.h"
#include "core/sampler/Sampler.h"

#include <memory>
#include <string>

namespace pg {

class InterruptsSampler final : public Sampler
{
    Q_OBJECT
public:
    explicit InterruptsSampler(std::string procRoot, QObject* parent = nullptr);
    // `sysRoot` empty: no /sys is read (a copied /proc tree without its /sys).
    InterruptsSampler(std::string procRoot, std::string sysRoot, QObject* parent = nullptr);
    explicit InterruptsSampler(std::unique_ptr<InterruptsSource> source, QObject* parent = nullptr);
    ~InterruptsSampler() override;

signals:
    void snapshotReady(InterruptsSnapshotPtr snapshot);

protected:
    void sample() override;

private:
    std::unique_ptr<InterruptsSource> m_source; // reads nothing before the first sample
};

} // namespace pg
