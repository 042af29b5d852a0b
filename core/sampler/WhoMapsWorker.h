// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// "Who else maps this file?" as a worker object: run() reads every process's maps, then the
// candidates' smaps (readFileMappers, core/memory/MappingCensus.h), which takes seconds on a busy
// machine, so it runs in a thread of its own (a SamplerThread named procglass-whomaps that the
// dialog starts when it opens and stops when it closes), never in the shared sampler thread, whose
// samples it would hold up. It reports progress while it reads and delivers one immutable
// WhoMapsResult; cancel() stops it after the process it is reading, and the result then says it
// is partial. It keeps nothing once it has answered: the next search is another worker.

#include "core/metatypes/SnapshotTypes.h"

#include <QObject>
#include <atomic>
#include <cstdint>
#include <string>

namespace pg {

class WhoMapsWorker final : public QObject
{
    Q_OBJECT
public:
    WhoMapsWorker(
        std::string procRoot, std::string device, std::uint64_t inode, QObject* parent = nullptr);
    ~WhoMapsWorker() override;

    // Progress signals are at least this far apart (the last of each pass always comes).
    static constexpr int kProgressIntervalMs = 100;

    // Thread-safe (an atomic flag): call it from the GUI thread while run() reads. A search not
    // yet started stops before its first process.
    void cancel();

public slots:
    // The search, on the worker's thread: progress() along the way, then finished() once.
    void run();

signals:
    // `pass` is a FileMappersPass: 0 every process's maps, 1 the candidates' smaps.
    void progress(int pass, qulonglong done, qulonglong total);
    void finished(WhoMapsResultPtr result);

private:
    const std::string m_procRoot;
    const std::string m_device;
    const std::uint64_t m_inode;
    std::atomic<bool> m_stop { false };
};

} // namespace pg
