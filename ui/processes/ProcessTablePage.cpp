// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/processes/ProcessTablePage.h"

#include "core/export/ProcessCsv.h"
#include "core/process/ProcessCollector.h"
#include "core/sampler/DetailsSampler.h"
#include "core/sampler/PcpDetailsSampler.h"
#include "core/sampler/ProcessSampler.h"
#include "ui/common/Banner.h"
#include "ui/common/CachedTextDelegate.h"
#include "ui/common/HeaderColumnChooser.h"
#include "ui/common/LayoutRestore.h"
#include "ui/common/SteadyTreeView.h"
#include "ui/common/TableHeader.h"
#include "ui/details/ProcessDetailsPanel.h"
#include "ui/processes/ProcessActionsController.h"
#include "ui/processes/ProcessFilterProxy.h"
#include "ui/processes/ProcessTableModel.h"
#include "ui/processes/ProcessTreeModel.h"
#include "ui/processes/SystemSummaryBar.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDataStream>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>
#include <unistd.h>
#include <unordered_set>

namespace pg {

ProcessTablePage::ProcessTablePage(
    ProcessSampler* source, DetailsSampler* details, const QString& procRoot, QWidget* parent)
    : ProcessTablePage(source, details, checkProcRoot(procRoot.toStdString()), parent)
{ }

ProcessTablePage* ProcessTablePage::forRemoteHost(ProcessSampler* source, const QString& host,
    bool recording, PcpDetailsSampler* details, QWidget* parent)
{
    // No /proc details sampler: nothing can ask this machine's /proc about a remote pid, and no
    // action request has anywhere to go (the actions are disabled besides).
    auto* page = new ProcessTablePage(source, nullptr,
        recording ? recordingCheck(host.toStdString()) : remoteHostCheck(host.toStdString()),
        parent);
    page->m_remoteHost = host;
    const QString pcpSource = recording ? host : tr("pmcd at %1").arg(host);
    page->m_model->setPcpSource(pcpSource);
    page->m_summary->setPcpSource(pcpSource);
    if (details) {
        page->m_details->setRemote(host);
        ProcessDetailsPanel* panel = page->m_details;
        connect(panel, &ProcessDetailsPanel::processChanged, details,
            &PcpDetailsSampler::setProcess, Qt::QueuedConnection);
        connect(panel, &ProcessDetailsPanel::activeChanged, details, &PcpDetailsSampler::setActive,
            Qt::QueuedConnection);
        connect(details, &PcpDetailsSampler::pcpDetailsReady, panel,
            &ProcessDetailsPanel::applyPcpDetails, Qt::QueuedConnection);
        const bool shown = panel->isVisible();
        QMetaObject::invokeMethod(
            details, [details, shown] { details->setActive(shown); }, Qt::QueuedConnection);
        return page;
    }
    page->m_details->setUnavailable(
        tr("Not available for %1: the details (command line, environment, open files, threads, "
           "limits, cgroup) read /proc/PID on the process's own machine, and Performance "
           "Co-Pilot gives only the table's columns. The table shows the processes of %2.")
            .arg(recording ? tr("a recording") : tr("a remote host"), host));
    return page;
}

ProcessTablePage::ProcessTablePage(
    ProcessSampler* source, DetailsSampler* details, ProcRootCheck root, QWidget* parent)
    : QWidget(parent)
    , m_model(new ProcessTableModel(this))
    , m_proxy(new ProcessFilterProxy(this))
    , m_summary(new SystemSummaryBar(this))
    , m_filter(new QLineEdit(this))
    , m_showKernelThreads(new QCheckBox(tr("Show &kernel threads"), this))
    , m_userFilter(new QComboBox(this))
    , m_message(new QLabel(this))
    , m_view(new SteadyTreeView(this)) // re-sorted every refresh: see SteadyTreeView.h
    , m_treeModel(new ProcessTreeModel(m_model, this))
    , m_treeView(new QTreeView(this))
    , m_treeSwitch(new QCheckBox(tr("&Tree"), this))
    , m_stack(new QStackedWidget(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_details(new ProcessDetailsPanel(this))
    , m_source(source)
    , m_actions(new ProcessActionsController(this, std::move(root), this))
    , m_contextMenu(new QMenu(this))
    , m_filterAction(new QAction(tr("&Filter processes"), this))
{
    m_proxy->setSourceModel(m_model);

    m_filter->setPlaceholderText(tr("Filter by name, command line, user or PID  (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_showKernelThreads->setChecked(true);
    m_showKernelThreads->setToolTip(tr(
        "Kernel threads have PF_KTHREAD in /proc/PID/stat's flags; they run only in kernel space"));
    m_message->setObjectName(QStringLiteral("processMessage"));
    m_message->setVisible(false);
    m_message->setWordWrap(true);
    styleBanner(m_message, BannerTone::Error);

    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new CachedTextDelegate(m_view)); // repainted every refresh
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->sortByColumn(ProcessTableModel::Cpu, Qt::DescendingOrder);
    QHeaderView* header = m_view->header();
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    header->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    const QFontMetrics fm = m_view->fontMetrics();
    const int digit = fm.horizontalAdvance(QLatin1Char('0'));
    const int widths[ProcessTableModel::ColumnCount]
        = { 8, 10, 3, 7, 10, 10, 10, 8, 6, 6, 8, 10, 40, 11, 11 };
    for (int c = 0; c < ProcessTableModel::ColumnCount; ++c)
        header->resizeSection(c, widths[c] * digit + 16);
    // The I/O rates cost a read of /proc/PID/io per process: hidden until asked for.
    header->setSectionHidden(ProcessTableModel::IoRead, true);
    header->setSectionHidden(ProcessTableModel::IoWrite, true);

    // The tree: same columns, the branches drawn in the Command column, shown first so that deep
    // children are indented from the left edge rather than cut off at the right.
    m_treeView->setModel(m_treeModel); // sorts and filters itself (see ProcessTreeModel.h)
    m_treeView->setItemDelegate(new CachedTextDelegate(m_treeView));
    m_treeView->setUniformRowHeights(true);
    m_treeView->setAlternatingRowColors(true);
    m_treeView->setSortingEnabled(true);
    m_treeView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_treeView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_treeView->setAllColumnsShowFocus(true);
    m_treeView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_treeView->setTextElideMode(Qt::ElideRight);
    m_treeView->setTreePosition(ProcessTableModel::Command);
    m_treeView->setIndentation(14);
    m_treeView->sortByColumn(ProcessTableModel::Cpu, Qt::DescendingOrder); // the table's
    QHeaderView* treeHeader = m_treeView->header();
    treeHeader->setStretchLastSection(false);
    treeHeader->setSectionsMovable(true);
    treeHeader->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    for (int c = 0; c < ProcessTableModel::ColumnCount; ++c)
        treeHeader->resizeSection(c, widths[c] * digit + 16);
    treeHeader->setSectionHidden(ProcessTableModel::IoRead, true);
    treeHeader->setSectionHidden(ProcessTableModel::IoWrite, true);
    treeHeader->moveSection(treeHeader->visualIndex(ProcessTableModel::Command), 0);
    treeHeader->resizeSection(ProcessTableModel::Command, 48 * digit);
    // Shown, the I/O columns stand before the table's Command column, which stays last and takes
    // the spare width (in the tree, Command is first and they stay at the end).
    for (int c : { ProcessTableModel::IoRead, ProcessTableModel::IoWrite })
        header->moveSection(
            header->visualIndex(c), header->visualIndex(ProcessTableModel::Command));
    // One column chooser for both views: a column hidden in one is hidden in the other.
    m_columns = installTableHeader(header, QStringLiteral("processes"));
    HeaderColumnChooser* treeColumns = installTableHeader(treeHeader, QStringLiteral("processes"));
    connect(m_columns, &HeaderColumnChooser::columnVisibilityChanged, treeColumns,
        &HeaderColumnChooser::setColumnVisible);
    connect(treeColumns, &HeaderColumnChooser::columnVisibilityChanged, m_columns,
        &HeaderColumnChooser::setColumnVisible);
    connect(m_columns, &HeaderColumnChooser::columnVisibilityChanged, this,
        &ProcessTablePage::columnVisibilityChanged);
    // /proc/PID/io is read only while an I/O column is shown. Showing or hiding a section also
    // resizes it (to or from 0), before it is marked hidden: look once the header is done.
    for (HeaderColumnChooser* chooser : { m_columns, treeColumns })
        connect(chooser, &HeaderColumnChooser::columnVisibilityChanged, this,
            &ProcessTablePage::updateIoSampling, Qt::QueuedConnection);
    for (QHeaderView* h : { header, treeHeader })
        connect(h, &QHeaderView::sectionResized, this, &ProcessTablePage::updateIoSampling,
            Qt::QueuedConnection);
    // New children show up under expanded parents: expand where rows arrive.
    connect(m_treeModel, &ProcessTreeModel::childrenArrived, m_treeView,
        [this](const QModelIndexList& parents) {
            for (const QModelIndex& where : parents)
                m_treeView->expand(where);
        });
    // Everything expanded but the "N × command" rows: 2,000 identical children stay one row.
    connect(m_treeModel, &QAbstractItemModel::modelReset, m_treeView, [this] {
        m_treeView->expandAll();
        for (const QModelIndex& group : m_treeModel->groupIndexes())
            m_treeView->collapse(group);
    });
    m_treeSwitch->setToolTip(tr(
        "Show processes as a parent/child tree (the parent is field 4 of /proc/PID/stat, ppid)"));
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_treeView);
    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(true);
    // Its tabs' contents would claim 40 % of a 760-pixel window before anything is selected.
    m_details->setMinimumHeight(120);

    m_userFilter->setToolTip(
        tr("Show every process, only yours (your uid, %1), or one user's").arg(::getuid()));
    m_userFilter->setAccessibleName(tr("User filter"));
    m_userFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_userFilter->addItem(tr("All users"), QStringLiteral("all"));
    m_userFilter->addItem(tr("My processes"), QStringLiteral("me"));
    m_userFilter->insertSeparator(2);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_filter, 1);
    controls->addWidget(m_userFilter);
    controls->addWidget(m_treeSwitch);
    controls->addWidget(m_showKernelThreads);
    // Filter first, then the rows it filters, then the switches.
    setTabOrder(m_filter, m_view);
    setTabOrder(m_view, m_treeView);
    setTabOrder(m_treeView, m_userFilter);
    setTabOrder(m_userFilter, m_treeSwitch);
    setTabOrder(m_treeSwitch, m_showKernelThreads);
    m_filter->installEventFilter(this);
    m_view->installEventFilter(this);
    m_treeView->installEventFilter(this);
    setProperty("pgShortcutHelp",
        QStringList {
            tr("Down\tIn the filter box: move into the rows (selects the first one)"),
            tr("Shift+F10, Menu\tThe selected processes' context menu"),
            tr("Enter, double-click\tThe selected process's memory map"),
        });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(controls);
    layout->addWidget(m_message);
    layout->addWidget(m_splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ProcessFilterProxy::setFilterText);
    connect(m_filter, &QLineEdit::textChanged, m_treeModel, &ProcessTreeModel::setFilterText);
    connect(m_filter, &QLineEdit::textChanged, this, &ProcessTablePage::updateHostStatus);
    connect(m_showKernelThreads, &QCheckBox::toggled, this, [this](bool show) {
        m_proxy->setHideKernelThreads(!show);
        m_treeModel->setHideKernelThreads(!show);
        updateHostStatus();
    });
    connect(m_userFilter, &QComboBox::currentIndexChanged, this, [this] {
        const UserFilter filter = userFilter();
        m_proxy->setUserFilter(filter);
        m_treeModel->setUserFilter(filter);
        updateHostStatus();
    });
    connect(m_treeSwitch, &QCheckBox::toggled, this, &ProcessTablePage::setTreeMode);
    connectView(m_view);
    connectView(m_treeView);
    connect(this, &ProcessTablePage::currentProcessChanged, m_details,
        &ProcessDetailsPanel::showProcess);
    connect(this, &ProcessTablePage::currentProcessChanged, m_actions,
        &ProcessActionsController::updateEnabled);
    connect(m_details, &ProcessDetailsPanel::parentRequested, this, [this](int pid) {
        // The parent may be hidden by the filter: an explicit request clears it.
        if (!selectPid(pid) && !m_filter->text().isEmpty()) {
            m_filter->clear();
            selectPid(pid);
        }
    });

    m_filterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(m_filterAction, &QAction::triggered, this, [this] {
        if (m_host)
            m_host->showPage(pageId());
        focusFilter();
    });
    m_contextMenu->addActions(m_actions->menu()->actions());
    connect(this, &ProcessTablePage::contextMenuRequested, this, [this](const QPoint& pos) {
        m_actions->updateEnabled();
        if (!m_contextMenu->isEmpty())
            m_contextMenu->popup(pos);
    });
    connect(m_actions->menu(), &QMenu::aboutToShow, m_actions,
        &ProcessActionsController::updateEnabled);
    if (m_source)
        connect(m_source, &ProcessSampler::snapshotReady, this, &ProcessTablePage::applySnapshot,
            Qt::QueuedConnection);
    if (details)
        connectDetails(details);
}

ProcessTablePage::~ProcessTablePage() = default;

void ProcessTablePage::connectDetails(DetailsSampler* details)
{
    // The panel asks for the selected process and says whether it is on screen; the worker
    // reads it then and on every process sample (it follows the process sampler).
    connect(m_details, &ProcessDetailsPanel::processChanged, details, &DetailsSampler::setProcess,
        Qt::QueuedConnection);
    connect(m_details, &ProcessDetailsPanel::activeChanged, details, &DetailsSampler::setActive,
        Qt::QueuedConnection);
    connect(details, &DetailsSampler::detailsReady, m_details, &ProcessDetailsPanel::applyDetails,
        Qt::QueuedConnection);
    const bool shown = m_details->isVisible();
    QMetaObject::invokeMethod(
        details, [details, shown] { details->setActive(shown); }, Qt::QueuedConnection);
    connect(m_actions, &ProcessActionsController::actionRequested, details,
        &DetailsSampler::perform, Qt::QueuedConnection);
    connect(details, &DetailsSampler::actionFinished, m_actions,
        &ProcessActionsController::showResult, Qt::QueuedConnection);
    connect(details, &DetailsSampler::actionFinished, this, [this] {
        if (m_host)
            m_host->refreshNow();
    });
}

Sampler* ProcessTablePage::pageSource() const
{
    return m_source;
}

QList<ExportSource> ProcessTablePage::pageExports()
{
    return { exportSource(ExportTableId::Processes, [this] {
        if (!m_last)
            return ExportTable { {}, tr("no sample of the processes has been taken yet") };
        return ExportTable { processesToCsv(*m_last), {} };
    }) };
}

void ProcessTablePage::addProcessAction(QAction* action)
{
    if (m_extraActions.isEmpty())
        m_contextMenu->addSeparator(); // collapsed when it would lead the menu
    m_extraActions << action;
    m_contextMenu->addAction(action);
}

QList<QAction*> ProcessTablePage::pageActions()
{
    QList<QAction*> actions { m_filterAction };
    actions += m_extraActions;
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    actions << separator;
    actions += m_actions->menu()->actions();
    return actions;
}

void ProcessTablePage::attachHost(PageHost& host)
{
    m_host = &host;
    connect(m_actions, &ProcessActionsController::statusMessage, this,
        [this](const QString& text) { m_host->showStatusMessage(text, 6000); });
    if (!m_actions->actionsAllowed()) {
        // Another PID namespace's /proc (or a fixture tree): say so where it stays visible.
        auto* notice = new QLabel(m_actions->disabledSummary());
        notice->setObjectName(QStringLiteral("actionsDisabledNotice"));
        notice->setToolTip(m_actions->disabledReason());
        m_host->addStatusWidget(notice);
        // Once the window is up: a message shown before that leaves the counts label visible
        // under it (QStatusBar hides only visible widgets), and the two texts overlap.
        QTimer::singleShot(
            0, this, [this] { m_host->showStatusMessage(m_actions->disabledReason(), 20000); });
    }
}

void ProcessTablePage::updateHostStatus()
{
    if (!m_host || !m_last)
        return;
    // The filters hide rows: say how many of them are shown ("1 of 85 processes").
    const qsizetype total = m_last->processes.size();
    const int shown = m_proxy->rowCount();
    const QString processes = shown == total ? tr("%1 processes").arg(total)
                                             : tr("%1 of %2 processes").arg(shown).arg(total);
    m_host->setStatus(tr("%1, %2 threads").arg(processes).arg(m_last->threadCount),
        tr("sampler: %1 ms CPU per refresh").arg(m_last->samplerCpuMs, 0, 'f', 1));
}

void ProcessTablePage::saveLayout(QSettings& settings, const QString& prefix) const
{
    settings.setValue(prefix + QStringLiteral("layout"), saveLayoutState());
    settings.setValue(
        prefix + QStringLiteral("showKernelThreads"), m_showKernelThreads->isChecked());
    settings.setValue(prefix + QStringLiteral("tree"), treeMode());
    settings.setValue(prefix + QStringLiteral("userFilter"), userFilter().toSetting(::getuid()));
}

void ProcessTablePage::restoreLayout(QSettings& settings, const QString& prefix)
{
    restoreLayoutState(settings.value(prefix + QStringLiteral("layout")).toByteArray());
    // Only "true" and "false" count: anything else leaves the default.
    auto flag = [&settings, &prefix](const char* key, bool fallback) {
        const QString v = settings.value(prefix + QLatin1String(key)).toString();
        return v == QLatin1String("true") ? true : v == QLatin1String("false") ? false : fallback;
    };
    m_showKernelThreads->setChecked(flag("showKernelThreads", m_showKernelThreads->isChecked()));
    setTreeMode(flag("tree", treeMode()));
    setUserFilter(UserFilter::fromSetting(
        settings.value(prefix + QStringLiteral("userFilter")).toString(), ::getuid()));
}

void ProcessTablePage::setUserFilter(const UserFilter& filter)
{
    const QString setting = filter.toSetting(::getuid());
    int index = m_userFilter->findData(setting);
    if (index < 0 && filter.kind != UserFilter::Kind::All) {
        // One user not seen yet (a restored choice), or a uid with no name.
        m_userFilter->addItem(
            filter.kind == UserFilter::Kind::Name ? filter.name : tr("uid %1").arg(filter.uid),
            setting);
        index = m_userFilter->count() - 1;
    }
    m_userFilter->setCurrentIndex(qMax(0, index));
}

UserFilter ProcessTablePage::userFilter() const
{
    return UserFilter::fromSetting(m_userFilter->currentData().toString(), ::getuid());
}

void ProcessTablePage::updateUserChoices(const ProcessSnapshot& snapshot)
{
    // Owners change rarely: compare the distinct names (shared strings) before touching the box.
    std::unordered_set<const std::string*> seen;
    QStringList users;
    for (const ProcessInfo& p : snapshot.processes) {
        if (p.uidKnown && p.user && seen.insert(p.user.get()).second)
            users << QString::fromStdString(*p.user);
    }
    users.sort(Qt::CaseInsensitive);
    users.removeDuplicates();
    if (users == m_knownUsers)
        return;
    m_knownUsers = users;
    const QSignalBlocker blocker(m_userFilter); // the choice stays the same
    const QString current = m_userFilter->currentData().toString();
    while (m_userFilter->count() > 3)
        m_userFilter->removeItem(3);
    for (const QString& user : std::as_const(users))
        m_userFilter->addItem(user, QStringLiteral("user:") + user);
    int index = m_userFilter->findData(current);
    if (index < 0 && current.startsWith(QLatin1String("user:"))) {
        m_userFilter->addItem(current.mid(5), current); // no process of that user right now
        index = m_userFilter->count() - 1;
    }
    m_userFilter->setCurrentIndex(qMax(0, index));
}

bool ProcessTablePage::isColumnVisible(int column) const
{
    return m_columns->isColumnVisible(column);
}

void ProcessTablePage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_splitterSized)
        return;
    m_splitterSized = true;
    // Once laid out: most of the height to the table, under a third to the details, unless the
    // saved layout (restored before this runs) sized them.
    QTimer::singleShot(0, this, [this] {
        const int h = m_splitter->height();
        if (!m_splitterRestored && h > 0)
            m_splitter->setSizes({ h - h * 3 / 10, h * 3 / 10 });
    });
}

