// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The headless `procglass export ...` subcommand: reads /proc, writes one table as CSV to a file
// or to standard output, and needs no display and no QApplication.
//
//   procglass export processes|interrupts|softirqs|system [-o FILE] [--proc-root DIR]
//                    [--sys-root DIR] [--interval MS]
//
// interrupts and softirqs take one sample, or two --interval MS apart when it is given: only then
// is rate_per_s filled (stderr says so when it is empty).
//   procglass export memory PID [-o FILE] [--proc-root DIR]
//
// The tables, their names and their help lines come from core/export/ExportTables.h (the window's
// export dialog uses the same list). The old name `maps` still works for one release, with one
// line on stderr saying the new name.
//
// -o - is standard output. What -o does with what is already at FILE (a file, a symlink, a
// FIFO, a device, a folder) is described in core/export/ExportTarget.h; while the file is written,
// SIGINT, SIGTERM and SIGHUP remove the temporary file before the process ends.
//
// Exit status 0 on success; otherwise one line on stderr naming the problem and status 1 (the
// export failed) or 2 (the command line is wrong).

namespace pg {

// `argv[1]` is "export". Returns the process exit status.
int runExportCommand(int argc, char** argv);

} // namespace pg
