// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details/ProcessDetailsPanel.h"

#include "core/base/KernelNumbers.h"
#include "ui/common/Format.h"
#include "ui/common/KeyedSortProxy.h"
#include "ui/common/TableHeader.h"
#include "ui/details/CgroupModel.h"
#include "ui/details/CommandLineModel.h"
#include "ui/details/DetailFieldForm.h"
#include "ui/details/EnvironmentModel.h"
#include "ui/details/LimitsModel.h"
#include "ui/details/OpenFilesModel.h"
#include "ui/details/PcpDetailsView.h"
#include "ui/details/ProcessStateText.h"
#include "ui/details/ThreadsModel.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace pg {

struct ProcessDetailsPanel::Pane
{
    QStackedWidget* stack = nullptr;
    QLabel* message = nullptr;
};

namespace {

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QTreeView* makeTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTreeView(parent);
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAllColumnsShowFocus(true);
    view->header()->setStretchLastSection(true);
    view->sortByColumn(0, Qt::AscendingOrder);
    installTableHeader(view->header());
    return view;
}

QString bytes(std::uint64_t n)
{
    return n < 1024 ? ProcessDetailsPanel::tr("%1 B").arg(n) : fmt::kib(n / 1024);
}

} // namespace

ProcessDetailsPanel::ProcessDetailsPanel(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_envModel(new EnvironmentModel(this))
    , m_envProxy(new KeyedSortProxy(this))
    , m_envFilter(new QLineEdit(this))
    , m_argvModel(new CommandLineModel(this))
    , m_filesModel(new OpenFilesModel(this))
    , m_threadsModel(new ThreadsModel(this))
    , m_limitsModel(new LimitsModel(this))
    , m_cgroupModel(new CgroupModel(this))
{
    m_panes.resize(TabCount);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_tabs->setDocumentMode(true);

    addPane(Overview, buildOverview(), tr("Overview"));

    auto* argvView = makeTable(m_argvModel, this);
    argvView->header()->resizeSection(CommandLineModel::Index, 60);
    addPane(CommandLine, argvView, tr("Command line"));

    // Environment: filter box, table, copy.
    m_envProxy->setSourceModel(m_envModel);
    m_envProxy->setFilterKeyColumn(-1);
    m_envFilter->setPlaceholderText(tr("Filter names and values"));
    m_envFilter->setClearButtonEnabled(true);
    connect(m_envFilter, &QLineEdit::textChanged, m_envProxy,
        &QSortFilterProxyModel::setFilterFixedString);
    m_envView = makeTable(m_envProxy, this);
    m_envView->header()->resizeSection(EnvironmentModel::Name, 220);
    auto* copy = new QAction(tr("&Copy NAME=VALUE"), m_envView);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &ProcessDetailsPanel::copyEnvironment);
    m_envView->addAction(copy);
    m_envView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* copyButton = new QPushButton(tr("Copy"), this);
    copyButton->setToolTip(
        tr("Copy the selected variables (or all shown) as NAME=VALUE lines (Ctrl+C)"));
    connect(copyButton, &QPushButton::clicked, this, &ProcessDetailsPanel::copyEnvironment);
    auto* envPage = new QWidget(this);
    auto* envControls = new QHBoxLayout;
    envControls->addWidget(m_envFilter, 1);
    envControls->addWidget(copyButton);
    auto* envLayout = new QVBoxLayout(envPage);
    envLayout->setContentsMargins(0, 0, 0, 0);
    envLayout->addLayout(envControls);
    envLayout->addWidget(m_envView, 1);
    addPane(Environment, envPage, tr("Environment"));

    auto* filesProxy = new KeyedSortProxy(this);
    filesProxy->setSourceModel(m_filesModel);
    auto* filesView = makeTable(filesProxy, this);
    filesView->header()->resizeSection(OpenFilesModel::Fd, 50);
    filesView->header()->resizeSection(OpenFilesModel::Kind, 90);
    filesView->header()->resizeSection(OpenFilesModel::Position, 80);
    filesView->header()->resizeSection(OpenFilesModel::Target, 520);
    filesView->header()->resizeSection(OpenFilesModel::Flags, 280);
    m_filesNote = new QLabel(this);
    m_filesNote->setVisible(false);
    auto* filesPage = new QWidget(this);
    auto* filesLayout = new QVBoxLayout(filesPage);
    filesLayout->setContentsMargins(0, 0, 0, 0);
    filesLayout->addWidget(filesView, 1);
    filesLayout->addWidget(m_filesNote);
    addPane(OpenFiles, filesPage, tr("Open files"));

    auto* threadsProxy = new KeyedSortProxy(this);
    threadsProxy->setSourceModel(m_threadsModel);
    auto* threadsView = makeTable(threadsProxy, this);
    const int threadWidths[ThreadsModel::ColumnCount] = { 70, 180, 30, 60, 80, 130, 90, 50 };
    for (int c = 0; c < ThreadsModel::ColumnCount; ++c)
        threadsView->header()->resizeSection(c, threadWidths[c]);
    threadsView->header()->setStretchLastSection(false);
    addPane(Threads, threadsView, tr("Threads"));

    auto* limitsView = makeTable(m_limitsModel, this);
    limitsView->setSortingEnabled(false); // the kernel's order is the familiar one
    limitsView->header()->resizeSection(LimitsModel::Name, 200);
    limitsView->header()->resizeSection(LimitsModel::Soft, 120);
    limitsView->header()->resizeSection(LimitsModel::Hard, 120);
    auto* cgroupView = makeTable(m_cgroupModel, this);
    cgroupView->setSortingEnabled(false);
    cgroupView->header()->resizeSection(CgroupModel::Hierarchy, 110);
    cgroupView->header()->resizeSection(CgroupModel::Controllers, 200);
    m_limitsMessage = new QLabel(this);
    m_cgroupMessage = new QLabel(this);
    for (QLabel* l : { m_limitsMessage, m_cgroupMessage }) {
        l->setWordWrap(true);
        l->setVisible(false);
    }
    auto* limitsPage = new QWidget(this);
    auto* limitsLayout = new QVBoxLayout(limitsPage);
    limitsLayout->setContentsMargins(0, 0, 0, 0);
    limitsLayout->addWidget(
        new QLabel(tr("<b>Resource limits</b> (/proc/PID/limits, setrlimit(2))"), this));
    limitsLayout->addWidget(m_limitsMessage);
    limitsLayout->addWidget(limitsView, 3);
    limitsLayout->addWidget(
        new QLabel(tr("<b>Control groups</b> (/proc/PID/cgroup, cgroups(7))"), this));
    limitsLayout->addWidget(m_cgroupMessage);
    limitsLayout->addWidget(cgroupView, 1);
    addPane(Limits, limitsPage, tr("Limits && cgroup"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
    clearAll(tr("Select a process to see its details."));
}

ProcessDetailsPanel::~ProcessDetailsPanel() = default;

QWidget* ProcessDetailsPanel::buildOverview()
{
    auto* area = new QScrollArea(this);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    auto* inner = new QWidget(area);
    auto* columns = new QHBoxLayout(inner);
    const DetailFieldForm::Def defs[] = {
        { "pid", tr("PID"), tr("Process id (the directory /proc/PID)") },
        { "parent", tr("Parent"),
            tr("Parent process (field 4 of stat, ppid); click to select it") },
        { "user", tr("User"), tr("Owner: real and effective uid (Uid: line of /proc/PID/status)") },
        { "state", tr("State"), tr("Field 3 of /proc/PID/stat") },
        { "started", tr("Started"),
            tr("Boot time (btime of /proc/stat) + start time (field 22 of stat)") },
        { "elapsed", tr("Elapsed"), tr("Time since the process started: uptime − start time") },
        { "threads", tr("Threads"), tr("Field 20 of stat; see the Threads tab") },
        { "nice", tr("Nice / priority"),
            tr("Nice (field 19) and the kernel's priority (field 18)") },
        { "policy", tr("Scheduling"),
            tr("Scheduling policy (field 41) and real-time priority (field 40)") },
        { "cputime", tr("CPU time"),
            tr("User-space and kernel-space (system call, fault) CPU time, fields 14 and 15") },
        { "ctxsw", tr("Context switches"),
            tr("voluntary_ctxt_switches (it waited for something) and nonvoluntary_ctxt_switches "
               "(preempted), /proc/PID/status") },
        { "wchan", tr("Waiting in"),
            tr("/proc/PID/wchan: the kernel function the process sleeps in (0 when running)") },
        { "io", tr("I/O"),
            tr("/proc/PID/io: rchar/wchar count every byte passed to read(2)/write(2), including "
               "cache hits, pipes and sockets") },
        { "disk", tr("Storage I/O"),
            tr("/proc/PID/io: read_bytes/write_bytes actually fetched from or sent to storage") },
        { "syscalls", tr("Read/write calls"),
            tr("/proc/PID/io: syscr and syscw, the number of read and write system calls") },
        { "exe", tr("Executable"), tr("Target of the /proc/PID/exe link") },
        { "cwd", tr("Working directory"), tr("Target of the /proc/PID/cwd link") },
    };
    m_fields
        = DetailFieldForm(defs, inner, columns, 9, [this](int pid) { emit parentRequested(pid); });
    area->setWidget(inner);
    return area;
}

QWidget* ProcessDetailsPanel::addPane(Tab tab, QWidget* content, const QString& title)
{
    auto pane = std::make_unique<Pane>();
    pane->stack = new QStackedWidget(this);
    pane->message = new QLabel(pane->stack);
    pane->message->setWordWrap(true);
    pane->message->setAlignment(Qt::AlignCenter);
    pane->message->setTextFormat(Qt::PlainText);
    pane->message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    pane->stack->addWidget(content);
    pane->stack->addWidget(pane->message);
    m_tabs->addTab(pane->stack, title);
    QWidget* w = pane->stack;
    m_panes[static_cast<std::size_t>(tab)] = std::move(pane);
    return w;
}

void ProcessDetailsPanel::setPaneMessage(Tab tab, const QString& message)
{
    Pane& pane = *m_panes[static_cast<std::size_t>(tab)];
    pane.message->setText(message);
    pane.stack->setCurrentIndex(message.isEmpty() ? 0 : 1);
}

QString ProcessDetailsPanel::tabMessage(Tab tab) const
{
    const Pane& pane = *m_panes[static_cast<std::size_t>(tab)];
    return pane.stack->currentIndex() == 1 ? pane.message->text() : QString();
}

QString ProcessDetailsPanel::overviewField(const QString& id) const
{
    return m_fields.text(id);
}

QString ProcessDetailsPanel::title() const
{
    return m_title->text();
}

void ProcessDetailsPanel::setField(const QString& id, const QString& text, const QString& toolTip)
{
    m_fields.setText(id, text, toolTip);
}

void ProcessDetailsPanel::clearAll(const QString& message)
{
    m_title->setText(message);
    for (int t = 0; t < TabCount; ++t)
        setPaneMessage(static_cast<Tab>(t), message);
    m_envModel->setEnvironment({});
    m_argvModel->setArguments({});
    m_filesModel->setRows({});
    m_threadsModel->setRows({});
    m_limitsModel->setRows({});
    m_cgroupModel->setRows({});
}

void ProcessDetailsPanel::setUnavailable(const QString& reason)
{
    m_unavailable = reason;
    clearAll(reason);
    // The title is one line: the short form there, the whole reason in every tab and the tooltip
    // (a long title would make the window wider than the screen).
    m_title->setText(tr("Details: not available"));
    m_title->setToolTip(reason);
}

void ProcessDetailsPanel::setRemote(const QString& source)
{
    m_remoteSource = source;
    if (!m_pcpView) {
        m_pcpView = new PcpDetailsView(this);
        connect(m_pcpView, &PcpDetailsView::parentRequested, this,
            &ProcessDetailsPanel::parentRequested);
        // The Overview's content is PCP's form from now on.
        QStackedWidget* overview = m_panes[Overview]->stack;
        QWidget* local = overview->widget(0);
        overview->removeWidget(local);
        local->hide();
        overview->insertWidget(0, m_pcpView);
    }
    clearAll(tr("Select a process to see what %1 gives about it.").arg(source));
}

void ProcessDetailsPanel::setRemoteTabMessages()
{
    const QString from = tr("Not available from Performance Co-Pilot (%1): ").arg(m_remoteSource);
    setPaneMessage(CommandLine,
        from
            + tr("pmdaproc gives the command line as one string (proc.psinfo.psargs, on the "
                 "Overview tab): the arguments joined by spaces, so their boundaries are lost, "
                 "and cut at about 4 KB."));
    setPaneMessage(Environment,
        from
            + tr("proc.psinfo.environ joins the variables with spaces, so a value that contains a "
                 "space cannot be told from the next variable; no list is made of it."));
    setPaneMessage(OpenFiles,
        from
            + tr("pmdaproc counts the descriptors (proc.fd.count, on the Overview tab) but does "
                 "not list them."));
    setPaneMessage(Threads,
        from
            + tr("pmdaproc lists threads only when a client turns on "
                 "proc.control.perclient.threads, which puts every thread of the host into the "
                 "process table; the thread count is on the Overview tab."));
    setPaneMessage(Limits,
        from
            + tr("pmdaproc has no resource limits (/proc/PID/limits); the cgroups are on the "
                 "Overview tab (proc.psinfo.cgroups). Signals and renice are not sent to a remote "
                 "host or a recording."));
}

void ProcessDetailsPanel::applyPcpDetails(PcpDetailsPtr sample)
{
    if (!sample || !m_pcpView || !m_key || !(sample->key.pid == m_key->pid))
        return; // a late answer about a process no longer selected
    m_lastPcp = sample;
    const PcpProcessDetails& d = sample->details;
    const int pid = m_key->pid;
    if (!d.error.empty()) {
        clearAll(QString::fromStdString(d.error));
        return;
    }
    if (d.gone || d.reused) {
        clearAll(tr("Process %1 has exited on %2.").arg(pid).arg(m_remoteSource));
        return;
    }
    m_title->setText(tr("%1 · PID %2 · %3%4")
                         .arg(d.cmd ? fmt::displayBytes(*d.cmd) : QString())
                         .arg(pid)
                         .arg(m_remoteSource)
                         .arg(d.kernelThread ? tr(" · kernel thread") : QString()));
    m_pcpView->setDetails(d);
    setPaneMessage(Overview, {});
    setRemoteTabMessages();
}

void ProcessDetailsPanel::showProcess(const std::optional<ProcessKey>& key)
{
    if (key == m_key)
        return;
    m_key = key;
    m_last.reset();
    m_lastPcp.reset();
    if (!m_unavailable.isEmpty()) {
        // Nothing is read: the pid is not one of this machine's processes.
        setUnavailable(m_unavailable);
        return;
    }
    if (!key) {
        clearAll(tr("Select a process to see its details."));
        emit processChanged(0, 0);
        return;
    }
    clearAll(m_pcpView ? tr("Fetching process %1 from %2 …").arg(key->pid).arg(m_remoteSource)
                       : tr("Reading /proc/%1 …").arg(key->pid));
    emit processChanged(key->pid, key->startTimeTicks);
}

void ProcessDetailsPanel::showExited(const ProcessKey& key)
{
    if (!m_unavailable.isEmpty())
        return;
    QString name;
    if (m_last && m_last->key == key && m_last->details.stat)
        name = fmt::displayBytes(m_last->details.stat->comm);
    if (m_lastPcp && m_lastPcp->key.pid == key.pid && m_lastPcp->details.cmd)
        name = fmt::displayBytes(*m_lastPcp->details.cmd);
    showProcess(std::nullopt);
    clearAll(name.isEmpty() ? tr("Process %1 has exited.").arg(key.pid)
                            : tr("Process %1 (%2) has exited.").arg(key.pid).arg(name));
}

void ProcessDetailsPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    emit activeChanged(true);
}

void ProcessDetailsPanel::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    emit activeChanged(false);
}

