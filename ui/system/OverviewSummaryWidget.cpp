// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/system/OverviewSummaryWidget.h"

#include "ui/common/Banner.h"
#include "ui/common/Format.h"
#include "ui/system/OverviewFormat.h"

#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QGridLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QLabel>
#include <QMenu>
#include <QVBoxLayout>
#include <algorithm>

namespace pg {

namespace {

template <typename T> QString problem(const Sourced<T>& s)
{
    if (s.ok())
        return {};
    if (!s.notAvailable.empty())
        return OverviewSummaryWidget::tr("Not available from %1: %2.")
            .arg(QString::fromStdString(s.path), QString::fromStdString(s.notAvailable));
    return OverviewSummaryWidget::tr("Cannot read %1: %2")
        .arg(QString::fromStdString(s.path),
            QString::fromUtf8(
                errorText(s.error).data(), static_cast<qsizetype>(errorText(s.error).size())));
}

QString kibText(std::optional<std::uint64_t> v)
{
    return v ? fmt::kib(*v) : ofmt::unknown();
}

template <typename Int> QString countText(std::optional<Int> v)
{
    return v && *v >= 0 ? ofmt::count(static_cast<std::uint64_t>(*v)) : ofmt::unknown();
}

struct CpuState
{
    const char* key;
    const char* label; // procinfo's
    const char* context;
    const char* field;
    std::uint64_t CpuTimes::*ticks;
    double CpuShare::*share;
};

const CpuState kCpuStates[] = {
    { "user", "user", "user space", "(1) user", &CpuTimes::user, &CpuShare::user },
    { "nice", "nice", "user space (niced)", "(2) nice", &CpuTimes::nice, &CpuShare::nice },
    { "system", "system", "process context", "(3) system", &CpuTimes::system, &CpuShare::system },
    { "iowait", "IOwait", "idle, I/O pending", "(5) iowait", &CpuTimes::iowait, &CpuShare::iowait },
    { "irq", "hw irq", "interrupt context", "(6) irq", &CpuTimes::irq, &CpuShare::irq },
    { "softirq", "sw irq", "interrupt context", "(7) softirq", &CpuTimes::softirq,
        &CpuShare::softirq },
    { "steal", "steal", "another guest (hypervisor)", "(8) steal", &CpuTimes::steal,
        &CpuShare::steal },
    { "idle", "idle", "idle task (process context)", "(4) idle", &CpuTimes::idle, &CpuShare::idle },
};

struct PagingRow
{
    const char* key;
    const char* label;
    const char* field;
    const char* unit; // of the total
};

// procinfo's own labels are cut to eight characters ("page dea"), which reads as a label cut
// off: the words are spelled out, the keys stay procinfo's.
const PagingRow kPagingRows[] = {
    { "page_in", "page in", "pgpgin", "KiB read from disk into the page cache" },
    { "page_out", "page out", "pgpgout", "KiB written from the page cache to disk" },
    { "page_act", "pages activated", "pgactivate", "pages moved to the active list" },
    { "page_dea", "pages deactivated", "pgdeactivate", "pages moved to the inactive list" },
    { "page_flt", "page faults", "pgfault", "page faults (minor and major)" },
    { "major_flt", "major faults", "pgmajfault", "page faults that had to read from disk" },
    { "swap_in", "swap in", "pswpin", "pages read in from swap" },
    { "swap_out", "swap out", "pswpout", "pages written out to swap" },
};

QLabel* heading(const QString& text, Qt::Alignment align = Qt::AlignRight)
{
    // Plain text in a bold font: a rich-text label carries a whole QTextDocument.
    auto* l = new QLabel(text);
    l->setTextFormat(Qt::PlainText);
    QFont bold = l->font();
    bold.setBold(true);
    l->setFont(bold);
    l->setAlignment(align | Qt::AlignVCenter);
    return l;
}

// /proc/version on one line per part: "Linux version RELEASE", "(user@host)", "(compiler)",
// "#1 SMP ... (date)". Word wrap broke it inside words ("6.1.0-" | "18-amd64": a line may break
// after a hyphen); the parts are where a reader expects the breaks.
QString bannerLines(const QString& banner)
{
    QString out;
    int depth = 0;
    for (qsizetype i = 0; i < banner.size(); ++i) {
        const QChar c = banner[i];
        if (c == QLatin1Char(' ') && depth == 0 && i + 1 < banner.size()
            && (banner[i + 1] == QLatin1Char('(') || banner[i + 1] == QLatin1Char('#'))) {
            out += QLatin1Char('\n');
            continue;
        }
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')') && depth > 0)
            --depth;
        out += c;
    }
    return out;
}

} // namespace

