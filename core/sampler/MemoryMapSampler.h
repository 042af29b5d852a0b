#pragma once

// The memory-map sampler: a worker object in the shared sampler thread that reads smaps, statm and
// status of ONE process, on demand and every interval (2 s) while the memory-map page is visible.
// Generating smaps makes the kernel take the target's mmap lock, so nothing is read for a process
// nobody is looking at: no target, or the page hidden, means no reads. Slots are called from the
// GUI thread through queued connections; the next read is armed only after one finishes.

#include "core/memory/MemoryMapSnapshot.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <memory>

using MemoryMapSnapshotPtr = std::shared_ptr<const pg::MemoryMapSnapshot>;
Q_DECLARE_METATYPE(MemoryMapSnapshotPtr)

class QTimer;

namespace pg {

class MemoryMapSampler final : public QObject
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
    // Whether the map is on screen; reads (at once) only while it is.
    void setActive(bool active);
    void setPaused(bool paused);
    void setIntervalMs(int ms);
    void refreshNow(); // F5: reads now if there is a target and the map is on screen

signals:
    void mapsReady(MemoryMapSnapshotPtr snapshot);

private:
    void sample();
    void ensureTimer();

    std::string m_procRoot;
    ProcessKey m_target;
    QTimer* m_timer = nullptr; // created in the sampler thread
    int m_intervalMs = kDefaultIntervalMs;
    bool m_active = false;
    bool m_paused = false;
    bool m_targetExited = false;
    std::uint64_t m_sequence = 0;
};

} // namespace pg
