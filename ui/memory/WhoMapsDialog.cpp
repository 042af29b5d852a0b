// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/memory/WhoMapsDialog.h"

#include "core/memory/MappingCensus.h"
#include "core/memory/ProcessWalk.h"
#include "core/process/ProcessDetails.h"
#include "ui/common/Banner.h"
#include "ui/common/Format.h"
#include "ui/memory/WhoMapsModel.h"

#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace pg {

struct WhoMapsDialog::Answer
{
    FileMappers mappers;
    std::vector<std::string> users;
    double seconds = 0;
};

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
    , m_stop(std::make_shared<std::atomic<bool>>(false))
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
    // The search checks the flag between processes, so this wait is short.
    m_stop->store(true);
    if (m_thread) {
        m_thread->wait();
        delete m_thread.data();
    }
}

void WhoMapsDialog::start()
{
    if (m_thread)
        return;
    m_stop->store(false);
    m_state->setText(tr("Reading every process's maps, then the smaps of those that map it…"));
    m_cancel->setEnabled(true);
    auto answer = std::make_shared<Answer>();
    m_thread = QThread::create(
        [answer, stop = m_stop, root = m_procRoot, device = m_device, inode = m_inode] {
            QElapsedTimer timer;
            timer.start();
            answer->mappers = readFileMappers(root, device, inode, stop.get());
            for (const FileMapper& p : answer->mappers.processes)
                answer->users.push_back(userNameOf(p.uid));
            answer->seconds = static_cast<double>(timer.elapsed()) / 1000.0;
        });
    connect(m_thread, &QThread::finished, this, [this, answer] {
        m_thread->deleteLater();
        m_thread = nullptr;
        showAnswer(*answer);
        emit finished();
    });
    m_thread->start(QThread::LowPriority);
}

void WhoMapsDialog::cancel()
{
    m_stop->store(true);
    m_cancel->setEnabled(false);
}

bool WhoMapsDialog::isRunning() const
{
    return !m_thread.isNull();
}

void WhoMapsDialog::showAnswer(const Answer& answer)
{
    m_cancel->setEnabled(false);
    const FileMappers& m = answer.mappers;
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
    m_model->setMappers(m.processes, answer.users);
    if (m.listError != Error::None) {
        m_state->setText(tr("Could not list %1: %2")
                             .arg(QString::fromStdString(m_procRoot),
                                 QString::fromUtf8(errorText(m.listError).data())));
    } else if (m.stopped) {
        m_state->setText(tr("Cancelled: the list below is partial."));
    } else {
        m_state->setText(tr("Searched in %1 s.").arg(answer.seconds, 0, 'f', 1));
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