OverviewSummaryWidget::OverviewSummaryWidget(QWidget* parent)
    : QWidget(parent)
{
    auto* outer = new QVBoxLayout(this);
    auto* columns = new QHBoxLayout;
    outer->addLayout(columns);
    auto* left = new QVBoxLayout;
    auto* right = new QVBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    // Memory, as procinfo and free print it.
    QGridLayout* g = nullptr;
    left->addWidget(section(QStringLiteral("memory"), tr("Memory"), g));
    const char* memCols[] = { "Total", "Used", "Free", "Buffers", "Cached", "Available" };
    for (int c = 0; c < 6; ++c)
        g->addWidget(heading(tr(memCols[c])), 1, c + 1);
    g->addWidget(heading(tr("RAM"), Qt::AlignLeft), 2, 0);
    const QString mi = QStringLiteral("/proc/meminfo ");
    figure(QStringLiteral("memory.total"), g, 2, 1, mi + QStringLiteral("MemTotal"));
    figure(QStringLiteral("memory.used"), g, 2, 2,
        tr("MemTotal − MemFree − Buffers − Cached − SReclaimable (/proc/meminfo), as free(1) "
           "computes it"));
    figure(QStringLiteral("memory.free"), g, 2, 3, mi + QStringLiteral("MemFree"));
    figure(QStringLiteral("memory.buffers"), g, 2, 4, mi + QStringLiteral("Buffers"));
    figure(QStringLiteral("memory.cached"), g, 2, 5, mi + QStringLiteral("Cached + SReclaimable"));
    figure(QStringLiteral("memory.available"), g, 2, 6,
        mi + tr("MemAvailable: the kernel's estimate of memory available without swapping"));
    // procinfo's Used (the seed's sample, what users compare with) under free(1)'s.
    g->addWidget(heading(tr("RAM, as procinfo"), Qt::AlignLeft), 3, 0);
    figure(QStringLiteral("memory.used_procinfo"), g, 3, 2,
        tr("MemTotal − MemFree (/proc/meminfo), as procinfo"));
    g->addWidget(heading(tr("Swap"), Qt::AlignLeft), 4, 0);
    figure(QStringLiteral("swap.total"), g, 4, 1, mi + QStringLiteral("SwapTotal"));
    figure(QStringLiteral("swap.used"), g, 4, 2, mi + QStringLiteral("SwapTotal − SwapFree"));
    figure(QStringLiteral("swap.free"), g, 4, 3, mi + QStringLiteral("SwapFree"));
    auto* usedNote = new QLabel(
        tr("Used: free(1) leaves out buffers and the page cache, which the kernel gives back "
           "when programs need memory; procinfo's Used is total − free, so it counts them."),
        this);
    usedNote->setObjectName(QStringLiteral("memory.used_note"));
    usedNote->setTextFormat(Qt::PlainText);
    usedNote->setWordWrap(true);
    setTextTone(usedNote, TextTone::Dim);
    g->addWidget(usedNote, 5, 0, 1, 7);

    // Boot, uptime, load and the process-creation and scheduling counters.
    left->addWidget(section(QStringLiteral("system"), tr("System"), g));
    const struct
    {
        const char* name;
        const char* label;
        const char* tip;
    } sys[] = {
        { "boot.time", "Bootup", "/proc/stat btime: boot time, seconds since the epoch" },
        { "uptime", "Uptime", "/proc/uptime field 1: seconds since boot" },
        { "load", "Load average",
            "/proc/loadavg fields 1-3: runnable + uninterruptible tasks, averaged over 1, 5 and 15 "
            "minutes" },
        { "tasks", "Tasks runnable / total",
            "/proc/loadavg field 4: runnable scheduling entities / all of them (threads "
            "included)" },
        { "procs", "Procs running / blocked",
            "/proc/stat procs_running and procs_blocked (blocked: waiting for I/O)" },
        { "ctxt", "Context switches",
            "/proc/stat ctxt: context switches since boot; rate over the refresh interval" },
        { "forks", "Forks (processes created)",
            "/proc/stat processes: fork()/clone() calls since boot; rate over the refresh "
            "interval" },
        { "intr", "Interrupts",
            "/proc/stat intr (first number): interrupts serviced since boot; per IRQ on the "
            "Interrupts page" },
    };
    for (int r = 0; r < static_cast<int>(std::size(sys)); ++r) {
        g->addWidget(heading(tr(sys[r].label), Qt::AlignLeft), r + 1, 0);
        const QString name = QString::fromLatin1(sys[r].name);
        figure(name, g, r + 1, 1, tr(sys[r].tip));
        if (r >= 5)
            figure(name + QStringLiteral(".rate"), g, r + 1, 2, tr(sys[r].tip));
    }
    auto* perIrq = new QLabel(tr("<a href=\"interrupts\">per IRQ…</a>"), this);
    perIrq->setToolTip(tr(
        "Open the Interrupts page: /proc/interrupts per IRQ and CPU, like procinfo's irq lines"));
    connect(perIrq, &QLabel::linkActivated, this, &OverviewSummaryWidget::pageLinkActivated);
    g->addWidget(perIrq, static_cast<int>(std::size(sys)), 3);

    // Kernel version, across both columns: its lines do not wrap (a wrapped "6.1.0-18-amd64"
    // broke after a hyphen), so they need the width.
    outer->addWidget(section(QStringLiteral("kernel"), tr("Kernel"), g));
    m_versionText = figure(QStringLiteral("kernel.proc_version"), g, 1, 0,
        tr("/proc/version: the kernel's banner (release, builder, compiler, build)"));
    m_versionText->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    g->removeWidget(m_versionText);
    g->addWidget(m_versionText, 1, 0, 1, 2);
    const struct
    {
        const char* name;
        const char* label;
        const char* tip;
    } un[] = {
        { "uname.all", "uname -a",
            "uname(2): sysname nodename release version machine, as uname -a prints them" },
        { "uname.sysname", "Kernel name (-s)", "uname(2) sysname" },
        { "uname.nodename", "Node name (-n)", "uname(2) nodename" },
        { "uname.release", "Release (-r)", "uname(2) release (also in /proc/version)" },
        { "uname.version", "Version (-v)", "uname(2) version (also in /proc/version)" },
        { "uname.machine", "Machine (-m)", "uname(2) machine" },
        { "kernel.compiler", "Compiler",
            "/proc/version: the compiler and linker the kernel was built with" },
    };
    for (int r = 0; r < static_cast<int>(std::size(un)); ++r) {
        g->addWidget(heading(tr(un[r].label), Qt::AlignLeft), r + 2, 0);
        QLabel* l = figure(QString::fromLatin1(un[r].name), g, r + 2, 1, tr(un[r].tip));
        l->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    }
    g->setColumnStretch(1, 1);
    left->addStretch(1);

    // CPU time by state, with the kernel context each stands for.
    right->addWidget(section(QStringLiteral("cpu"), tr("CPU time"), g));
    m_cpuChoice = new QComboBox(this);
    m_cpuChoice->addItem(tr("Whole machine"), -1);
    m_cpuChoice->setToolTip(
        tr("Show the whole machine's CPU time (/proc/stat cpu line) or one CPU's (cpuN line)"));
    connect(m_cpuChoice, &QComboBox::currentIndexChanged, this, [this] {
        if (m_last)
            applyCpu(*m_last);
    });
    g->addWidget(m_cpuChoice, 0, 0, 1, 2);
    g->addWidget(heading(tr("Kernel context"), Qt::AlignLeft), 1, 1);
    g->addWidget(heading(tr("Time")), 1, 2);
    g->addWidget(heading(tr("Since boot")), 1, 3);
    g->addWidget(heading(tr("Now")), 1, 4);
    int row = 2;
    for (const CpuState& st : kCpuStates) {
        const QString key = QString::fromLatin1(st.key);
        const QString src
            = tr("/proc/stat cpu line field %1, in USER_HZ ticks").arg(QLatin1String(st.field));
        g->addWidget(heading(QString::fromLatin1(st.label), Qt::AlignLeft), row, 0);
        auto* ctx = new QLabel(tr(st.context));
        ctx->setTextFormat(Qt::PlainText);
        ctx->setToolTip(
            tr("The kernel context this time is spent in (see the seed's \"Contexts\")"));
        g->addWidget(ctx, row, 1);
        figure(QStringLiteral("cpu.%1.time").arg(key), g, row, 2,
            src + tr(": accumulated time, h:mm:ss.hh"));
        figure(QStringLiteral("cpu.%1.since_boot").arg(key), g, row, 3,
            src + tr(": share of all CPU time since boot"));
        figure(QStringLiteral("cpu.%1.now").arg(key), g, row, 4,
            src + tr(": share of the last refresh interval"));
        ++row;
    }
    // The process page's "CPU" figure, by the same formula (core/system/CpuBusy.h).
    g->addWidget(heading(tr("busy"), Qt::AlignLeft), row, 0);
    auto* busyContext = new QLabel(tr("not idle, not iowait"));
    busyContext->setTextFormat(Qt::PlainText);
    g->addWidget(busyContext, row, 1);
    const QString busySource = tr("/proc/stat cpu line: all fields but (4) idle and (5) iowait");
    figure(QStringLiteral("cpu.busy.since_boot"), g, row, 3,
        busySource + tr(": share of all CPU time since boot"));
    figure(QStringLiteral("cpu.busy.now"), g, row, 4,
        busySource
            + tr(": share of the last refresh interval, as the Processes page's summary "
                 "shows it"));

    // Paging and swapping.
    right->addWidget(section(QStringLiteral("paging"), tr("Paging and swapping"), g));
    g->addWidget(heading(tr("Since boot")), 1, 1);
    g->addWidget(heading(tr("Per second")), 1, 2);
    row = 2;
    for (const PagingRow& p : kPagingRows) {
        const QString key = QString::fromLatin1(p.key);
        const QString tip = tr("/proc/vmstat %1: %2").arg(QLatin1String(p.field), tr(p.unit));
        g->addWidget(heading(QString::fromLatin1(p.label), Qt::AlignLeft), row, 0);
        figure(key, g, row, 1, tip);
        if (key != QLatin1String("page_act") && key != QLatin1String("page_dea"))
            figure(key + QStringLiteral(".rate"), g, row, 2,
                tip + tr(", per second over the refresh interval"));
        ++row;
    }
    right->addStretch(1);
    outer->addStretch(1);
}

