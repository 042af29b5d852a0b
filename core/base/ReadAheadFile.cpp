// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/ReadAheadFile.h"

#include <algorithm>
#include <cerrno>
#include <new>
#include <sys/mman.h>
#include <unistd.h>

namespace pg {

ReadAheadFile::ReadAheadFile(std::size_t chunkBytes, std::size_t maxBytes, std::size_t depth)
    : m_chunkBytes(std::max<std::size_t>(chunkBytes, 1))
    , m_maxBytes(maxBytes)
    , m_depth(std::max<std::size_t>(depth, 1))
{
    // Whole 2 MiB units, so that the block can be one huge page (transparent_hugepage "madvise").
    constexpr std::size_t kHuge = 2u * 1024u * 1024u;
    m_blockBytes = (m_chunkBytes * m_depth + kHuge - 1) / kHuge * kHuge;
    void* block
        = ::mmap(nullptr, m_blockBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (block == MAP_FAILED)
        throw std::bad_alloc();
    (void)::madvise(block, m_blockBytes, MADV_HUGEPAGE);
    m_block = static_cast<char*>(block);
    for (std::size_t i = m_depth; i-- > 0;)
        m_free.push_back(i);
}

ReadAheadFile::~ReadAheadFile()
{
    stop();
    ::munmap(m_block, m_blockBytes);
}

void ReadAheadFile::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    if (m_reader.joinable())
        m_reader.join();
}

Error ReadAheadFile::open(const std::string& path)
{
    auto fd = openRegularFile(-1, path.c_str());
    if (!fd)
        return fd.error();
    m_fd = std::move(fd).value();
    return Error::None;
}

// The reading thread: fills free buffers in file order until the end, an error or stop(). A
// /proc file gives at most a page or so per read() (seq_file), so each buffer takes many reads
// before it is handed over: one hand-over per chunk, not per read().
void ReadAheadFile::readAll()
{
    std::size_t total = 0;
    for (;;) {
        std::size_t buffer = 0;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stop || !m_free.empty(); });
            if (m_stop)
                return;
            buffer = m_free.back();
            m_free.pop_back();
        }
        char* data = m_block + buffer * m_chunkBytes;
        Error error = Error::None;
        bool end = false;
        std::size_t filled = 0;
        while (filled < m_chunkBytes) {
            // readWholeFile's rule: a file of maxBytes or more is too large.
            if (total >= m_maxBytes) {
                error = Error::TooLarge;
                break;
            }
            const ssize_t n = ::read(m_fd.get(), data + filled, m_chunkBytes - filled);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                error = errorFromErrno(errno);
                break;
            }
            if (n == 0) {
                end = true;
                break;
            }
            filled += static_cast<std::size_t>(n);
            total += static_cast<std::size_t>(n);
        }
        const bool last = end || error != Error::None;
        {
            const std::lock_guard lock(m_mutex);
            if (filled > 0)
                m_filled.push_back({ buffer, filled });
            else
                m_free.push_back(buffer);
            if (last) {
                m_error = error;
                m_ended = true;
            }
        }
        m_changed.notify_all();
        if (last)
            return;
    }
}

Error ReadAheadFile::consume(const std::function<void(std::string_view)>& consume)
{
    if (!m_fd.valid() || m_reader.joinable())
        return Error::IoError; // not opened, or consumed already
    m_reader = std::thread([this] { readAll(); });
    for (;;) {
        Filled next {};
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_ended || !m_filled.empty(); });
            if (m_filled.empty())
                break; // ended, and every chunk consumed
            next = m_filled.front();
            m_filled.pop_front();
        }
        consume(std::string_view(m_block + next.buffer * m_chunkBytes, next.bytes));
        {
            const std::lock_guard lock(m_mutex);
            m_free.push_back(next.buffer);
        }
        m_changed.notify_all();
    }
    m_reader.join();
    m_fd.reset();
    return m_error;
}

} // namespace pg