bool ProcessTablePage::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (watched == m_filter)
            return keyInFilter(key);
        if (watched == m_view || watched == m_treeView)
            return keyInView(static_cast<QTreeView*>(watched), key);
    }
    return QWidget::eventFilter(watched, event);
}

namespace {

// Selects `index`'s row and makes it current.
void selectRow(QTreeView* view, const QModelIndex& index)
{
    view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view->scrollTo(index);
}

} // namespace

bool ProcessTablePage::keyInFilter(QKeyEvent* event)
{
    if (event->key() != Qt::Key_Down || event->modifiers() != Qt::NoModifier)
        return false;
    // Down leaves the filter for the rows, on the row that was selected or else the first.
    QTreeView* view = activeView();
    view->setFocus(Qt::TabFocusReason);
    if (!view->selectionModel()->hasSelection()) {
        const QModelIndex first = view->model()->index(0, 0);
        if (first.isValid())
            selectRow(view, first);
    }
    return true;
}

bool ProcessTablePage::keyInView(QTreeView* view, QKeyEvent* event)
{
    const int k = event->key();
    if (k == Qt::Key_Menu || (k == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier)) {
        // The context menu of the keyboard: under the current row, or at the top of the rows.
        const QRect row = view->visualRect(view->currentIndex());
        const QPoint at = row.isValid() ? QPoint(row.left() + 8, row.bottom()) : QPoint(8, 8);
        emit contextMenuRequested(view->viewport()->mapToGlobal(at));
        return true;
    }
    const bool move = k == Qt::Key_Down || k == Qt::Key_Up || k == Qt::Key_Home || k == Qt::Key_End
        || k == Qt::Key_PageDown || k == Qt::Key_PageUp;
    if (!move || event->modifiers() != Qt::NoModifier || view->selectionModel()->hasSelection())
        return false;
    // Nothing selected: the view would only move the current index, and with one row (a single
    // match) not even that. Select the current row, or the first, instead.
    QModelIndex target = view->currentIndex();
    if (!target.isValid())
        target = k == Qt::Key_End ? view->model()->index(view->model()->rowCount() - 1, 0)
                                  : view->model()->index(0, 0);
    if (!target.isValid())
        return false;
    selectRow(view, target.siblingAtColumn(0));
    return true;
}

