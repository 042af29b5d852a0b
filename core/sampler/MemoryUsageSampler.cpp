// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/MemoryUsageSampler.h"

#include "core/memory/MemoryUsageSnapshot.h"

#include <QMetaObject>
#include <chrono>

namespace pg {

MemoryUsageSampler::MemoryUsageSampler(const QString& procRoot, QObject* parent)
    : Sampler(parent)
    , m_procRoot(procRoot.toStdString())
{
    setIntervalMs(kMinIntervalMs);
    // Inactive until its page is shown: smaps_rollup costs every process its mmap lock.
    setActive(false);
}

MemoryUsageSampler::~MemoryUsageSampler()
{
    m_stop = true;
    if (m_worker.joinable())
        m_worker.join();
}

void MemoryUsageSampler::requestStop()
{
    m_stop = true;
}

void MemoryUsageSampler::sample()
{
    if (m_reading) {
        m_again = true;
        return;
    }
    if (m_worker.joinable())
        m_worker.join(); // finished: readFinished() is queued behind this call
    m_again = false;
    m_stop = false;
    m_reading = true;
    const std::uint64_t sequence = ++m_sequence;
    const bool withMappings = m_withMappings;
    m_worker = std::thread([this, sequence, withMappings] {
        using Clock = std::chrono::steady_clock;
        Clock::time_point last {};
        auto onProgress = [this, &last](std::size_t done, std::size_t total) {
            // Throttled: a signal per process would flood the GUI's event queue.
            const auto now = Clock::now();
            if (done != 0 && done != total
                && now - last < std::chrono::milliseconds(kProgressEveryMs))
                return;
            last = now;
            emit progress(static_cast<int>(done), static_cast<int>(total));
        };
        auto snap = std::make_shared<MemoryUsageSnapshot>(
            readMemoryUsage(m_procRoot, &m_stop, onProgress, withMappings));
        snap->sequence = sequence;
        emit usageReady(std::move(snap));
        m_reading = false;
        QMetaObject::invokeMethod(this, &MemoryUsageSampler::readFinished, Qt::QueuedConnection);
    });
}

void MemoryUsageSampler::readFinished()
{
    if (m_worker.joinable() && !m_reading)
        m_worker.join();
    if (m_again) {
        m_again = false;
        sampleNow();
    }
}

} // namespace pg
