// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The words under the Memory usage page's title: the totals of a census, how they compare with
// what /proc/meminfo says is in use (and what no process's Pss contains), and what could not be
// counted. Plain functions of a snapshot, so that tests check the text on a known meminfo.

#include "core/memory/MemoryUsageSnapshot.h"

#include <QCoreApplication>
#include <QString>

namespace pg {

class MemoryUsageText final
{
    Q_DECLARE_TR_FUNCTIONS(MemoryUsageText)
public:
    // "212 processes: Rss 9.1 GiB · Pss 4.2 GiB · USS 3.0 GiB · Swap 0 KiB", and how many kernel
    // threads and zombies have no user memory.
    static QString totals(const MemoryUsageSnapshot& snap);
    // Sum of Pss against MemTotal − MemAvailable, and what the difference is made of.
    static QString reconciliation(const MemoryUsageSnapshot& snap);
    // What was not counted (unreadable processes with the reason, a stopped read, an unlistable
    // /proc), or empty when every process was counted.
    static QString notCounted(const MemoryUsageSnapshot& snap);
    // Rss, Pss and USS in a few sentences (the "What do these mean?" text).
    static QString explanation();
};

} // namespace pg
