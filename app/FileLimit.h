// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace pg {

// The sampler keeps three descriptors per process open (stat, statm, cmdline), the export of
// every process one per process: lifts the soft RLIMIT_NOFILE to the hard one.
void raiseFileLimit();

} // namespace pg
