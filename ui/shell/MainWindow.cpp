// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/MainWindow.h"

#include "core/base/RefreshInterval.h"
#include "core/pcp/PcpHostSpec.h"
#include "core/sampler/Sampler.h"
#include "ui/common/HeaderColumnChooser.h"
#include "ui/common/SteadyTabLayout.h"
#include "ui/shell/AboutText.h"
#include "ui/shell/ConnectHostDialog.h"
#include "ui/shell/KeyboardShortcuts.h"
#include "ui/shell/RecentHosts.h"
#include "ui/shell/Theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScopedValueRollback>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

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

} // namespace

MainWindow::MainWindow(const AppOptions& options, QWidget* parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_tabs(new QTabWidget(this))
    , m_statusCounts(new QLabel(this))
    , m_statusSampler(new QLabel(this))
    , m_intervalMs(
          isRefreshIntervalMs(options.intervalMs) ? options.intervalMs : kDefaultRefreshIntervalMs)
{
    // The spec as shown never carries a password typed into it (pcps://HOST?password=...).
    const QString host = QString::fromStdString(pcpSpecWithoutSecrets(options.host.toStdString()));
    const QString recording
        = options.archive.isEmpty() ? QString() : QFileInfo(options.archive).fileName();
    if (!recording.isEmpty())
        setWindowTitle(tr("%1 (recording) — Procglass").arg(recording));
    else
        setWindowTitle(host.isEmpty() ? tr("Procglass") : tr("%1 — Procglass").arg(host));
    // PNGs rendered from the SVG (resources/CMakeLists.txt says how): an SVG window icon would
    // load the Qt SVG plugin and library (~0.5 MiB of RSS) just for this.
    QIcon icon;
    for (int size : { 32, 64, 128 })
        icon.addFile(QStringLiteral(":/icons/procglass-%1.png").arg(size), QSize(size, size));
    setWindowIcon(icon);
    m_tabs->setDocumentMode(true);
    SteadyTabLayout::install(m_tabs);
    setCentralWidget(m_tabs);
    statusBar()->addWidget(m_statusCounts, 1);
    statusBar()->addPermanentWidget(m_statusSampler);
    m_statusSampler->setToolTip(
        tr("CPU time the sampler thread spent reading and parsing /proc for the last refresh"));
    if (!recording.isEmpty()) {
        m_statusCounts->setText(tr("Reading the recording %1…").arg(options.archive));
        m_statusHost = new QLabel(tr("Recording: %1 (PCP archive)").arg(recording), this);
        m_statusHost->setToolTip(
            tr("The processes, system figures and interrupts recorded in %1 (a Performance "
               "Co-Pilot archive), at the moment the time slider shows; not this machine now.")
                .arg(options.archive));
    } else if (!host.isEmpty()) {
        m_statusCounts->setText(tr("Connecting to %1…").arg(host));
        m_statusHost = new QLabel(tr("Host: %1 (PCP)").arg(host), this);
        m_statusHost->setToolTip(
            tr("The processes, system figures and interrupts of %1, read from its pmcd "
               "(Performance Co-Pilot); not this machine's.")
                .arg(host));
    } else {
        m_statusCounts->setText(tr("Reading %1…").arg(options.procRoot));
    }
    if (m_statusHost) {
        m_statusHost->setObjectName(QStringLiteral("hostLabel"));
        statusBar()->addPermanentWidget(m_statusHost);
    }
    buildActions();
    resize(1200, 760);

    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_startPageShown && !m_cycling)
            m_pageChosen = true;
        emit pageChanged(currentPageId());
    });
    if (options.cyclePagesMs > 0) {
        m_cycleTimer = new QTimer(this);
        connect(m_cycleTimer, &QTimer::timeout, this, &MainWindow::showNextView);
        m_cycleTimer->start(options.cyclePagesMs);
    }
    {
        QSettings settings;
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
        restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    }
    // Pages are added right after the constructor (app/Pages.cpp): restore their layout, the
    // interval (which their sources must receive) and the start page once they are in.
    QTimer::singleShot(0, this, &MainWindow::restoreLayoutSettings);
    connect(qApp, &QCoreApplication::aboutToQuit, this, &MainWindow::saveSettings);
}

MainWindow::~MainWindow() = default;

