// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/LocalInterruptsSource.h"

#include <ctime>

namespace pg {

namespace {

double monotonicSec()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

} // namespace

LocalInterruptsSource::LocalInterruptsSource(std::string procRoot, std::string sysRoot)
    : m_root(std::move(procRoot))
    , m_sysRoot(std::move(sysRoot))
{ }

LocalInterruptsSource::~LocalInterruptsSource() = default;

InterruptsSnapshot LocalInterruptsSource::sample()
{
    if (!m_collector)
        m_collector = std::make_unique<InterruptsCollector>(m_root, m_sysRoot);
    return m_collector->sample(monotonicSec());
}

} // namespace pg
