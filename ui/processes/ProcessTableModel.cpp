// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/processes/ProcessTableModel.h"

#include "ui/common/Banner.h"
#include "ui/common/Format.h"
#include "ui/common/KeyedRowDiff.h"

#include <QColor>
#include <QDateTime>
#include <QGuiApplication>
#include <QPalette>
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace pg {

namespace {
constexpr std::size_t kMaxChangedRanges = 32;
constexpr std::size_t kMaxStructuralRuns = 16; // removal + insertion runs before one layout change
} // namespace

// Rows and snapshot are both in pid order, so the diff is a merge walk: no hashing, and no copies
// of rows that stay unless they changed.
struct ProcessTableModel::RowTraits
{
    using Row = ProcessTableModel::Row;
    using Incoming = const ProcessInfo*;
    using Key = ProcessKey;
    static constexpr bool kSorted = true;

    static const ProcessKey& keyOf(const Row& row) { return row.info->key; }
    static const ProcessKey& keyOf(const ProcessInfo* p) { return p->key; }
    static bool less(const ProcessKey& a, const ProcessKey& b)
    {
        return a.pid != b.pid ? a.pid < b.pid : a.startTimeTicks < b.startTimeTicks;
    }
    ProcessTableModel* model = nullptr;

    Row make(const ProcessInfo* p)
    {
        Row row;
        row.info = p;
        model->fillStrings(row);
        return row;
    }
    ColumnSpan update(Row& row, const ProcessInfo* p)
    {
        // The row moves to the new snapshot's copy of the process whether or not anything shows
        // differently: the old snapshot is released after this update.
        const ProcessInfo* before = std::exchange(row.info, p);
        const unsigned mask = changedColumns(*before, *p);
        if (!mask)
            return {};
        const bool stringsChanged = before->names != p->names || before->user != p->user
            || (Row::showsBracketed(*p, *row.strings) && row.strings->bracketed.isNull());
        if (stringsChanged)
            model->fillStrings(row);
        return ColumnSpan::fromMask(mask);
    }
};

ProcessTableModel::ProcessTableModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

int ProcessTableModel::rowOfPid(int pid) const
{
    // Rows are kept in pid order.
    auto it = std::lower_bound(m_rows.begin(), m_rows.end(), pid,
        [](const Row& row, int p) { return row.info->key.pid < p; });
    return it != m_rows.end() && it->info->key.pid == pid ? static_cast<int>(it - m_rows.begin())
                                                          : -1;
}

int ProcessTableModel::rowOf(const ProcessKey& key) const
{
    const int row = rowOfPid(key.pid);
    return row >= 0 && m_rows[static_cast<std::size_t>(row)].info->key == key ? row : -1;
}

void ProcessTableModel::fillStrings(Row& row)
{
    ++m_refilled;
    const ProcessInfo& p = *row.info;
    UserString& user = m_userStrings[p.user.get()];
    if (p.user && user.text.isNull())
        user.text = QString::fromStdString(*p.user);
    row.userString = &user;
    auto [it, made] = m_nameStrings.try_emplace(p.names.get());
    NameStrings& strings = it->second;
    if (made && p.names) {
        strings.comm = fmt::displayBytes(p.names->comm);
        if (!p.names->cmdline.empty())
            strings.command = fmt::displayBytes(p.names->cmdline);
    }
    if (p.names && Row::showsBracketed(p, strings) && strings.bracketed.isNull())
        strings.bracketed = QLatin1Char('[') + strings.comm + QLatin1Char(']');
    row.strings = &strings;
}

void ProcessTableModel::sweepStrings()
{
    // Strings no row uses any more go; counted only after a refresh that gave rows new strings
    // (new processes, changed names) or removed rows, which are the only ways one falls unused.
    for (const Row& row : m_rows) {
        ++row.strings->uses;
        ++row.userString->uses;
    }
    auto sweep = [](auto& map) {
        for (auto it = map.begin(); it != map.end();) {
            if (it->second.uses == 0) {
                it = map.erase(it);
            } else {
                it->second.uses = 0;
                ++it;
            }
        }
    };
    sweep(m_nameStrings);
    sweep(m_userStrings);
}

unsigned ProcessTableModel::changedColumns(const ProcessInfo& a, const ProcessInfo& b)
{
    auto bit = [](Column c) { return 1u << c; };
    unsigned mask = 0;
    // uidKnown: the User cell shows a dash for an unknown owner.
    if (a.uid != b.uid || a.user != b.user || a.uidKnown != b.uidKnown)
        mask |= bit(User);
    if (a.state != b.state)
        mask |= bit(State);
    const bool cpuSame
        = (std::isnan(a.cpuPercent) && std::isnan(b.cpuPercent)) || a.cpuPercent == b.cpuPercent;
    if (!cpuSame)
        mask |= bit(Cpu);
    if (a.virtKib != b.virtKib || a.memError != b.memError)
        mask |= bit(Virt);
    if (a.resKib != b.resKib || a.memError != b.memError)
        mask |= bit(Res);
    if (a.shrKib != b.shrKib || a.memError != b.memError)
        mask |= bit(Shr);
    if (a.threads != b.threads)
        mask |= bit(Threads);
    if (a.nice != b.nice)
        mask |= bit(Nice);
    if (a.priority != b.priority)
        mask |= bit(Priority);
    if (a.cpuTimeTicks() != b.cpuTimeTicks())
        mask |= bit(CpuTime);
    if (a.startTimeUnixMs != b.startTimeUnixMs)
        mask |= bit(Started);
    if (a.names != b.names || (a.state == 'Z') != (b.state == 'Z'))
        mask |= bit(Command);
    auto sameRate = [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; };
    if (!sameRate(a.ioReadBytesPerS, b.ioReadBytesPerS) || a.ioError != b.ioError)
        mask |= bit(IoRead);
    if (!sameRate(a.ioWriteBytesPerS, b.ioWriteBytesPerS) || a.ioError != b.ioError)
        mask |= bit(IoWrite);
    // A kernel thread shows "[comm]" and is greyed in every column.
    if (a.kernelThread != b.kernelThread)
        mask |= (1u << ColumnCount) - 1;
    return mask;
}

void ProcessTableModel::applySnapshot(const ProcessSnapshotPtr& snapshot)
{
    if (!snapshot)
        return;
    // Rows point into the snapshot: the previous one stays alive until every row has moved on.
    const ProcessSnapshotPtr previous = std::exchange(m_snapshot, snapshot);
    const QDate date = QDateTime::fromMSecsSinceEpoch(snapshot->takenAtUnixMs).date();
    if (date != m_startedDate) {
        m_startedText.clear();
        m_startedDate = date;
    }
    // Many scattered removal and insertion runs (a build tree exiting, thousands of processes)
    // become one layout change: each separate signal makes the sorting proxy remap every row and
    // moves the rows behind it, which at 10,000 processes and 100 exits cost more than a frame.
    // Past a few dozen changed ranges, one dataChanged over their union is cheaper for the proxy
    // and the view than thousands of one-row signals (each of which makes the proxy re-sort).
    KeyedRowDiff::Options options;
    options.maxStructuralRuns = kMaxStructuralRuns;
    options.maxChangedRanges = kMaxChangedRanges;
    RowTraits traits;
    traits.model = this;
    const std::size_t rowsBefore = m_rows.size();
    m_refilled = 0;
    KeyedRowDiff::apply(*this, {}, m_rows, processesByPid(*snapshot), traits, options);
    // Rows removed, or strings replaced: some strings may have lost their last row. Swept while
    // `previous` still holds every name the old rows pointed at.
    if (m_refilled > 0 || m_rows.size() < rowsBefore)
        sweepStrings();
}

QString ProcessTableModel::startedText(std::int64_t startUnixMs) const
{
    const std::int64_t minute
        = startUnixMs >= 0 ? startUnixMs / 60000 : (startUnixMs - 59999) / 60000;
    if (const auto it = m_startedText.find(minute); it != m_startedText.end())
        return it->second;
    if (m_startedText.size() >= 4096)
        m_startedText.clear(); // bounded; the visible rows fill it again
    QString text
        = fmt::startTime(startUnixMs, m_snapshot ? m_snapshot->takenAtUnixMs : startUnixMs);
    m_startedText.emplace(minute, text);
    return text;
}

QModelIndex ProcessTableModel::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

QModelIndex ProcessTableModel::parent(const QModelIndex&) const
{
    return {};
}

int ProcessTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProcessTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

QString stateName(char s)
{
    switch (s) {
    case 'R':
        return QStringLiteral("running");
    case 'S':
        return QStringLiteral("sleeping (interruptible wait)");
    case 'D':
        return QStringLiteral("uninterruptible sleep (usually I/O)");
    case 'Z':
        return QStringLiteral("zombie: exited, waiting for its parent to reap it");
    case 'T':
        return QStringLiteral("stopped by a signal");
    case 't':
        return QStringLiteral("stopped by a debugger (tracing stop)");
    case 'X':
        return QStringLiteral("dead");
    case 'I':
        return QStringLiteral("idle kernel thread");
    case 'P':
        return QStringLiteral("parked");
    default:
        return QStringLiteral("unknown state");
    }
}

// "512 B/s", "1.50 MiB/s"
QString bytesPerSecond(double bytes)
{
    if (bytes < 1024.0)
        return QStringLiteral("%1 B/s").arg(std::llround(bytes));
    return fmt::kib(static_cast<std::uint64_t>(bytes / 1024.0)) + QStringLiteral("/s");
}

} // namespace

