// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Interrupt rates from two successive reads of /proc/interrupts or /proc/softirqs: per row and per
// CPU, counter deltas divided by the real elapsed time. Robust to what the kernel does between two
// reads: a counter that goes backwards (CPU hot-unplug and replug, an IRQ freed and reallocated),
// a row or a CPU column that appears or vanishes. None of these produces a spike: a cell without a
// trustworthy previous value contributes nothing for that tick and is flagged.

#include "core/base/RingBuffer.h"

#include <cstdint>
#include <map>
#include <optional>
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
    double rate = 0; // NaN: no rate for that tick (first sight of the row, row absent)
};

inline constexpr double kDefaultHistorySeconds = 600; // 10 minutes

// Samples needed to cover `seconds` at one sample every `intervalMs`.
std::size_t historyCapacityFor(double seconds, int intervalMs);

// One row's, CPU's or the total's rates, aligned with the history's shared timeline: value i was
// sampled at times[times.size() - values.size() + i] (a row that appeared later simply has fewer
// values). A view into the RateHistory: valid until its next append(), setCapacity() or clear().
class RateSeries final
{
public:
    RateSeries(const RingBuffer<double>& times, const RingBuffer<float>& values)
        : m_times(&times)
        , m_values(&values)
    { }

    std::size_t size() const { return m_values->size(); }
    bool empty() const { return m_values->empty(); }
    double timeSec(std::size_t i) const { return (*m_times)[m_times->size() - size() + i]; }
    double rate(std::size_t i) const { return static_cast<double>((*m_values)[i]); }
    RatePoint operator[](std::size_t i) const { return { timeSec(i), rate(i) }; }
    RatePoint newest() const { return (*this)[size() - 1]; }
    // Absolute index of value i, stable while the ring wraps: decimation buckets by it so that a
    // sample stays in the same drawn point from one redraw to the next.
    std::uint64_t absoluteIndex(std::size_t i) const
    {
        return m_values->pushedCount() - size() + i;
    }

private:
    const RingBuffer<double>* m_times;
    const RingBuffer<float>* m_values;
};

// Bounded history of rates for charts: one timeline (the tick times, as double) shared by a float
// ring per row key, per CPU and for the total. Every known row gets one value per tick, NaN when
// it had no rate (first sight) or was absent, so the rings stay aligned with the timeline. A row or
// CPU that stops appearing is dropped once its last value has scrolled out (capacity ticks later).
// Rings grow with the samples they get, up to the capacity: at most
// capacity * (8 + 4 * (rows + CPUs + 1)) bytes.
class RateHistory final
{
public:
    explicit RateHistory(std::size_t capacity = 600);
    void setCapacity(std::size_t capacity);
    std::size_t capacity() const { return m_capacity; }
    void append(const IrqRateSample& sample);
    void clear();

    std::optional<RateSeries> row(std::string_view key) const;
    std::optional<RateSeries> cpu(int cpuId) const;
    RateSeries total() const { return { m_times, m_total }; }
    std::vector<int> cpuIds() const;
    std::size_t rowCount() const { return m_rows.size(); }
    // Changes at every clear(): a chart fed from this history starts again when it changes.
    std::uint64_t generation() const { return m_generation; }
    // Bytes held by all rings: what the memory budget counts.
    std::size_t allocatedBytes() const;

private:
    struct Series
    {
        RingBuffer<float> values;
        std::uint64_t lastSeen = 0;
    };
    std::size_t m_capacity;
    std::uint64_t m_count = 0;
    std::uint64_t m_generation = 0;
    RingBuffer<double> m_times;
    std::map<std::string, Series, std::less<>> m_rows;
    std::map<int, Series> m_cpus;
    RingBuffer<float> m_total;
};

} // namespace pg