QGroupBox* OverviewSummaryWidget::section(
    const QString& name, const QString& title, QGridLayout*& grid)
{
    auto* box = new QGroupBox(title, this);
    grid = new QGridLayout(box);
    grid->setHorizontalSpacing(14);
    auto* error = new QLabel(box);
    error->setTextFormat(Qt::PlainText); // it quotes paths and kernel text
    setTextTone(error, TextTone::Error);
    error->setWordWrap(true);
    error->hide();
    error->setObjectName(name + QStringLiteral(".error"));
    grid->addWidget(error, 0, 0, 1, 7);
    m_errors.insert(name, error);
    return box;
}

QLabel* OverviewSummaryWidget::figure(
    const QString& name, QGridLayout* grid, int row, int column, const QString& tip)
{
    auto* label = new QLabel(ofmt::unknown(), this);
    label->setObjectName(name);
    label->setToolTip(tip);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // Not mouse-selectable (that gives every label a text document of its own, ~7 KiB each):
    // the context menu copies a figure or the whole summary instead.
    label->setTextFormat(Qt::PlainText);
    grid->addWidget(label, row, column);
    m_figures.insert(name, label);
    return label;
}

void OverviewSummaryWidget::setText(const QString& name, const QString& text)
{
    if (QLabel* l = m_figures.value(name))
        l->setText(text);
}

