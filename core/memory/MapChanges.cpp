// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/memory/MapChanges.h"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace pg {

namespace {

bool sameBacking(const MappingFigures& a, const MappingFigures& b)
{
    // A file is its device and inode (a rename or " (deleted)" keeps it); anonymous memory has
    // inode 0 and is told apart by its name: [heap], [stack], [anon:x].
    if (a.inode != 0 || b.inode != 0)
        return a.inode == b.inode && a.device == b.device;
    return a.group == b.group;
}

std::int64_t delta(std::uint64_t before, std::uint64_t now)
{
    return static_cast<std::int64_t>(now) - static_cast<std::int64_t>(before);
}

} // namespace

MappingFigures figuresOf(const SmapsMapping& m)
{
    MappingFigures f;
    f.start = m.start;
    f.end = m.end;
    f.group = m.displayPath();
    f.device = m.device;
    f.inode = m.inode;
    f.kind = mappingKind(m);
    f.rssKib = m.valueOr0(SmapsField::Rss);
    f.pssKib = m.valueOr0(SmapsField::Pss);
    f.ussKib = m.valueOr0(SmapsField::Private_Clean) + m.valueOr0(SmapsField::Private_Dirty);
    f.swapKib = m.valueOr0(SmapsField::Swap);
    return f;
}

MapBaseline makeBaseline(const Smaps& smaps, std::int64_t takenAtUnixMs)
{
    MapBaseline b;
    b.takenAtUnixMs = takenAtUnixMs;
    b.mappings.reserve(smaps.mappings.size());
    for (const SmapsMapping& m : smaps.mappings)
        b.mappings.push_back(figuresOf(m));
    std::sort(b.mappings.begin(), b.mappings.end(),
        [](const MappingFigures& x, const MappingFigures& y) { return x.start < y.start; });
    return b;
}

std::string_view changeStatusName(MappingChangeStatus status)
{
    switch (status) {
    case MappingChangeStatus::Appeared:
        return "appeared";
    case MappingChangeStatus::Vanished:
        return "vanished";
    case MappingChangeStatus::Grew:
        return "grew";
    case MappingChangeStatus::Shrank:
        return "shrank";
    }
    return "?";
}

std::int64_t MappingChange::sizeDeltaKib() const
{
    return delta(before ? before->sizeKib() : 0, now ? now->sizeKib() : 0);
}

std::int64_t MappingChange::rssDeltaKib() const
{
    return delta(before ? before->rssKib : 0, now ? now->rssKib : 0);
}

std::int64_t MappingChange::pssDeltaKib() const
{
    return delta(before ? before->pssKib : 0, now ? now->pssKib : 0);
}

std::vector<MappingChange> diffMaps(const MapBaseline& baseline, const Smaps& now)
{
    std::vector<MappingFigures> current;
    current.reserve(now.mappings.size());
    for (const SmapsMapping& m : now.mappings)
        current.push_back(figuresOf(m));
    std::sort(current.begin(), current.end(),
        [](const MappingFigures& x, const MappingFigures& y) { return x.start < y.start; });

    // Both lists are in address order and mappings never overlap, so a start address occurs at
    // most once on each side: one merge pass.
    std::vector<MappingChange> out;
    const auto& old = baseline.mappings;
    std::size_t i = 0;
    std::size_t j = 0;
    auto vanished = [&](const MappingFigures& f) {
        out.push_back({ MappingChangeStatus::Vanished, f, std::nullopt });
    };
    auto appeared = [&](MappingFigures&& f) {
        out.push_back({ MappingChangeStatus::Appeared, std::nullopt, std::move(f) });
    };
    while (i < old.size() || j < current.size()) {
        if (j == current.size() || (i < old.size() && old[i].start < current[j].start)) {
            vanished(old[i++]);
        } else if (i == old.size() || current[j].start < old[i].start) {
            appeared(std::move(current[j++]));
        } else if (!sameBacking(old[i], current[j])) {
            vanished(old[i++]);
            appeared(std::move(current[j++]));
        } else {
            const MappingFigures& b = old[i];
            MappingFigures& n = current[j];
            std::optional<MappingChangeStatus> status;
            if (n.sizeKib() != b.sizeKib())
                status = n.sizeKib() > b.sizeKib() ? MappingChangeStatus::Grew
                                                   : MappingChangeStatus::Shrank;
            else if (n.rssKib != b.rssKib)
                status
                    = n.rssKib > b.rssKib ? MappingChangeStatus::Grew : MappingChangeStatus::Shrank;
            if (status)
                out.push_back({ *status, b, std::move(n) });
            ++i;
            ++j;
        }
    }
    return out;
}

