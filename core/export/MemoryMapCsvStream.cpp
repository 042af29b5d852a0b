// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/MemoryMapCsvStream.h"

#include "core/base/ProcFs.h"
#include "core/export/CsvWriter.h"
#include "core/export/MemoryMapCsv.h"
#include "core/memory/SmapsStreamParser.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>
#include <new>
#include <sys/mman.h>

namespace pg {

namespace {

// Room for the header in front of the rows: a header is about 600 bytes; a longer one (many
// unknown fields) moves the rows once, in finish().
constexpr std::size_t kHeaderRoom = 4096;
constexpr std::size_t kFirstBlock = 2u * 1024u * 1024u;
// With an output, rows go out once this many bytes wait: few write(2) calls, a small buffer.
constexpr std::size_t kDrainBytes = 256u * 1024u;

// The encoders below write straight into the row buffer, which has room for the longest row.
constexpr std::size_t kMaxDecimal = 20; // 18446744073709551615
constexpr std::size_t kMaxHex = 16;

char* putDecimal(char* out, std::uint64_t value)
{
    return std::to_chars(out, out + kMaxDecimal, value).ptr;
}

// As appendMemoryMapHex: lower-case hex, at least 8 digits.
char* putHex(char* out, std::uint64_t value)
{
    const int digits = value == 0 ? 1 : static_cast<int>((std::bit_width(value) + 3) / 4);
    for (int i = digits; i < 8; ++i)
        *out++ = '0';
    return std::to_chars(out, out + kMaxHex, value, 16).ptr;
}

char* put(char* out, std::string_view bytes)
{
    std::memcpy(out, bytes.data(), bytes.size());
    return out + bytes.size();
}

// The cell of a text field: the bytes themselves when they need no quoting (nearly always),
// otherwise csvField()'s encoding in `scratch`.
std::string_view textCell(std::string_view raw, std::string& scratch)
{
    if (csvFieldIsPlain(raw))
        return raw;
    scratch = csvField(raw);
    return scratch;
}

std::size_t pageRounded(std::size_t bytes)
{
    constexpr std::size_t kPage = 4096;
    return (bytes + kPage - 1) / kPage * kPage;
}

// A block of `bytes` zero pages that cost nothing until written. Huge pages where the kernel
// offers them (transparent_hugepage "madvise"): one fault per 2 MiB instead of 512, and a page
// fault is dear in a virtual machine (about 20 us each where the benchmark ran). mremap keeps
// the advice.
char* mapBlock(std::size_t bytes)
{
    void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        throw std::bad_alloc();
    (void)::madvise(p, bytes, MADV_HUGEPAGE);
    return static_cast<char*>(p);
}

} // namespace

MemoryMapCsvStream::MemoryMapCsvStream(int pid, CsvOutput* output)
    : m_output(output)
{
    csvAppendField(m_pidCell, std::to_string(pid));
    for (SmapsField f : memoryMapFixedFields())
        m_isColumn[static_cast<std::size_t>(f)] = true;
    m_room = kHeaderRoom;
    m_size = m_room;
    reserve(kFirstBlock);
}

MemoryMapCsvStream::~MemoryMapCsvStream()
{
    if (m_data)
        ::munmap(m_data, m_capacity);
}

void MemoryMapCsvStream::reserve(std::size_t bytes)
{
    if (bytes <= m_capacity)
        return;
    const std::size_t capacity = pageRounded(std::max(bytes, m_capacity * 2));
    if (!m_data) {
        m_data = mapBlock(capacity);
    } else {
        void* p = ::mremap(m_data, m_capacity, capacity, MREMAP_MAYMOVE);
        if (p == MAP_FAILED)
            throw std::bad_alloc();
        m_data = static_cast<char*>(p);
    }
    m_capacity = capacity;
}

void MemoryMapCsvStream::append(std::string_view bytes)
{
    reserve(m_size + bytes.size());
    std::memcpy(m_data + m_size, bytes.data(), bytes.size());
    m_size += bytes.size();
}

bool MemoryMapCsvStream::bringsColumns(const SmapsMapping& m) const
{
    for (std::size_t i = 0; i < kSmapsFieldCount; ++i) {
        if (!m_isColumn[i] && m.kib[i] != kAbsent)
            return true;
    }
    for (const auto& [name, value] : m.extraKib) {
        if (std::find(m_extras.begin(), m_extras.end(), name) == m_extras.end())
            return true;
    }
    return false;
}

// Adds the columns `m` brings and rewrites the rows so far with an empty cell in each. The kB
// cells of a row are plain numbers or empty (never quoted), so a row's cells after its recorded
// tail offset split at each ','.
void MemoryMapCsvStream::widen(const SmapsMapping& m)
{
    const std::vector<SmapsField> oldKnown = m_known;
    const std::size_t oldExtras = m_extras.size();
    for (std::size_t i = 0; i < kSmapsFieldCount; ++i)
        m_isColumn[i] = m_isColumn[i] || m.kib[i] != kAbsent;
    m_known.clear();
    std::array<bool, kSmapsFieldCount> fixed {};
    for (SmapsField f : memoryMapFixedFields())
        fixed[static_cast<std::size_t>(f)] = true;
    for (std::size_t i = 0; i < kSmapsFieldCount; ++i) {
        if (m_isColumn[i] && !fixed[i])
            m_known.push_back(static_cast<SmapsField>(i));
    }
    for (const auto& [name, value] : m.extraKib) {
        if (std::find(m_extras.begin(), m_extras.end(), name) == m_extras.end())
            m_extras.push_back(name);
    }
    if (m_tails.empty())
        return;
    // Every row is in the buffer (add() took them back from the output): m_tails are offsets in it.

    // For each new kB column, the old cell it comes from, or -1 for a new (empty) one.
    const std::size_t fixedCount = memoryMapFixedFields().size();
    std::vector<long> from;
    for (std::size_t i = 0; i < fixedCount; ++i)
        from.push_back(static_cast<long>(i));
    for (SmapsField f : m_known) {
        const auto it = std::find(oldKnown.begin(), oldKnown.end(), f);
        from.push_back(
            it == oldKnown.end() ? -1L : static_cast<long>(fixedCount + (it - oldKnown.begin())));
    }
    for (std::size_t e = 0; e < m_extras.size(); ++e)
        from.push_back(e < oldExtras ? static_cast<long>(fixedCount + oldKnown.size() + e) : -1L);
    const std::size_t added = from.size() - (fixedCount + oldKnown.size() + oldExtras);

    const std::size_t capacity = pageRounded(m_size + m_tails.size() * added + kFirstBlock);
    char* data = mapBlock(capacity);
    std::size_t size = m_room;
    std::size_t rowStart = m_room;
    std::vector<std::string_view> cells;
    for (std::size_t& tail : m_tails) {
        const std::size_t prefix = tail - rowStart;
        std::memcpy(data + size, m_data + rowStart, prefix);
        std::size_t at = tail;
        const std::size_t newTail = size + prefix;
        size = newTail;
        cells.clear();
        while (m_data[at] == ',') {
            const std::size_t cell = ++at;
            while (m_data[at] != ',' && m_data[at] != '\r')
                ++at;
            cells.emplace_back(m_data + cell, at - cell);
        }
        for (long k : from) {
            data[size++] = ',';
            if (k >= 0) {
                const std::string_view cell = cells[static_cast<std::size_t>(k)];
                std::memcpy(data + size, cell.data(), cell.size());
                size += cell.size();
            }
        }
        data[size++] = '\r';
        data[size++] = '\n';
        rowStart = at + 2;
        tail = newTail;
    }
    ::munmap(m_data, m_capacity);
    m_data = data;
    m_size = size;
    m_capacity = capacity;
}

// Every byte given to the output comes back into the buffer, the rows in front of those still
// there; the header it held is dropped (the next drain() or finish() puts the new one in front).
bool MemoryMapCsvStream::reload()
{
    std::string all;
    if (!m_output->takeBack(all) || all.size() < m_headerOut) {
        m_outputFailed = true;
        return false;
    }
    const std::size_t rows = all.size() - m_headerOut;
    const std::size_t pending = m_size - m_room;
    reserve(m_size + rows);
    std::memmove(m_data + m_room + rows, m_data + m_room, pending);
    std::memcpy(m_data + m_room, all.data() + m_headerOut, rows);
    m_size += rows;
    m_dropped = 0;
    m_headerOut = 0;
    return true;
}

void MemoryMapCsvStream::add(const SmapsMapping& m)
{
    if (m_outputFailed)
        return;
    if (bringsColumns(m)) {
        if (m_headerOut > 0 && !reload())
            return;
        widen(m);
    }
    const std::string_view perms = textCell(std::string_view(m.perms, 4), m_permsCell);
    const std::string_view device = textCell(m.device, m_deviceCell);
    std::string_view rawPath = m.path;
    if (m.deleted) {
        m_displayPath = m.displayPath();
        rawPath = m_displayPath;
    }
    const std::string_view path = textCell(rawPath, m_pathCell);
    const std::size_t cells = memoryMapFixedFields().size() + m_known.size() + m_extras.size();
    reserve(m_size + m_pidCell.size() + 3 * (kMaxHex + 1) + perms.size() + device.size()
        + path.size() + kMaxDecimal + 5 + cells * (kMaxDecimal + 1) + 2);
    char* const row = m_data + m_size;
    char* out = row;
    out = put(out, m_pidCell);
    *out++ = ',';
    out = putHex(out, m.start);
    *out++ = ',';
    out = putHex(out, m.end);
    *out++ = ',';
    out = put(out, perms);
    *out++ = ',';
    out = putHex(out, m.offset);
    *out++ = ',';
    out = put(out, device);
    *out++ = ',';
    out = putDecimal(out, m.inode);
    *out++ = ',';
    out = put(out, path);
    const std::size_t tail = m_dropped + static_cast<std::size_t>(out - m_data);
    for (SmapsField f : memoryMapFixedFields()) {
        *out++ = ',';
        if (m.has(f))
            out = putDecimal(out, m.get(f));
    }
    for (SmapsField f : m_known) {
        *out++ = ',';
        if (m.has(f))
            out = putDecimal(out, m.get(f));
    }
    for (const std::string& name : m_extras) {
        *out++ = ',';
        // As memoryMapToCsv: a name printed twice in one mapping shows its last value.
        const std::pair<std::string, std::uint64_t>* found = nullptr;
        for (const auto& extra : m.extraKib) {
            if (extra.first == name)
                found = &extra;
        }
        if (found)
            out = putDecimal(out, found->second);
    }
    *out++ = '\r';
    *out++ = '\n';
    m_size += static_cast<std::size_t>(out - row);
    m_tails.push_back(tail);
    if (m_output && m_size - m_room >= kDrainBytes)
        drain();
}

// The rows in the buffer go to the output, the header in front of the first ones.
void MemoryMapCsvStream::drain()
{
    const std::size_t rows = m_size - m_room;
    const bool first = m_headerOut == 0;
    const std::size_t start = first ? placeHeader() : m_room;
    if (!m_output->append(std::string_view(m_data + start, m_size - start))) {
        m_outputFailed = true;
        return;
    }
    if (first)
        m_headerOut = m_room - start;
    m_dropped += rows;
    m_size = m_room;
}

// Writes the header just before the first row in the buffer (moving the rows once when it is
// longer than the room kept for it); returns where it starts. Only while no row went out.
std::size_t MemoryMapCsvStream::placeHeader()
{
    std::string header;
    const std::vector<std::string> names = memoryMapHeader(m_known, m_extras);
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            header += ',';
        csvAppendField(header, names[i]);
    }
    header += "\r\n";
    if (header.size() > m_room) {
        const std::size_t shift = header.size() - m_room;
        reserve(m_size + shift);
        std::memmove(m_data + m_room + shift, m_data + m_room, m_size - m_room);
        m_room += shift;
        m_size += shift;
        for (std::size_t& tail : m_tails)
            tail += shift;
    }
    const std::size_t start = m_room - header.size();
    std::memcpy(m_data + start, header.data(), header.size());
    return start;
}

std::string_view MemoryMapCsvStream::finish()
{
    if (m_outputFailed)
        return {};
    const std::size_t start = m_headerOut == 0 ? placeHeader() : m_room;
    return std::string_view(m_data + start, m_size - start);
}

Error streamSmapsToCsv(const std::string& path, MemoryMapCsvStream& csv, std::size_t chunkBytes,
    const std::function<void()>& afterChunk)
{
    ReadAheadFile file(chunkBytes, kSmapsExportMaxBytes, kSmapsReadAheadChunks);
    if (const Error error = file.open(path); error != Error::None)
        return error;
    return streamSmapsToCsv(file, csv, afterChunk);
}

Error streamSmapsToCsv(
    ReadAheadFile& file, MemoryMapCsvStream& csv, const std::function<void()>& afterChunk)
{
    SmapsStreamParser parser([&csv](SmapsMapping& m) { csv.add(m); });
    const Error read = file.consume([&](std::string_view chunk) {
        parser.feed(chunk);
        if (afterChunk)
            afterChunk();
    });
    if (read != Error::None)
        return read;
    return parser.finish();
}

} // namespace pg