namespace {

// Sources live in the sampler thread: every call to one is queued there.
template <typename F> void callSource(Sampler* source, F call)
{
    QMetaObject::invokeMethod(
        source, [source, call] { call(source); }, Qt::QueuedConnection);
}

} // namespace

void MainWindow::addPage(Page* page)
{
    QWidget* widget = page->pageWidget();
    widget->setObjectName(page->pageId());
    m_pages.push_back(page);
    m_tabs->addTab(widget, page->pageTitle());
    const QList<QAction*> actions = page->pageActions();
    if (!actions.isEmpty()) {
        QMenu* menu = new QMenu(page->pageMenuTitle(), this);
        menu->addActions(actions);
        menuBar()->insertMenu(m_helpMenu, menu);
    }
    page->attachHost(*this);
    page->setIntervalMs(m_intervalMs);
    connectSource(page);
    // A tab inside the page (System: CPU, Activity, ...; Interrupts: By device) brought to the
    // front: what the hidden tab released can go back to the system (app/HeapPolicy).
    for (QTabWidget* inner : widget->findChildren<QTabWidget*>()) {
        connect(inner, &QTabWidget::currentChanged, this, &MainWindow::viewChanged);
        SteadyTabLayout::install(inner); // a label changing every refresh repaints only itself
    }
    if (auto* self = qobject_cast<QTabWidget*>(widget))
        SteadyTabLayout::install(self);
}

