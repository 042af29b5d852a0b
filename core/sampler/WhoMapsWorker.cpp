// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/WhoMapsWorker.h"

#include "core/process/ProcessDetails.h"

#include <QElapsedTimer>

namespace pg {

WhoMapsWorker::WhoMapsWorker(
    std::string procRoot, std::string device, std::uint64_t inode, QObject* parent)
    : QObject(parent)
    , m_procRoot(std::move(procRoot))
    , m_device(std::move(device))
    , m_inode(inode)
{ }

WhoMapsWorker::~WhoMapsWorker() = default;

void WhoMapsWorker::cancel()
{
    m_stop.store(true, std::memory_order_relaxed);
}

void WhoMapsWorker::run()
{
    QElapsedTimer timer;
    timer.start();
    qint64 lastProgressMs = -kProgressIntervalMs; // the first process is reported at once
    const FileMappersProgress onProgress
        = [&](FileMappersPass pass, std::size_t done, std::size_t total) {
              // The walk says (0, total) once it has listed the pids: nothing read yet.
              if (done == 0)
                  return;
              const qint64 now = timer.elapsed();
              if (done != total && now - lastProgressMs < kProgressIntervalMs)
                  return;
              lastProgressMs = now;
              emit progress(static_cast<int>(pass), done, total);
          };
    auto result = std::make_shared<WhoMapsResult>();
    result->procRoot = m_procRoot;
    result->device = m_device;
    result->inode = m_inode;
    result->mappers = readFileMappers(m_procRoot, m_device, m_inode, &m_stop, onProgress);
    result->users.reserve(result->mappers.processes.size());
    for (const FileMapper& p : result->mappers.processes)
        result->users.push_back(userNameOf(p.uid));
    result->seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    emit finished(std::move(result));
}

} // namespace pg
