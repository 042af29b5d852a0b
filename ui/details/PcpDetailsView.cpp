// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details/PcpDetailsView.h"

#include "core/process/ProcessDetails.h"
#include "ui/common/Banner.h"
#include "ui/common/Format.h"
#include "ui/details/DetailFieldForm.h"
#include "ui/details/ProcessStateText.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace pg {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

// "– (why)": the reason a value is missing, on screen (a tooltip is easy to miss).
template <typename T> QString missing(const PcpDetail<T>& d)
{
    return PcpDetailsView::tr("– (%1)").arg(q(d.why));
}

// The first missing value's reason among `details`, or empty when all are there.
template <typename... T> QString firstMissing(const PcpDetail<T>&... details)
{
    QString why;
    ((why = why.isEmpty() && !details ? missing(details) : why), ...);
    return why;
}

QString bytes(std::uint64_t n)
{
    return n < 1024 ? PcpDetailsView::tr("%1 B").arg(n) : fmt::kib(n / 1024);
}

QString msTime(std::uint64_t ms)
{
    return fmt::cpuTime(ms, 1000);
}

} // namespace

PcpDetailsView::PcpDetailsView(QWidget* parent)
    : QScrollArea(parent)
    , m_note(new QLabel(this))
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto* inner = new QWidget(this);
    auto* outer = new QVBoxLayout(inner);
    auto* columns = new QHBoxLayout;
    outer->addLayout(columns);
    const DetailFieldForm::Def defs[] = {
        { "pid", tr("PID"), tr("The instance of pmdaproc's process metrics") },
        { "parent", tr("Parent"),
            tr("proc.psinfo.ppid (and its proc.psinfo.cmd); click to select it") },
        { "user", tr("User"), tr("proc.id.uid_nm / uid and proc.id.euid_nm / euid") },
        { "group", tr("Group"), tr("proc.id.gid_nm / gid and proc.id.egid_nm / egid") },
        { "state", tr("State"), tr("proc.psinfo.sname") },
        { "started", tr("Started"),
            tr("kernel.all.boottime + proc.psinfo.start_time (ms after boot)") },
        { "elapsed", tr("Elapsed"), tr("The fetch's timestamp − the start") },
        { "threads", tr("Threads"), tr("proc.psinfo.threads") },
        { "nice", tr("Nice / priority"), tr("proc.psinfo.nice and proc.psinfo.priority") },
        { "policy", tr("Scheduling"), tr("proc.psinfo.policy_s and proc.psinfo.rt_priority") },
        { "cputime", tr("CPU time"), tr("proc.psinfo.utime and proc.psinfo.stime") },
        { "ctxsw", tr("Context switches"),
            tr("proc.psinfo.vctxsw (it waited for something) and proc.psinfo.nvctxsw "
               "(preempted)") },
        { "wchan", tr("Waiting in"), tr("proc.psinfo.wchan_s: the kernel function it sleeps in") },
        { "tty", tr("Terminal"), tr("proc.psinfo.ttyname") },
        { "command", tr("Command"),
            tr("proc.psinfo.psargs: the arguments joined by spaces (their boundaries are lost) and "
               "cut at about 4 KB") },
        { "exe", tr("Executable"), tr("proc.psinfo.exe") },
        { "cwd", tr("Working directory"), tr("proc.psinfo.cwd") },
        { "cgroups", tr("Cgroups"), tr("proc.psinfo.cgroups: /proc/PID/cgroup, one line") },
        { "memory", tr("VIRT / RES / SHR"),
            tr("proc.psinfo.vsize, proc.memory.rss and share (statm): virtual size, resident, "
               "resident and "
               "file-backed or shared") },
        { "memparts", tr("Resident parts"),
            tr("proc.memory.textrss, datrss and librss: resident code, data + stack, "
               "libraries") },
        { "peaks", tr("Peaks"), tr("proc.memory.vmpeak and vmhwm: the largest VIRT and RES") },
        { "swap", tr("Swapped, locked"), tr("proc.memory.vmswap, vmlock and vmpte (page tables)") },
        { "smaps", tr("Pss / USS"),
            tr("proc.smaps.pss (split into pss_anon, pss_file, pss_shmem) and private_clean + "
               "private_dirty (USS): see the Memory map page for every smaps total") },
        { "io", tr("I/O"),
            tr("proc.io.rchar and wchar: every byte passed to read(2)/write(2), including cache "
               "hits, pipes and sockets") },
        { "disk", tr("Storage I/O"),
            tr("proc.io.read_bytes, write_bytes and cancelled_write_bytes: fetched from or sent "
               "to storage") },
        { "syscalls", tr("Read/write calls"), tr("proc.io.syscr and syscw") },
        { "fds", tr("Open descriptors"),
            tr("proc.fd.count: how many; the list itself is not in PCP") },
    };
    m_fields
        = DetailFieldForm(defs, inner, columns, 14, [this](int pid) { emit parentRequested(pid); });
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    setTextTone(m_note, TextTone::Dim);
    outer->addWidget(m_note);
    outer->addStretch(1);
    setWidget(inner);
}

