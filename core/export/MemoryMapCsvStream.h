// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The memory table of `procglass export memory PID`, encoded one mapping at a time: the same
// bytes as csvEncode(memoryMapToCsv(pid, parseSmaps(text))), without holding the smaps text, a
// vector of SmapsMapping or a table of strings. Each mapping's row goes straight into one
// buffer; the header, which depends on every mapping, is put in front at the end.
//
// The columns after the fixed ones are the fields some mapping printed. A kernel prints the same
// fields for every mapping, so they are known after the first one; when a later mapping brings
// a new one (a fake tree, a kernel that prints a field only where it is non-zero), the rows
// already encoded are rewritten once with an empty cell in the new column.
//
// The buffer grows with mremap(2): growing it never copies and never holds the old and the new
// block at once, so the peak is the size of the CSV (about 8 MB for 30,000 mappings).
//
// With a CsvOutput (the export target's temporary file), the rows go there as they are encoded,
// about 256 KiB at a time, the header in front of the first ones (the columns known then): the
// buffer stays that small. A column that first appears after rows went out takes every byte back
// from the output, rewrites the rows as above and sends the whole again with the new header, so
// the bytes that reach the output are the same either way.

#include "core/base/ReadAheadFile.h"
#include "core/base/Result.h"
#include "core/export/CsvOutput.h"
#include "core/memory/Smaps.h"

#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

class MemoryMapCsvStream final
{
public:
    // `output` (may be null) outlives this object.
    explicit MemoryMapCsvStream(int pid, CsvOutput* output = nullptr);
    ~MemoryMapCsvStream();
    MemoryMapCsvStream(const MemoryMapCsvStream&) = delete;
    MemoryMapCsvStream& operator=(const MemoryMapCsvStream&) = delete;

    void add(const SmapsMapping& m);
    std::size_t rowCount() const { return m_tails.size(); }
    // The bytes not given to the output yet, CRLF after each row: without an output, the header
    // and every row; with one, the rows since the last append (and the header in front when none
    // was appended). Valid until the next add() or the end of this object.
    std::string_view finish();
    // With an output: it failed (the output says why); the rows since are dropped.
    bool outputFailed() const { return m_outputFailed; }

private:
    bool bringsColumns(const SmapsMapping& m) const;
    void widen(const SmapsMapping& m);
    void append(std::string_view bytes);
    void reserve(std::size_t bytes);
    std::size_t placeHeader();
    void drain();
    bool reload();

    std::string m_pidCell;
    std::array<bool, kSmapsFieldCount> m_isColumn {}; // fixed, or another known field printed
    std::vector<SmapsField> m_known; // the other known fields printed, in SmapsField order
    std::vector<std::string> m_extras; // unknown kB fields, in order of first appearance
    // Per row: offset of the ',' before its first kB cell, counted as if every row were still in
    // the buffer (the rows given to the output took m_dropped bytes before the ones there now).
    std::vector<std::size_t> m_tails;
    // Text cells that need quoting, as encoded (rare; a kernel's perms never do).
    std::string m_permsCell;
    std::string m_deviceCell;
    std::string m_pathCell;
    std::string m_displayPath; // a deleted file's path with " (deleted)" back on
    char* m_data = nullptr; // mmap'd; the first m_room bytes are kept for the header
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
    std::size_t m_room = 0;
    CsvOutput* m_output = nullptr;
    bool m_outputFailed = false;
    std::size_t m_dropped = 0; // bytes of rows given to the output
    std::size_t m_headerOut = 0; // bytes of the header given to the output, 0 before
};

// 256 KiB reads: few enough system calls, small enough to stay out of the peak.
inline constexpr std::size_t kSmapsChunkBytes = 256u * 1024u;
// The command line's limit on the smaps it reads (a process with millions of mappings).
inline constexpr std::size_t kSmapsExportMaxBytes = 1024u * 1024u * 1024u;

// Chunks read ahead of the parser (ReadAheadFile): 1 MiB.
inline constexpr std::size_t kSmapsReadAheadChunks = 4;

// Reads the smaps file at `path` a chunk at a time into `csv`, the reads on a thread of their own
// (ReadAheadFile) while this one parses and encodes. The errors are those of
// readWholeFile(path, kSmapsExportMaxBytes) and then parseSmaps() of the text, as if it had been
// read whole: a read error first, then Truncated for a text not ending in '\n', then the first bad
// line. `afterChunk` (may be empty) runs after each chunk is parsed (a test hook).
Error streamSmapsToCsv(const std::string& path, MemoryMapCsvStream& csv,
    std::size_t chunkBytes = kSmapsChunkBytes, const std::function<void()>& afterChunk = {});
// The same for a file already opened (`file.open(path)`, whose errors come first).
Error streamSmapsToCsv(
    ReadAheadFile& file, MemoryMapCsvStream& csv, const std::function<void()>& afterChunk = {});

} // namespace pg
