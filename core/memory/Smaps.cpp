// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/memory/Smaps.h"

#include "core/base/ParseUtil.h"
#include "core/memory/SmapsStreamParser.h"

namespace pg {

namespace {

constexpr std::string_view kFieldNames[kSmapsFieldCount] = {
    "Size",
    "KernelPageSize",
    "MMUPageSize",
    "Rss",
    "Pss",
    "Pss_Dirty",
    "Pss_Anon",
    "Pss_File",
    "Pss_Shmem",
    "Shared_Clean",
    "Shared_Dirty",
    "Private_Clean",
    "Private_Dirty",
    "Referenced",
    "Anonymous",
    "KSM",
    "LazyFree",
    "AnonHugePages",
    "ShmemPmdMapped",
    "FilePmdMapped",
    "Shared_Hugetlb",
    "Private_Hugetlb",
    "Swap",
    "SwapPss",
    "Locked",
};

constexpr std::string_view kDeletedSuffix = " (deleted)";

// Finds a known field; `hint` is where the previous line's field was, so a kernel printing the
// usual order costs one comparison per line even for 30,000 mappings.
int findField(std::string_view key, std::size_t& hint)
{
    for (std::size_t n = 0; n < kSmapsFieldCount; ++n) {
        const std::size_t i = (hint + n) % kSmapsFieldCount;
        if (kFieldNames[i] == key) {
            hint = i + 1;
            return static_cast<int>(i);
        }
    }
    return -1;
}

// The common line, "Key:<spaces>N kB", without the general helpers: 750,000 of these make up the
// smaps of a 30,000-mapping process. Returns false when the line has another shape.
bool parseKibLineFast(std::string_view line, SmapsMapping& m, std::size_t& hint, Error& error)
{
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || line.size() < colon + 5)
        return false;
    if (line.substr(line.size() - 3) != " kB")
        return false;
    std::size_t i = colon + 1;
    while (i < line.size() && line[i] == ' ')
        ++i;
    const char* first = line.data() + i;
    const char* last = line.data() + line.size() - 3;
    std::uint64_t n = 0;
    const auto [ptr, ec] = std::from_chars(first, last, n);
    if (first == last || ptr != last || ec != std::errc()) {
        error = Error::BadNumber;
        return true;
    }
    const std::string_view key = line.substr(0, colon);
    const int field = findField(key, hint);
    if (field >= 0)
        m.kib[static_cast<std::size_t>(field)] = n;
    else
        m.extraKib.emplace_back(std::string(key), n);
    error = Error::None;
    return true;
}

} // namespace

// True for a field line ("Key: ..."): its first token ends with ':'. A header's first token is
// "start-end" and never holds a ':'.
bool isSmapsFieldLine(std::string_view line)
{
    for (char c : line) {
        if (c == ':')
            return true;
        if (parse::isSpace(c) || c == '-')
            return false;
    }
    return false;
}

Error parseSmapsFieldLine(std::string_view line, SmapsMapping& m, std::size_t& hint)
{
    using namespace parse;
    Error fast = Error::None;
    if (parseKibLineFast(line, m, hint, fast))
        return fast;
    std::string_view key;
    std::string_view value;
    if (!splitKeyValue(line, key, value))
        return Error::BadFormat;
    if (key == "VmFlags") {
        m.vmFlags.assign(value);
        m.hasVmFlags = true;
        return Error::None;
    }
    if (key == "THPeligible" || key == "ProtectionKey") {
        int n = 0;
        if (!toInt(value, n))
            return Error::BadNumber;
        (key == "THPeligible" ? m.thpEligible : m.protectionKey) = n;
        return Error::None;
    }
    std::string_view rest = value;
    const std::string_view number = nextToken(rest);
    const std::string_view unit = nextToken(rest);
    if (unit != "kB" || !nextToken(rest).empty()) {
        // Not a "N kB" line: a field this parser does not know; keep it raw.
        m.extraText.emplace_back(std::string(key), std::string(value));
        return Error::None;
    }
    std::uint64_t n = 0;
    if (!toInt(number, n))
        return Error::BadNumber;
    const int field = findField(key, hint);
    if (field >= 0)
        m.kib[static_cast<std::size_t>(field)] = n;
    else
        m.extraKib.emplace_back(std::string(key), n);
    return Error::None;
}

