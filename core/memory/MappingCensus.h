// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Memory by mapping, across every process: how much libc, a shared cache file or the heaps cost
// the system in total, and how many processes map each; and for one file, who maps it.
//
// A file-backed mapping is keyed by its device and inode (two paths to one file are one row; a
// file replaced on disk while old processes still map the deleted one is two rows); anonymous
// memory by its kind as smaps names it: [heap], [stack], [vdso], [anon:NAME], or [anon] for an
// unnamed region. Unlike MemoryCensus this reads every process's whole /proc/PID/smaps (one
// record per mapping): slower, so it is asked for explicitly (`export memory --by mapping`).

#include "core/memory/MemoryCensus.h"
#include "core/memory/ProcessWalk.h"
#include "core/memory/Smaps.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace pg {

struct MappingMemory
{
    std::string name; // the path as smaps prints it (" (deleted)" kept), or [heap], [anon], ...
    std::string device; // "fe:00" for a file; empty for anonymous memory
    std::uint64_t inode = 0; // 0 for anonymous memory
    int processes = 0; // distinct processes that map it
    int mappings = 0; // their mappings of it (a library has several: text, data, relro)
    std::uint64_t rssKib = 0;
    std::uint64_t pssKib = 0;
    std::uint64_t ussKib = 0; // Private_Clean + Private_Dirty
    std::uint64_t swapKib = 0;
};

struct MappingCensus : CensusCoverage
{
    std::vector<MappingMemory> mappings; // largest Pss first, then name
    int processesRead = 0;
};

// The row a mapping belongs to: "fe:00 1234" for a file, its kind for anonymous memory.
std::string mappingKey(const SmapsMapping& m);

// Sums processes' mappings into one row per mappingKey.
class MappingTotals
{
public:
    // One process's parsed smaps.
    void add(const std::vector<SmapsMapping>& mappings);
    // The same a mapping at a time, for a process whose smaps may still turn out malformed:
    // stage() each mapping as it is parsed (its row is made, nothing is counted yet), then
    // commit() the staged mappings once the whole text parsed, or drop() them.
    void stage(const SmapsMapping& m);
    void commit();
    void drop() { m_staged.clear(); }
    // The rows, largest Pss first, then name.
    std::vector<MappingMemory> take();

private:
    struct Staged
    {
        std::size_t row;
        std::uint64_t rssKib, pssKib, ussKib, swapKib;
    };
    std::vector<Staged> m_staged;
    std::vector<MappingMemory> m_rows;
    std::vector<int> m_lastProcess; // per row: the add() that last counted a process for it
    std::unordered_map<std::string, std::size_t> m_index; // mappingKey -> row
    int m_process = 0;
};

// Every process's smaps, read in chunks and parsed a mapping at a time. With `perProcess`, also
// each process's sums over its mappings, the figures smaps_rollup would give (Rss, Pss, USS, Swap,
// SwapPss): so that one walk serves the by-mapping and by-process views. (smaps prints each
// mapping's figures rounded down to kB, smaps_rollup the exact sum: a process's Pss from here can
// be a few kB under its rollup.)
MappingCensus readMappingCensus(const std::string& procRoot,
    const std::atomic<bool>* stop = nullptr, const WalkProgress& progress = {},
    MemoryCensus* perProcess = nullptr);

// One process's share of one file.
struct FileMapper
{
    int pid = 0;
    std::uint32_t uid = 0;
    std::string comm;
    int mappings = 0;
    std::uint64_t rssKib = 0;
    std::uint64_t pssKib = 0;
    std::uint64_t ussKib = 0;
    std::uint64_t swapKib = 0;
};

struct FileMappers : CensusCoverage
{
    std::vector<FileMapper> processes; // largest Pss first, then pid
};

// The two passes of readFileMappers, for its progress.
enum class FileMappersPass {
    Maps, // every process's maps: who maps the file at all
    Smaps, // the candidates' smaps: how much of it each has
};
using FileMappersProgress
    = std::function<void(FileMappersPass pass, std::size_t done, std::size_t total)>;

// Who maps the file with this device ("fe:00", as smaps prints it) and inode. A first pass reads
// every process's /proc/PID/maps (no page-table walk) to find the candidates; only those have
// their smaps read. `progress` is called after each process of each pass.
FileMappers readFileMappers(const std::string& procRoot, const std::string& device,
    std::uint64_t inode, const std::atomic<bool>* stop = nullptr,
    const FileMappersProgress& progress = {});

} // namespace pg
