#include "core/interrupts/InterruptsCollector.h"

#include "core/base/ProcFs.h"

#include <cstdint>
#include <utility>

namespace pg {

namespace {

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

} // namespace pg
