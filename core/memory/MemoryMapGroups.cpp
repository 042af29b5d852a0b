// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/memory/MemoryMapGroups.h"

#include <unordered_map>

namespace pg {

namespace {

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

} // namespace

MappingKind mappingKind(const SmapsMapping& m)
{
    const std::string_view p = m.path;
    const bool shared = m.perms[3] == 's';
    if (p.empty())
        return shared ? MappingKind::SharedMemory : MappingKind::Anonymous;
    if (p.front() == '[') {
        if (p == "[heap]")
            return MappingKind::Heap;
        if (p == "[stack]" || startsWith(p, "[stack:"))
            return MappingKind::Stack;
        if (p == "[vdso]" || p == "[vvar]" || p == "[vvar_vclock]" || p == "[vsyscall]"
            || p == "[uprobes]")
            return MappingKind::Kernel;
        if (startsWith(p, "[anon_shmem:"))
            return MappingKind::SharedMemory;
        if (startsWith(p, "[anon:"))
            return MappingKind::NamedAnonymous;
        return MappingKind::Other;
    }
    if (startsWith(p, "/SYSV") || startsWith(p, "/memfd:") || startsWith(p, "memfd:")
        || startsWith(p, "/dev/shm/") || (shared && p == "/dev/zero"))
        return MappingKind::SharedMemory;
    return MappingKind::File;
}

std::string_view mappingKindName(MappingKind kind)
{
    switch (kind) {
    case MappingKind::File:
        return "file";
    case MappingKind::Heap:
        return "heap";
    case MappingKind::Stack:
        return "stack";
    case MappingKind::Anonymous:
        return "anonymous";
    case MappingKind::NamedAnonymous:
        return "named anonymous";
    case MappingKind::SharedMemory:
        return "shared memory";
    case MappingKind::Kernel:
        return "kernel";
    case MappingKind::Other:
        return "other";
    }
    return "other";
}

void SmapsTotals::add(const SmapsMapping& m)
{
    for (std::size_t i = 0; i < kSmapsFieldCount; ++i) {
        if (m.kib[i] != kAbsent) {
            kib[i] += m.kib[i];
            present[i] = true;
        }
    }
    ++mappingCount;
    sizeBytes += m.sizeBytes();
}

MemoryMapGrouping groupMappings(const Smaps& smaps)
{
    MemoryMapGrouping out;
    std::unordered_map<std::string, std::size_t> index;
    index.reserve(smaps.mappings.size() / 4 + 8);
    std::string key;
    for (std::size_t i = 0; i < smaps.mappings.size(); ++i) {
        const SmapsMapping& m = smaps.mappings[i];
        const MappingKind kind = mappingKind(m);
        // Unnamed private anonymous memory is one group; shared anonymous memory is another.
        key = m.displayPath();
        auto [it, inserted] = index.try_emplace(key, out.groups.size());
        if (inserted) {
            MemoryMapGroup& g = out.groups.emplace_back();
            g.key = key;
            g.kind = kind;
        }
        MemoryMapGroup& g = out.groups[it->second];
        g.mappings.push_back(static_cast<std::uint32_t>(i));
        g.totals.add(m);
        out.totals.add(m);
    }
    return out;
}

} // namespace pg
