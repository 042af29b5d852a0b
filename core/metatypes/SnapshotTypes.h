// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Every type that crosses from the sampler thread (or a worker's thread of its own, as the "who
// maps this" search's) to the GUI thread through a queued signal or call: the immutable snapshot
// pointers and the action request. The one place that declares them to Qt's meta-type system;
// models include this (or the plain core snapshot header), never a sampler.

#include "core/interrupts/InterruptsSnapshot.h"
#include "core/memory/MemoryMapSnapshot.h"
#include "core/memory/MemoryUsageSnapshot.h"
#include "core/memory/WhoMapsResult.h"
#include "core/pcp/PcpDetailsSample.h"
#include "core/process/ActionRequest.h"
#include "core/process/DetailsSample.h"
#include "core/process/ProcessSnapshot.h"
#include "core/system/SystemOverview.h"

#include <QMetaType>
#include <memory>

using ProcessSnapshotPtr = std::shared_ptr<const pg::ProcessSnapshot>;
using SystemOverviewPtr = std::shared_ptr<const pg::SystemOverview>;
using InterruptsSnapshotPtr = std::shared_ptr<const pg::InterruptsSnapshot>;
using MemoryMapSnapshotPtr = std::shared_ptr<const pg::MemoryMapSnapshot>;
using MemoryUsageSnapshotPtr = std::shared_ptr<const pg::MemoryUsageSnapshot>;
using ProcessDetailsPtr = std::shared_ptr<const pg::DetailsSample>;
using ActionReportPtr = std::shared_ptr<const pg::ActionReport>;
using WhoMapsResultPtr = std::shared_ptr<const pg::WhoMapsResult>;
using PcpDetailsPtr = std::shared_ptr<const pg::PcpDetailsSample>;

Q_DECLARE_METATYPE(ProcessSnapshotPtr)
Q_DECLARE_METATYPE(SystemOverviewPtr)
Q_DECLARE_METATYPE(InterruptsSnapshotPtr)
Q_DECLARE_METATYPE(MemoryMapSnapshotPtr)
Q_DECLARE_METATYPE(MemoryUsageSnapshotPtr)
Q_DECLARE_METATYPE(ProcessDetailsPtr)
Q_DECLARE_METATYPE(ActionReportPtr)
Q_DECLARE_METATYPE(WhoMapsResultPtr)
Q_DECLARE_METATYPE(PcpDetailsPtr)
Q_DECLARE_METATYPE(pg::ActionRequest)

namespace pg {

// Registers every type above (under its alias name too, for string-based connections and queued
// invokeMethod); call once, before the sampler thread starts. Calling it again is harmless.
void registerSnapshotMetaTypes();

} // namespace pg