QString OverviewSummaryWidget::figureText(const QString& name) const
{
    const QLabel* l = m_figures.value(name);
    return l ? copyText(l) : QString();
}

QString OverviewSummaryWidget::copyText(const QLabel* label)
{
    // A figure laid out on several lines (the kernel banner) copies as the one line it is.
    const QVariant original = label->property("pgCopyText");
    return original.isValid() ? original.toString() : label->text();
}

QString OverviewSummaryWidget::summaryText() const
{
    QStringList lines;
    for (const QGroupBox* box : findChildren<QGroupBox*>()) {
        const auto* grid = qobject_cast<const QGridLayout*>(box->layout());
        if (!grid)
            continue;
        lines << box->title();
        for (int r = 0; r < grid->rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < grid->columnCount(); ++c) {
                const QLayoutItem* item = grid->itemAtPosition(r, c);
                const auto* label = item ? qobject_cast<const QLabel*>(item->widget()) : nullptr;
                cells << (label && !label->isHidden() ? copyText(label) : QString());
            }
            while (!cells.isEmpty() && cells.last().isEmpty())
                cells.removeLast();
            if (!cells.isEmpty())
                lines << cells.join(QLatin1Char('\t'));
        }
        lines << QString();
    }
    return lines.join(QLatin1Char('\n'));
}

