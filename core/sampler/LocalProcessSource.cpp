// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/LocalProcessSource.h"

namespace pg {

LocalProcessSource::LocalProcessSource(ProcessCollector::Options options)
    : m_options(std::move(options))
{ }

LocalProcessSource::~LocalProcessSource() = default;

std::shared_ptr<const ProcessSnapshot> LocalProcessSource::refresh()
{
    if (!m_collector)
        m_collector = std::make_unique<ProcessCollector>(m_options); // in the sampler thread
    return m_collector->refresh();
}

void LocalProcessSource::setReadIo(bool on)
{
    m_options.readIo = on;
    if (m_collector)
        m_collector->setReadIo(on);
}

void LocalProcessSource::rereadInFull(int pid)
{
    if (m_collector)
        m_collector->rereadInFull(pid);
}

} // namespace pg