void ProcessTablePage::connectView(QTreeView* view)
{
    // A click moves the current index before it selects the row: follow both signals.
    auto follow = [this, view] {
        if (view == activeView())
            emit currentProcessChanged(currentProcess());
    };
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, follow);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, follow);
    connect(view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const ProcessKey key = keyAt(index);
        if (key.pid > 0)
            emit processActivated(key);
    });
    connect(view, &QTreeView::customContextMenuRequested, this, [this, view](const QPoint& pos) {
        emit contextMenuRequested(view->viewport()->mapToGlobal(pos));
    });
}

QTreeView* ProcessTablePage::activeView() const
{
    return m_stack->currentWidget() == m_treeView ? m_treeView : m_view;
}

bool ProcessTablePage::treeMode() const
{
    return activeView() == m_treeView;
}

ProcessKey ProcessTablePage::keyAt(const QModelIndex& proxyIndex) const
{
    if (!proxyIndex.isValid())
        return {};
    if (proxyIndex.model() == m_treeModel)
        return m_treeModel->keyAt(proxyIndex);
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    return source.isValid() ? m_model->row(source.row()).info->key : ProcessKey {};
}

QModelIndex ProcessTablePage::proxyIndexOf(const ProcessKey& key, bool tree) const
{
    if (tree)
        return m_treeModel->indexOf(key);
    const int row = m_model->rowOf(key);
    return row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
}

