// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/interrupts/IrqRates.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pg {

namespace {

// A tick without a rate for that row or CPU: drawn as nothing, never as 0.
constexpr float kUnknown = std::numeric_limits<float>::quiet_NaN();

} // namespace

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
    , m_times(m_capacity)
    , m_total(m_capacity)
{ }

void RateHistory::setCapacity(std::size_t capacity)
{
    m_capacity = capacity ? capacity : 1;
    // Every ring keeps its newest values, so they stay aligned with the timeline's newest.
    m_times.setCapacity(m_capacity);
    for (auto& [key, s] : m_rows)
        s.values.setCapacity(m_capacity);
    for (auto& [cpu, s] : m_cpus)
        s.values.setCapacity(m_capacity);
    m_total.setCapacity(m_capacity);
}

void RateHistory::append(const IrqRateSample& sample)
{
    // The first sample has no rates: no point is better than a false zero.
    if (!sample.hasRates)
        return;
    ++m_count;
    m_times.push(sample.timeSec);
    for (const RateRow& r : sample.rows) {
        auto it = m_rows.find(r.key);
        if (it == m_rows.end())
            it = m_rows.emplace(r.key, Series { RingBuffer<float>(m_capacity), 0 }).first;
        else if (it->second.lastSeen == m_count)
            continue; // a key twice in one read (never in a sane file): keep the rings aligned
        it->second.values.push(r.fresh ? kUnknown : static_cast<float>(r.rate));
        it->second.lastSeen = m_count;
    }
    for (std::size_t i = 0; i < sample.cpuIds.size(); ++i) {
        auto it = m_cpus.find(sample.cpuIds[i]);
        if (it == m_cpus.end())
            it = m_cpus.emplace(sample.cpuIds[i], Series { RingBuffer<float>(m_capacity), 0 })
                     .first;
        else if (it->second.lastSeen == m_count)
            continue;
        it->second.values.push(static_cast<float>(sample.cpuTotals[i]));
        it->second.lastSeen = m_count;
    }
    m_total.push(static_cast<float>(sample.total));
    // Rows and CPUs absent from this tick: a gap, then dropped once nothing but gaps is left.
    auto expire = [this](auto& series) {
        std::erase_if(series,
            [this](const auto& entry) { return m_count - entry.second.lastSeen >= m_capacity; });
        for (auto& [key, s] : series) {
            if (s.lastSeen != m_count)
                s.values.push(kUnknown);
        }
    };
    expire(m_rows);
    expire(m_cpus);
}

void RateHistory::clear()
{
    m_rows.clear();
    m_cpus.clear();
    m_times.clear();
    m_total.clear();
    m_count = 0;
    ++m_generation;
}

std::optional<RateSeries> RateHistory::row(std::string_view key) const
{
    const auto it = m_rows.find(key);
    if (it == m_rows.end())
        return std::nullopt;
    return RateSeries(m_times, it->second.values);
}

std::optional<RateSeries> RateHistory::cpu(int cpuId) const
{
    const auto it = m_cpus.find(cpuId);
    if (it == m_cpus.end())
        return std::nullopt;
    return RateSeries(m_times, it->second.values);
}

std::vector<int> RateHistory::cpuIds() const
{
    std::vector<int> out;
    out.reserve(m_cpus.size());
    for (const auto& [id, s] : m_cpus)
        out.push_back(id);
    return out;
}

std::size_t RateHistory::allocatedBytes() const
{
    std::size_t bytes = m_times.allocatedBytes() + m_total.allocatedBytes();
    for (const auto& [key, s] : m_rows)
        bytes += s.values.allocatedBytes();
    for (const auto& [id, s] : m_cpus)
        bytes += s.values.allocatedBytes();
    return bytes;
}

} // namespace pg
