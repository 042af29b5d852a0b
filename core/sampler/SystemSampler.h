// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The System overview's worker: lives in the shared sampler thread, runs a SystemSource (the local
// /proc's SystemOverviewCollector, or a PCP host) and publishes one immutable SystemOverview per
// sample. Following the ProcessSampler (follow()),
// it samples right after each process snapshot and builds on that snapshot's /proc/stat, meminfo,
// loadavg and uptime, so those files are read once per tick and the Processes page's summary and
// the System page show the same CPU %. Without a leader (fake trees in tests) it reads them itself.

#include "core/metatypes/SnapshotTypes.h"
#include "core/sampler/Sampler.h"
#include "core/sampler/SystemSource.h"

#include <cstdint>
#include <memory>

namespace pg {

class SystemSampler final : public Sampler
{
    Q_OBJECT
public:
    explicit SystemSampler(SystemOverviewCollector::Options options, QObject* parent = nullptr);
    explicit SystemSampler(std::unique_ptr<SystemSource> source, QObject* parent = nullptr);
    ~SystemSampler() override;

signals:
    void overviewReady(SystemOverviewPtr overview);

protected:
    void sample() override;

private:
    std::unique_ptr<SystemSource> m_source; // reads nothing before the first sample
    std::uint64_t m_lastProcessSequence = 0; // of the process snapshot used last
};

} // namespace pg
