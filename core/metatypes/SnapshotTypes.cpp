// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/metatypes/SnapshotTypes.h"

namespace pg {

void registerSnapshotMetaTypes()
{
    qRegisterMetaType<ProcessSnapshotPtr>("ProcessSnapshotPtr");
    qRegisterMetaType<SystemOverviewPtr>("SystemOverviewPtr");
    qRegisterMetaType<InterruptsSnapshotPtr>("InterruptsSnapshotPtr");
    qRegisterMetaType<MemoryMapSnapshotPtr>("MemoryMapSnapshotPtr");
    qRegisterMetaType<MemoryUsageSnapshotPtr>("MemoryUsageSnapshotPtr");
    qRegisterMetaType<ProcessDetailsPtr>("ProcessDetailsPtr");
    qRegisterMetaType<ActionReportPtr>("ActionReportPtr");
    qRegisterMetaType<WhoMapsResultPtr>("WhoMapsResultPtr");
    qRegisterMetaType<PcpDetailsPtr>("PcpDetailsPtr");
    qRegisterMetaType<ActionRequest>("pg::ActionRequest");
}

} // namespace pg
