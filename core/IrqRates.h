#pragma once

// Interrupt rates from two successive reads of /proc/interrupts or /proc/softirqs: per row and per
// CPU, counter deltas divided by the real elapsed time. Robust to what the kernel does between two
// reads: a counter that goes backwards (CPU hot-unplug and replug, an IRQ freed and reallocated),
// a row or a CPU column that appears or vanishes. None of these produces a spike: a cell without a
// trustworthy previous value contributes nothing for that tick and is flagged.

#include "RingBuffer.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pg {

// One counter row as the rate computer sees it; `counts` is aligned with the sample's cpuIds
// unless `perCpu` is false (ERR, MIS: one machine-wide count).
struct CounterView
{
    std::string_view key;
    const std::vector<std::uint64_t>* counts = nullptr;
    bool perCpu = true;
};

struct RateRow
{
    std::string key;
    double rate = 0; // interrupts/s over all CPUs
    std::vector<double> cpuRates; // aligned with IrqRateSample::cpuIds; empty when !perCpu
    bool fresh = false; // first sight of this row: no rate yet
    bool reset = false; // some counter went backwards: that delta was dropped
};

struct IrqRateSample
{
    double timeSec = 0;
    double elapsedSec = 0; // 0 on the first sample
    bool hasRates = false; // false on the first sample (and after clear())
    std::vector<int> cpuIds;
    std::vector<RateRow> rows; // same order as the input
    std::vector<double> cpuTotals; // per CPU, summed over all per-CPU rows
    double total = 0;
};

class IrqRates final
{
public:
    // `timeSec` is a monotonic clock reading taken when the file was read.
    IrqRateSample update(
        double timeSec, const std::vector<int>& cpuIds, const std::vector<CounterView>& rows);
    void clear();

    template <typename Row> static std::vector<CounterView> views(const std::vector<Row>& rows)
    {
        std::vector<CounterView> out;
        out.reserve(rows.size());
        for (const Row& r : rows)
            out.push_back({ r.name, &r.counts, r.counts.size() != 1 || !isSingle(r) });
        return out;
    }

private:
    template <typename Row> static bool isSingle(const Row& r)
    {
        if constexpr (requires { r.singleCount; })
            return r.singleCount;
        else
            return false;
    }

    struct Previous
    {
        std::vector<std::uint64_t> counts;
        std::uint64_t generation = 0;
    };
    bool m_havePrevious = false;
    double m_previousTime = 0;
    std::uint64_t m_generation = 0;
    std::vector<int> m_previousCpuIds;
    std::unordered_map<std::string, Previous> m_previous;
};

struct RatePoint
{
    double timeSec = 0;
    double rate = 0;
};

inline constexpr double kDefaultHistorySeconds = 600; // 10 minutes

// Samples needed to cover `seconds` at one sample every `intervalMs`.
std::size_t historyCapacityFor(double seconds, int intervalMs);

// Bounded history of rates for charts: one ring buffer per row key and per CPU. A row or CPU that
// stops appearing is dropped once its last point has scrolled out (capacity samples later).
class RateHistory final
{
public:
    explicit RateHistory(std::size_t capacity = 600);
    void setCapacity(std::size_t capacity);
    std::size_t capacity() const { return m_capacity; }
    void append(const IrqRateSample& sample);
    void clear();

    const RingBuffer<RatePoint>* row(std::string_view key) const;
    const RingBuffer<RatePoint>* cpu(int cpuId) const;
    const RingBuffer<RatePoint>& total() const { return m_total.points; }
    std::vector<int> cpuIds() const;
    std::size_t rowCount() const { return m_rows.size(); }

private:
    struct Series
    {
        RingBuffer<RatePoint> points;
        std::uint64_t lastSeen = 0;
    };
    std::size_t m_capacity;
    std::uint64_t m_count = 0;
    std::map<std::string, Series, std::less<>> m_rows;
    std::map<int, Series> m_cpus;
    Series m_total;
};

} // namespace pg
