// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/ProcessSampler.h"

namespace pg {

ProcessSampler::ProcessSampler(ProcessCollector::Options options, QObject* parent)
    : Sampler(parent)
    , m_options(std::move(options))
{
    setIntervalMs(kDefaultIntervalMs);
}

ProcessSampler::~ProcessSampler() = default;

void ProcessSampler::setReadIo(bool on)
{
    m_options.readIo = on;
    if (m_collector)
        m_collector->setReadIo(on);
}

void ProcessSampler::sample()
{
    if (!m_collector)
        m_collector = std::make_unique<ProcessCollector>(m_options); // in the sampler thread
    m_latest = std::make_shared<const ProcessSnapshot>(m_collector->sample());
    emit snapshotReady(m_latest);
}

void ProcessSampler::rereadInFull(int pid)
{
    if (m_collector)
        m_collector->rereadInFull(pid);
}

} // namespace pg