void OverviewSummaryWidget::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    const auto* label = qobject_cast<const QLabel*>(childAt(event->pos()));
    if (label && m_figures.value(label->objectName()) == label) {
        const QString text = copyText(label);
        menu.addAction(tr("Copy “%1”").arg(text.left(40)),
            [text] { QGuiApplication::clipboard()->setText(text); });
    }
    menu.addAction(tr("Copy the whole summary"),
        [this] { QGuiApplication::clipboard()->setText(summaryText()); });
    menu.exec(event->globalPos());
}

QString OverviewSummaryWidget::sectionError(const QString& section) const
{
    const QLabel* l = m_errors.value(section);
    return l && !l->isHidden() ? l->text() : QString();
}

void OverviewSummaryWidget::setSectionError(
    const QString& section, const QStringList& problems, TextTone tone)
{
    QLabel* l = m_errors.value(section);
    setTextTone(l, tone);
    QStringList real;
    for (const QString& p : problems) {
        if (!p.isEmpty())
            real << p;
    }
    l->setText(real.join(QLatin1Char('\n')));
    l->setHidden(real.isEmpty());
}

void OverviewSummaryWidget::apply(std::shared_ptr<const SystemOverview> overview)
{
    if (!overview)
        return;
    m_last = std::move(overview);
    const SystemOverview& o = *m_last;
    applyMemory(o);
    applySystem(o);
    applyCpu(o);
    applyPaging(o);
    applyKernel(o);
}

void OverviewSummaryWidget::applyMemory(const SystemOverview& o)
{
    setSectionError(QStringLiteral("memory"), { problem(o.memory) });
    const MemInfo* m = o.memory.value ? &*o.memory.value : nullptr;
    auto get = [m](const char* key) { return m ? m->get(key) : std::nullopt; };
    setText(QStringLiteral("memory.total"), kibText(get("MemTotal")));
    setText(QStringLiteral("memory.used"), kibText(m ? m->usedKib() : std::nullopt));
    const auto memTotal = get("MemTotal");
    const auto memFree = get("MemFree");
    setText(QStringLiteral("memory.used_procinfo"),
        kibText(memTotal && memFree && *memFree <= *memTotal ? std::optional(*memTotal - *memFree)
                                                             : std::nullopt));
    setText(QStringLiteral("memory.free"), kibText(get("MemFree")));
    setText(QStringLiteral("memory.buffers"), kibText(get("Buffers")));
    setText(QStringLiteral("memory.cached"), kibText(m ? m->cacheKib() : std::nullopt));
    setText(QStringLiteral("memory.available"), kibText(get("MemAvailable")));
    const auto total = get("SwapTotal");
    const auto free = get("SwapFree");
    setText(QStringLiteral("swap.total"), kibText(total));
    setText(QStringLiteral("swap.free"), kibText(free));
    setText(QStringLiteral("swap.used"),
        kibText(total && free && *free <= *total ? std::optional(*total - *free) : std::nullopt));
}

