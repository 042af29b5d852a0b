// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The memory-map sampler: a worker object in the shared sampler thread that reads smaps, statm and
// status of ONE process, on demand and every interval (2 s at first) while the memory-map page is
// visible. Generating smaps makes the kernel take the target's mmap lock, so nothing is read for a
// process nobody is looking at: no target, the page hidden (setActive(false)) or the target gone
// means no reads. Slots are called from the GUI thread through queued connections.

#include "core/metatypes/SnapshotTypes.h"
#include "core/sampler/Sampler.h"

#include <QString>
#include <memory>

namespace pg {

class MemoryMapSampler final : public Sampler
{
    Q_OBJECT
public:
    explicit MemoryMapSampler(const QString& procRoot, QObject* parent = nullptr);
    ~MemoryMapSampler() override;

    static constexpr int kDefaultIntervalMs = 2000;

public slots:
    // The process to show; startTimeTicks 0 takes whatever process has the pid now. Reads at once
    // when active. pid 0 clears the target.
    void setTarget(int pid, qulonglong startTimeTicks);

signals:
    void mapsReady(MemoryMapSnapshotPtr snapshot);

protected:
    void sample() override;
    bool hasWork() const override { return m_target.pid > 0 && !m_targetExited; }

private:
    std::string m_procRoot;
    ProcessKey m_target;
    bool m_targetExited = false;
    std::uint64_t m_sequence = 0;
};

} // namespace pg
