// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The System overview's worker: lives in the shared sampler thread, owns a SystemOverviewCollector
// and publishes one immutable SystemOverview per sample. Following the ProcessSampler (follow()),
// it samples right after each process snapshot and builds on that snapshot's /proc/stat, meminfo,
// loadavg and uptime, so those files are read once per tick and the Processes page's summary and
// the System page show the same CPU %. Without a leader (fake trees in tests) it reads them itself.

#include "core/sampler/Sampler.h"
#include "core/sampler/SnapshotTypes.h"

#include <cstdint>
#include <memory>

namespace pg {

class SystemSampler final : public Sampler
{
    Q_OBJECT
public:
    explicit SystemSampler(SystemOverviewCollector::Options options, QObject* parent = nullptr);
    ~SystemSampler() override;

signals:
    void overviewReady(SystemOverviewPtr overview);

protected:
    void sample() override;

private:
    SystemOverviewCollector::Options m_options;
    std::unique_ptr<SystemOverviewCollector> m_collector; // created in the sampler thread
    std::uint64_t m_lastProcessSequence = 0; // of the process snapshot used last
};

} // namespace pg
