// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/SamplerThread.h"

#include <QDeadlineTimer>

namespace pg {

SamplerThread::SamplerThread(QObject* parent)
    : SamplerThread(QStringLiteral("procglass-sampler"), parent)
{ }

SamplerThread::SamplerThread(const QString& name, QObject* parent)
    : QObject(parent)
{
    m_thread.setObjectName(name);
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

bool SamplerThread::stopWithin(std::chrono::milliseconds limit)
{
    if (!m_thread.isRunning())
        return true;
    m_thread.quit();
    return m_thread.wait(QDeadlineTimer(limit.count()));
}

} // namespace pg
