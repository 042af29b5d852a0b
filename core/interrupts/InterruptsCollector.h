#pragma once

// Reads <procRoot>/interrupts, <procRoot>/softirqs and <procRoot>/irq/N/*affinity_list, parses and
// diffs them into one InterruptsSnapshot per call. No Qt, so the benchmark and tests drive it
// directly; the InterruptsSampler runs it on the sampler thread's cadence.

#include "core/interrupts/InterruptsSnapshot.h"

#include <string>
#include <unordered_map>

namespace pg {

class InterruptsCollector final
{
public:
    explicit InterruptsCollector(std::string procRoot);
    // `timeSec` is the monotonic time of this read (the caller's clock, so tests can script it).
    InterruptsSnapshot sample(double timeSec);

private:
    std::string m_root;
    IrqRates m_irqRates;
    IrqRates m_softirqRates;
    std::unordered_map<int, IrqAffinity> m_affinity;
    std::uint64_t m_sequence = 0;
    std::string m_buffer;
};

} // namespace pg
