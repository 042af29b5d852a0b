// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampler/DetailsSampler.h"

#include "core/sampler/ProcessSampler.h"
#include "core/sampler/ProcessSelection.h"

#include <cmath>
#include <ctime>

namespace pg {

namespace {

std::int64_t monotonicNs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

} // namespace

DetailsSampler::DetailsSampler(std::string procRoot, QObject* parent)
    : Sampler(parent)
    , m_procRoot(std::move(procRoot))
{ }

void DetailsSampler::setProcess(int pid, quint64 startTimeTicks)
{
    if (!selectProcess(m_key, pid, startTimeTicks))
        return;
    m_prevThreads.clear();
    m_prevReadNs = 0;
    sampleNow();
}

void DetailsSampler::sample()
{
    auto sample = std::make_shared<DetailsSample>();
    sample->sequence = ++m_sequence;
    sample->key = *m_key;
    sample->details = readProcessDetails(m_procRoot, m_key->pid);
    const ProcessDetails& d = sample->details;
    sample->reused = d.stat && d.stat->startTimeTicks != m_key->startTimeTicks;

    const std::int64_t now = monotonicNs();
    const double dt = m_prevReadNs > 0 ? static_cast<double>(now - m_prevReadNs) / 1e9 : 0.0;
    sample->elapsedSinceLastSeconds = dt;
    m_prevReadNs = now;
    std::unordered_map<int, ThreadPrev> current;
    if (d.threads && !sample->reused) {
        sample->threadCpuPercent.reserve(d.threads->size());
        for (const ThreadSample& t : *d.threads) {
            double percent = std::nan("");
            auto it = m_prevThreads.find(t.tid);
            // A thread id reused within the process is a new thread: compare start times too.
            if (dt > 0 && it != m_prevThreads.end() && it->second.startTimeTicks == t.startTimeTicks
                && t.cpuTimeTicks() >= it->second.ticks) {
                const double seconds = static_cast<double>(t.cpuTimeTicks() - it->second.ticks)
                    / static_cast<double>(d.ticksPerSecond);
                percent = 100.0 * seconds / dt;
            }
            sample->threadCpuPercent.push_back(percent);
            current.emplace(t.tid, ThreadPrev { t.cpuTimeTicks(), t.startTimeTicks });
        }
    }
    m_prevThreads = std::move(current);
    emit detailsReady(std::move(sample));
}

void DetailsSampler::perform(const ActionRequest& request)
{
    auto report = std::make_shared<ActionReport>();
    report->request = request;
    for (const ProcessKey& key : request.keys) {
        report->outcomes.push_back(request.kind == ActionRequest::Signal
                ? sendSignal(m_procRoot, key, request.value)
                : setNice(m_procRoot, key, request.value));
    }
    // The table shows the new nice or state at its next refresh, run or not.
    if (auto* processes = qobject_cast<ProcessSampler*>(leader())) {
        for (const ProcessKey& key : request.keys)
            processes->rereadInFull(key.pid);
    }
    emit actionFinished(std::move(report));
    sampleNow();
}

} // namespace pg