QVariant ProcessTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const ProcessInfo& p = *row.info;
    const long tps = m_snapshot ? m_snapshot->clockTicksPerSecond : 100;
    const bool memUnknown = p.memError != Error::None;
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Pid:
            return p.key.pid;
        case User:
            return p.uidKnown ? row.user() : QStringLiteral("–");
        case State:
            return QString(QLatin1Char(p.state));
        case Cpu:
            return std::isnan(p.cpuPercent) ? QStringLiteral("–") : fmt::percent(p.cpuPercent);
        case Virt:
            return memUnknown ? QStringLiteral("–") : fmt::kib(p.virtKib);
        case Res:
            return memUnknown ? QStringLiteral("–") : fmt::kib(p.resKib);
        case Shr:
            return memUnknown ? QStringLiteral("–") : fmt::kib(p.shrKib);
        case Threads:
            return static_cast<qlonglong>(p.threads);
        case Nice:
            return static_cast<qlonglong>(p.nice);
        case Priority:
            return static_cast<qlonglong>(p.priority);
        case Started:
            if (!p.startTimeUnixMs)
                return QStringLiteral("–");
            return startedText(*p.startTimeUnixMs);
        case CpuTime:
            return p.cpuTimeTicks() ? fmt::cpuTime(*p.cpuTimeTicks(), tps) : QStringLiteral("–");
        case Command:
            return row.command();
        case IoRead:
            return std::isnan(p.ioReadBytesPerS) ? QStringLiteral("–")
                                                 : bytesPerSecond(p.ioReadBytesPerS);
        case IoWrite:
            return std::isnan(p.ioWriteBytesPerS) ? QStringLiteral("–")
                                                  : bytesPerSecond(p.ioWriteBytesPerS);
        }
        break;
    case SortRole:
        switch (column) {
        case Pid:
            return p.key.pid;
        case User:
            return row.user();
        case State:
            return QString(QLatin1Char(p.state));
        case Cpu:
            return std::isnan(p.cpuPercent) ? -1.0 : p.cpuPercent;
        case Virt:
            return memUnknown ? -1LL : static_cast<qlonglong>(p.virtKib);
        case Res:
            return memUnknown ? -1LL : static_cast<qlonglong>(p.resKib);
        case Shr:
            return memUnknown ? -1LL : static_cast<qlonglong>(p.shrKib);
        case Threads:
            return static_cast<qlonglong>(p.threads);
        case Nice:
            return static_cast<qlonglong>(p.nice);
        case Priority:
            return static_cast<qlonglong>(p.priority);
        case Started: // unknown sorts first, as the other unknown values do
            return p.startTimeUnixMs ? static_cast<qlonglong>(*p.startTimeUnixMs)
                                     : std::numeric_limits<qlonglong>::min();
        case CpuTime:
            return p.cpuTimeTicks() ? static_cast<qlonglong>(*p.cpuTimeTicks()) : -1LL;
        case Command:
            return row.command();
        case IoRead:
            return std::isnan(p.ioReadBytesPerS) ? -1.0 : p.ioReadBytesPerS;
        case IoWrite:
            return std::isnan(p.ioWriteBytesPerS) ? -1.0 : p.ioWriteBytesPerS;
        }
        break;
    case Qt::TextAlignmentRole:
        if (column == Command || column == User)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        if (column == State)
            return QVariant(Qt::AlignCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (!m_pcpSource.isEmpty())
            return pcpToolTip(row, column);
        switch (column) {
        case State:
            return QStringLiteral("%1: %2").arg(QLatin1Char(p.state)).arg(stateName(p.state));
        case Cpu:
            if (std::isnan(p.cpuPercent))
                return tr("Not measured yet: CPU % needs two samples of /proc/%1/stat.")
                    .arg(p.key.pid);
            return tr("%1 % of one CPU over the last interval (utime + stime deltas)")
                .arg(fmt::percent(p.cpuPercent));
        case Virt:
        case Res:
        case Shr:
            if (memUnknown)
                return tr("Unknown: /proc/%1/statm: %2")
                    .arg(p.key.pid)
                    .arg(QString::fromUtf8(errorText(p.memError).data()));
            return tr("%1 KiB").arg(column == Virt ? p.virtKib
                    : column == Res                ? p.resKib
                                                   : p.shrKib);
        case User:
            if (!p.uidKnown)
                return tr("Unknown: /proc/%1 could not be examined").arg(p.key.pid);
            return tr("uid %1 (owner of /proc/%2)").arg(p.uid).arg(p.key.pid);
        case Started:
            if (!p.startTimeUnixMs)
                return startTimeUnknownWhy(p);
            return QDateTime::fromMSecsSinceEpoch(*p.startTimeUnixMs).toString(Qt::ISODate);
        case CpuTime:
            if (!p.cpuTimeKnown)
                return tr("Unknown: /proc/%1/stat's utime or stime (fields 14, 15) is larger than "
                          "any CPU time the kernel can count")
                    .arg(p.key.pid);
            return {};
        case Command:
            if (p.names && p.names->cmdlineError != Error::None)
                return tr("%1\n(cmdline unreadable: %2)")
                    .arg(row.command(), QString::fromUtf8(errorText(p.names->cmdlineError).data()));
            if (p.kernelThread)
                return tr("%1\nKernel thread: it has no command line and no user-space memory.")
                    .arg(row.command());
            if (p.state == 'Z')
                return tr("%1\nZombie (defunct): it has exited and waits for its parent to reap "
                          "it; ps shows it as %1 <defunct>.")
                    .arg(row.command());
            if (p.names && p.names->cmdline.empty())
                return tr("%1\nNo command line (zombie or exiting process).").arg(row.command());
            return row.command();
        case IoRead:
        case IoWrite: {
            const double rate = column == IoRead ? p.ioReadBytesPerS : p.ioWriteBytesPerS;
            if (std::isnan(rate))
                return ioUnknownWhy(p);
            return tr("%1 bytes per second over the last interval (%2 of /proc/%3/io)")
                .arg(std::llround(rate))
                .arg(
                    column == IoRead ? QStringLiteral("read_bytes") : QStringLiteral("write_bytes"))
                .arg(p.key.pid);
        }
        default:
            break;
        }
        break;
    case Qt::ForegroundRole:
        if (p.kernelThread || p.state == 'Z')
            return toneColor(TextTone::Dim, QGuiApplication::palette()); // readable, set apart
        break;
    case PidRole:
        return p.key.pid;
    case KernelThreadRole:
        return p.kernelThread;
    default:
        break;
    }
    return {};
}

