#pragma once

// Snapshot pointer types that cross the thread boundary through queued signals.

#include "core/process/ProcessSnapshot.h"

#include <QMetaType>
#include <memory>

using ProcessSnapshotPtr = std::shared_ptr<const pg::ProcessSnapshot>;
Q_DECLARE_METATYPE(ProcessSnapshotPtr)

namespace pg {
// Registers every snapshot type with Qt's meta-type system; call once before connecting.
void registerSamplerMetaTypes();
} // namespace pg
