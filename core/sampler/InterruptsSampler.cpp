#include "core/sampler/InterruptsSampler.h"

#include "core/base/ProcFs.h"

#include <algorithm>
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

// Affinity files change only when an administrator or irqbalance writes them: re-read each one
// every few ticks instead of 2 x 300 opens per second.
constexpr std::uint64_t kAffinityRefreshTicks = 5;

} // namespace

InterruptsCollector::InterruptsCollector(std::string procRoot)
    : m_root(std::move(procRoot))
{ }

InterruptsSnapshot InterruptsCollector::sample(double timeSec)
{
    InterruptsSnapshot snap;
    snap.sequence = ++m_sequence;
    if (Result<std::string> text = readWholeFile(m_root + "/interrupts")) {
        if (Result<Interrupts> parsed = parseInterrupts(*text)) {
            snap.interrupts = std::move(parsed).value();
            snap.irqRates = m_irqRates.update(
                timeSec, snap.interrupts.cpuIds, IrqRates::views(snap.interrupts.rows));
        } else {
            snap.interruptsError = parsed.error();
        }
    } else {
        snap.interruptsError = text.error();
    }
    if (snap.interruptsError != Error::None)
        m_irqRates.clear(); // the next good read starts fresh instead of diffing across the gap

    if (Result<std::string> text = readWholeFile(m_root + "/softirqs")) {
        if (Result<Softirqs> parsed = parseSoftirqs(*text)) {
            snap.softirqs = std::move(parsed).value();
            snap.softirqRates = m_softirqRates.update(
                timeSec, snap.softirqs.cpuIds, IrqRates::views(snap.softirqs.rows));
        } else {
            snap.softirqsError = parsed.error();
        }
    } else {
        snap.softirqsError = text.error();
    }
    if (snap.softirqsError != Error::None)
        m_softirqRates.clear();

    snap.affinity.resize(snap.interrupts.rows.size());
    std::unordered_map<int, IrqAffinity> seen;
    for (std::size_t i = 0; i < snap.interrupts.rows.size(); ++i) {
        const int irq = snap.interrupts.rows[i].irq;
        if (irq < 0)
            continue;
        const auto it = m_affinity.find(irq);
        const bool refresh = it == m_affinity.end()
            || (m_sequence + static_cast<std::uint64_t>(irq)) % kAffinityRefreshTicks == 0;
        IrqAffinity a = refresh ? readIrqAffinity(m_root, irq) : it->second;
        snap.affinity[i] = a;
        seen.emplace(irq, std::move(a));
    }
    m_affinity = std::move(seen); // forget freed IRQs
    return snap;
}

InterruptsSampler::InterruptsSampler(std::string procRoot, QObject* parent)
    : QObject(parent)
    , m_root(std::move(procRoot))
    , m_cadence(new SampleCadence([this] { tick(); }, this))
{
    registerMetaTypes();
}

InterruptsSampler::~InterruptsSampler() = default;

void InterruptsSampler::registerMetaTypes()
{
    qRegisterMetaType<InterruptsSnapshotPtr>("InterruptsSnapshotPtr");
    qRegisterMetaType<InterruptsSnapshotPtr>("std::shared_ptr<const pg::InterruptsSnapshot>");
}

void InterruptsSampler::start()
{
    if (!m_collector)
        m_collector = std::make_unique<InterruptsCollector>(m_root);
    m_cadence->start();
}

void InterruptsSampler::setIntervalMs(int ms)
{
    m_cadence->setIntervalMs(ms);
}

void InterruptsSampler::setPaused(bool paused)
{
    m_cadence->setPaused(paused);
}

void InterruptsSampler::refreshNow()
{
    m_cadence->runNow();
}

void InterruptsSampler::tick()
{
    if (!m_collector)
        return;
    const double cpuBefore = threadCpuMs();
    auto snap = std::make_shared<InterruptsSnapshot>(m_collector->sample(monotonicSec()));
    snap->samplerCpuMs = threadCpuMs() - cpuBefore;
    emit snapshotReady(std::move(snap));
}

} // namespace pg
