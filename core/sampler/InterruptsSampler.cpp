// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/InterruptsSampler.h"

#include "core/sampler/LocalInterruptsSource.h"

#include <ctime>

namespace pg {

namespace {

double threadCpuMs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

} // namespace

InterruptsSampler::InterruptsSampler(std::string procRoot, QObject* parent)
    : InterruptsSampler(std::move(procRoot), std::string(), parent)
{ }

InterruptsSampler::InterruptsSampler(std::string procRoot, std::string sysRoot, QObject* parent)
    : InterruptsSampler(
        std::make_unique<LocalInterruptsSource>(std::move(procRoot), std::move(sysRoot)), parent)
{ }

InterruptsSampler::InterruptsSampler(std::unique_ptr<InterruptsSource> source, QObject* parent)
    : Sampler(parent)
    , m_source(std::move(source))
{ }

InterruptsSampler::~InterruptsSampler() = default;

void InterruptsSampler::sample()
{
    const double cpuBefore = threadCpuMs();
    auto snap = std::make_shared<InterruptsSnapshot>(m_source->sample());
    snap->samplerCpuMs = threadCpuMs() - cpuBefore;
    emit snapshotReady(std::move(snap));
}

} // namespace pg