CsvTable mapChangesToCsv(const std::vector<MappingChange>& changes)
{
    CsvTable t;
    t.header = { "status", "group", "kind", "start", "end", "device", "inode", "size_kib_before",
        "size_kib_now", "size_kib_delta", "rss_kib_before", "rss_kib_now", "rss_kib_delta",
        "pss_kib_before", "pss_kib_now", "pss_kib_delta", "swap_kib_before", "swap_kib_now" };
    auto hex = [](std::uint64_t v) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(v));
        return std::string(buf);
    };
    auto side
        = [](const std::optional<MappingFigures>& f, std::uint64_t (*get)(const MappingFigures&)) {
              return f ? std::to_string(get(*f)) : std::string();
          };
    using Get = std::uint64_t (*)(const MappingFigures&);
    const Get size = [](const MappingFigures& f) { return f.sizeKib(); };
    const Get rss = [](const MappingFigures& f) { return f.rssKib; };
    const Get pss = [](const MappingFigures& f) { return f.pssKib; };
    const Get swap = [](const MappingFigures& f) { return f.swapKib; };
    t.rows.reserve(changes.size());
    for (const MappingChange& c : changes) {
        const MappingFigures& f = c.latest();
        t.rows.push_back({ std::string(changeStatusName(c.status)), f.group,
            std::string(mappingKindName(f.kind)), hex(f.start), hex(f.end), f.device,
            std::to_string(f.inode), side(c.before, size), side(c.now, size),
            std::to_string(c.sizeDeltaKib()), side(c.before, rss), side(c.now, rss),
            std::to_string(c.rssDeltaKib()), side(c.before, pss), side(c.now, pss),
            std::to_string(c.pssDeltaKib()), side(c.before, swap), side(c.now, swap) });
    }
    return t;
}

GroupHistory::GroupHistory(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(capacity, 1))
{ }

void GroupHistory::clear()
{
    m_series.clear();
    m_count = 0;
    m_next = 0;
    m_sample = 0;
}

void GroupHistory::add(const MemoryMapGrouping& grouping)
{
    ++m_sample;
    // The slot this sample overwrites held the oldest sample: clear it for every group first, so
    // a group missing from this sample reads 0 there.
    for (auto& [key, series] : m_series)
        series.ring[m_next] = 0;
    for (const MemoryMapGroup& g : grouping.groups) {
        Series& s = m_series[g.key];
        if (s.ring.empty())
            s.ring.assign(m_capacity, 0);
        constexpr std::uint64_t kMax = std::numeric_limits<std::uint32_t>::max();
        const std::uint64_t rss = std::min(g.totals.get(SmapsField::Rss), kMax);
        // Several groups may share a key (a path mapped, then its deleted copy): add them up.
        s.ring[m_next]
            = static_cast<std::uint32_t>(std::min<std::uint64_t>(s.ring[m_next] + rss, kMax));
        s.lastSeen = m_sample;
    }
    m_next = (m_next + 1) % m_capacity;
    m_count = std::min(m_count + 1, m_capacity);
    // Forget groups that none of the kept samples has: the history stays bounded by what the
    // process maps now, however many libraries it loaded and unloaded.
    std::erase_if(m_series,
        [this](const auto& entry) { return entry.second.lastSeen + m_capacity <= m_sample; });
}

std::vector<std::uint64_t> GroupHistory::rssKib(const std::string& group) const
{
    const auto it = m_series.find(group);
    if (it == m_series.end())
        return {};
    std::vector<std::uint64_t> out;
    out.reserve(m_count);
    const std::size_t first = (m_next + m_capacity - m_count) % m_capacity;
    for (std::size_t k = 0; k < m_count; ++k)
        out.push_back(it->second.ring[(first + k) % m_capacity]);
    return out;
}

} // namespace pg