void ProcessTablePage::setTreeMode(bool tree)
{
    if (tree == treeMode())
        return;
    const auto current = currentProcess();
    const QList<ProcessKey> selected = selectedProcesses();
    QTreeView* view = tree ? m_treeView : m_view;
    // The order the user chose carries over: siblings in the tree sort as the table does.
    const QHeaderView* from = activeView()->header();
    view->sortByColumn(from->sortIndicatorSection(), from->sortIndicatorOrder());
    {
        const QSignalBlocker blocker(m_treeSwitch);
        m_treeSwitch->setChecked(tree);
    }
    if (tree)
        m_treeModel->applySnapshot(m_model->snapshot()); // a reset: expands everything
    m_stack->setCurrentWidget(view);
    QItemSelection selection;
    for (const ProcessKey& key : selected) {
        const QModelIndex index = proxyIndexOf(key, tree);
        if (index.isValid())
            selection.select(index, index);
    }
    QItemSelectionModel* model = view->selectionModel();
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (current) {
        const QModelIndex index = proxyIndexOf(*current, tree);
        if (index.isValid()) {
            model->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
            view->scrollTo(index);
        }
    }
    if (!tree)
        m_treeModel->clear(); // 10,000 rows are not kept (or updated) for a hidden view
    updateIoSampling();
    if (currentProcess() != current)
        emit currentProcessChanged(currentProcess());
}

