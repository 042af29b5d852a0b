// SPDX-License-Identifier: GPL-3.0-or-later
#include "HeapPolicy.h"

#include <QObject>
#include <QTimer>
#include <malloc.h>

namespace pg {

namespace {

constexpr int kPeriodicTrimMs = 5000; // malloc_trim of a ~12 MiB heap: well under 1 ms
constexpr int kAfterPageChangeMs = 250; // after the hidden page's deleteLater()s have run

} // namespace

void configureHeap()
{
    // Two threads do nearly all allocation; contention on one arena is negligible at our rates.
    mallopt(M_ARENA_MAX, 1);
    // Setting the threshold also stops glibc raising it (and the mmap threshold) dynamically.
    mallopt(M_TRIM_THRESHOLD, 256 * 1024);
    mallopt(M_TOP_PAD, 64 * 1024);
}

void installHeapTrim(QObject* owner)
{
    auto* timer = new QTimer(owner);
    QObject::connect(timer, &QTimer::timeout, owner, [] { malloc_trim(0); });
    timer->start(kPeriodicTrimMs);
}

void trimHeapSoon(QObject* owner)
{
    QTimer::singleShot(kAfterPageChangeMs, owner, [] { malloc_trim(0); });
}

} // namespace pg