void OverviewSummaryWidget::applySystem(const SystemOverview& o)
{
    setSectionError(
        QStringLiteral("system"), { problem(o.stat), problem(o.uptime), problem(o.load) });
    const SystemStat* st = o.stat.value ? &*o.stat.value : nullptr;
    if (st && st->bootTimeUnix) {
        const QDateTime boot
            = QDateTime::fromSecsSinceEpoch(static_cast<qint64>(*st->bootTimeUnix));
        setText(
            QStringLiteral("boot.time"), boot.toString(QStringLiteral("ddd MMM d HH:mm:ss yyyy")));
    } else {
        setText(QStringLiteral("boot.time"), ofmt::unknown());
    }
    setText(QStringLiteral("uptime"),
        o.uptime.value ? fmt::duration(o.uptime.value->upSeconds) : ofmt::unknown());
    if (o.load.value) {
        const LoadAvg& l = *o.load.value;
        setText(QStringLiteral("load"),
            QStringLiteral("%1  %2  %3")
                .arg(l.load1, 0, 'f', 2)
                .arg(l.load5, 0, 'f', 2)
                .arg(l.load15, 0, 'f', 2));
        setText(QStringLiteral("tasks"), QStringLiteral("%1 / %2").arg(l.runnable).arg(l.total));
    } else {
        setText(QStringLiteral("load"), ofmt::unknown());
        setText(QStringLiteral("tasks"), ofmt::unknown());
    }
    using U = std::optional<std::uint64_t>;
    setText(QStringLiteral("procs"),
        st && st->procsRunning && st->procsBlocked
            ? QStringLiteral("%1 / %2").arg(*st->procsRunning).arg(*st->procsBlocked)
            : ofmt::unknown());
    setText(QStringLiteral("ctxt"), countText(st ? st->contextSwitches : U {}));
    setText(QStringLiteral("ctxt.rate"), ofmt::perSecond(o.now.contextSwitchesPerSec));
    setText(QStringLiteral("forks"), countText(st ? st->processesCreated : U {}));
    setText(QStringLiteral("forks.rate"), ofmt::perSecond(o.now.forksPerSec));
    setText(QStringLiteral("intr"), countText(st ? st->interruptsTotal : U {}));
    setText(QStringLiteral("intr.rate"), ofmt::perSecond(o.now.interruptsPerSec));
}

void OverviewSummaryWidget::applyCpu(const SystemOverview& o)
{
    setSectionError(QStringLiteral("cpu"), { problem(o.stat) });
    const SystemStat* st = o.stat.value ? &*o.stat.value : nullptr;
    // Keep the CPU choice list in step with the online CPUs.
    if (st && m_cpuChoice->count() != static_cast<int>(st->cpus.size()) + 1) {
        const int chosen = m_cpuChoice->currentData().toInt();
        QSignalBlocker block(m_cpuChoice);
        while (m_cpuChoice->count() > 1)
            m_cpuChoice->removeItem(1);
        for (const CpuTimes& c : st->cpus)
            m_cpuChoice->addItem(tr("CPU %1").arg(c.cpu), c.cpu);
        const int idx = m_cpuChoice->findData(chosen);
        m_cpuChoice->setCurrentIndex(idx >= 0 ? idx : 0);
    }
    const int chosen = m_cpuChoice->currentData().toInt();
    const CpuTimes* times = nullptr;
    CpuShare share;
    if (st && chosen < 0) {
        times = &st->total;
        share = o.now.cpu;
    } else if (st) {
        for (std::size_t i = 0; i < st->cpus.size(); ++i) {
            if (st->cpus[i].cpu == chosen) {
                times = &st->cpus[i];
                share = i < o.cpuShares.size() ? o.cpuShares[i] : CpuShare {};
            }
        }
    }
    for (const CpuState& s : kCpuStates) {
        const QString key = QString::fromLatin1(s.key);
        QString time = ofmt::unknown(), sinceBoot = ofmt::unknown(), now = ofmt::unknown();
        if (times) {
            time = fmt::cpuTime(times->*s.ticks, o.ticksPerSecond);
            if (times->total() > 0)
                sinceBoot = QStringLiteral("%1 %").arg(100.0 * static_cast<double>(times->*s.ticks)
                        / static_cast<double>(times->total()),
                    0, 'f', 1);
        }
        if (share.valid)
            now = QStringLiteral("%1 %").arg(share.*s.share, 0, 'f', 1);
        setText(QStringLiteral("cpu.%1.time").arg(key), time);
        setText(QStringLiteral("cpu.%1.since_boot").arg(key), sinceBoot);
        setText(QStringLiteral("cpu.%1.now").arg(key), now);
    }
    QString busySinceBoot = ofmt::unknown();
    if (times && times->total() > 0)
        busySinceBoot = QStringLiteral("%1 %").arg(fmt::percent(100.0
            * static_cast<double>(times->total() - std::min(times->idleAll(), times->total()))
            / static_cast<double>(times->total())));
    setText(QStringLiteral("cpu.busy.since_boot"), busySinceBoot);
    setText(QStringLiteral("cpu.busy.now"),
        share.busyPercent ? QStringLiteral("%1 %").arg(fmt::percent(*share.busyPercent))
                          : ofmt::unknown());
}

