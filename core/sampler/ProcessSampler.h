// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The process sampler: a worker object that lives in the sampler thread, owns a ProcessCollector
// and publishes one immutable snapshot per tick. The leader the details and System samplers
// follow: they sample right after each process snapshot, from the same moment.

#include "core/process/ProcessCollector.h"
#include "core/sampler/Sampler.h"
#include "core/sampler/SnapshotTypes.h"

#include <memory>

namespace pg {

class ProcessSampler final : public Sampler
{
    Q_OBJECT
public:
    explicit ProcessSampler(ProcessCollector::Options options, QObject* parent = nullptr);
    ~ProcessSampler() override;

    static constexpr int kDefaultIntervalMs = 1000;

    // The snapshot published last (null before the first): what followers build on. Sampler
    // thread only.
    const ProcessSnapshotPtr& latest() const { return m_latest; }
    // The next snapshot reads this process's stat even if it has not run (an action of ours may
    // have changed its nice or state). Sampler thread only.
    void rereadInFull(int pid);
    // Whether /proc/PID/io is read (ProcessCollector::setReadIo). Sampler thread only.
    bool readsIo() const { return m_options.readIo; }

public slots:
    // The process table's I/O columns are shown (true) or all hidden (false): the collector reads
    // /proc/PID/io only in between. Takes effect from the next sample.
    void setReadIo(bool on);

signals:
    void snapshotReady(ProcessSnapshotPtr snapshot);

protected:
    void sample() override;

private:
    ProcessCollector::Options m_options;
    std::unique_ptr<ProcessCollector> m_collector; // created in the sampler thread
    ProcessSnapshotPtr m_latest;
};

} // namespace pg
