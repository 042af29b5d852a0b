// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Synthetic /proc/PID/smaps, one line of figures per mapping, for tests of what is computed from a
// map (its changes since a baseline, the change view): each mapping is rw-p at offset 0, on
// device fe:00 when it has an inode (00:00 otherwise), and all its Rss is Pss and Private_Dirty.

#include "core/memory/Smaps.h"

#include <QtGlobal>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace pgtest {

struct SmapsSpec
{
    std::uint64_t start;
    std::uint64_t end;
    const char* path; // "" for anonymous memory, "[heap]", or a file's path
    std::uint64_t inode; // 0: not a file
    std::uint64_t rssKib;
};

inline std::string smapsText(const std::vector<SmapsSpec>& specs)
{
    std::string text;
    char buf[512];
    for (const SmapsSpec& s : specs) {
        std::snprintf(buf, sizeof buf,
            "%llx-%llx rw-p 00000000 %s %llu %s\nSize: %llu kB\nRss: %llu kB\nPss: %llu kB\n"
            "Private_Clean: 0 kB\nPrivate_Dirty: %llu kB\nSwap: 0 kB\n",
            static_cast<unsigned long long>(s.start), static_cast<unsigned long long>(s.end),
            s.inode ? "fe:00" : "00:00", static_cast<unsigned long long>(s.inode), s.path,
            static_cast<unsigned long long>((s.end - s.start) / 1024),
            static_cast<unsigned long long>(s.rssKib), static_cast<unsigned long long>(s.rssKib),
            static_cast<unsigned long long>(s.rssKib));
        text += buf;
    }
    return text;
}

// The parsed map; a spec the parser refuses ends the test run (it is the test's own mistake).
inline pg::Smaps smapsOf(const std::vector<SmapsSpec>& specs)
{
    auto parsed = pg::parseSmaps(smapsText(specs));
    if (!parsed)
        qFatal("bad synthetic smaps");
    return std::move(parsed).value();
}

} // namespace pgtest
