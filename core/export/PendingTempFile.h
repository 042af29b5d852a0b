// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The temporary file an export is writing right now, kept where a signal handler can reach it:
// the command line's SIGINT/SIGTERM/SIGHUP handler (app/ExportSignalGuard) removes it, so that an
// export killed between writing and renaming leaves nothing behind. The writer (ExportTarget)
// registers the file when it creates it and clears the entry once it is renamed or removed.
//
// One writer at a time: the command line writes one table, the window writes on its own thread
// one file after another. The window installs no handler, so there the entry is never used.

namespace pg {

// `dirFd` is the folder's descriptor (kept open by the writer), `name` a short file name in it
// (at most 63 bytes; longer names are not registered).
void setPendingTempFile(int dirFd, const char* name);
void clearPendingTempFile();
// Async-signal-safe: unlinkat() of the registered file, if any, then forgets it.
void removePendingTempFile();

} // namespace pg
