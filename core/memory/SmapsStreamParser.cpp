// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/memory/SmapsStreamParser.h"

#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <system_error>

namespace pg {

namespace {

// The slot of a known kB field from its name, or -1: a switch on the length, then compares of a
// constant length (inlined as one or two word compares), instead of a search of the name table.
int knownField(const char* k, std::size_t n)
{
#define PG_FIELD(lit, f)                                                                           \
    if (std::memcmp(k, lit, sizeof lit - 1) == 0)                                                  \
        return static_cast<int>(SmapsField::f);
    switch (n) {
    case 3:
        PG_FIELD("Rss", Rss)
        PG_FIELD("Pss", Pss)
        PG_FIELD("KSM", KSM)
        break;
    case 4:
        PG_FIELD("Size", Size)
        PG_FIELD("Swap", Swap)
        break;
    case 6:
        PG_FIELD("Locked", Locked)
        break;
    case 7:
        PG_FIELD("SwapPss", SwapPss)
        break;
    case 8:
        PG_FIELD("Pss_Anon", Pss_Anon)
        PG_FIELD("Pss_File", Pss_File)
        PG_FIELD("LazyFree", LazyFree)
        break;
    case 9:
        PG_FIELD("Pss_Dirty", Pss_Dirty)
        PG_FIELD("Pss_Shmem", Pss_Shmem)
        PG_FIELD("Anonymous", Anonymous)
        break;
    case 10:
        PG_FIELD("Referenced", Referenced)
        break;
    case 11:
        PG_FIELD("MMUPageSize", MMUPageSize)
        break;
    case 12:
        PG_FIELD("Shared_Clean", Shared_Clean)
        PG_FIELD("Shared_Dirty", Shared_Dirty)
        break;
    case 13:
        PG_FIELD("Private_Clean", Private_Clean)
        PG_FIELD("Private_Dirty", Private_Dirty)
        PG_FIELD("AnonHugePages", AnonHugePages)
        PG_FIELD("FilePmdMapped", FilePmdMapped)
        break;
    case 14:
        PG_FIELD("KernelPageSize", KernelPageSize)
        PG_FIELD("ShmemPmdMapped", ShmemPmdMapped)
        PG_FIELD("Shared_Hugetlb", Shared_Hugetlb)
        break;
    case 15:
        PG_FIELD("Private_Hugetlb", Private_Hugetlb)
        break;
    default:
        break;
    }
#undef PG_FIELD
    return -1;
}

static_assert(std::endian::native == std::endian::little, "the word compares below");

std::uint64_t load64(const char* p)
{
    std::uint64_t w = 0;
    std::memcpy(&w, p, sizeof w);
    return w;
}

// "Name:" of each known field as the first 16 bytes of a line would hold it, with the mask of
// the bytes that count: a line starts with the field the kernel usually prints next when two
// masked 8-byte compares say so.
struct KeyWords
{
    std::uint64_t lo = 0;
    std::uint64_t hi = 0;
    std::uint64_t maskLo = 0;
    std::uint64_t maskHi = 0;
    std::size_t length = 0; // with the ':'
};

std::array<KeyWords, kSmapsFieldCount> makeKeyWords()
{
    std::array<KeyWords, kSmapsFieldCount> keys {};
    for (std::size_t i = 0; i < kSmapsFieldCount; ++i) {
        const std::string_view name = smapsFieldName(static_cast<SmapsField>(i));
        char bytes[16] = {};
        char mask[16] = {};
        std::memcpy(bytes, name.data(), name.size()); // every name is shorter than 16
        bytes[name.size()] = ':';
        std::memset(mask, 0xff, name.size() + 1);
        keys[i]
            = { load64(bytes), load64(bytes + 8), load64(mask), load64(mask + 8), name.size() + 1 };
    }
    return keys;
}

const std::array<KeyWords, kSmapsFieldCount> kKeyWords = makeKeyWords();

// Past the spaces at `q`, eight at a time.
const char* skipSpaces(const char* q, const char* end)
{
    constexpr std::uint64_t kSpaces = 0x2020202020202020ull;
    while (end - q >= 8) {
        const std::uint64_t diff = load64(q) ^ kSpaces;
        if (diff != 0)
            return q + std::countr_zero(diff) / 8;
        q += 8;
    }
    while (q < end && *q == ' ')
        ++q;
    return q;
}

} // namespace

SmapsStreamParser::SmapsStreamParser(Sink sink, bool requireSize)
    : m_sink(std::move(sink))
    , m_requireSize(requireSize)
{ }

void SmapsStreamParser::feed(std::string_view chunk)
{
    if (chunk.empty())
        return;
    m_any = true;
    m_last = chunk.back();
    if (m_error != Error::None)
        return;
    if (!m_partial.empty()) {
        const std::size_t nl = chunk.find('\n');
        if (nl == std::string_view::npos) {
            m_partial.append(chunk);
            return;
        }
        m_partial.append(chunk.substr(0, nl));
        chunk.remove_prefix(nl + 1);
        onLine(m_partial);
        m_partial.clear();
    }
    const char* const end = chunk.data() + chunk.size();
    while (!chunk.empty() && m_error == Error::None) {
        // Most lines are "Key:<spaces>N kB" of a known field: parsed in one pass, the '\n'
        // found at the end of the number instead of by a search of the line first.
        if (const char* next = fastKibLine(chunk.data(), end)) {
            chunk = std::string_view(next, static_cast<std::size_t>(end - next));
            continue;
        }
        const std::size_t nl = chunk.find('\n');
        if (nl == std::string_view::npos) {
            m_partial.assign(chunk);
            return;
        }
        onLine(chunk.substr(0, nl));
        chunk.remove_prefix(nl + 1);
    }
}

Error SmapsStreamParser::finish()
{
    // Every line the kernel writes ends in '\n'; a text that does not was cut short.
    if (m_any && m_last != '\n')
        m_error = Error::Truncated;
    if (m_error != Error::None)
        return m_error;
    if (m_haveCurrent) {
        if (m_requireSize && !m_current.has(SmapsField::Size))
            return m_error = Error::Truncated;
        hand();
    }
    return Error::None;
}

void SmapsStreamParser::onLine(std::string_view line)
{
    if (line.empty())
        return;
    if (isSmapsFieldLine(line)) {
        if (!m_haveCurrent) {
            m_error = Error::BadFormat; // fields before any header
            return;
        }
        m_error = parseSmapsFieldLine(line, m_current, m_hint);
        return;
    }
    if (m_haveCurrent) {
        if (m_requireSize && !m_current.has(SmapsField::Size)) {
            m_error = Error::Truncated; // a header with no fields
            return;
        }
        hand();
    }
    clearSmapsMapping(m_current);
    m_haveCurrent = true;
    m_hint = 0;
    m_error = parseSmapsHeader(line, m_current);
}

// A whole line at `p` of the shape "Key:<spaces>N kB\n" (no space or '-' in Key, a known field,
// N digits that fit), inside the current mapping: stores N and returns the start of the next
// line. Anything else (or a line not ending in this chunk) returns null and goes the general way
// (onLine), which gives such a line the same meaning; so this is only a shortcut.
const char* SmapsStreamParser::fastKibLine(const char* p, const char* end)
{
    if (!m_haveCurrent)
        return nullptr;
    int field = -1;
    const char* q = p;
    if (m_hint < kSmapsFieldCount && end - p >= 16) {
        const KeyWords& key = kKeyWords[m_hint];
        if (((load64(p) ^ key.lo) & key.maskLo) == 0
            && ((load64(p + 8) ^ key.hi) & key.maskHi) == 0) {
            field = static_cast<int>(m_hint);
            q = p + key.length;
        }
    }
    if (field < 0) {
        while (q < end && *q != ':') {
            const char c = *q;
            if (c == ' ' || c == '-' || c == '\n' || c == '\t' || c == '\r' || c == '\v'
                || c == '\f')
                return nullptr;
            ++q;
        }
        if (q == end || q == p)
            return nullptr;
        field = knownField(p, static_cast<std::size_t>(q - p));
        if (field < 0)
            return nullptr;
        ++q;
    }
    q = skipSpaces(q, end);
    std::uint64_t n = 0;
    const auto [digitsEnd, ec] = std::from_chars(q, end, n);
    if (ec != std::errc() || digitsEnd == q || end - digitsEnd < 4
        || std::memcmp(digitsEnd, " kB\n", 4) != 0)
        return nullptr;
    m_current.kib[static_cast<std::size_t>(field)] = n;
    m_hint = static_cast<std::size_t>(field) + 1;
    return digitsEnd + 4;
}

void SmapsStreamParser::hand()
{
    m_haveCurrent = false;
    ++m_count;
    m_sink(m_current);
}

} // namespace pg