QString ProcessTableModel::startTimeUnknownWhy(const ProcessInfo& p) const
{
    if (m_snapshot && !m_snapshot->bootTimeError.empty())
        return tr("Unknown: %1").arg(QString::fromStdString(m_snapshot->bootTimeError));
    return tr("Unknown: /proc/%1/stat's starttime (field 22) is later than any time the kernel "
              "can count")
        .arg(p.key.pid);
}

QString ProcessTableModel::ioUnknownWhy(const ProcessInfo& p) const
{
    if (!m_snapshot || !m_snapshot->ioSampled)
        return tr("Not read: /proc/PID/io is read only while an I/O column is shown");
    if (p.ioError == Error::PermissionDenied)
        return tr("Unknown: /proc/%1/io: permission denied. Another user's I/O counters need "
                  "ptrace access: run Procglass as the process's owner or as root.")
            .arg(p.key.pid);
    if (p.ioError != Error::None)
        return tr("Unknown: /proc/%1/io: %2")
            .arg(p.key.pid)
            .arg(QString::fromUtf8(errorText(p.ioError).data()));
    return tr("Not measured yet: a rate needs two readings of /proc/%1/io").arg(p.key.pid);
}

void ProcessTableModel::setPcpSource(const QString& source)
{
    if (source == m_pcpSource)
        return;
    m_pcpSource = source;
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

QVariant ProcessTableModel::pcpToolTip(const Row& row, int column) const
{
    const ProcessInfo& p = *row.info;
    switch (column) {
    case State:
        return QStringLiteral("%1: %2").arg(QLatin1Char(p.state)).arg(stateName(p.state));
    case Cpu:
        if (std::isnan(p.cpuPercent))
            return tr("Not measured yet: CPU % needs two samples of proc.psinfo.utime and stime "
                      "from %1")
                .arg(m_pcpSource);
        return tr("%1 % of one CPU between the last two samples (proc.psinfo.utime + stime "
                  "deltas over the samples' timestamps)")
            .arg(fmt::percent(p.cpuPercent));
    case Virt:
    case Res:
    case Shr: {
        const QString metric = column == Virt ? QStringLiteral("proc.psinfo.vsize")
            : column == Res                   ? QStringLiteral("proc.memory.rss")
                                              : QStringLiteral("proc.memory.share");
        if (p.memError != Error::None)
            return tr("Unknown: %1 gave no %2 for pid %3").arg(m_pcpSource, metric).arg(p.key.pid);
        return tr("%1 KiB (%2)")
            .arg(column == Virt     ? p.virtKib
                    : column == Res ? p.resKib
                                    : p.shrKib)
            .arg(metric);
    }
    case User:
        if (!p.uidKnown)
            return tr("Unknown: %1 gave no proc.id.uid for pid %2").arg(m_pcpSource).arg(p.key.pid);
        return tr("uid %1 (proc.id.uid; the name is proc.id.uid_nm, as that host resolves it)")
            .arg(p.uid);
    case Started:
        if (!p.startTimeUnixMs)
            return startTimeUnknownWhy(p);
        return QDateTime::fromMSecsSinceEpoch(*p.startTimeUnixMs).toString(Qt::ISODate);
    case Command:
        if (p.kernelThread)
            return tr("%1\nKernel thread (proc.psinfo.flags has PF_KTHREAD).").arg(row.command());
        return tr("%1\nproc.psinfo.psargs: the arguments joined by spaces (their boundaries are "
                  "not kept) and cut at about 4 KB.")
            .arg(row.command());
    case IoRead:
    case IoWrite: {
        const double rate = column == IoRead ? p.ioReadBytesPerS : p.ioWriteBytesPerS;
        const QString metric
            = column == IoRead ? QStringLiteral("read_bytes") : QStringLiteral("write_bytes");
        if (!std::isnan(rate))
            return tr("%1 bytes per second between the last two samples (proc.io.%2)")
                .arg(std::llround(rate))
                .arg(metric);
        if (!m_snapshot || !m_snapshot->ioSampled)
            return tr("Not fetched: proc.io.* is asked of %1 only while an I/O column is shown, "
                      "and a recording has it only when it was recorded from a pmcd")
                .arg(m_pcpSource);
        if (p.ioError == Error::PermissionDenied)
            return tr("Unknown: %1 refuses proc.io.* for pid %2: another user's I/O counters "
                      "need pmdaproc to answer as that user or root (pcps:// with a user, or the "
                      "host's unix socket as root)")
                .arg(m_pcpSource)
                .arg(p.key.pid);
        return tr("Not measured yet: a rate needs two samples of proc.io.%1").arg(metric);
    }
    default:
        return {};
    }
}

QString ProcessTableModel::pcpColumnToolTip(int column)
{
    switch (column) {
    case Pid:
        return tr("Process ID: the instance of every proc.* metric");
    case User:
        return tr("Owner: proc.id.uid, named by proc.id.uid_nm on that host");
    case State:
        return tr("Scheduler state, proc.psinfo.sname (R running, S sleeping, D disk wait, "
                  "Z zombie, T stopped, I idle)");
    case Cpu:
        return tr("CPU use between the last two samples, from proc.psinfo.utime + stime; 100 % = "
                  "one CPU fully busy");
    case Virt:
        return tr("VIRT: proc.psinfo.vsize, the host's VmSize (64-bit; proc.memory.size is 32-bit "
                  "KiB and wraps at 4 TiB, which ASan and some runtimes reserve)");
    case Res:
        return tr("RES: proc.memory.rss, memory resident in RAM (statm field 2: RssAnon + "
                  "RssFile + RssShmem)");
    case Shr:
        return tr("SHR: proc.memory.share, resident pages backed by a file or shared memory "
                  "(statm field 3: RssFile + RssShmem)");
    case Threads:
        return tr("Number of threads, proc.psinfo.threads");
    case Nice:
        return tr("Nice value (-20 highest priority … 19 lowest), proc.psinfo.nice");
    case Priority:
        return tr("Kernel priority, proc.psinfo.priority");
    case Started:
        return tr("Start time: kernel.all.boottime + proc.psinfo.start_time");
    case CpuTime:
        return tr("Total CPU time used, proc.psinfo.utime + stime");
    case Command:
        return tr("Command line, proc.psinfo.psargs (arguments joined by spaces, cut at about "
                  "4 KB); [name] for kernel threads");
    case IoRead:
        return tr("Disk read rate: proc.io.read_bytes per second");
    case IoWrite:
        return tr("Disk write rate: proc.io.write_bytes per second");
    }
    return {};
}

QString ProcessTableModel::columnToolTip(int column)
{
    switch (column) {
    case Pid:
        return tr("Process ID (/proc/PID)");
    case User:
        return tr("Owner: the uid of the /proc/PID directory");
    case State:
        return tr("Scheduler state, field 3 of /proc/PID/stat (R running, S sleeping, D disk wait, "
                  "Z zombie, T stopped, I idle)");
    case Cpu:
        return tr(
            "CPU use over the last interval; 100 % = one CPU fully busy (as in top and htop)");
    case Virt:
        return tr("VIRT: all the virtual memory the process has mapped.\nstatm field 1 (size) × "
                  "page size = VmSize in /proc/PID/status");
    case Res:
        return tr("RES: memory resident in RAM.\nstatm field 2 (resident) × page size = RssAnon + "
                  "RssFile + RssShmem.\nOf a process that has not run, read again after the kernel "
                  "reclaimed or swapped memory and at least every 4 refreshes");
    case Shr:
        return tr("SHR: resident pages backed by a file or shared memory, whether or not another "
                  "process maps them.\nstatm field 3 (shared) × page size = RssFile + RssShmem");
    case Threads:
        return tr("Number of threads, field 20 of /proc/PID/stat");
    case Nice:
        return tr("Nice value (-20 highest priority … 19 lowest), field 19 of stat");
    case Priority:
        return tr("Kernel priority as stat field 18 shows it (20 + nice for normal processes; "
                  "negative for real-time)");
    case Started:
        return tr("Start time: boot time (btime) + field 22 of stat");
    case CpuTime:
        return tr("Total CPU time used, user + system (stat fields 14 and 15)");
    case Command:
        return tr("Command line from /proc/PID/cmdline; [name] for kernel threads and processes "
                  "without one");
    case IoRead:
        return tr("Disk read rate: read_bytes of /proc/PID/io per second, what the process made "
                  "the storage layer fetch (page-cache hits and pipes do not count)");
    case IoWrite:
        return tr("Disk write rate: write_bytes of /proc/PID/io per second, file pages the "
                  "process dirtied for the storage layer (tmpfs and pipes do not count)");
    }
    return {};
}

QVariant ProcessTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole)
        return m_pcpSource.isEmpty() ? columnToolTip(section) : pcpColumnToolTip(section);
    if (role == Qt::TextAlignmentRole)
        return QVariant(section == Command || section == User ? Qt::AlignLeft | Qt::AlignVCenter
                                                              : Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Pid:
        return tr("PID");
    case User:
        return tr("User");
    case State:
        return tr("S");
    case Cpu:
        return tr("CPU %");
    case Virt:
        return tr("VIRT");
    case Res:
        return tr("RES");
    case Shr:
        return tr("SHR");
    case Threads:
        return tr("Threads");
    case Nice:
        return tr("Nice");
    case Priority:
        return tr("Prio");
    case Started:
        return tr("Started");
    case CpuTime:
        return tr("CPU time");
    case Command:
        return tr("Command");
    case IoRead:
        return tr("Disk read");
    case IoWrite:
        return tr("Disk write");
    }
    return {};
}

} // namespace pg
