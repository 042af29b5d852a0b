// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/memusage/MemoryUsagePage.h"

#include "core/export/MemoryCensusCsv.h"
#include "core/sampler/MemoryUsageSampler.h"
#include "ui/common/Banner.h"
#include "ui/common/KeyedSortProxy.h"
#include "ui/common/TableHeader.h"
#include "ui/memusage/MappingUsageModel.h"
#include "ui/memusage/MemoryUsageText.h"
#include "ui/memusage/ProcessUsageModel.h"
#include "ui/memusage/UserUsageModel.h"

#include <QAction>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

namespace pg {

MemoryUsagePage::MemoryUsagePage(MemoryUsageSampler* source, QWidget* parent)
    : QWidget(parent)
    , m_processModel(new ProcessUsageModel(this))
    , m_userModel(new UserUsageModel(this))
    , m_mappingModel(new MappingUsageModel(this))
    , m_processProxy(new KeyedSortProxy(this))
    , m_userProxy(new KeyedSortProxy(this))
    , m_mappingProxy(new KeyedSortProxy(this))
    , m_status(new QLabel(this))
    , m_stop(new QPushButton(tr("S&top"), this))
    , m_totals(new QLabel(this))
    , m_reconcile(new QLabel(this))
    , m_notCounted(new QLabel(this))
    , m_explain(new QToolButton(this))
    , m_explanation(new QLabel(MemoryUsageText::explanation(), this))
    , m_filter(new QLineEdit(this))
    , m_tabs(new QTabWidget(this))
    , m_contextMenu(new QMenu(this))
    , m_source(source)
{
    m_processProxy->setSourceModel(m_processModel);
    m_processProxy->setFilterKeyColumn(-1); // pid, user or command
    m_userProxy->setSourceModel(m_userModel);
    m_mappingProxy->setSourceModel(m_mappingModel);
    m_mappingProxy->setFilterKeyColumn(MappingUsageModel::Mapping);

    auto* title = new QLabel(tr("Memory usage"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    title->setFont(titleFont);
    setTextTone(m_status, TextTone::Dim);
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_stop->setEnabled(false);
    m_stop->setToolTip(tr("Stop reading: the figures read so far are shown, marked partial"));
    auto* refresh = new QPushButton(tr("Refresh"), this);
    refresh->setToolTip(tr("Count again now (F5). While this page is shown it counts every 5 s, "
                           "or every five refresh intervals when that is longer"));

    for (QLabel* label : { m_totals, m_reconcile, m_notCounted, m_explanation }) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_totals->setText(tr("Counting every process's memory (smaps_rollup)…"));
    QFont bold = m_totals->font();
    bold.setBold(true);
    m_totals->setFont(bold);
    setTextTone(m_notCounted, TextTone::Error);
    m_notCounted->setVisible(false);
    m_explanation->setTextFormat(Qt::RichText);
    m_explanation->setVisible(false);
    m_explain->setText(tr("What do these mean?"));
    m_explain->setCheckable(true);
    m_explain->setAutoRaise(true);
    m_explain->setToolTip(tr("Rss, Pss and USS, and why a sum of Rss overcounts"));
    connect(m_explain, &QToolButton::toggled, m_explanation, &QLabel::setVisible);

    m_filter->setPlaceholderText(tr("Filter by pid, user or command"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_processProxy->setFilterFixedString(text);
        m_mappingProxy->setFilterFixedString(text);
    });

    m_processView = makeView(m_processProxy, QStringLiteral("memoryUsageProcessView"));
    m_processView->sortByColumn(ProcessUsageModel::Pss, Qt::DescendingOrder);
    m_userView = makeView(m_userProxy, QStringLiteral("memoryUsageUserView"));
    m_userView->sortByColumn(UserUsageModel::Pss, Qt::DescendingOrder);
    m_mappingView = makeView(m_mappingProxy, QStringLiteral("memoryUsageMappingView"));
    m_mappingView->sortByColumn(MappingUsageModel::Pss, Qt::DescendingOrder);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_processView->header()->resizeSection(ProcessUsageModel::Pid, 9 * digit);
    m_processView->header()->resizeSection(ProcessUsageModel::User, 14 * digit);
    m_processView->header()->resizeSection(ProcessUsageModel::Command, 22 * digit);
    m_userView->header()->resizeSection(UserUsageModel::User, 20 * digit);
    m_mappingView->header()->resizeSection(MappingUsageModel::Mapping, 60 * digit);

    auto* processTab = new QWidget(this);
    auto* processLayout = new QVBoxLayout(processTab);
    processLayout->setContentsMargins(0, 4, 0, 0);
    processLayout->addWidget(m_filter);
    processLayout->addWidget(m_processView, 1);
    m_tabs->addTab(processTab, tr("By &process"));
    m_tabs->addTab(m_userView, tr("By u&ser"));
    m_tabs->addTab(m_mappingView, tr("By m&apping"));
    m_tabs->setTabToolTip(2,
        tr("Every file and kind of anonymous memory, with how many processes map it. Read from "
           "every process's whole smaps while this tab is shown: about 2.5 times the time of "
           "smaps_rollup"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &MemoryUsagePage::tabChanged);

    auto* openMap = new QAction(tr("Open &memory map"), this);
    openMap->setToolTip(tr("Show this process's memory map"));
    connect(
        openMap, &QAction::triggered, this, [this] { requestMap(m_processView->currentIndex()); });
    m_contextMenu->addAction(openMap);
    m_processView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_processView, &QTreeView::customContextMenuRequested, this, [this](const QPoint& at) {
        if (m_processView->indexAt(at).isValid())
            m_contextMenu->popup(m_processView->viewport()->mapToGlobal(at));
    });
    connect(m_processView, &QTreeView::activated, this, &MemoryUsagePage::requestMap);

    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(title);
    titleRow->addStretch(1);
    titleRow->addWidget(m_status);
    titleRow->addWidget(m_stop);
    titleRow->addWidget(refresh);
    auto* explainRow = new QHBoxLayout;
    explainRow->addWidget(m_reconcile, 1);
    explainRow->addWidget(m_explain, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addLayout(titleRow);
    layout->addWidget(m_totals);
    layout->addLayout(explainRow);
    layout->addWidget(m_notCounted);
    layout->addWidget(m_explanation);
    layout->addWidget(m_tabs, 1);

    if (m_source) {
        connect(m_source, &MemoryUsageSampler::usageReady, this, &MemoryUsagePage::applyUsage,
            Qt::QueuedConnection);
        connect(m_source, &MemoryUsageSampler::progress, this, &MemoryUsagePage::showProgress,
            Qt::QueuedConnection);
        // Thread-safe on purpose: it works while the sampler thread is busy.
        connect(m_stop, &QPushButton::clicked, this, [this] { m_source->requestStop(); });
        connect(refresh, &QPushButton::clicked, this, [this] {
            QMetaObject::invokeMethod(m_source, &Sampler::refreshNow, Qt::QueuedConnection);
        });
    }
}

QTreeView* MemoryUsagePage::makeView(QAbstractItemModel* model, const QString& name)
{
    auto* view = new QTreeView(this);
    view->setObjectName(name); // its columns are saved
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAllColumnsShowFocus(true);
    QHeaderView* header = view->header();
    header->setSectionsMovable(true);
    header->setStretchLastSection(false);
    installTableHeader(header, name);
    return view;
}

Sampler* MemoryUsagePage::pageSource() const
{
    return m_source;
}

int MemoryUsagePage::sourceIntervalMs(int windowMs) const
{
    return std::max(5 * windowMs, 5000);
}

void MemoryUsagePage::applyUsage(const MemoryUsageSnapshotPtr& snapshot)
{
    if (!snapshot)
        return;
    // A read that ends after the page was hidden: its rows would only be freed again.
    if (m_source && !isVisible())
        return;
    const MemoryUsageSnapshot& snap = *snapshot;
    m_counted = true;
    m_processModel->apply(snap);
    m_userModel->apply(snap);
    m_mappingModel->apply(snap);
    m_mappingsCounted = m_mappingsCounted || snap.mappings.has_value();
    m_totals->setText(MemoryUsageText::totals(snap));
    m_reconcile->setText(MemoryUsageText::reconciliation(snap));
    const QString notCounted = MemoryUsageText::notCounted(snap);
    m_notCounted->setText(notCounted);
    m_notCounted->setVisible(!notCounted.isEmpty());
    m_stop->setEnabled(false);
    m_status->setText(
        tr("Counted at %1 in %2 s")
            .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat),
                QLocale().toString(static_cast<double>(snap.readMs) / 1000.0, 'f', 1)));
}

void MemoryUsagePage::setUnavailable(const QString& reason)
{
    m_unavailable = reason;
    m_status->setWordWrap(true);
    m_status->setText(reason);
    m_tabs->setEnabled(false);
    m_stop->setEnabled(false);
}

void MemoryUsagePage::showProgress(int done, int total)
{
    if (!m_unavailable.isEmpty())
        return;
    // A line of text, not a QProgressBar: the page must stay cheap (see the soak's budget).
    const bool reading = done < total;
    m_stop->setEnabled(reading);
    if (reading)
        m_status->setText((readsMappings() ? tr("Reading smaps: %1 of %2 processes…")
                                           : tr("Reading smaps_rollup: %1 of %2 processes…"))
                              .arg(QLocale().toString(done), QLocale().toString(total)));
}

QList<ExportSource> MemoryUsagePage::pageExports()
{
    // The shown tab's table, the one `procglass export memory --by process|user|mapping` writes.
    enum class By { Process, User, Mapping };
    const By by = m_tabs->currentWidget() == m_userView ? By::User
        : m_tabs->currentWidget() == m_mappingView      ? By::Mapping
                                                        : By::Process;
    static const char* const variants[] = { "by-process", "by-user", "by-mapping" };
    const QString titles[]
        = { tr("Memory usage by process"), tr("Memory usage by user"), tr("Memory by mapping") };
    const auto index = static_cast<std::size_t>(by);
    return { exportSource(
        ExportTableId::Memory,
        [this, by] {
            if (!m_counted || (by == By::Mapping && !m_mappingsCounted))
                return ExportTable { {},
                    tr("nothing counted yet: the Memory usage page counts while it is shown") };
            if (by == By::Mapping) {
                MappingCensus census;
                census.mappings = m_mappingModel->mappings();
                return ExportTable { memoryByMappingToCsv(census), {} };
            }
            // From the rows: the page keeps no second copy of the census.
            const MemoryCensus census = m_processModel->census();
            auto userName = [this](std::uint32_t uid) { return m_processModel->userName(uid); };
            return ExportTable { by == By::User ? memoryByUserToCsv(census, userName)
                                                : memoryByProcessToCsv(census, userName),
                {} };
        },
        QLatin1String(variants[index]), titles[index]) };
}

bool MemoryUsagePage::readsMappings() const
{
    return m_tabs->currentWidget() == m_mappingView;
}

void MemoryUsagePage::tabChanged()
{
    if (!m_source)
        return;
    const bool mappings = readsMappings();
    if (mappings == m_source->readsMappings())
        return;
    m_source->setReadsMappings(mappings);
    // The By mapping table needs a read of every smaps: now (or when a read under way ends), not
    // at the next tick. Back on the other tabs the last read's rows serve until the next tick.
    if (mappings && isVisible())
        QMetaObject::invokeMethod(m_source, &Sampler::refreshNow, Qt::QueuedConnection);
}

void MemoryUsagePage::requestMap(const QModelIndex& proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const int pid = proxyIndex.siblingAtColumn(0).data(ProcessUsageModel::PidRole).toInt();
    if (pid > 0)
        emit memoryMapRequested(pid);
}

int MemoryUsagePage::currentPid() const
{
    const QModelIndex index = m_processView->currentIndex();
    return index.isValid() ? index.siblingAtColumn(0).data(ProcessUsageModel::PidRole).toInt() : 0;
}

void MemoryUsagePage::clearRows()
{
    m_processModel->clear();
    m_userModel->clear();
    m_mappingModel->clear();
    m_counted = false;
    m_mappingsCounted = false;
}

void MemoryUsagePage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    if (!m_source)
        return;
    // Nothing is read while hidden, and nothing is kept: a read under way ends, the rows go.
    m_source->requestStop();
    clearRows();
    m_stop->setEnabled(false);
}

QString MemoryUsagePage::totalsText() const
{
    return m_totals->text();
}

QString MemoryUsagePage::reconciliationText() const
{
    return m_reconcile->text();
}

QString MemoryUsagePage::notCountedText() const
{
    return m_notCounted->text();
}

QString MemoryUsagePage::statusText() const
{
    return m_status->text();
}

bool MemoryUsagePage::stopEnabled() const
{
    return m_stop->isEnabled();
}

} // namespace pg
