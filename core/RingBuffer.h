#pragma once

// A fixed-capacity ring buffer for chart history: pushing past the capacity drops the oldest
// value, so history never grows without bound.

#include <cstddef>
#include <vector>

namespace pg {

template <typename T> class RingBuffer final
{
public:
    explicit RingBuffer(std::size_t capacity = 600)
        : m_data(capacity ? capacity : 1)
    { }

    void push(const T& value)
    {
        m_data[(m_start + m_size) % m_data.size()] = value;
        if (m_size < m_data.size())
            ++m_size;
        else
            m_start = (m_start + 1) % m_data.size();
    }
    void clear()
    {
        m_start = 0;
        m_size = 0;
    }
    // Changes the capacity, keeping the newest values.
    void setCapacity(std::size_t capacity)
    {
        std::vector<T> values;
        const std::size_t keep = capacity < m_size ? capacity : m_size;
        for (std::size_t i = m_size - keep; i < m_size; ++i)
            values.push_back((*this)[i]);
        m_data.assign(capacity ? capacity : 1, T {});
        m_start = 0;
        m_size = 0;
        for (const T& v : values)
            push(v);
    }

    std::size_t size() const { return m_size; }
    std::size_t capacity() const { return m_data.size(); }
    bool empty() const { return m_size == 0; }
    // 0 is the oldest value, size() - 1 the newest.
    const T& operator[](std::size_t i) const { return m_data[(m_start + i) % m_data.size()]; }
    const T& newest() const { return (*this)[m_size - 1]; }

private:
    std::vector<T> m_data;
    std::size_t m_start = 0;
    std::size_t m_size = 0;
};

} // namespace pg