void ProcessTablePage::applySnapshot(const ProcessSnapshotPtr& snapshot)
{
    if (!snapshot)
        return;
    m_last = snapshot;
    const auto before = currentProcess();
    m_model->applySnapshot(snapshot);
    updateUserChoices(*snapshot);
    if (treeMode())
        m_treeModel->applySnapshot(snapshot); // after the flat model: it reads its cells there
    m_summary->applySnapshot(*snapshot);
    // An error (cannot list /proc) in red; a note (hidepid, subset=pid, processes that could not
    // be read: the first few named, all of them in the tooltip) in the tooltip colours.
    const bool error = !snapshot->listError.empty();
    std::string message = error ? snapshot->listError : snapshot->visibilityNote;
    if (!error && !snapshot->unreadable.empty()) {
        if (!message.empty())
            message += '\n';
        message += unreadableSummary(snapshot->unreadable, 5);
    }
    QStringList all;
    if (!error && !snapshot->unreadable.empty()) {
        all << tr("%1 could not be read:")
                   .arg(snapshot->unreadable.size() == 1
                           ? tr("1 process")
                           : tr("%1 processes").arg(snapshot->unreadable.size()));
        for (const UnreadableProcess& u : snapshot->unreadable) {
            const std::string_view why = errorText(u.error);
            all << QStringLiteral("%1 (%2: %3)")
                       .arg(u.pid)
                       .arg(QString::fromStdString(u.file),
                           QString::fromUtf8(why.data(), static_cast<qsizetype>(why.size())));
        }
    }
    m_message->setToolTip(all.join(QLatin1Char('\n')));
    if (!message.empty()) {
        m_message->setText(QString::fromStdString(message));
        m_message->setProperty("severity", error ? "error" : "note");
        styleBanner(m_message, error ? BannerTone::Error : BannerTone::Note);
        m_message->setVisible(true);
    } else {
        m_message->setVisible(false);
    }
    if (currentProcess() != before) {
        emit currentProcessChanged(currentProcess());
        if (before && !currentProcess() && m_model->rowOf(*before) < 0)
            m_details->showExited(*before);
    }
    if (m_pendingPid > 0) {
        selectPid(m_pendingPid);
        m_pendingPid = 0;
    }
    updateHostStatus();
    updateIoSampling();
}