void ProcessDetailsPanel::copyEnvironment()
{
    QStringList lines;
    const QModelIndexList selected = m_envView->selectionModel()->selectedRows();
    if (!selected.isEmpty()) {
        for (const QModelIndex& i : selected)
            lines << i.data(EnvironmentModel::RawRole).toString();
    } else {
        for (int r = 0; r < m_envProxy->rowCount(); ++r)
            lines << m_envProxy->index(r, 0).data(EnvironmentModel::RawRole).toString();
    }
    if (!lines.isEmpty())
        QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

void ProcessDetailsPanel::applyDetails(ProcessDetailsPtr sample)
{
    if (!sample || !m_key || !(sample->key == *m_key))
        return; // a late answer about a process no longer selected
    m_last = sample;
    const ProcessDetails& d = sample->details;
    const int pid = m_key->pid;
    if (d.gone() || sample->reused) {
        clearAll(tr("Process %1 has exited; its /proc/%1 directory is gone.").arg(pid));
        return;
    }
    if (!d.stat) {
        clearAll(q(explainReadError(d, "stat", d.stat.error())));
        return;
    }
    const bool kthread = d.kernelThread();
    m_title->setText(tr("%1 · PID %2%3")
                         .arg(fmt::displayBytes(d.stat->comm))
                         .arg(pid)
                         .arg(kthread ? tr(" · kernel thread") : QString()));
    fillOverview(*sample);
    setPaneMessage(Overview, {});

    auto why = [&d](const char* file, Error e) { return q(explainReadError(d, file, e)); };

    // Command line
    if (!d.cmdline) {
        setPaneMessage(CommandLine, why("cmdline", d.cmdline.error()));
    } else if (d.cmdline->empty()) {
        setPaneMessage(CommandLine,
            kthread
                ? tr("Kernel thread: it has no command line; it runs kernel code only.")
                : tr("/proc/%1/cmdline is empty: the process is a zombie or is exiting.").arg(pid));
        m_argvModel->setArguments({});
    } else {
        m_argvModel->setArguments(*d.cmdline);
        setPaneMessage(CommandLine, {});
    }

    // Environment
    if (kthread) {
        setPaneMessage(
            Environment, tr("Kernel thread: it has no environment (it has no user-space memory)."));
        m_envModel->setEnvironment({});
    } else if (!d.environ) {
        setPaneMessage(Environment, why("environ", d.environ.error()));
        m_envModel->setEnvironment({});
    } else if (d.environ->empty()) {
        setPaneMessage(Environment,
            tr("/proc/%1/environ is empty: the process was started with an empty environment, or "
               "it is a zombie.")
                .arg(pid));
        m_envModel->setEnvironment({});
    } else {
        m_envModel->setEnvironment(*d.environ);
        setPaneMessage(Environment, {});
    }

    // Open files
    if (!d.files) {
        setPaneMessage(OpenFiles, why("fd", d.files.error()));
        m_filesModel->setRows({});
    } else if (d.files->empty()) {
        setPaneMessage(OpenFiles,
            kthread ? tr("Kernel thread: it has no open files.")
                    : tr("The process has no open file descriptors."));
        m_filesModel->setRows({});
    } else {
        m_filesModel->setRows(*d.files);
        m_filesNote->setVisible(d.filesTruncated);
        m_filesNote->setText(tr("Only the first %1 descriptors are listed.").arg(kMaxFds));
        setPaneMessage(OpenFiles, {});
    }

    // Threads
    if (!d.threads) {
        setPaneMessage(Threads, why("task", d.threads.error()));
        m_threadsModel->setRows({});
    } else {
        m_threadsModel->setThreads(*d.threads, sample->threadCpuPercent, d.ticksPerSecond);
        setPaneMessage(Threads,
            d.threads->empty() ? tr("No threads could be read from /proc/%1/task.").arg(pid)
                               : QString());
    }

    // Limits & cgroup
    if (d.limits) {
        m_limitsModel->setRows(*d.limits);
        m_limitsMessage->setVisible(false);
    } else {
        m_limitsModel->setRows({});
        m_limitsMessage->setText(why("limits", d.limits.error()));
        m_limitsMessage->setVisible(true);
    }
    if (d.cgroup) {
        m_cgroupModel->setRows(*d.cgroup);
        m_cgroupMessage->setVisible(false);
    } else {
        m_cgroupModel->setRows({});
        m_cgroupMessage->setText(why("cgroup", d.cgroup.error()));
        m_cgroupMessage->setVisible(true);
    }
    setPaneMessage(Limits, {});
}

void ProcessDetailsPanel::fillOverview(const DetailsSample& sample)
{
    const ProcessDetails& d = sample.details;
    const PidStat& st = *d.stat;
    const bool kthread = d.kernelThread();
    const QString unknown = QStringLiteral("–");
    auto why = [&d](const char* file, Error e) { return q(explainReadError(d, file, e)); };

    setField(QStringLiteral("pid"), QString::number(d.pid));
    if (st.ppid <= 0) {
        setField(QStringLiteral("parent"), tr("none (started by the kernel)"));
    } else {
        const QString name
            = d.parentComm ? fmt::displayBytes(*d.parentComm).toHtmlEscaped() : tr("unknown");
        setField(QStringLiteral("parent"),
            QStringLiteral("<a href=\"pid:%1\">%2 (%1)</a>").arg(st.ppid).arg(name));
    }
    if (d.status && d.status->hasIds) {
        const auto& uid = d.status->uid;
        QString text = tr("%1 (uid %2)").arg(q(d.realUser)).arg(uid[0]);
        if (uid[1] != uid[0])
            text += tr(", effective %1 (uid %2)").arg(q(d.effectiveUser)).arg(uid[1]);
        else
            text += tr(", effective the same");
        setField(QStringLiteral("user"), text);
    } else {
        setField(QStringLiteral("user"), unknown,
            d.status ? QString() : why("status", d.status.error()));
    }
    setField(QStringLiteral("state"), processStateText(st.state));
    // Unknown start and CPU times are a dash with the reason, never 1970 or a wrapped number
    // (KernelNumbers.h).
    if (const auto startMs = startTimeUnixMs(d.bootTimeUnix, st.startTimeTicks, d.ticksPerSecond)) {
        setField(QStringLiteral("started"),
            QDateTime::fromMSecsSinceEpoch(*startMs).toString(
                QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    } else {
        setField(QStringLiteral("started"), unknown,
            d.bootTimeUnix
                ? tr("stat field 22 (starttime) is later than any time the kernel can count")
                : tr("the boot time (btime in %1/stat) cannot be read")
                      .arg(QString::fromStdString(d.procRoot)));
    }
    const auto elapsed = d.elapsedSeconds();
    setField(QStringLiteral("elapsed"), elapsed ? fmt::duration(*elapsed) : unknown,
        elapsed ? QString()
                : tr("needs %1/uptime and an in-range starttime")
                      .arg(QString::fromStdString(d.procRoot)));
    setField(QStringLiteral("threads"), QString::number(st.numThreads));
    setField(QStringLiteral("nice"), tr("%1 / %2").arg(st.nice).arg(st.priority));
    setField(QStringLiteral("policy"),
        st.rtPriority > 0
            ? tr("%1, real-time priority %2").arg(q(schedPolicyName(st.policy))).arg(st.rtPriority)
            : q(schedPolicyName(st.policy)));
    auto cpu = [&d](std::uint64_t ticks) {
        return ticksInKernelRange(ticks, d.ticksPerSecond) ? fmt::cpuTime(ticks, d.ticksPerSecond)
                                                           : QStringLiteral("–");
    };
    const bool cpuKnown = ticksInKernelRange(st.utimeTicks, d.ticksPerSecond)
        && ticksInKernelRange(st.stimeTicks, d.ticksPerSecond);
    setField(QStringLiteral("cputime"),
        tr("user %1, system %2").arg(cpu(st.utimeTicks), cpu(st.stimeTicks)),
        cpuKnown ? QString()
                 : tr("stat fields 14 and 15: a value larger than any CPU time the kernel can "
                      "count is unknown"));
    if (d.status && d.status->voluntaryCtxtSwitches)
        setField(QStringLiteral("ctxsw"),
            tr("%1 voluntary, %2 involuntary")
                .arg(*d.status->voluntaryCtxtSwitches)
                .arg(d.status->nonvoluntaryCtxtSwitches.value_or(0)));
    else
        setField(QStringLiteral("ctxsw"), unknown);
    if (d.wchan)
        setField(QStringLiteral("wchan"),
            !d.wchan->empty() && *d.wchan != "0" ? fmt::displayBytes(*d.wchan)
                : st.state == 'R'                ? tr("running (not waiting)")
                                  : tr("– (the kernel shows 0: it hides where a process sleeps "
                                       "from readers without ptrace access to it)"));
    else
        setField(QStringLiteral("wchan"), tr("– (%1)").arg(why("wchan", d.wchan.error())));
    if (d.io) {
        setField(QStringLiteral("io"),
            tr("read %1, written %2").arg(bytes(d.io->rcharBytes), bytes(d.io->wcharBytes)));
        setField(QStringLiteral("disk"),
            tr("read %1, written %2 (cancelled %3)")
                .arg(bytes(d.io->readBytes), bytes(d.io->writeBytes),
                    bytes(d.io->cancelledWriteBytes)));
        setField(QStringLiteral("syscalls"),
            tr("%1 reads, %2 writes").arg(d.io->readSyscalls).arg(d.io->writeSyscalls));
    } else {
        const QString text = tr("– (%1)").arg(why("io", d.io.error()));
        setField(QStringLiteral("io"), text);
        setField(QStringLiteral("disk"), unknown);
        setField(QStringLiteral("syscalls"), unknown);
    }
    auto link = [&](const char* id, const char* file, const Result<std::string>& target) {
        if (kthread)
            setField(QString::fromLatin1(id),
                tr("none: a kernel thread has no %1")
                    .arg(QLatin1String(std::string_view(file) == "exe"
                            ? "executable"
                            : "working directory of its own")));
        else if (target)
            setField(QString::fromLatin1(id), fmt::displayBytes(*target));
        else
            setField(QString::fromLatin1(id), tr("– (%1)").arg(why(file, target.error())));
    };
    link("exe", "exe", d.exe);
    link("cwd", "cwd", d.cwd);
}

} // namespace pg
