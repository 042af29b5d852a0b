// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The memory map's logic on top of the smaps parser: what backs each mapping, the grouping of
// mappings by backing object with rolled-up totals (the memory-map tree), and the whole-process
// totals (which equal the footer of `pmap -X`). Plain C++, no Qt; the CSV table is in
// core/export/MemoryMapCsv.h.

#include "core/memory/Smaps.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

enum class MappingKind : std::uint8_t {
    File, // a path in a file system
    Heap, // [heap]: the brk area
    Stack, // [stack] (the main thread's)
    Anonymous, // no path: malloc arenas, thread stacks, JIT code...
    NamedAnonymous, // [anon:name], named with prctl(PR_SET_VMA_ANON_NAME)
    SharedMemory, // /SYSV*, memfd:, /dev/shm, shared anonymous (/dev/zero), [anon_shmem:name]
    Kernel, // [vdso], [vvar], [vvar_vclock], [vsyscall], [uprobes]
    Other, // any other [bracketed] name
};

MappingKind mappingKind(const SmapsMapping& m);
std::string_view mappingKindName(MappingKind kind); // "file", "heap", ...

// Sums of the kB fields over a set of mappings. A field none of them printed stays absent.
struct SmapsTotals
{
    std::array<std::uint64_t, kSmapsFieldCount> kib {};
    std::array<bool, kSmapsFieldCount> present {};
    std::size_t mappingCount = 0;
    std::uint64_t sizeBytes = 0; // sum of end - start

    void add(const SmapsMapping& m);
    bool has(SmapsField f) const { return present[static_cast<std::size_t>(f)]; }
    std::uint64_t get(SmapsField f) const { return kib[static_cast<std::size_t>(f)]; }
    std::uint64_t sharedKib() const
    {
        return get(SmapsField::Shared_Clean) + get(SmapsField::Shared_Dirty);
    }
    // USS: the memory only this process maps.
    std::uint64_t privateKib() const
    {
        return get(SmapsField::Private_Clean) + get(SmapsField::Private_Dirty);
    }
};

struct MemoryMapGroup
{
    std::string key; // displayPath() of its mappings; empty for the unnamed anonymous group
    MappingKind kind = MappingKind::File;
    std::vector<std::uint32_t> mappings; // indices into Smaps::mappings, in address order
    SmapsTotals totals;
};

struct MemoryMapGrouping
{
    std::vector<MemoryMapGroup> groups; // in order of each group's lowest address
    SmapsTotals totals; // every mapping: the `pmap -X` footer
};

MemoryMapGrouping groupMappings(const Smaps& smaps);

} // namespace pg
