// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/memusage/MemoryUsageText.h"

#include "ui/common/Format.h"

#include <QLocale>

namespace pg {

namespace {

struct Sums
{
    std::uint64_t rss = 0, pss = 0, uss = 0, swap = 0;
};

Sums sumsOf(const MemoryCensus& census)
{
    Sums s;
    for (const ProcessMemory& p : census.processes) {
        s.rss += p.rssKib;
        s.pss += p.pssKib;
        s.uss += p.ussKib;
        s.swap += p.swapKib;
    }
    return s;
}

QString count(std::size_t n)
{
    return QLocale().toString(static_cast<qulonglong>(n));
}

} // namespace

QString MemoryUsageText::totals(const MemoryUsageSnapshot& snap)
{
    const Sums s = sumsOf(snap.census);
    const std::size_t n = snap.census.processes.size();
    QString text = tr("%1 %2: Rss %3 · Pss %4 · USS %5 · Swap %6")
                       .arg(count(n), n == 1 ? tr("process") : tr("processes"), fmt::kib(s.rss),
                           fmt::kib(s.pss), fmt::kib(s.uss), fmt::kib(s.swap));
    const int kernel = snap.census.withoutUserMemory;
    if (kernel == 1)
        text += tr(" (and 1 kernel thread or zombie, which has no user memory)");
    else if (kernel > 1)
        text += tr(" (and %1 kernel threads and zombies, which have no user memory)")
                    .arg(count(static_cast<std::size_t>(kernel)));
    return text;
}

QString MemoryUsageText::reconciliation(const MemoryUsageSnapshot& snap)
{
    if (!snap.memInfo)
        return tr("/proc/meminfo could not be read: nothing to compare the sum of Pss with.");
    const MemInfo& m = *snap.memInfo;
    const auto total = m.get("MemTotal");
    const auto available = m.get("MemAvailable");
    std::uint64_t inUse = 0;
    QString inUseSource;
    if (total && available && *available <= *total) {
        inUse = *total - *available;
        inUseSource = tr("MemTotal − MemAvailable");
    } else if (const auto used = m.usedKib()) {
        inUse = *used; // kernels before 3.14 print no MemAvailable
        inUseSource = tr("MemTotal − MemFree − Buffers − Cached − SReclaimable");
    } else {
        return tr("/proc/meminfo lacks MemTotal or MemAvailable: nothing to compare the sum of "
                  "Pss with.");
    }
    const std::uint64_t pss = sumsOf(snap.census).pss;
    auto kibOf = [&m](const char* key) { return fmt::kib(m.get(key).value_or(0)); };
    const std::uint64_t cached = m.get("Cached").value_or(0);
    const std::uint64_t mapped = m.get("Mapped").value_or(0);
    const QString parts
        = tr("kernel memory (Slab %1, KernelStack %2, PageTables %3), page cache that no process "
             "maps (Cached − Mapped: %4, part of it counted as available) and shared memory or "
             "tmpfs files that no process maps (part of Shmem %5)")
              .arg(kibOf("Slab"), kibOf("KernelStack"), kibOf("PageTables"),
                  fmt::kib(cached > mapped ? cached - mapped : 0), kibOf("Shmem"));
    const double share = inUse ? 100.0 * static_cast<double>(pss) / static_cast<double>(inUse) : 0;
    QString text = tr("The processes' Pss adds up to %1 of the %2 in use (%3), %4 %.")
                       .arg(fmt::kib(pss), fmt::kib(inUse), inUseSource, fmt::percent(share));
    if (pss <= inUse)
        text += QLatin1Char(' ')
            + tr("The other %1 is in no process's Pss: %2.").arg(fmt::kib(inUse - pss), parts);
    else
        text += QLatin1Char(' ')
            + tr("Pss is %1 more: it counts mapped file pages that the kernel counts as "
                 "available (they can be dropped and read again). Not in any Pss: %2.")
                  .arg(fmt::kib(pss - inUse), parts);
    if (!snap.census.skipped.empty() || snap.census.stopped)
        text
            += QLatin1Char(' ') + tr("The processes not counted below are in that difference too.");
    return text;
}

QString MemoryUsageText::notCounted(const MemoryUsageSnapshot& snap)
{
    const MemoryCensus& c = snap.census;
    if (c.listError != Error::None)
        return tr("The process list could not be read: %1.")
            .arg(QString::fromUtf8(errorText(c.listError).data()));
    QStringList lines;
    if (c.stopped)
        lines << tr("Stopped before the end: only %1 processes were read, the figures are partial.")
                     .arg(count(c.processes.size() + c.skipped.size()));
    const std::string skipped = censusSkipSummary(c);
    if (!skipped.empty())
        lines << QString::fromStdString(skipped) + QLatin1Char('.');
    return lines.join(QLatin1Char(' '));
}

QString MemoryUsageText::explanation()
{
    return tr("<b>Rss</b> (resident) counts every page of RAM a process maps, including the pages "
              "it shares with others: a shared library is counted once in every process that "
              "uses it, so Rss summed over processes overcounts. <b>Pss</b> (proportional) divides "
              "each shared page by the number of processes that map it: Pss adds up, and the sum "
              "is the RAM user space holds. <b>USS</b> (unique: Private_Clean + Private_Dirty) "
              "is what only this process maps, what ending it would give back. <b>Swap</b> is "
              "its memory in swap. The figures come from /proc/PID/smaps_rollup; reading it "
              "takes each process's mmap lock, so this page reads only while it is shown, every "
              "5 s at most often. <b>By mapping</b> sums every process's /proc/PID/smaps per "
              "file (by device and inode) and per kind of anonymous memory: the Pss of libc there "
              "is what libc costs the whole system. It is read only while that tab is shown, "
              "and takes about 2.5 times as long.");
}

} // namespace pg
