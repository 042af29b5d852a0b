// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The process sampler: a worker object that lives in the sampler thread, runs a ProcessSource (the
// local /proc's ProcessCollector, or a PCP host) and publishes one immutable snapshot per tick.
// The leader the details and System samplers follow: they sample right after each process
// snapshot, from the same moment.

#include "core/metatypes/SnapshotTypes.h"
#include "core/process/ProcessCollector.h"
#include "core/sampler/ProcessSource.h"
#include "core/sampler/Sampler.h"

#include <memory>

namespace pg {

class ProcessSampler final : public Sampler
{
    Q_OBJECT
public:
    // The local /proc (or a fake tree) at options.procRoot.
    explicit ProcessSampler(ProcessCollector::Options options, QObject* parent = nullptr);
    // Any source (a PCP host: PcpProcessSource); `readIo` as Options::readIo.
    ProcessSampler(std::unique_ptr<ProcessSource> source, bool readIo, QObject* parent = nullptr);
    ~ProcessSampler() override;

    static constexpr int kDefaultIntervalMs = 1000;

    // The snapshot published last (null before the first): what followers build on. Sampler
    // thread only.
    const ProcessSnapshotPtr& latest() const { return m_latest; }
    // The next snapshot reads this process's stat even if it has not run (an action of ours may
    // have changed its nice or state). Sampler thread only.
    void rereadInFull(int pid);
    // Whether /proc/PID/io (or proc.io.*) is read (ProcessCollector::setReadIo). Sampler thread
    // only.
    bool readsIo() const { return m_readIo; }

public slots:
    // The process table's I/O columns are shown (true) or all hidden (false): the collector reads
    // /proc/PID/io only in between. Takes effect from the next sample.
    void setReadIo(bool on);

signals:
    void snapshotReady(ProcessSnapshotPtr snapshot);

protected:
    void sample() override;

private:
    std::unique_ptr<ProcessSource> m_source; // reads nothing before the first sample
    bool m_readIo = false;
    ProcessSnapshotPtr m_latest;
};

} // namespace pg
