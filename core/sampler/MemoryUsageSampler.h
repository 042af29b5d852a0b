// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The memory-usage sampler: reads every process's smaps_rollup (readMemoryUsage) for the "Memory
// usage" page. Reading smaps_rollup takes each process's mmap lock, and with thousands of
// processes the read takes a while: so it reads only while its page is shown (inactive until
// then), at a slow cadence (kMinIntervalMs at least), and on a worker thread of its own, so that
// the shared sampler thread (the process table's clock) never waits for it. A tick that comes
// while a read runs is kept for when it ends. requestStop() ends a running read between two
// processes; progress() says how far it has got.

#include "core/metatypes/SnapshotTypes.h"
#include "core/sampler/Sampler.h"

#include <QString>
#include <atomic>
#include <memory>
#include <thread>

namespace pg {

class MemoryUsageSampler final : public Sampler
{
    Q_OBJECT
public:
    explicit MemoryUsageSampler(const QString& procRoot, QObject* parent = nullptr);
    ~MemoryUsageSampler() override; // stops and joins a running read

    static constexpr int kMinIntervalMs = 5000;
    static constexpr int kProgressEveryMs = 100;

    // Ends a running read between two processes (its snapshot says `stopped`). Thread-safe: the
    // GUI calls it directly, so that it works even while the sampler thread is busy.
    void requestStop();
    // From the next read on: every process's whole smaps, with the rows by mapping (the page's By
    // mapping tab is shown), or only smaps_rollup. Thread-safe, like requestStop().
    void setReadsMappings(bool on) { m_withMappings = on; }
    bool readsMappings() const { return m_withMappings.load(); }
    bool isReading() const { return m_reading.load(); }

signals:
    void usageReady(MemoryUsageSnapshotPtr snapshot);
    // `done` of `total` processes read; (0, total) when a read starts. From the worker thread.
    void progress(int done, int total);

protected:
    void sample() override;

private:
    void readFinished(); // in the sampler thread, after the worker ends

    std::string m_procRoot;
    std::thread m_worker;
    std::atomic<bool> m_reading { false };
    std::atomic<bool> m_stop { false };
    std::atomic<bool> m_withMappings { false };
    bool m_again = false; // a tick or F5 came while reading
    std::uint64_t m_sequence = 0;
};

} // namespace pg
