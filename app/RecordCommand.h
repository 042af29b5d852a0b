// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `procglass record -o ARCHIVE [--interval MS] [--duration S] [--host SPEC]`: writes a
// Performance Co-Pilot archive (version 2: ARCHIVE.0, ARCHIVE.meta, ARCHIVE.index) of what
// `export processes|interrupts|system` show, one sample every --interval, from the local /proc
// (the same collectors as export) or from a pmcd (--host). pmdumplog, pmrep, pmchart and
// `procglass export --archive` read it. The metrics: core/pcp/PcpRecordSet.h.
//
// It ends after --duration seconds, or on SIGINT, SIGTERM or SIGHUP, always with a complete
// archive (pmiEnd). It never replaces anything at the three names (app/ArchiveTarget.h).
//
// Exit status 0 when the archive is complete; 1 with one line on stderr when it could not be
// started or a sample could not be taken (what was recorded until then is complete); 2 for a
// wrong command line.

namespace pg {

// `argv[1]` is "record". Returns the process exit status.
int runRecordCommand(int argc, char** argv);

} // namespace pg
