#include "SamplerThread.h"

namespace pg {

SamplerThread::SamplerThread(QObject* parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("procglass-sampler"));
}

SamplerThread::~SamplerThread()
{
    stop();
}

void SamplerThread::adopt(QObject* worker)
{
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
}

void SamplerThread::start()
{
    if (!m_thread.isRunning())
        m_thread.start();
}

void SamplerThread::stop()
{
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    }
}

} // namespace pg
