// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/MemoryMapSampler.h"

#include "core/memory/MemoryMapReader.h"

namespace pg {

MemoryMapSampler::MemoryMapSampler(const QString& procRoot, QObject* parent)
    : Sampler(parent)
    , m_procRoot(procRoot.toStdString())
{
    setIntervalMs(kDefaultIntervalMs);
    // Inactive until its page is shown: smaps costs the target its mmap lock.
    setActive(false);
}

MemoryMapSampler::~MemoryMapSampler() = default;

void MemoryMapSampler::setTarget(int pid, qulonglong startTimeTicks)
{
    m_target = ProcessKey { pid, startTimeTicks };
    m_targetExited = false;
    sampleNow();
}

void MemoryMapSampler::sample()
{
    auto snap = std::make_shared<MemoryMapSnapshot>(readMemoryMapSnapshot(m_procRoot, m_target));
    snap->sequence = ++m_sequence;
    // Pin the identity: if the pid is reused later, that is another process, not this one.
    m_target.startTimeTicks = snap->key.startTimeTicks;
    // Nothing to re-read once the process is gone (hasWork() turns false).
    m_targetExited = snap->exited;
    emit mapsReady(std::move(snap));
}

} // namespace pg
