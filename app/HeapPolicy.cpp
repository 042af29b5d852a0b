// SPDX-License-Identifier: GPL-3.0-or-later
#include "HeapPolicy.h"

#include <QObject>
#include <QPixmapCache>
#include <QTimer>
#include <malloc.h>

namespace pg {

namespace {

constexpr int kPeriodicTrimMs = 5000; // malloc_trim of a ~12 MiB heap: well under 1 ms
constexpr int kAfterPageChangeMs = 250; // after the hidden page's deleteLater()s have run
// The Fusion style caches a pixmap of every header section it paints (its gradient, per size
// and state) in QPixmapCache, whose default limit is 10 MiB: with every page shown once the
// window's tables held ~350 KiB of them for good (measured with gdb: QPixmapCache::clear() and
// malloc_trim). 64 KiB keeps the sections on screen; the others are painted again when shown.
constexpr int kPixmapCacheKib = 64;

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

void capPixmapCache()
{
    QPixmapCache::setCacheLimit(kPixmapCacheKib);
}

void trimHeapSoon(QObject* owner)
{
    QTimer::singleShot(kAfterPageChangeMs, owner, [] { malloc_trim(0); });
}

} // namespace pg
