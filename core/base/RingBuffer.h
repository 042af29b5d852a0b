// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A bounded ring buffer for chart history: pushing past the capacity drops the oldest value, so
// history never grows without bound. Storage grows with the values actually pushed (a row that got
// 3 samples holds 3, not 2,400 preallocated slots) and never beyond the capacity: memory is at most
// capacity() * sizeof(T) plus the vector's header.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pg {

template <typename T> class RingBuffer final
{
public:
    explicit RingBuffer(std::size_t capacity = 600)
        : m_capacity(capacity ? capacity : 1)
    { }

    void push(const T& value)
    {
        ++m_pushed;
        if (m_data.size() < m_capacity) {
            // Still filling: m_start is 0, so appending keeps the order. Grow by doubling, but
            // never reserve past the capacity (plain push_back could round up to 2x).
            if (m_data.size() == m_data.capacity())
                m_data.reserve(std::min(m_capacity, std::max<std::size_t>(16, m_data.size() * 2)));
            m_data.push_back(value);
            return;
        }
        m_data[m_start] = value;
        m_start = (m_start + 1) % m_capacity;
    }
    void clear()
    {
        m_data.clear();
        m_data.shrink_to_fit();
        m_start = 0;
        m_pushed = 0;
    }
    // Changes the capacity, keeping the newest values (and pushedCount(): the absolute indexes of
    // the values kept do not change).
    void setCapacity(std::size_t capacity)
    {
        capacity = capacity ? capacity : 1;
        if (capacity == m_capacity)
            return;
        const std::size_t keep = std::min(capacity, size());
        std::vector<T> values;
        values.reserve(keep);
        for (std::size_t i = size() - keep; i < size(); ++i)
            values.push_back((*this)[i]);
        m_data = std::move(values);
        m_capacity = capacity;
        m_start = 0;
    }

    std::size_t size() const { return m_data.size(); }
    std::size_t capacity() const { return m_capacity; }
    // Bytes held by the storage: what memory budgets count.
    std::size_t allocatedBytes() const { return m_data.capacity() * sizeof(T); }
    bool empty() const { return m_data.empty(); }
    // Values pushed since construction or clear(): value i has the absolute index
    // pushedCount() - size() + i, which stays the same while the ring wraps.
    std::uint64_t pushedCount() const { return m_pushed; }
    // 0 is the oldest value, size() - 1 the newest.
    const T& operator[](std::size_t i) const
    {
        const std::size_t j = m_start + i;
        return m_data[j < m_data.size() ? j : j - m_data.size()];
    }
    const T& newest() const { return (*this)[size() - 1]; }

private:
    std::vector<T> m_data;
    std::size_t m_capacity;
    std::size_t m_start = 0; // index of the oldest value once the ring is full; 0 while filling
    std::uint64_t m_pushed = 0;
};

} // namespace pg
