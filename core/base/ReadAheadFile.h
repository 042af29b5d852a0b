// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A file too large to hold whole (the smaps of a process with 30,000 mappings is 20 MiB), handed
// to the caller in chunks of `chunkBytes` (the last one shorter), in order, while a thread of its
// own reads the next chunks. For /proc/PID/smaps the kernel generates the text inside read():
// that is most of `cat`'s time, and the caller parses, encodes and writes the previous chunks
// meanwhile. At most `depth` chunks are in memory, so it stays depth * chunkBytes: one block,
// mapped with huge pages where the kernel offers them (a page fault costs about 20 us in the
// virtual machine the benchmarks ran on; 256 of them were 5 ms of a 60 ms read).
//
// The errors are readWholeFile()'s for the same file: open() those of openRegularFile() (before a
// byte is read, on the caller's thread), consume() a read error or TooLarge (`maxBytes` counts
// every chunk) after every chunk read before it was consumed.

#include "core/base/ProcFs.h"
#include "core/base/Result.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace pg {

class ReadAheadFile final
{
public:
    ReadAheadFile(std::size_t chunkBytes, std::size_t maxBytes, std::size_t depth = 4);
    // Stops the reading thread (after the read() it is in) and waits for it.
    ~ReadAheadFile();
    ReadAheadFile(const ReadAheadFile&) = delete;
    ReadAheadFile& operator=(const ReadAheadFile&) = delete;

    Error open(const std::string& path);
    // Reads the file opened to its end: `consume` gets each chunk on this thread. Once.
    Error consume(const std::function<void(std::string_view)>& consume);

private:
    struct Filled
    {
        std::size_t buffer;
        std::size_t bytes;
    };
    void readAll();
    void stop();

    std::size_t m_chunkBytes;
    std::size_t m_maxBytes;
    std::size_t m_depth;
    UniqueFd m_fd;
    char* m_block = nullptr; // the `depth` buffers, one after another
    std::size_t m_blockBytes = 0;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::size_t> m_free; // buffers the reader may fill
    std::deque<Filled> m_filled; // in file order
    bool m_ended = false; // the reader is done: end of file or m_error
    bool m_stop = false; // the consumer is gone
    Error m_error = Error::None;
    std::thread m_reader;
};

} // namespace pg
