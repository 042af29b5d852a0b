// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Bounds the points a chart series draws: consecutive samples are grouped into buckets of k by
// their absolute index (so a sample stays in the same bucket from one redraw to the next and the
// line does not shimmer as the window scrolls), and each bucket draws the one sample with the
// largest score, so a one-sample spike stays visible; on a tie the newest wins, so a steady line
// reaches the newest sample. A bucket with no known sample (NaN scores
// only) draws nothing: a gap stays a gap, never a 0.

#include "core/base/RingBuffer.h"

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace pg {

// Samples per bucket so that `count` consecutive samples give at most `maxPoints` buckets,
// however their absolute indexes fall on bucket boundaries. 1 when they all fit.
inline std::size_t samplesPerPoint(std::size_t count, std::size_t maxPoints)
{
    if (count <= maxPoints || maxPoints < 2)
        return 1;
    return (count + maxPoints - 2) / (maxPoints - 1); // ceil(count / (maxPoints - 1))
}

// Samples [begin, end) in time order; absoluteIndex(i) and score(i) (NaN: unknown) describe
// sample i; draw(i) is called once per bucket with the chosen sample, oldest first.
template <typename AbsoluteIndex, typename Score, typename Draw>
void forEachBucketPeak(std::size_t begin, std::size_t end, std::size_t samplesPerBucket,
    AbsoluteIndex absoluteIndex, Score score, Draw draw)
{
    const std::uint64_t k = samplesPerBucket ? samplesPerBucket : 1;
    std::size_t i = begin;
    while (i < end) {
        const std::uint64_t bucket = absoluteIndex(i) / k;
        std::size_t best = end;
        double bestScore = 0;
        for (; i < end && absoluteIndex(i) / k == bucket; ++i) {
            const double s = score(i);
            if (!std::isnan(s) && (best == end || s >= bestScore)) {
                best = i;
                bestScore = s;
            }
        }
        if (best != end)
            draw(best);
    }
}

// The samples of `times` (a chart's timeline, oldest first) inside the last `windowSeconds`, and
// how they group into at most `maxPoints` buckets by absolute index.
struct DrawWindow
{
    double now = 0; // time of the newest sample: x = time - now
    std::size_t begin = 0, end = 0; // samples [begin, end) of `times`
    std::size_t perPoint = 1;
    std::uint64_t firstAbsolute = 0; // absolute index of sample 0
    std::uint64_t absolute(std::size_t i) const { return firstAbsolute + i; }
    std::uint64_t bucket(std::size_t i) const { return absolute(i) / perPoint; }
};

inline DrawWindow drawWindow(const RingBuffer<double>& times, double windowSeconds, int maxPoints)
{
    DrawWindow w;
    if (times.empty())
        return w;
    w.now = times.newest();
    while (w.begin < times.size() && times[w.begin] - w.now < -windowSeconds)
        ++w.begin;
    w.end = times.size();
    w.perPoint = samplesPerPoint(w.end - w.begin, static_cast<std::size_t>(maxPoints));
    w.firstAbsolute = times.pushedCount() - times.size();
    return w;
}

} // namespace pg
