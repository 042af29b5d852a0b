// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How one process's memory map changed while it was watched: the mappings that appeared, vanished,
// grew or shrank since a baseline, and each group's Rss over the last samples (the sparkline of
// the memory-map page). Bounded on purpose: the baseline keeps a few figures per mapping, not the
// snapshot, and the history keeps one 32-bit Rss per group per sample in a fixed ring. Plain C++.

#include "core/export/CsvTable.h"
#include "core/memory/MemoryMapGroups.h"
#include "core/memory/Smaps.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pg {

// What the change table needs of one mapping; absent smaps fields count as 0.
struct MappingFigures
{
    std::uint64_t start = 0;
    std::uint64_t end = 0;
    std::string group; // the memory-map group: displayPath(), empty for unnamed anonymous memory
    std::string device; // "fe:00"
    std::uint64_t inode = 0;
    MappingKind kind = MappingKind::Anonymous;
    std::uint64_t rssKib = 0;
    std::uint64_t pssKib = 0;
    std::uint64_t ussKib = 0; // Private_Clean + Private_Dirty
    std::uint64_t swapKib = 0;

    std::uint64_t sizeKib() const { return (end - start) / 1024; }
};

MappingFigures figuresOf(const SmapsMapping& m);

// The map the changes are measured against.
struct MapBaseline
{
    std::int64_t takenAtUnixMs = 0;
    std::vector<MappingFigures> mappings; // in address order
};

MapBaseline makeBaseline(const Smaps& smaps, std::int64_t takenAtUnixMs);

enum class MappingChangeStatus : std::uint8_t { Appeared, Vanished, Grew, Shrank };
std::string_view changeStatusName(MappingChangeStatus status); // "appeared", ...

struct MappingChange
{
    MappingChangeStatus status = MappingChangeStatus::Grew;
    std::optional<MappingFigures> before; // absent: appeared
    std::optional<MappingFigures> now; // absent: vanished

    const MappingFigures& latest() const { return now ? *now : *before; }
    std::int64_t sizeDeltaKib() const;
    std::int64_t rssDeltaKib() const;
    std::int64_t pssDeltaKib() const;
};

// The mappings that differ between `baseline` and `now`, in address order (a vanished mapping at
// its old address). A mapping is the same one when it starts at the same address and has the same
// backing (device and inode for a file, the group name otherwise): a heap that grows keeps its
// start, so it "grew". Grew/shrank look at Size first, then Rss; equal figures are not listed.
std::vector<MappingChange> diffMaps(const MapBaseline& baseline, const Smaps& now);

// The change table as CSV, one row per change in the order given: status, group, kind, start, end
// (hex), device, inode, then before/now/delta of size, Rss and Pss and before/now of Swap, in KiB.
// A figure a side does not have (before of an appeared mapping) is an empty field.
CsvTable mapChangesToCsv(const std::vector<MappingChange>& changes);

// Each group's Rss in the last `capacity` samples. A group absent from a sample has 0 there; a
// group absent from every kept sample is forgotten.
class GroupHistory
{
public:
    explicit GroupHistory(std::size_t capacity = 120);

    void add(const MemoryMapGrouping& grouping);
    void clear();
    std::size_t capacity() const { return m_capacity; }
    std::size_t samples() const { return m_count; } // kept, at most capacity()
    std::size_t groups() const { return m_series.size(); }
    // Oldest first, samples() values; empty for a group never seen in the kept samples.
    std::vector<std::uint64_t> rssKib(const std::string& group) const;

private:
    struct Series
    {
        std::vector<std::uint32_t> ring; // capacity() slots once the group is seen
        std::uint64_t lastSeen = 0; // the sample number that last had it
    };

    std::size_t m_capacity;
    std::size_t m_count = 0;
    std::size_t m_next = 0; // ring slot the next sample goes to
    std::uint64_t m_sample = 0; // samples added since clear()
    std::unordered_map<std::string, Series> m_series;
};

} // namespace pg
