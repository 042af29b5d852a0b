#include "IrqRates.h"

#include <algorithm>
#include <cmath>

namespace pg {

IrqRateSample IrqRates::update(
    double timeSec, const std::vector<int>& cpuIds, const std::vector<CounterView>& rows)
{
    IrqRateSample out;
    out.timeSec = timeSec;
    out.cpuIds = cpuIds;
    out.cpuTotals.assign(cpuIds.size(), 0.0);
    const double elapsed = m_havePrevious ? timeSec - m_previousTime : 0.0;
    // A clock that did not advance gives no rate rather than a division by zero.
    out.hasRates = m_havePrevious && elapsed > 0;
    out.elapsedSec = out.hasRates ? elapsed : 0.0;

    // Where each current column was in the previous read: CPUs come and go with hotplug.
    std::vector<int> previousIndex(cpuIds.size(), -1);
    if (cpuIds == m_previousCpuIds) {
        for (std::size_t i = 0; i < cpuIds.size(); ++i)
            previousIndex[i] = static_cast<int>(i);
    } else {
        for (std::size_t i = 0; i < cpuIds.size(); ++i) {
            const auto it
                = std::lower_bound(m_previousCpuIds.begin(), m_previousCpuIds.end(), cpuIds[i]);
            if (it != m_previousCpuIds.end() && *it == cpuIds[i])
                previousIndex[i] = static_cast<int>(it - m_previousCpuIds.begin());
        }
    }

    ++m_generation;
    out.rows.reserve(rows.size());
    for (const CounterView& view : rows) {
        RateRow rr;
        rr.key = std::string(view.key);
        const std::vector<std::uint64_t>& counts = *view.counts;
        auto [it, inserted] = m_previous.try_emplace(rr.key);
        Previous& prev = it->second;
        // A key seen twice in one read (never in a sane file) must not be diffed against itself.
        const bool usable = !inserted && prev.generation == m_generation - 1 && out.hasRates;
        rr.fresh = !usable;
        if (view.perCpu)
            rr.cpuRates.assign(cpuIds.size(), 0.0);
        if (usable) {
            if (view.perCpu) {
                const std::size_t n = std::min(counts.size(), cpuIds.size());
                for (std::size_t i = 0; i < n; ++i) {
                    const int p = previousIndex[i];
                    if (p < 0 || static_cast<std::size_t>(p) >= prev.counts.size())
                        continue; // a CPU that just appeared: its count since boot is not a rate
                    const std::uint64_t before = prev.counts[static_cast<std::size_t>(p)];
                    if (counts[i] < before) {
                        rr.reset = true;
                        continue;
                    }
                    const double r = static_cast<double>(counts[i] - before) / elapsed;
                    rr.cpuRates[i] = r;
                    rr.rate += r;
                }
            } else if (!counts.empty() && !prev.counts.empty()) {
                if (counts[0] < prev.counts[0])
                    rr.reset = true;
                else
                    rr.rate = static_cast<double>(counts[0] - prev.counts[0]) / elapsed;
            }
        }
        // Store in the current column order; a perCpu row is re-mapped through previousIndex next
        // time, so it must hold the counts of m_previousCpuIds = cpuIds.
        prev.counts = counts;
        prev.generation = m_generation;
        for (std::size_t i = 0; i < rr.cpuRates.size(); ++i)
            out.cpuTotals[i] += rr.cpuRates[i];
        out.total += rr.rate;
        out.rows.push_back(std::move(rr));
    }
    // Rows that vanished: forget them, so a reallocated IRQ with the same number starts fresh.
    for (auto it = m_previous.begin(); it != m_previous.end();) {
        if (it->second.generation != m_generation)
            it = m_previous.erase(it);
        else
            ++it;
    }
    m_previousCpuIds = cpuIds;
    m_previousTime = timeSec;
    m_havePrevious = true;
    return out;
}

void IrqRates::clear()
{
    m_havePrevious = false;
    m_previous.clear();
    m_previousCpuIds.clear();
}

std::size_t historyCapacityFor(double seconds, int intervalMs)
{
    if (intervalMs <= 0 || !(seconds > 0))
        return 1;
    const double n = std::ceil(seconds * 1000.0 / intervalMs);
    return static_cast<std::size_t>(std::clamp(n, 1.0, 1e6)) + 1;
}

RateHistory::RateHistory(std::size_t capacity)
    : m_capacity(capacity ? capacity : 1)
    , m_total { RingBuffer<RatePoint>(m_capacity), 0 }
{ }

void RateHistory::setCapacity(std::size_t capacity)
{
    m_capacity = capacity ? capacity : 1;
    for (auto& [key, s] : m_rows)
        s.points.setCapacity(m_capacity);
    for (auto& [cpu, s] : m_cpus)
        s.points.setCapacity(m_capacity);
    m_total.points.setCapacity(m_capacity);
}

void RateHistory::append(const IrqRateSample& sample)
{
    // The first sample has no rates: no point is better than a false zero.
    if (!sample.hasRates)
        return;
    ++m_count;
    for (const RateRow& r : sample.rows) {
        auto it = m_rows.find(r.key);
        if (it == m_rows.end())
            it = m_rows.emplace(r.key, Series { RingBuffer<RatePoint>(m_capacity), 0 }).first;
        if (!r.fresh)
            it->second.points.push({ sample.timeSec, r.rate });
        it->second.lastSeen = m_count;
    }
    for (std::size_t i = 0; i < sample.cpuIds.size(); ++i) {
        auto it = m_cpus.find(sample.cpuIds[i]);
        if (it == m_cpus.end())
            it = m_cpus.emplace(sample.cpuIds[i], Series { RingBuffer<RatePoint>(m_capacity), 0 })
                     .first;
        it->second.points.push({ sample.timeSec, sample.cpuTotals[i] });
        it->second.lastSeen = m_count;
    }
    m_total.points.push({ sample.timeSec, sample.total });
    auto expired
        = [this](const auto& entry) { return m_count - entry.second.lastSeen >= m_capacity; };
    std::erase_if(m_rows, expired);
    std::erase_if(m_cpus, expired);
}

void RateHistory::clear()
{
    m_rows.clear();
    m_cpus.clear();
    m_total.points.clear();
    m_count = 0;
}

const RingBuffer<RatePoint>* RateHistory::row(std::string_view key) const
{
    const auto it = m_rows.find(key);
    return it == m_rows.end() ? nullptr : &it->second.points;
}

const RingBuffer<RatePoint>* RateHistory::cpu(int cpuId) const
{
    const auto it = m_cpus.find(cpuId);
    return it == m_cpus.end() ? nullptr : &it->second.points;
}

std::vector<int> RateHistory::cpuIds() const
{
    std::vector<int> out;
    out.reserve(m_cpus.size());
    for (const auto& [id, s] : m_cpus)
        out.push_back(id);
    return out;
}

} // namespace pg
