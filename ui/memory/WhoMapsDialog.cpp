// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/memory/WhoMapsDialog.h"

#include "core/sampler/SamplerThread.h"
#include "core/sampler/WhoMapsWorker.h"
#include "ui/common/Banner.h"
#include "ui/common/Format.h"
#include "ui/memory/WhoMapsModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace pg {

namespace {

// Enter on a row opens it, like a double-click (QTableView has no "activated" on Enter in every
// style).
class EnterFilter final : public QObject
{
public:
    EnterFilter(QTableView* view, std::function<void(const QModelIndex&)> open)
        : QObject(view)
        , m_view(view)
        , m_open(std::move(open))
    { }
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent*>(event)->key();
            if ((key == Qt::Key_Return || key == Qt::Key_Enter)
                && m_view->currentIndex().isValid()) {
                m_open(m_view->currentIndex());
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QTableView* m_view;
    std::function<void(const QModelIndex&)> m_open;
};

} // namespace

WhoMapsDialog::WhoMapsDialog(std::string procRoot, std::string device, std::uint64_t inode,
    const QString& name, QWidget* parent)
    : QDialog(parent)
    , m_procRoot(std::move(procRoot))
    , m_device(std::move(device))
    , m_inode(inode)
    , m_model(new WhoMapsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_state(new QLabel(this))
    , m_total(new QLabel(this))
    , m_skipped(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setWindowTitle(tr("Who maps %1").arg(name));
    setAttribute(Qt::WA_DeleteOnClose);
    auto* title = new QLabel(this);
    title->setText(tr("<b>%1</b><br>device %2, inode %3: every process that maps this file")
                       .arg(name.toHtmlEscaped(), QString::fromStdString(m_device))
                       .arg(m_inode));
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    title->setWordWrap(true);
    setTextTone(m_state, TextTone::Dim);
    m_total->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_skipped->setWordWrap(true);
    m_skipped->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTextTone(m_skipped, TextTone::Warning);
    m_skipped->setVisible(false);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(WhoMapsModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(WhoMapsModel::Pss, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(false);
    // Numbers as wide as they need, the command takes the rest.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(WhoMapsModel::Command, QHeaderView::Stretch);
    m_view->setToolTip(tr("Double-click or press Enter to show that process's memory map"));
    auto open = [this](const QModelIndex& index) {
        const int pid = index.siblingAtColumn(0).data(WhoMapsModel::PidRole).toInt();
        if (pid > 0)
            emit processActivated(pid);
    };
    connect(m_view, &QTableView::doubleClicked, this, open);
    m_view->installEventFilter(new EnterFilter(m_view, open));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_cancel, &QPushButton::clicked, this, &WhoMapsDialog::cancel);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_state);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_total);
    layout->addWidget(m_skipped);
    layout->addWidget(buttons);
    resize(760, 420);
}

WhoMapsDialog::~WhoMapsDialog()
{
    // The worker checks its flag between processes, so this wait is short.
    if (m_worker)
        m_worker->cancel();
    endSearch();
}

void WhoMapsDialog::start()
{
    if (m_thread)
        return;
    m_state->setText(tr("Reading every process's maps, then the smaps of those that map it…"));
    m_cancel->setEnabled(true);
    m_thread = new SamplerThread(QStringLiteral("procglass-whomaps"), this);
    m_worker = new WhoMapsWorker(m_procRoot, m_device, m_inode);
    connect(m_worker, &WhoMapsWorker::progress, this, &WhoMapsDialog::showProgress,
        Qt::QueuedConnection);
    connect(
        m_worker, &WhoMapsWorker::finished, this,
        [this](const WhoMapsResultPtr& answer) {
            endSearch();
            showAnswer(answer);
            emit finished();
        },
        Qt::QueuedConnection);
    m_thread->adopt(m_worker);
    m_thread->start();
    m_thread->thread()->setPriority(QThread::LowPriority);
    QMetaObject::invokeMethod(m_worker, &WhoMapsWorker::run, Qt::QueuedConnection);
}

void WhoMapsDialog::cancel()
{
    if (m_worker)
        m_worker->cancel();
    m_cancel->setEnabled(false);
}

bool WhoMapsDialog::isRunning() const
{
    return m_thread != nullptr;
}

void WhoMapsDialog::endSearch()
{
    if (!m_thread)
        return;
    // run() has returned, or returns after the process it reads; the worker is deleted with the
    // thread's end.
    m_thread->stop();
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
}

void WhoMapsDialog::showProgress(int pass, qulonglong done, qulonglong total)
{
    if (!m_thread)
        return; // a late report of a search that has ended
    if (pass == static_cast<int>(FileMappersPass::Maps))
        m_state->setText(tr("Reading every process's maps: %1 of %2…").arg(done).arg(total));
    else
        m_state->setText(
            tr("Reading the smaps of those that map it: %1 of %2…").arg(done).arg(total));
}

void WhoMapsDialog::showAnswer(const WhoMapsResultPtr& answer)
{
    m_cancel->setEnabled(false);
    const FileMappers& m = answer->mappers;
    std::uint64_t rss = 0;
    std::uint64_t pss = 0;
    std::uint64_t uss = 0;
    std::uint64_t swap = 0;
    for (const FileMapper& p : m.processes) {
        rss += p.rssKib;
        pss += p.pssKib;
        uss += p.ussKib;
        swap += p.swapKib;
    }
    m_model->setMappers(m.processes, answer->users);
    if (m.listError != Error::None) {
        m_state->setText(tr("Could not list %1: %2")
                             .arg(QString::fromStdString(m_procRoot),
                                 QString::fromUtf8(errorText(m.listError).data())));
    } else if (m.stopped) {
        m_state->setText(tr("Cancelled: the list below is partial."));
    } else {
        m_state->setText(tr("Searched in %1 s.").arg(answer->seconds, 0, 'f', 1));
    }
    const int n = static_cast<int>(m.processes.size());
    const QString count = n == 1 ? tr("1 process") : tr("%1 processes").arg(n);
    m_total->setText(tr("Total: %1, Rss %2, Pss %3 (the file's share of RAM), USS %4, Swap %5")
                         .arg(count, fmt::kib(rss), fmt::kib(pss), fmt::kib(uss), fmt::kib(swap)));
    const std::string skipped = censusSkipSummary(m);
    m_skipped->setText(QString::fromStdString(skipped));
    m_skipped->setVisible(!skipped.empty());
    if (m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, 0));
}

} // namespace pg
