// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/PID/smaps and /proc/PID/smaps_rollup, proc(5) "/proc/pid/smaps" and the kernel's
// Documentation/filesystems/proc.rst. Each mapping is a maps(5)-style header line
//   start-end perms offset dev inode   path
// followed by "Key:   N kB" lines, then THPeligible, ProtectionKey and VmFlags. The well-known kB
// fields get a fixed slot; any kB field a newer kernel adds is kept by name. A field the kernel
// did not print is absent (kAbsent), never 0.

#include "core/base/Result.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pg {

// The kB fields in the order a 6.x kernel prints them; Pss_Anon/File/Shmem appear only in
// smaps_rollup.
enum class SmapsField : std::uint8_t {
    Size,
    KernelPageSize,
    MMUPageSize,
    Rss,
    Pss,
    Pss_Dirty,
    Pss_Anon,
    Pss_File,
    Pss_Shmem,
    Shared_Clean,
    Shared_Dirty,
    Private_Clean,
    Private_Dirty,
    Referenced,
    Anonymous,
    KSM,
    LazyFree,
    AnonHugePages,
    ShmemPmdMapped,
    FilePmdMapped,
    Shared_Hugetlb,
    Private_Hugetlb,
    Swap,
    SwapPss,
    Locked,
    Count
};
inline constexpr std::size_t kSmapsFieldCount = static_cast<std::size_t>(SmapsField::Count);
inline constexpr std::uint64_t kAbsent = ~std::uint64_t { 0 };

// The kernel's name of a field ("Shared_Clean").
std::string_view smapsFieldName(SmapsField field);

struct SmapsMapping
{
    std::uint64_t start = 0;
    std::uint64_t end = 0;
    char perms[5] = { '-', '-', '-', '-', '\0' }; // "r-xp"; 's' in the last place for shared
    std::uint64_t offset = 0;
    std::string device; // "fe:00" as printed (major:minor in hex)
    std::uint64_t inode = 0;
    std::string path; // raw bytes as printed, " (deleted)" stripped; empty for anonymous memory
    bool deleted = false; // the path ended in " (deleted)"

    std::array<std::uint64_t, kSmapsFieldCount> kib = filledAbsent(); // kAbsent where not printed
    std::vector<std::pair<std::string, std::uint64_t>> extraKib; // kB fields of newer kernels
    std::vector<std::pair<std::string, std::string>> extraText; // other unknown lines, raw
    std::optional<int> thpEligible; // THPeligible: 0/1
    std::optional<int> protectionKey; // ProtectionKey (only with memory protection keys)
    std::string vmFlags; // VmFlags: two-letter codes separated by single spaces
    bool hasVmFlags = false;

    std::uint64_t get(SmapsField f) const { return kib[static_cast<std::size_t>(f)]; }
    bool has(SmapsField f) const { return get(f) != kAbsent; }
    // The field's value or 0 when absent; for sums where the caller tracks presence itself.
    std::uint64_t valueOr0(SmapsField f) const { return has(f) ? get(f) : 0; }
    std::uint64_t sizeBytes() const { return end - start; }
    // The path as pmap prints it, with " (deleted)" back on.
    std::string displayPath() const { return deleted ? path + " (deleted)" : path; }

private:
    static std::array<std::uint64_t, kSmapsFieldCount> filledAbsent()
    {
        std::array<std::uint64_t, kSmapsFieldCount> a {};
        a.fill(kAbsent);
        return a;
    }
};

struct Smaps
{
    std::vector<SmapsMapping> mappings; // in file order, which is address order
};

// An empty text is a valid, empty map: a kernel thread has no user-space mappings.
Result<Smaps> parseSmaps(std::string_view text);
// smaps_rollup: one "[rollup]" pseudo-mapping whose start/end span every mapping. Empty text (a
// kernel thread) is Error::Empty.
Result<SmapsMapping> parseSmapsRollup(std::string_view text);

// Parses a header line "start-end perms offset dev inode path" into `out` (fields untouched).
Error parseSmapsHeader(std::string_view line, SmapsMapping& out);

// The line-level steps parseSmaps is made of, shared with SmapsStreamParser (which reads smaps a
// chunk at a time): whether a line is a field ("Key: ...") rather than a header, and parsing one
// field line into `m`. `hint` is where the previous field was found (0 for a new mapping), so a
// kernel printing the usual order costs one comparison per line.
bool isSmapsFieldLine(std::string_view line);
Error parseSmapsFieldLine(std::string_view line, SmapsMapping& m, std::size_t& hint);
// Makes `m` a mapping with no field printed yet, keeping the capacity of its strings.
void clearSmapsMapping(SmapsMapping& m);

} // namespace pg
