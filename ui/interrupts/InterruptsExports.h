// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Interrupts page's two export tables (interrupts and softirqs, core/export/ExportTables.h),
// written from the last snapshot the page received: the window never reads /proc for an export.

#include "core/metatypes/SnapshotTypes.h"
#include "ui/shell/ExportDialog.h"

#include <QList>
#include <functional>

namespace pg {

// `last` returns the page's newest snapshot (null before the first).
QList<ExportSource> interruptsExportSources(std::function<InterruptsSnapshotPtr()> last);

} // namespace pg
