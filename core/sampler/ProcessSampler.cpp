// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/ProcessSampler.h"

#include "core/sampler/LocalProcessSource.h"

namespace pg {

ProcessSampler::ProcessSampler(ProcessCollector::Options options, QObject* parent)
    : ProcessSampler(std::make_unique<LocalProcessSource>(options), options.readIo, parent)
{ }

ProcessSampler::ProcessSampler(std::unique_ptr<ProcessSource> source, bool readIo, QObject* parent)
    : Sampler(parent)
    , m_source(std::move(source))
    , m_readIo(readIo)
{
    m_source->setReadIo(readIo);
    setIntervalMs(kDefaultIntervalMs);
}

ProcessSampler::~ProcessSampler() = default;

void ProcessSampler::setReadIo(bool on)
{
    m_readIo = on;
    m_source->setReadIo(on);
}

void ProcessSampler::sample()
{
    m_latest = m_source->refresh();
    emit snapshotReady(m_latest);
}

void ProcessSampler::rereadInFull(int pid)
{
    m_source->rereadInFull(pid);
}

} // namespace pg
