#include "ui/shell/MainWindow.h"

#include "core/base/RefreshInterval.h"
#include "core/export/ProcessCsv.h"
#include "core/sampler/DetailsSampler.h"
#include "core/sampler/ProcessSampler.h"
#include "ui/common/LayoutRestore.h"
#include "ui/details/ProcessDetailsPanel.h"
#include "ui/processes/ProcessActionsController.h"
#include "ui/processes/ProcessTablePage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScopedValueRollback>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

namespace pg {

namespace {

const int kIntervals[] = { 500, 1000, 2000, 5000 };

QString intervalText(int ms)
{
    // "2 s", "0.5 s", "0.25 s", "0.125 s": never a rounded "0.3 s" for 250 ms.
    QString seconds = QString::number(ms / 1000.0, 'f', 3);
    while (seconds.endsWith(QLatin1Char('0')))
        seconds.chop(1);
    if (seconds.endsWith(QLatin1Char('.')))
        seconds.chop(1);
    return MainWindow::tr("%1 s").arg(seconds);
}

// The column header of a tree or table view (pages' views, for the saved column layout).
QHeaderView* columnHeader(QAbstractItemView* view)
{
    if (auto* tree = qobject_cast<QTreeView*>(view))
        return tree->header();
    if (auto* table = qobject_cast<QTableView*>(view))
        return table->horizontalHeader();
    return nullptr;
}

} // namespace

MainWindow::MainWindow(const AppOptions& options, ProcessSampler* sampler, QWidget* parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_sampler(sampler)
    , m_tabs(new QTabWidget(this))
    , m_processPage(new ProcessTablePage(this))
    , m_statusCounts(new QLabel(this))
    , m_statusSampler(new QLabel(this))
    , m_intervalMs(
          isRefreshIntervalMs(options.intervalMs) ? options.intervalMs : kDefaultRefreshIntervalMs)
{
    setWindowTitle(tr("Procglass"));
    // PNGs rendered from the SVG (resources/CMakeLists.txt says how): an SVG window icon would
    // load the Qt SVG plugin and library (~0.5 MiB of RSS) just for this.
    QIcon icon;
    for (int size : { 32, 64, 128 })
        icon.addFile(QStringLiteral(":/icons/procglass-%1.png").arg(size), QSize(size, size));
    setWindowIcon(icon);
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);
    addPage(QStringLiteral("processes"), tr("&Processes"), m_processPage);
    m_processMenu = new QMenu(this);
    connect(
        m_processPage, &ProcessTablePage::contextMenuRequested, this, [this](const QPoint& pos) {
            if (!m_processMenu->isEmpty())
                m_processMenu->popup(pos);
        });
    statusBar()->addWidget(m_statusCounts, 1);
    statusBar()->addPermanentWidget(m_statusSampler);
    m_statusSampler->setToolTip(
        tr("CPU time the sampler thread spent reading and parsing /proc for the last refresh"));
    m_statusCounts->setText(tr("Reading %1…").arg(options.procRoot));
    buildActions();
    resize(1200, 760);

    if (m_sampler) {
        connect(this, &MainWindow::intervalChanged, m_sampler, &ProcessSampler::setIntervalMs,
            Qt::QueuedConnection);
        connect(this, &MainWindow::pausedChanged, m_sampler, &ProcessSampler::setPaused,
            Qt::QueuedConnection);
        connect(this, &MainWindow::refreshRequested, m_sampler, &ProcessSampler::refreshNow,
            Qt::QueuedConnection);
        connect(m_sampler, &ProcessSampler::snapshotReady, this, &MainWindow::applySnapshot,
            Qt::QueuedConnection);
    }
    m_pendingInitialPid = options.initialPid > 0;
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_startPageShown && !m_cycling)
            m_pageChosen = true;
        emit pageChanged(currentPageId());
    });
    if (options.cyclePagesMs > 0) {
        auto* cycle = new QTimer(this);
        connect(cycle, &QTimer::timeout, this, &MainWindow::showNextView);
        cycle->start(options.cyclePagesMs);
    }
    if (!options.initialPage.isEmpty())
        showPage(options.initialPage);

    // Issue 6: the process table in File > Export snapshot..., and the saved settings.
    addExportSource(exportSource(ExportTableId::Processes, [this] {
        if (!m_last)
            return ExportTable { {}, tr("no sample of the processes has been taken yet") };
        return ExportTable { processesToCsv(*m_last), {} };
    }));
    {
        QSettings settings;
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
        restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    }
    // Pages are added after the constructor (main.cpp, other pages): restore their layout, and the
    // interval (whose signal their samplers must receive), once they are connected.
    QTimer::singleShot(0, this, &MainWindow::restoreLayoutSettings);
    connect(qApp, &QCoreApplication::aboutToQuit, this, &MainWindow::saveSettings);
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(const QString& id, const QString& title, QWidget* page)
{
    page->setObjectName(id);
    m_tabs->addTab(page, title);
}

