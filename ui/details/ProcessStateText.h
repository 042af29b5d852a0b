// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A process state letter (proc(5) stat field (3), proc.psinfo.sname) as the details show it:
// "S (sleeping, interruptible)".

#include <QString>

namespace pg {

QString processStateText(char state);

} // namespace pg
