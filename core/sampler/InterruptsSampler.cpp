// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/InterruptsSampler.h"

#include <ctime>

namespace pg {

namespace {

double threadCpuMs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double monotonicSec()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

} // namespace

InterruptsSampler::InterruptsSampler(std::string procRoot, QObject* parent)
    : Sampler(parent)
    , m_root(std::move(procRoot))
{ }

InterruptsSampler::InterruptsSampler(std::string procRoot, std::string sysRoot, QObject* parent)
    : Sampler(parent)
    , m_root(std::move(procRoot))
    , m_sysRoot(std::move(sysRoot))
{ }

InterruptsSampler::~InterruptsSampler() = default;

void InterruptsSampler::sample()
{
    if (!m_collector)
        m_collector = std::make_unique<InterruptsCollector>(m_root, m_sysRoot);
    const double cpuBefore = threadCpuMs();
    auto snap = std::make_shared<InterruptsSnapshot>(m_collector->sample(monotonicSec()));
    snap->samplerCpuMs = threadCpuMs() - cpuBefore;
    emit snapshotReady(std::move(snap));
}

} // namespace pg
