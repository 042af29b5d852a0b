// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// glibc malloc settings for a monitor that runs for days with a small, steady working set.
// The samplers allocate in one worker thread and the GUI frees in another; by default glibc gives
// the worker its own 64 MiB arena and keeps freed pages of both, so RSS drifts up with pages that
// hold no live object. One arena, a low trim threshold, and a malloc_trim() after a page is hidden
// (its charts are destroyed then) and every half minute give those pages back.

class QObject;

namespace pg {

// Before any thread starts.
void configureHeap();
// A malloc_trim() every 30 s for as long as `owner` lives.
void installHeapTrim(QObject* owner);
// A malloc_trim() shortly after now (call it when a page is hidden).
void trimHeapSoon(QObject* owner);
// After the QApplication exists: caps Qt's pixmap cache (see kPixmapCacheKib).
void capPixmapCache();

} // namespace pg
