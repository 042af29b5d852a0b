// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Arithmetic on numbers read from /proc, where a hostile or corrupt file may hold any value the
// parser accepts (up to 2^64-1). The policy, the same for every field:
//
// - A number that does not fit the type the kernel prints it from is a parse error of its file
//   (stat's (20) num_threads is an int: 2^63-1 threads is not something the kernel writes).
// - A number that fits, but whose conversion overflows or leaves the range the kernel can produce
//   (clock ticks -> seconds or a date, pages -> KiB), makes that one value UNKNOWN: std::nullopt
//   here, a dash with the reason in the UI, an empty field in CSV. Never 0, never a wrapped value.
// - Sums of counters (CPU times, interrupt counts) saturate at 2^64-1 instead of wrapping; a
//   saturated sum is shown as unknown, since no real counter reaches it.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>

namespace pg {

inline constexpr std::uint64_t kU64Max = std::numeric_limits<std::uint64_t>::max();

inline std::uint64_t saturatingAdd(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t sum = 0;
    return __builtin_add_overflow(a, b, &sum) ? kU64Max : sum;
}

inline std::optional<std::uint64_t> checkedMul(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t product = 0;
    if (__builtin_mul_overflow(a, b, &product))
        return std::nullopt;
    return product;
}

// The kernel keeps CPU times and start times in u64 nanoseconds and prints them as clock ticks
// (USER_HZ, sysconf(_SC_CLK_TCK)), so a tick count above 2^64 ns / (ns per tick) cannot come from
// it (about 584 years at 100 ticks/s).
inline bool ticksInKernelRange(std::uint64_t ticks, long ticksPerSecond)
{
    if (ticksPerSecond <= 0)
        return false;
    const std::uint64_t nsPerTick
        = std::max<std::uint64_t>(1, 1000000000ULL / static_cast<std::uint64_t>(ticksPerSecond));
    return ticks <= kU64Max / nsPerTick;
}

// Ticks -> milliseconds, or nullopt when the ticks are out of the kernel's range.
inline std::optional<std::uint64_t> ticksToMs(std::uint64_t ticks, long ticksPerSecond)
{
    if (!ticksInKernelRange(ticks, ticksPerSecond))
        return std::nullopt;
    const auto tps = static_cast<std::uint64_t>(ticksPerSecond);
    // In range, ticks / tps < 2^64 / 1e9 seconds (< 2^35): * 1000 cannot overflow.
    return ticks / tps * 1000 + ticks % tps * 1000 / tps;
}

// The last second strftime and QDateTime print with a four-digit year: 9999-12-31T23:59:59Z.
inline constexpr std::int64_t kMaxDateUnixSeconds = 253402300799LL;

// btime + starttime as ms since the epoch, or nullopt when either is unknown or the sum is not a
// date we can print (past the year 9999).
inline std::optional<std::int64_t> startTimeUnixMs(
    std::optional<std::uint64_t> bootTimeUnix, std::uint64_t startTimeTicks, long ticksPerSecond)
{
    if (!bootTimeUnix || *bootTimeUnix > static_cast<std::uint64_t>(kMaxDateUnixSeconds))
        return std::nullopt;
    const std::optional<std::uint64_t> sinceBootMs = ticksToMs(startTimeTicks, ticksPerSecond);
    if (!sinceBootMs)
        return std::nullopt;
    const std::uint64_t ms = *bootTimeUnix * 1000 + *sinceBootMs; // < 2^48 + 2^45
    if (ms > static_cast<std::uint64_t>(kMaxDateUnixSeconds) * 1000 + 999)
        return std::nullopt;
    return static_cast<std::int64_t>(ms);
}

} // namespace pg