bool ProcessTablePage::ioColumnsShown() const
{
    const QHeaderView* header = activeView()->header();
    return !header->isSectionHidden(ProcessTableModel::IoRead)
        || !header->isSectionHidden(ProcessTableModel::IoWrite);
}

void ProcessTablePage::updateIoSampling()
{
    const bool want = ioColumnsShown();
    if (want == m_ioSampling)
        return;
    m_ioSampling = want;
    if (m_source)
        QMetaObject::invokeMethod(
            m_source, [source = m_source, want] { source->setReadIo(want); }, Qt::QueuedConnection);
}

std::optional<ProcessKey> ProcessTablePage::currentProcess() const
{
    const QTreeView* view = activeView();
    const QModelIndex current = view->currentIndex();
    if (!current.isValid()
        || !view->selectionModel()->isRowSelected(current.row(), current.parent()))
        return std::nullopt;
    const ProcessKey key = keyAt(current);
    if (key.pid <= 0)
        return std::nullopt;
    return key;
}

QList<ProcessKey> ProcessTablePage::selectedProcesses() const
{
    QList<ProcessKey> keys;
    for (const QModelIndex& index : activeView()->selectionModel()->selectedRows()) {
        const ProcessKey key = keyAt(index);
        if (key.pid > 0)
            keys.append(key);
    }
    return keys;
}

