// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The refresh interval every front end accepts: the window's interval box, the saved settings,
// `procglass --interval` and `procglass export --interval`. Below 100 ms a sample's own cost and
// the clock tick (10 ms) make CPU % meaningless (0 or 200 % for a busy loop); above an hour the
// samplers stop (core/sampler/Sampler clamps to it).

namespace pg {

inline constexpr int kMinRefreshIntervalMs = 100;
inline constexpr int kMaxRefreshIntervalMs = 3600 * 1000;
inline constexpr int kDefaultRefreshIntervalMs = 1000;

constexpr bool isRefreshIntervalMs(long long ms)
{
    return ms >= kMinRefreshIntervalMs && ms <= kMaxRefreshIntervalMs;
}

} // namespace pg