void OverviewSummaryWidget::applyPaging(const SystemOverview& o)
{
    setSectionError(QStringLiteral("paging"), { problem(o.vmstat) });
    const VmStat* vm = o.vmstat.value ? &*o.vmstat.value : nullptr;
    using I = std::optional<std::int64_t>;
    setText(QStringLiteral("page_in"),
        vm && vm->pageInKib() ? fmt::kib(static_cast<std::uint64_t>(*vm->pageInKib()))
                              : ofmt::unknown());
    setText(QStringLiteral("page_out"),
        vm && vm->pageOutKib() ? fmt::kib(static_cast<std::uint64_t>(*vm->pageOutKib()))
                               : ofmt::unknown());
    setText(QStringLiteral("page_act"), countText(vm ? vm->pagesActivated() : I {}));
    setText(QStringLiteral("page_dea"), countText(vm ? vm->pagesDeactivated() : I {}));
    setText(QStringLiteral("page_flt"), countText(vm ? vm->pageFaults() : I {}));
    setText(QStringLiteral("major_flt"), countText(vm ? vm->majorPageFaults() : I {}));
    setText(QStringLiteral("swap_in"), countText(vm ? vm->swapInPages() : I {}));
    setText(QStringLiteral("swap_out"), countText(vm ? vm->swapOutPages() : I {}));
    const std::optional<double> kibRates[] = { o.now.pageInKibPerSec, o.now.pageOutKibPerSec };
    setText(QStringLiteral("page_in.rate"),
        kibRates[0] ? ofmt::byteRate(*kibRates[0] * 1024) : ofmt::unknown());
    setText(QStringLiteral("page_out.rate"),
        kibRates[1] ? ofmt::byteRate(*kibRates[1] * 1024) : ofmt::unknown());
    setText(QStringLiteral("page_flt.rate"), ofmt::perSecond(o.now.pageFaultsPerSec));
    setText(QStringLiteral("major_flt.rate"), ofmt::perSecond(o.now.majorFaultsPerSec));
    setText(QStringLiteral("swap_in.rate"), ofmt::perSecond(o.now.swapInPagesPerSec));
    setText(QStringLiteral("swap_out.rate"), ofmt::perSecond(o.now.swapOutPagesPerSec));
}

void OverviewSummaryWidget::applyKernel(const SystemOverview& o)
{
    QStringList problems { problem(o.version) };
    if (!o.uname.ok())
        problems << (o.uname.error == Error::None
                ? tr("uname(2) not shown: --proc-root is not the running system's /proc")
                : problem(o.uname));
    // Only "not available" (a PCP source has no /proc/version): a note, not an error.
    const bool onlyNote = !o.version.notAvailable.empty() && o.uname.ok();
    setSectionError(QStringLiteral("kernel"), problems, onlyNote ? TextTone::Dim : TextTone::Error);
    if (o.version.value) {
        const QString banner = fmt::displayBytes(o.version.value->text);
        setText(QStringLiteral("kernel.proc_version"), bannerLines(banner));
        m_versionText->setProperty("pgCopyText", banner);
        setText(QStringLiteral("kernel.compiler"), fmt::displayBytes(o.version.value->compiler));
    } else {
        setText(QStringLiteral("kernel.proc_version"), ofmt::unknown());
        m_versionText->setProperty("pgCopyText", QVariant());
        setText(QStringLiteral("kernel.compiler"), ofmt::unknown());
    }
    const UnameInfo* u = o.uname.value ? &*o.uname.value : nullptr;
    auto put = [&](const char* name, const std::string UnameInfo::*field) {
        setText(QString::fromLatin1(name), u ? fmt::displayBytes(u->*field) : ofmt::unknown());
    };
    put("uname.sysname", &UnameInfo::sysname);
    put("uname.nodename", &UnameInfo::nodename);
    put("uname.release", &UnameInfo::release);
    put("uname.version", &UnameInfo::version);
    put("uname.machine", &UnameInfo::machine);
    setText(QStringLiteral("uname.all"),
        u ? fmt::displayBytes(
            u->sysname + ' ' + u->nodename + ' ' + u->release + ' ' + u->version + ' ' + u->machine)
          : ofmt::unknown());
}

} // namespace pg