bool ProcessTablePage::selectPid(int pid)
{
    const int row = m_model->rowOfPid(pid);
    if (row < 0)
        return false;
    const QModelIndex index = proxyIndexOf(m_model->row(row).info->key, treeMode());
    if (!index.isValid())
        return false;
    QTreeView* view = activeView();
    view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view->scrollTo(index);
    return true;
}

void ProcessTablePage::focusFilter()
{
    m_filter->setFocus();
    m_filter->selectAll();
}

QByteArray ProcessTablePage::saveLayoutState() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    // Version 2: the I/O columns exist (version 1 was saved before them).
    out << quint32(2) << m_view->header()->saveState() << m_treeView->header()->saveState()
        << m_splitter->saveState();
    return state;
}

void ProcessTablePage::restoreLayoutState(const QByteArray& state)
{
    QDataStream in(state);
    quint32 version = 0;
    QByteArray flat;
    QByteArray tree;
    QByteArray splitter;
    in >> version >> flat >> tree >> splitter;
    if (in.status() != QDataStream::Ok || (version != 1 && version != 2))
        return;
    // restoreState() moves the sort indicator but does not sort: sort explicitly.
    for (auto [view, header] : { std::pair { m_view, flat }, std::pair { m_treeView, tree } }) {
        if (!restoreHeaderLayout(view->header(), header))
            continue;
        view->sortByColumn(
            view->header()->sortIndicatorSection(), view->header()->sortIndicatorOrder());
        // QHeaderView shows the sections a saved state does not know: keep the I/O columns
        // hidden, as they are by default, after an upgrade.
        if (version == 1) {
            view->header()->setSectionHidden(ProcessTableModel::IoRead, true);
            view->header()->setSectionHidden(ProcessTableModel::IoWrite, true);
        }
    }
    m_splitterRestored = restoreSplitterLayout(m_splitter, splitter) || m_splitterRestored;
    updateIoSampling();
}

} // namespace pg