void clearSmapsMapping(SmapsMapping& m)
{
    m.kib.fill(kAbsent);
    m.extraKib.clear();
    m.extraText.clear();
    m.thpEligible.reset();
    m.protectionKey.reset();
    m.vmFlags.clear();
    m.hasVmFlags = false;
    m.deleted = false;
    m.path.clear();
    m.device.clear();
}

std::string_view smapsFieldName(SmapsField field)
{
    const auto i = static_cast<std::size_t>(field);
    return i < kSmapsFieldCount ? kFieldNames[i] : std::string_view();
}

Error parseSmapsHeader(std::string_view line, SmapsMapping& out)
{
    using namespace parse;
    std::string_view rest = line;
    const std::string_view range = nextToken(rest);
    const std::size_t dash = range.find('-');
    if (dash == std::string_view::npos)
        return Error::BadFormat;
    if (!toInt(range.substr(0, dash), out.start, 16) || !toInt(range.substr(dash + 1), out.end, 16))
        return Error::BadNumber;
    if (out.end < out.start)
        return Error::BadFormat;
    const std::string_view perms = nextToken(rest);
    if (perms.size() != 4)
        return perms.empty() ? Error::Truncated : Error::BadFormat;
    for (std::size_t i = 0; i < 4; ++i)
        out.perms[i] = perms[i];
    if (!toInt(nextToken(rest), out.offset, 16))
        return Error::BadNumber;
    const std::string_view device = nextToken(rest);
    if (device.find(':') == std::string_view::npos)
        return device.empty() ? Error::Truncated : Error::BadFormat;
    out.device.assign(device);
    const std::string_view inode = nextToken(rest);
    if (inode.empty())
        return Error::Truncated;
    if (!toInt(inode, out.inode))
        return Error::BadNumber;
    // The path is the rest of the line after the padding: it may hold spaces ("/tmp/a b"), so it
    // is not a token. The kernel escapes a newline in it as "\012".
    std::size_t i = 0;
    while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t'))
        ++i;
    std::string_view path = rest.substr(i);
    out.deleted = path.size() > kDeletedSuffix.size()
        && path.substr(path.size() - kDeletedSuffix.size()) == kDeletedSuffix;
    if (out.deleted)
        path.remove_suffix(kDeletedSuffix.size());
    out.path.assign(path);
    return Error::None;
}

namespace {

// `requireSize`: smaps prints Size first for every mapping; a mapping without it was cut short.
// smaps_rollup prints no Size at all. The whole text is one chunk of the stream parser, so the
// command line's chunked export and this parser cannot disagree.
Result<Smaps> parseMappings(std::string_view text, bool requireSize)
{
    Smaps smaps;
    if (text.empty())
        return smaps; // a kernel thread
    smaps.mappings.reserve(
        text.size() / 600 + 1); // a 6.x kernel prints 700 to 1,000 bytes a mapping
    SmapsStreamParser parser(
        [&smaps](SmapsMapping& m) { smaps.mappings.push_back(std::move(m)); }, requireSize);
    parser.feed(text);
    if (const Error e = parser.finish(); e != Error::None)
        return e;
    return smaps;
}

} // namespace

Result<Smaps> parseSmaps(std::string_view text)
{
    return parseMappings(text, true);
}

Result<SmapsMapping> parseSmapsRollup(std::string_view text)
{
    if (parse::trim(text).empty())
        return Error::Empty;
    auto smaps = parseMappings(text, false);
    if (!smaps)
        return smaps.error();
    if (smaps->mappings.size() != 1)
        return Error::BadFormat;
    // The rollup has no Size line; it must have at least Rss.
    if (!smaps->mappings.front().has(SmapsField::Rss))
        return Error::Truncated;
    return std::move(smaps->mappings.front());
}

} // namespace pg
