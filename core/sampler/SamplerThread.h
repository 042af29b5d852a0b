#pragma once

// The one worker thread that every sampler object lives in (Qt's worker-object pattern). Owns the
// QThread; workers handed to adopt() are moved into it and deleted there when the thread stops.

#include <QObject>
#include <QThread>

namespace pg {

class SamplerThread final : public QObject
{
    Q_OBJECT
public:
    explicit SamplerThread(QObject* parent = nullptr);
    ~SamplerThread() override; // stops and joins the thread

    // Moves `worker` (which must have no parent) into the thread; it is deleted when the thread
    // finishes. Call before start() or after: queued calls reach it either way.
    void adopt(QObject* worker);
    void start();
    void stop();
    QThread* thread() { return &m_thread; }

private:
    QThread m_thread;
};

} // namespace pg
