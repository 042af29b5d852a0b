#include "MainWindow.h"

#include "ProcessSampler.h"
#include "ProcessTablePage.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

namespace pg {

namespace {

const int kIntervals[] = { 500, 1000, 2000, 5000 };

QString intervalText(int ms)
{
    return ms % 1000 == 0 ? MainWindow::tr("%1 s").arg(ms / 1000) : MainWindow::tr("%1 s").arg(ms / 1000.0, 0, 'f', 1);
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
    , m_intervalMs(options.intervalMs)
{
    setWindowTitle(tr("Procglass"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/procglass.svg")));
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);
    addPage(QStringLiteral("processes"), tr("&Processes"), m_processPage);
    statusBar()->addWidget(m_statusCounts, 1);
    statusBar()->addPermanentWidget(m_statusSampler);
    m_statusSampler->setToolTip(tr("CPU time the sampler thread spent reading and parsing /proc for the last refresh"));
    m_statusCounts->setText(tr("Reading %1…").arg(options.procRoot));
    buildActions();
    resize(1200, 760);

    if (m_sampler) {
        connect(this, &MainWindow::intervalChanged, m_sampler, &ProcessSampler::setIntervalMs, Qt::QueuedConnection);
        connect(this, &MainWindow::pausedChanged, m_sampler, &ProcessSampler::setPaused, Qt::QueuedConnection);
        connect(this, &MainWindow::refreshRequested, m_sampler, &ProcessSampler::refreshNow, Qt::QueuedConnection);
        connect(m_sampler, &ProcessSampler::snapshotReady, this, &MainWindow::applySnapshot, Qt::QueuedConnection);
    }
    m_pendingInitialPid = options.initialPid > 0;
    if (!options.initialPage.isEmpty())
        showPage(options.initialPage);
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
    QAction* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* find = view->addAction(tr("&Filter processes"), QKeySequence(Qt::CTRL | Qt::Key_F), this, [this] {
        showPage(QStringLiteral("processes"));
        m_processPage->focusFilter();
    });
    Q_UNUSED(find);
    QAction* refresh = view->addAction(tr("&Refresh now"), QKeySequence(Qt::Key_F5), this, &MainWindow::refreshNow);
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
        QAction* a = intervalMenu->addAction(intervalText(ms), this, [this, ms] { setIntervalMs(ms); });
        Q_UNUSED(a);
    }
    int idx = m_intervalBox->findData(m_intervalMs);
    if (idx < 0) {
        m_intervalBox->addItem(intervalText(m_intervalMs), m_intervalMs);
        idx = m_intervalBox->count() - 1;
    }
    m_intervalBox->setCurrentIndex(idx);
    connect(m_intervalBox, &QComboBox::activated, this, [this](int i) { setIntervalMs(m_intervalBox->itemData(i).toInt()); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Procglass"), this, [this] {
        QMessageBox::about(this, tr("About Procglass"),
                           tr("<h3>Procglass %1</h3><p>A system monitor that shows what the Linux kernel exposes in "
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
    if (ms <= 0)
        return;
    m_intervalMs = ms;
    const int idx = m_intervalBox->findData(ms);
    if (idx >= 0)
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
    const QString refresh = m_paused ? tr("paused") : tr("refresh every %1").arg(intervalText(m_intervalMs));
    m_statusCounts->setText(tr("%1 processes, %2 threads · %3")
                                .arg(m_last->processes.size())
                                .arg(m_last->threadCount)
                                .arg(refresh));
    m_statusSampler->setText(tr("sampler: %1 ms CPU per refresh").arg(m_last->samplerCpuMs, 0, 'f', 1));
}

} // namespace pg
