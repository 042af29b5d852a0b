// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// File > Connect to host... opens a new window process for the host rather than switching the
// running window's source in place: every page, sampler and model of a window is built for one
// source (local /proc, or one host) and the pages a host cannot feed are built differently, so a
// fresh process is the simple, solid way (and the local window stays as it was).
//
// The program started is this very program (the real path of /proc/self/exe, which is
// procglass-gui; never PATH or the current folder: Procglass runs as root), detached, with
// `--host SPEC`. Every user can read every process's arguments (ps), so the spec on the command
// line is the one without secrets; a password the spec carries goes in the environment
// (kHostSpecEnv), which only the same user and root can read, and the new window takes it from
// there (GuiCommandLine) and removes it.

#include <QString>
#include <QStringList>

namespace pg {

inline constexpr const char* kHostSpecEnv = "PROCGLASS_HOST_SPEC";

// The new process's pid, or 0 with *error set (one line).
qint64 openHostWindow(const QString& spec, QString* error);

// File > Open recording...: a new window replaying the PCP archive at `path` (`--archive=PATH`,
// so that a name starting with '-' is never taken for an option). The pid, or 0 with *error set.
qint64 openArchiveWindow(const QString& path, QString* error);

// The arguments of that window's program.
QStringList archiveWindowArguments(const QString& path);

} // namespace pg