void MainWindow::connectSource(Page* page)
{
    Sampler* source = page->pageSource();
    if (!source)
        return;
    const int first = page->sourceIntervalMs(m_intervalMs);
    callSource(source, [first](Sampler* s) { s->setIntervalMs(first); });
    connect(this, &MainWindow::intervalChanged, this, [page, source](int ms) {
        page->setIntervalMs(ms);
        const int sourceMs = page->sourceIntervalMs(ms);
        callSource(source, [sourceMs](Sampler* s) { s->setIntervalMs(sourceMs); });
    });
    connect(this, &MainWindow::pausedChanged, source, &Sampler::setPaused, Qt::QueuedConnection);
    connect(
        this, &MainWindow::refreshRequested, source, &Sampler::refreshNow, Qt::QueuedConnection);
    if (page->samplesOnlyWhileShown()) {
        QWidget* widget = page->pageWidget();
        widget->setProperty("pgOnScreen", false);
        callSource(source, [](Sampler* s) { s->setActive(false); });
        widget->installEventFilter(this);
    }
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Show || event->type() == QEvent::Hide) {
        const bool shown = event->type() == QEvent::Show;
        for (Page* page : m_pages) {
            if (page->pageWidget() != watched || !page->pageSource())
                continue;
            if (watched->property("pgOnScreen").toBool() == shown)
                break;
            watched->setProperty("pgOnScreen", shown);
            callSource(page->pageSource(), [shown](Sampler* s) { s->setActive(shown); });
            break;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::addPage(const QString& id, const QString& title, QWidget* widget)
{
    m_plainPages.push_back(std::make_unique<PlainPage>(id, title, widget));
    addPage(m_plainPages.back().get());
}

Page* MainWindow::page(const QString& id) const
{
    for (Page* p : m_pages) {
        if (p->pageId() == id)
            return p;
    }
    return nullptr;
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

void MainWindow::showStatusMessage(const QString& text, int timeoutMs)
{
    statusBar()->showMessage(text, timeoutMs);
}

void MainWindow::addStatusWidget(QWidget* widget)
{
    statusBar()->addPermanentWidget(widget);
}

void MainWindow::setStatus(const QString& counts, const QString& cost)
{
    m_counts = counts;
    m_statusSampler->setText(cost);
    updateStatus();
}

void MainWindow::connectToHost()
{
    ConnectHostDialog dialog(RecentHosts::load(QSettings()), this);
    if (dialog.exec() != QDialog::Accepted || dialog.spec().isEmpty())
        return;
    QSettings settings;
    RecentHosts::remember(settings, dialog.spec());
    emit hostRequested(dialog.spec());
}

void MainWindow::openRecording()
{
    QSettings settings;
    const QString key = QStringLiteral("recordings/folder");
    QFileDialog dialog(this, tr("Open a recording"), settings.value(key).toString(),
        tr("Performance Co-Pilot archives (*.meta *.index *.0);;All files (*)"));
    dialog.setObjectName(QStringLiteral("openRecordingDialog"));
    dialog.setFileMode(QFileDialog::ExistingFile);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    settings.setValue(key, QFileInfo(path).absolutePath());
    emit recordingRequested(path);
}

void MainWindow::buildActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* exportAction = file->addAction(tr("&Export snapshot…"),
        QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::exportSnapshot);
    exportAction->setToolTip(tr("Write the tables as CSV files (Ctrl+E)"));
    QAction* connectAction
        = file->addAction(tr("Connect to &host…"), this, &MainWindow::connectToHost);
    connectAction->setObjectName(QStringLiteral("connectHostAction"));
    connectAction->setToolTip(tr("Open a window on another host's processes, system figures and "
                                 "interrupts, through its Performance Co-Pilot pmcd"));
    QAction* recordingAction
        = file->addAction(tr("Open &recording…"), this, &MainWindow::openRecording);
    recordingAction->setObjectName(QStringLiteral("openRecordingAction"));
    recordingAction->setToolTip(tr("Replay a Performance Co-Pilot archive (procglass record, "
                                   "pmlogger) in a window of its own, with a time slider"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu* view = menuBar()->addMenu(tr("&View"));
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
    // The column chooser of the table in front (the same list as its header's context menu).
    QMenu* columns = view->addMenu(tr("&Columns"));
    columns->setObjectName(QStringLiteral("columnsMenu"));
    columns->setToolTipsVisible(true);
    connect(columns, &QMenu::aboutToShow, this, [this, columns] {
        columns->clear();
        if (HeaderColumnChooser* chooser = HeaderColumnChooser::forWidget(m_tabs->currentWidget()))
            chooser->fillMenu(columns);
        else
            columns->addAction(tr("This page has no table"))->setEnabled(false);
    });

    // The look: the desktop's, or Fusion light or dark (saved; applied before the window is built).
    QMenu* themes = view->addMenu(tr("&Theme"));
    themes->setObjectName(QStringLiteral("themeMenu"));
    auto* themeGroup = new QActionGroup(themes);
    for (Theme t : { Theme::System, Theme::Light, Theme::Dark }) {
        QAction* a = themes->addAction(themeTitle(t));
        a->setObjectName(QStringLiteral("theme-") + themeKey(t));
        a->setCheckable(true);
        a->setChecked(t == currentTheme());
        themeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [t] {
            applyTheme(t);
            saveTheme(t);
        });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    m_helpMenu = help->menuAction(); // page menus go before it
    help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        QDialog* dialog = makeKeyboardShortcutsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    help->addAction(tr("&About Procglass"), this,
        [this] { QMessageBox::about(this, tr("About Procglass"), aboutText(m_options.procRoot)); });

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

void MainWindow::updateStatus()
{
    if (m_counts.isEmpty())
        return;
    const QString refresh
        = m_paused ? tr("paused") : tr("refresh every %1").arg(intervalText(m_intervalMs));
    m_statusCounts->setText(tr("%1 · %2").arg(m_counts, refresh));
}

QList<ExportSource> MainWindow::exportSources() const
{
    QList<ExportSource> sources;
    for (Page* page : m_pages) {
        for (ExportSource source : page->pageExports()) {
            source.page = page->pageId();
            sources << std::move(source);
        }
    }
    return sources;
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
    if (m_options.cycleOnce && m_tabs->currentIndex() == 0 && m_cycleTimer)
        m_cycleTimer->stop(); // every view was shown once: stay on the first page
}

QString MainWindow::currentPageId() const
{
    return m_tabs->currentWidget() ? m_tabs->currentWidget()->objectName() : QString();
}

void MainWindow::exportSnapshot()
{
    ExportDialog dialog(exportSources(), currentPageId(), this);
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
    for (const Page* page : m_pages)
        page->saveLayout(settings, QStringLiteral("pages/%1/").arg(page->pageId()));
}

void MainWindow::restoreLayoutSettings()
{
    QSettings settings;
    for (Page* page : m_pages)
        page->restoreLayout(settings, QStringLiteral("pages/%1/").arg(page->pageId()));
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
    // leaves the first page). Deciding here once means any later change of page is the user's.
    if (!m_options.initialPage.isEmpty())
        showPage(m_options.initialPage);
    else if (m_options.initialPid > 0)
        showPage(QStringLiteral("memory"));
    else
        showPage(lastPage);
    m_startPageShown = true;
}

} // namespace pg