bool MainWindow::showPage(const QString& id)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->objectName() == id) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void MainWindow::buildActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* exportAction = file->addAction(tr("&Export snapshot…"),
        QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::exportSnapshot);
    exportAction->setToolTip(tr("Write the tables as CSV files (Ctrl+E)"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* find = view->addAction(
        tr("&Filter processes"), QKeySequence(Qt::CTRL | Qt::Key_F), this, [this] {
            showPage(QStringLiteral("processes"));
            m_processPage->focusFilter();
        });
    Q_UNUSED(find);
    QAction* refresh = view->addAction(
        tr("&Refresh now"), QKeySequence(Qt::Key_F5), this, &MainWindow::refreshNow);
    m_pauseAction = view->addAction(tr("&Pause"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(QKeySequence(Qt::Key_Space));
    m_pauseAction->setShortcutContext(Qt::WindowShortcut);
    m_pauseAction->setToolTip(tr("Pause or resume refreshing (Space)"));
    connect(m_pauseAction, &QAction::toggled, this, &MainWindow::setPaused);

    QMenu* intervalMenu = view->addMenu(tr("Refresh &interval"));
    m_intervalBox = new QComboBox(this);
    m_intervalBox->setToolTip(tr("How often /proc is sampled"));
    for (int ms : kIntervals) {
        m_intervalBox->addItem(intervalText(ms), ms);
        QAction* a
            = intervalMenu->addAction(intervalText(ms), this, [this, ms] { setIntervalMs(ms); });
        Q_UNUSED(a);
    }
    int idx = m_intervalBox->findData(m_intervalMs);
    if (idx < 0) {
        m_intervalBox->addItem(intervalText(m_intervalMs), m_intervalMs);
        idx = m_intervalBox->count() - 1;
    }
    m_intervalBox->setCurrentIndex(idx);
    connect(m_intervalBox, &QComboBox::activated, this,
        [this](int i) { setIntervalMs(m_intervalBox->itemData(i).toInt()); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Procglass"), this, [this] {
        QMessageBox::about(this, tr("About Procglass"),
            tr("<h3>Procglass %1</h3><p>A system monitor that shows what the Linux kernel exposes "
               "in "
               "/proc and /sys, and explains it.</p><p>Reading: %2</p>")
                .arg(QStringLiteral(PROCGLASS_VERSION), m_options.procRoot.toHtmlEscaped()));
    });

    QToolBar* bar = addToolBar(tr("Refresh"));
    bar->setObjectName(QStringLiteral("refreshToolBar"));
    bar->setMovable(false);
    bar->addWidget(new QLabel(tr(" Refresh every "), this));
    bar->addWidget(m_intervalBox);
    bar->addAction(m_pauseAction);
    bar->addAction(refresh);
}

void MainWindow::setIntervalMs(int ms)
{
    if (!isRefreshIntervalMs(ms))
        return;
    m_chosenIntervalMs = ms;
    applyIntervalMs(ms);
}

void MainWindow::applyIntervalMs(int ms)
{
    m_intervalMs = ms;
    // The box shows the interval in use, also one it does not list (--interval 250).
    int idx = m_intervalBox->findData(ms);
    if (idx < 0) {
        m_intervalBox->addItem(intervalText(ms), ms);
        idx = m_intervalBox->count() - 1;
    }
    m_intervalBox->setCurrentIndex(idx);
    emit intervalChanged(ms);
    updateStatus();
}

void MainWindow::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (m_pauseAction->isChecked() != paused)
        m_pauseAction->setChecked(paused);
    emit pausedChanged(paused);
    updateStatus();
}

void MainWindow::refreshNow()
{
    emit refreshRequested();
}

void MainWindow::applySnapshot(ProcessSnapshotPtr snapshot)
{
    if (!snapshot)
        return;
    m_last = snapshot;
    m_processPage->applySnapshot(snapshot);
    if (m_pendingInitialPid) {
        m_pendingInitialPid = false;
        m_processPage->selectPid(m_options.initialPid);
    }
    updateStatus();
}

void MainWindow::updateStatus()
{
    if (!m_last)
        return;
    const QString refresh
        = m_paused ? tr("paused") : tr("refresh every %1").arg(intervalText(m_intervalMs));
    m_statusCounts->setText(tr("%1 processes, %2 threads · %3")
                                .arg(m_last->processes.size())
                                .arg(m_last->threadCount)
                                .arg(refresh));
    m_statusSampler->setText(
        tr("sampler: %1 ms CPU per refresh").arg(m_last->samplerCpuMs, 0, 'f', 1));
}

void MainWindow::addExportSource(const ExportSource& source)
{
    m_exportSources.append(source);
}

void MainWindow::showNextView()
{
    // The page's outermost tab widget (System: Summary, CPU, Activity, ...; Interrupts: hardware,
    // softirqs) steps through its tabs before the next page is shown.
    QWidget* page = m_tabs->currentWidget();
    QList<QTabWidget*> candidates = page->findChildren<QTabWidget*>();
    if (auto* self = qobject_cast<QTabWidget*>(page))
        candidates.prepend(self);
    QTabWidget* inner = nullptr;
    int innerDepth = 0;
    for (QTabWidget* t : std::as_const(candidates)) {
        if (!t->isVisible())
            continue;
        int depth = 0;
        for (const QWidget* w = t; w && w != m_tabs; w = w->parentWidget())
            ++depth;
        if (!inner || depth < innerDepth) {
            inner = t;
            innerDepth = depth;
        }
    }
    const QScopedValueRollback cycling(m_cycling, true);
    if (inner && inner->currentIndex() + 1 < inner->count()) {
        inner->setCurrentIndex(inner->currentIndex() + 1);
        return;
    }
    if (inner)
        inner->setCurrentIndex(0); // from the first tab on the next visit
    m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
}

QString MainWindow::currentPageId() const
{
    return m_tabs->currentWidget() ? m_tabs->currentWidget()->objectName() : QString();
}

void MainWindow::exportSnapshot()
{
    ExportDialog dialog(m_exportSources, currentPageId(), this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

// Settings: the window, the refresh interval, the last page, and the layout of each page. Other
// pages get their splitters and columns saved by giving the QSplitter or item view an objectName.
// The command line's options apply to one run: the interval is saved only when the user chose it
// in the window, the page only when the user moved to it (or the start page was the saved one).
void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (m_chosenIntervalMs > 0)
        settings.setValue(QStringLiteral("refresh/intervalMs"), m_chosenIntervalMs);
    const bool pageFromCommandLine = !m_options.initialPage.isEmpty() || m_options.initialPid > 0
        || m_options.cyclePagesMs > 0;
    if (m_pageChosen || (m_startPageShown && !pageFromCommandLine))
        settings.setValue(QStringLiteral("window/lastPage"), currentPageId());
    settings.setValue(QStringLiteral("pages/processes/layout"), m_processPage->saveLayoutState());
    for (int i = 0; i < m_tabs->count(); ++i) {
        QWidget* page = m_tabs->widget(i);
        if (page == m_processPage)
            continue;
        const QString prefix = QStringLiteral("pages/%1/").arg(page->objectName());
        for (const QSplitter* splitter : page->findChildren<QSplitter*>()) {
            if (!splitter->objectName().isEmpty())
                settings.setValue(prefix + QStringLiteral("splitter/") + splitter->objectName(),
                    splitter->saveState());
        }
        for (QAbstractItemView* view : page->findChildren<QAbstractItemView*>()) {
            const QHeaderView* header = columnHeader(view);
            if (!view->objectName().isEmpty() && header)
                settings.setValue(
                    prefix + QStringLiteral("columns/") + view->objectName(), header->saveState());
        }
    }
}

void MainWindow::restoreLayoutSettings()
{
    QSettings settings;
    m_processPage->restoreLayoutState(
        settings.value(QStringLiteral("pages/processes/layout")).toByteArray());
    for (int i = 0; i < m_tabs->count(); ++i) {
        QWidget* page = m_tabs->widget(i);
        if (page == m_processPage)
            continue;
        const QString prefix = QStringLiteral("pages/%1/").arg(page->objectName());
        for (QSplitter* splitter : page->findChildren<QSplitter*>()) {
            const QVariant state
                = settings.value(prefix + QStringLiteral("splitter/") + splitter->objectName());
            if (!splitter->objectName().isEmpty() && state.isValid())
                restoreSplitterLayout(splitter, state.toByteArray());
        }
        for (QAbstractItemView* view : page->findChildren<QAbstractItemView*>()) {
            QHeaderView* header = columnHeader(view);
            const QVariant state
                = settings.value(prefix + QStringLiteral("columns/") + view->objectName());
            if (view->objectName().isEmpty() || !header || !view->model() || !state.isValid())
                continue;
            // restoreState() moves the sort indicator without sorting.
            if (restoreHeaderLayout(header, state.toByteArray()) && header->isSortIndicatorShown())
                view->model()->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
        }
    }
    // A saved interval the window could not have chosen (edited, or from an older version) is
    // ignored: the default is used, and shown.
    bool intervalOk = false;
    const int savedInterval
        = settings.value(QStringLiteral("refresh/intervalMs")).toString().toInt(&intervalOk);
    if (!m_options.intervalSet && intervalOk && isRefreshIntervalMs(savedInterval)
        && savedInterval != m_intervalMs)
        applyIntervalMs(savedInterval);
    showStartPage(settings.value(QStringLiteral("window/lastPage")).toString());
}

void MainWindow::showStartPage(const QString& lastPage)
{
    // --page, else --pid's memory map, else the saved page if it still exists (an unknown name
    // leaves the first page). MemoryMapPage and main.cpp show their page for --page and --pid
    // too; deciding here once means any later change of page is the user's.
    if (!m_options.initialPage.isEmpty())
        showPage(m_options.initialPage);
    else if (m_options.initialPid > 0)
        showPage(QStringLiteral("memory"));
    else
        showPage(lastPage);
    m_startPageShown = true;
}

void MainWindow::attachDetailsSampler(DetailsSampler* details)
{
    ProcessDetailsPanel* panel = m_processPage->detailsPanel();
    connect(panel, &ProcessDetailsPanel::processChanged, details, &DetailsSampler::setProcess,
        Qt::QueuedConnection);
    connect(panel, &ProcessDetailsPanel::activeChanged, details, &DetailsSampler::setActive,
        Qt::QueuedConnection);
    connect(details, &DetailsSampler::detailsReady, panel, &ProcessDetailsPanel::applyDetails,
        Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        details, "setActive", Qt::QueuedConnection, Q_ARG(bool, panel->isVisible()));

    m_processActions = new ProcessActionsController(m_processPage, m_options.procRoot, this);
    QMenu* actions = m_processActions->menu();
    menuBar()->insertMenu(menuBar()->actions().constLast(), actions); // before Help
    if (!m_processMenu->isEmpty())
        m_processMenu->addSeparator();
    m_processMenu->addActions(actions->actions());
    connect(m_processActions, &ProcessActionsController::actionRequested, details,
        &DetailsSampler::perform, Qt::QueuedConnection);
    connect(details, &DetailsSampler::actionFinished, m_processActions,
        &ProcessActionsController::showResult, Qt::QueuedConnection);
    connect(details, &DetailsSampler::actionFinished, this, &MainWindow::refreshNow,
        Qt::QueuedConnection);
    connect(m_processActions, &ProcessActionsController::statusMessage, this,
        [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    if (!m_processActions->actionsAllowed()) {
        // Another PID namespace's /proc (or a fixture tree): say so where it stays visible.
        auto* notice = new QLabel(m_processActions->disabledSummary(), this);
        notice->setObjectName(QStringLiteral("actionsDisabledNotice"));
        notice->setToolTip(m_processActions->disabledReason());
        statusBar()->addPermanentWidget(notice);
        // Once the window is up: a message shown before that leaves the counts label visible
        // under it (QStatusBar hides only visible widgets), and the two texts overlap.
        QTimer::singleShot(0, this,
            [this] { statusBar()->showMessage(m_processActions->disabledReason(), 20000); });
    }
}

} // namespace pg
