#include "ProcessTablePage.h"

#include "ProcessFilterProxy.h"
#include "ProcessTableModel.h"
#include "SystemSummaryBar.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace pg {

ProcessTablePage::ProcessTablePage(QWidget* parent)
    : QWidget(parent)
    , m_model(new ProcessTableModel(this))
    , m_proxy(new ProcessFilterProxy(this))
    , m_summary(new SystemSummaryBar(this))
    , m_filter(new QLineEdit(this))
    , m_showKernelThreads(new QCheckBox(tr("Show &kernel threads"), this))
    , m_message(new QLabel(this))
    , m_view(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);

    m_filter->setPlaceholderText(tr("Filter by name, command line, user or PID  (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_showKernelThreads->setChecked(true);
    m_showKernelThreads->setToolTip(tr("Kernel threads have PF_KTHREAD in /proc/PID/stat's flags; they run only in kernel space"));
    m_message->setVisible(false);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: palette(highlighted-text); background: #b3261e; padding: 4px; }"));

    m_view->setModel(m_proxy);
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
    const int widths[ProcessTableModel::ColumnCount] = { 8, 10, 3, 7, 10, 10, 10, 8, 6, 6, 8, 10, 40 };
    for (int c = 0; c < ProcessTableModel::ColumnCount; ++c)
        header->resizeSection(c, widths[c] * digit + 16);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_filter, 1);
    controls->addWidget(m_showKernelThreads);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(controls);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ProcessFilterProxy::setFilterText);
    connect(m_showKernelThreads, &QCheckBox::toggled, this,
            [this](bool show) { m_proxy->setHideKernelThreads(!show); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { emit currentProcessChanged(currentProcess()); });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const QModelIndex source = m_proxy->mapToSource(index);
        if (source.isValid())
            emit processActivated(m_model->row(source.row()).info.key);
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this,
            [this](const QPoint& pos) { emit contextMenuRequested(m_view->viewport()->mapToGlobal(pos)); });
}

void ProcessTablePage::applySnapshot(const ProcessSnapshotPtr& snapshot)
{
    const auto before = currentProcess();
    m_model->applySnapshot(snapshot);
    m_summary->applySnapshot(*snapshot);
    if (!snapshot->listError.empty()) {
        m_message->setText(QString::fromStdString(snapshot->listError));
        m_message->setVisible(true);
    } else {
        m_message->setVisible(false);
    }
    if (currentProcess() != before)
        emit currentProcessChanged(currentProcess());
}

std::optional<ProcessKey> ProcessTablePage::currentProcess() const
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(m_view->currentIndex().row(), {}))
        return std::nullopt;
    return m_model->row(current.row()).info.key;
}

QList<ProcessKey> ProcessTablePage::selectedProcesses() const
{
    QList<ProcessKey> keys;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows()) {
        const QModelIndex source = m_proxy->mapToSource(index);
        if (source.isValid())
            keys.append(m_model->row(source.row()).info.key);
    }
    return keys;
}

bool ProcessTablePage::selectPid(int pid)
{
    const int row = m_model->rowOfPid(pid);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void ProcessTablePage::focusFilter()
{
    m_filter->setFocus();
    m_filter->selectAll();
}

} // namespace pg