QString PcpDetailsView::field(const QString& id) const
{
    return m_fields.text(id);
}

void PcpDetailsView::setField(const QString& id, const QString& text)
{
    m_fields.setText(id, text);
}

void PcpDetailsView::setDetails(const PcpProcessDetails& d)
{
    setField(QStringLiteral("pid"), QString::number(d.pid));
    if (!d.ppid) {
        setField(QStringLiteral("parent"), missing(d.ppid).toHtmlEscaped());
    } else if (*d.ppid <= 0) {
        setField(QStringLiteral("parent"), tr("none (started by the kernel)"));
    } else {
        const QString name
            = d.parentCmd ? fmt::displayBytes(*d.parentCmd).toHtmlEscaped() : tr("process");
        setField(QStringLiteral("parent"),
            QStringLiteral("<a href=\"pid:%1\">%2 (%1)</a>").arg(*d.ppid).arg(name));
    }
    auto ids = [](const PcpDetail<std::string>& name, const PcpDetail<std::uint64_t>& id,
                   const PcpDetail<std::string>& effName, const PcpDetail<std::uint64_t>& effId,
                   const char* kind) {
        if (!id)
            return missing(id);
        QString text = tr("%1 (%2 %3)")
                           .arg(name ? q(*name) : QString::number(*id), QLatin1String(kind))
                           .arg(*id);
        if (effId && *effId != *id)
            text += tr(", effective %1 (%2 %3)")
                        .arg(effName ? q(*effName) : QString::number(*effId), QLatin1String(kind))
                        .arg(*effId);
        else if (effId)
            text += tr(", effective the same");
        return text;
    };
    setField(QStringLiteral("user"), ids(d.user, d.uid, d.effectiveUser, d.euid, "uid"));
    setField(QStringLiteral("group"), ids(d.group, d.gid, d.effectiveGroup, d.egid, "gid"));
    setField(QStringLiteral("state"),
        d.state && !d.state->empty() ? processStateText((*d.state)[0]) : missing(d.state));
    if (const auto start = d.startUnixMs()) {
        setField(QStringLiteral("started"),
            QDateTime::fromMSecsSinceEpoch(*start).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        const double elapsed = d.timestampSec - static_cast<double>(*start) / 1000.0;
        setField(QStringLiteral("elapsed"), fmt::duration(elapsed));
    } else {
        const QString why = firstMissing(d.startMs, d.bootTimeSec);
        setField(QStringLiteral("started"), why);
        setField(QStringLiteral("elapsed"), QStringLiteral("–"));
    }
    setField(
        QStringLiteral("threads"), d.threads ? QString::number(*d.threads) : missing(d.threads));
    setField(QStringLiteral("nice"),
        d.nice && d.priority ? tr("%1 / %2").arg(*d.nice).arg(*d.priority)
                             : firstMissing(d.nice, d.priority));
    // The local panel's names (SCHED_OTHER), not pmdaproc's (NORMAL).
    const QString policy = d.policyNumber ? q(std::string(schedPolicyName(*d.policyNumber)))
        : d.policy                        ? q(*d.policy)
                                          : QString();
    if (!policy.isEmpty())
        setField(QStringLiteral("policy"),
            d.rtPriority && *d.rtPriority > 0
                ? tr("%1, real-time priority %2").arg(policy).arg(*d.rtPriority)
                : policy);
    else
        setField(QStringLiteral("policy"), missing(d.policyNumber));
    setField(QStringLiteral("cputime"),
        d.utimeMs && d.stimeMs
            ? tr("user %1, system %2").arg(msTime(*d.utimeMs), msTime(*d.stimeMs))
            : firstMissing(d.utimeMs, d.stimeMs));
    setField(QStringLiteral("ctxsw"),
        d.voluntaryCtxsw && d.involuntaryCtxsw
            ? tr("%1 voluntary, %2 involuntary").arg(*d.voluntaryCtxsw).arg(*d.involuntaryCtxsw)
            : firstMissing(d.voluntaryCtxsw, d.involuntaryCtxsw));
    if (!d.wchan)
        setField(QStringLiteral("wchan"), missing(d.wchan));
    else if (!d.wchan->empty() && *d.wchan != "0")
        setField(QStringLiteral("wchan"), fmt::displayBytes(*d.wchan));
    else
        setField(QStringLiteral("wchan"),
            d.state && *d.state == "R" ? tr("running (not waiting)")
                                       : tr("– (pmdaproc gives none: the kernel hides where a "
                                            "process sleeps from readers without ptrace access "
                                            "to it)"));
    setField(QStringLiteral("tty"),
        d.tty ? (d.tty->empty() || *d.tty == "?" ? tr("none") : q(*d.tty)) : missing(d.tty));
    auto text = [&d](const PcpDetail<std::string>& v, const QString& kernelThread) {
        if (d.kernelThread)
            return kernelThread;
        return v ? fmt::displayBytes(*v) : missing(v);
    };
    setField(
        QStringLiteral("command"), text(d.psargs, tr("none: a kernel thread has no command line")));
    setField(QStringLiteral("exe"), text(d.exe, tr("none: a kernel thread has no executable")));
    setField(QStringLiteral("cwd"),
        text(d.cwd, tr("none: a kernel thread has no working directory of its own")));
    setField(QStringLiteral("cgroups"), d.cgroups ? q(*d.cgroups) : missing(d.cgroups));

    const bool user = !d.kernelThread;
    auto kibs = [](const PcpDetail<std::uint64_t>& v) { return fmt::kib(*v); };
    setField(QStringLiteral("memory"),
        d.sizeKib && d.rssKib && d.shareKib
            ? tr("%1 / %2 / %3").arg(kibs(d.sizeKib), kibs(d.rssKib), kibs(d.shareKib))
            : firstMissing(d.sizeKib, d.rssKib, d.shareKib));
    setField(QStringLiteral("memparts"),
        d.textRssKib && d.dataRssKib && d.libRssKib
            ? tr("code %1, data %2, libraries %3")
                  .arg(kibs(d.textRssKib), kibs(d.dataRssKib), kibs(d.libRssKib))
            : firstMissing(d.textRssKib, d.dataRssKib, d.libRssKib));
    setField(QStringLiteral("peaks"),
        !user ? tr("none: a kernel thread has no memory of its own")
            : d.vmPeakKib && d.vmHwmKib
            ? tr("VIRT %1, RES %2").arg(kibs(d.vmPeakKib), kibs(d.vmHwmKib))
            : firstMissing(d.vmPeakKib, d.vmHwmKib));
    setField(QStringLiteral("swap"),
        !user ? tr("none: a kernel thread has no memory of its own")
            : d.vmSwapKib && d.vmLockKib && d.vmPteKib
            ? tr("swapped %1, locked %2, page tables %3")
                  .arg(kibs(d.vmSwapKib), kibs(d.vmLockKib), kibs(d.vmPteKib))
            : firstMissing(d.vmSwapKib, d.vmLockKib, d.vmPteKib));
    const PcpSmapsTotals& s = d.smaps;
    const auto uss = s.ussKib();
    if (!user) {
        setField(QStringLiteral("smaps"), tr("none: a kernel thread has no memory of its own"));
    } else if (s.pssKib && uss) {
        QString parts;
        if (s.pssAnonKib && s.pssFileKib && s.pssShmemKib)
            parts = tr(" (anonymous %1, file %2, shmem %3)")
                        .arg(kibs(s.pssAnonKib), kibs(s.pssFileKib), kibs(s.pssShmemKib));
        setField(QStringLiteral("smaps"),
            tr("Pss %1%2, USS %3").arg(kibs(s.pssKib), parts, fmt::kib(*uss)));
    } else {
        setField(QStringLiteral("smaps"), s.pssKib ? missing(uss) : missing(s.pssKib));
    }
    setField(QStringLiteral("io"),
        d.rcharBytes && d.wcharBytes
            ? tr("read %1, written %2").arg(bytes(*d.rcharBytes), bytes(*d.wcharBytes))
            : firstMissing(d.rcharBytes, d.wcharBytes));
    setField(QStringLiteral("disk"),
        d.readBytes && d.writeBytes && d.cancelledWriteBytes
            ? tr("read %1, written %2 (cancelled %3)")
                  .arg(bytes(*d.readBytes), bytes(*d.writeBytes), bytes(*d.cancelledWriteBytes))
            : firstMissing(d.readBytes, d.writeBytes, d.cancelledWriteBytes));
    setField(QStringLiteral("syscalls"),
        d.readSyscalls && d.writeSyscalls
            ? tr("%1 reads, %2 writes").arg(*d.readSyscalls).arg(*d.writeSyscalls)
            : firstMissing(d.readSyscalls, d.writeSyscalls));
    setField(QStringLiteral("fds"), d.fdCount ? QString::number(*d.fdCount) : missing(d.fdCount));
    const qint64 ms = static_cast<qint64>(d.timestampSec * 1000.0);
    m_note->setText(tr("From Performance Co-Pilot: pmdaproc on %1, fetched for this process only "
                       "(as of %2).")
                        .arg(q(d.source),
                            QDateTime::fromMSecsSinceEpoch(ms).toString(
                                QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
}

} // namespace pg
