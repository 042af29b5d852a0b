// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one worker thread that every sampler object lives in (Qt's worker-object pattern). Owns the
// QThread; workers handed to adopt() are moved into it and deleted there when the thread stops.
// A one-off search that would hold up the samplers for seconds (WhoMapsWorker) gets a thread of
// its own, named for it, for as long as its dialog is open.

#include <QObject>
#include <QThread>
#include <chrono>

namespace pg {

class SamplerThread final : public QObject
{
    Q_OBJECT
public:
    explicit SamplerThread(QObject* parent = nullptr);
    // `name` is the thread's name in ps, top and a debugger (at most 15 bytes are shown).
    explicit SamplerThread(const QString& name, QObject* parent = nullptr);
    ~SamplerThread() override; // stops and joins the thread

    // Moves `worker` (which must have no parent) into the thread; it is deleted when the thread
    // finishes. Call before start() or after: queued calls reach it either way.
    void adopt(QObject* worker);
    void start();
    void stop(); // waits as long as the thread takes
    // Asks the thread to finish and waits at most `limit`. False when it is still running: a
    // worker is stuck in a read the kernel does not finish (a hung FUSE or NFS file). The caller
    // must then leave without destroying this object (see app/main.cpp).
    bool stopWithin(std::chrono::milliseconds limit);
    QThread* thread() { return &m_thread; }

private:
    QThread m_thread;
};

} // namespace pg
