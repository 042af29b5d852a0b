// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/memory/MemoryMapPage.h"

#include "core/export/CsvWriter.h"
#include "core/export/MemoryMapCsv.h"
#include "core/memory/MemoryAccounting.h"
#include "core/sampler/MemoryMapSampler.h"
#include "core/sampler/PcpDetailsSampler.h"
#include "core/sampler/Sampler.h"
#include "ui/common/Banner.h"
#include "ui/common/Format.h"
#include "ui/common/LayoutRestore.h"
#include "ui/common/TableHeader.h"
#include "ui/memory/MapChangesModel.h"
#include "ui/memory/MapTotalsView.h"
#include "ui/memory/MemoryMapModel.h"
#include "ui/memory/MemoryMapProxy.h"
#include "ui/memory/PathElideDelegate.h"
#include "ui/memory/SparklineDelegate.h"
#include "ui/memory/WhoMapsDialog.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace pg {

namespace {

const char* const kSummaryNames[] = { "VIRT", "RES", "SHR", "Shared", "Pss", "USS" };
constexpr int kSummaryRows = 6;

QString kibExact(std::uint64_t kib)
{
    return MemoryMapPage::tr("%1 KiB").arg(QLocale().toString(static_cast<qulonglong>(kib)));
}

QString errorWords(Error e)
{
    return QString::fromUtf8(errorText(e).data());
}

} // namespace

MemoryMapPage::MemoryMapPage(MemoryMapSampler* source, QWidget* parent)
    : QWidget(parent)
    , m_model(new MemoryMapModel(this))
    , m_proxy(new MemoryMapProxy(this))
    , m_title(new QLabel(this))
    , m_cmdline(new QLabel(this))
    , m_status(new QLabel(this))
    , m_message(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_mode(new QComboBox(this))
    , m_columns(new QToolButton(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_chooseButton(new QPushButton(this))
    , m_controls(new QWidget(this))
    , m_view(new QTreeView(this))
    , m_source(source)
    , m_changesModel(new MapChangesModel(this))
    , m_changesProxy(new QSortFilterProxyModel(this))
    , m_changesView(new QTreeView(this))
    , m_changesPane(new QWidget(this))
    , m_baselineInfo(new QLabel(this))
    , m_baselineButton(new QPushButton(tr("Set baseline"), this))
    , m_whoButton(new QPushButton(this))
{
    m_proxy->setSourceModel(m_model);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_title->setText(tr("Memory map"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cmdline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cmdline->setWordWrap(false);
    m_cmdline->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setTextTone(m_status, TextTone::Dim);
    m_message->setVisible(false);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_summaryBox
        = new QGroupBox(tr("VIRT, RES and SHR for this process, and what smaps says"), this);
    auto* grid = new QGridLayout(m_summaryBox);
    grid->setContentsMargins(8, 4, 8, 4);
    grid->setVerticalSpacing(2);
    buildSummary(grid);

    m_filter->setPlaceholderText(tr("Filter mappings by name (path, [heap], memfd:…)"));
    m_filter->setClearButtonEnabled(true);
    m_mode->addItem(tr("Grouped by what backs them"));
    m_mode->addItem(tr("Flat, by address (as pmap)"));
    m_mode->addItem(tr("Changes since the baseline"));
    m_mode->setToolTip(tr("Group mappings by file, [heap], [stack], anonymous or shared memory; "
                          "list every mapping in address order; or show what appeared, vanished, "
                          "grew or shrank since the baseline"));
    m_columns->setText(tr("Columns"));
    m_columns->setPopupMode(QToolButton::InstantPopup);
    m_columns->setToolTip(tr("Choose the smaps fields to show"));
    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setToolTip(
        tr("Read the map again now (F5). While this page is shown it refreshes every 2 s, or at "
           "the window's refresh interval when that is longer"));

    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    m_view->setTextElideMode(Qt::ElideMiddle); // paths: PathElideDelegate keeps the file name
    m_view->sortByColumn(MemoryMapModel::Rss, Qt::DescendingOrder);
    QHeaderView* header = m_view->header();
    header->setSectionsMovable(true);
    header->setStretchLastSection(false);
    header->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(MemoryMapModel::Mapping, 56 * digit);
    for (int c = 1; c < MemoryMapModel::ColumnCount; ++c) {
        header->resizeSection(c, 11 * digit + 12);
        m_view->setColumnHidden(c, !MemoryMapModel::isDefaultColumn(c));
    }
    header->resizeSection(MemoryMapModel::Path, 40 * digit);
    header->resizeSection(MemoryMapModel::VmFlags, 30 * digit);
    m_defaultHeaderState = header->saveState(); // grouped mode's; flat mode's derives from it
    auto* pathDelegate = new PathElideDelegate(this);
    m_view->setItemDelegateForColumn(MemoryMapModel::Mapping, pathDelegate);
    m_view->setItemDelegateForColumn(MemoryMapModel::Path, pathDelegate);

    auto* columnMenu = new QMenu(this);
    for (int c = 1; c < MemoryMapModel::ColumnCount; ++c) {
        QAction* a = columnMenu->addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setToolTip(MemoryMapModel::columnToolTip(c));
        connect(columnMenu, &QMenu::aboutToShow, a,
            [this, a, c] { a->setChecked(!m_view->isColumnHidden(c)); });
        connect(
            a, &QAction::toggled, this, [this, c](bool on) { m_view->setColumnHidden(c, !on); });
    }
    columnMenu->setToolTipsVisible(true);
    m_columns->setMenu(columnMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this,
        [header, columnMenu](const QPoint& pos) { columnMenu->popup(header->mapToGlobal(pos)); });

    // Changes since the baseline.
    m_baselineButton->setObjectName(QStringLiteral("setBaselineButton"));
    connect(m_baselineButton, &QPushButton::clicked, this, &MemoryMapPage::setBaseline);
    setExited(std::nullopt); // its tooltip
    m_whoButton->setText(tr("Who else maps this?"));
    m_whoButton->setObjectName(QStringLiteral("whoMapsButton"));
    m_whoButton->setToolTip(tr("The processes that map the selected file (same device and "
                               "inode), with their Rss and Pss of it"));
    m_whoButton->setEnabled(false);
    connect(m_whoButton, &QPushButton::clicked, this,
        [this] { showWhoMaps(m_proxy->mapToSource(m_view->currentIndex())); });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_proxy->mapToSource(m_view->indexAt(pos));
        const SmapsMapping* m = m_model->mappingAt(index);
        QMenu menu;
        QAction* who = menu.addAction(tr("Who else maps this file?"));
        who->setEnabled(m && m->inode != 0);
        menu.addAction(tr("Set baseline"), this, &MemoryMapPage::setBaseline)
            ->setEnabled(canSetBaseline());
        if (menu.exec(m_view->viewport()->mapToGlobal(pos)) == who)
            showWhoMaps(index);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &MemoryMapPage::updateWhoButton);

    m_changesProxy->setSourceModel(m_changesModel);
    m_changesProxy->setSortRole(MapChangesModel::SortRole);
    m_changesProxy->setFilterRole(MapChangesModel::FilterRole);
    m_changesProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_changesProxy->setRecursiveFilteringEnabled(true);
    m_changesView->setObjectName(QStringLiteral("memoryChangesView"));
    m_changesView->setModel(m_changesProxy);
    m_changesView->setUniformRowHeights(true);
    m_changesView->setAlternatingRowColors(true);
    m_changesView->setSortingEnabled(true);
    m_changesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_changesView->setAllColumnsShowFocus(true);
    m_changesView->sortByColumn(MapChangesModel::RssDelta, Qt::DescendingOrder);
    m_changesView->setItemDelegateForColumn(MapChangesModel::Trend,
        new SparklineDelegate(MapChangesModel::SparklineRole, m_changesView));
    m_changesView->setItemDelegateForColumn(MapChangesModel::Mapping, pathDelegate);
    QHeaderView* changesHeader = m_changesView->header();
    changesHeader->setStretchLastSection(false);
    changesHeader->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    changesHeader->resizeSection(MapChangesModel::Mapping, 50 * digit);
    changesHeader->resizeSection(MapChangesModel::Status, 10 * digit);
    changesHeader->resizeSection(MapChangesModel::Trend, 18 * digit);
    for (int c = MapChangesModel::RssDelta; c < MapChangesModel::ColumnCount; ++c) {
        if (c != MapChangesModel::Trend)
            changesHeader->resizeSection(c, 11 * digit + 12);
    }
    // The changed mappings are the point of the view: show them, not only their groups.
    connect(m_changesProxy, &QAbstractItemModel::modelReset, m_changesView, &QTreeView::expandAll);
    connect(m_filter, &QLineEdit::textChanged, m_changesProxy,
        &QSortFilterProxyModel::setFilterFixedString);
    setTextTone(m_baselineInfo, TextTone::Dim);
    m_baselineInfo->setObjectName(QStringLiteral("baselineInfo"));
    auto* exportChanges = new QPushButton(tr("Export changes as CSV…"), this);
    exportChanges->setObjectName(QStringLiteral("exportChangesButton"));
    exportChanges->setToolTip(
        tr("Write the change table (one row per appeared, vanished, grown or shrunk mapping, "
           "with its Size, Rss and Pss then and now) to a CSV file"));
    connect(exportChanges, &QPushButton::clicked, this, &MemoryMapPage::exportChanges);
    auto* changesBar = new QHBoxLayout;
    changesBar->setContentsMargins(0, 0, 0, 0);
    changesBar->addWidget(m_baselineInfo, 1);
    changesBar->addWidget(exportChanges);
    auto* changesLayout = new QVBoxLayout(m_changesPane);
    changesLayout->setContentsMargins(0, 0, 0, 0);
    changesLayout->addLayout(changesBar);
    changesLayout->addWidget(m_changesView, 1);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(24);
    m_placeholder->setObjectName(QStringLiteral("memoryMapMessage"));
    m_chooseButton->setText(tr("Choose a process on the Processes page"));
    m_chooseButton->setObjectName(QStringLiteral("chooseProcessButton"));
    connect(m_chooseButton, &QPushButton::clicked, this, [this] {
        if (m_host)
            m_host->showPage(QStringLiteral("processes"));
    });
    auto* placeholderPage = new QWidget(this);
    auto* placeholderLayout = new QVBoxLayout(placeholderPage);
    placeholderLayout->addStretch(1);
    placeholderLayout->addWidget(m_placeholder);
    placeholderLayout->addWidget(m_chooseButton, 0, Qt::AlignHCenter);
    placeholderLayout->addStretch(2);
    m_stack->addWidget(placeholderPage);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_changesPane);

    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title);
    titleRow->addStretch(1);
    titleRow->addWidget(m_status);
    auto* controls = new QHBoxLayout(m_controls);
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(m_filter, 1);
    controls->addWidget(m_mode);
    controls->addWidget(m_columns);
    controls->addWidget(m_baselineButton);
    controls->addWidget(m_whoButton);
    controls->addWidget(refreshButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addLayout(titleRow);
    layout->addWidget(m_cmdline);
    layout->addWidget(m_message);
    layout->addWidget(m_summaryBox);
    layout->addWidget(m_controls);
    layout->addWidget(m_stack, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &MemoryMapProxy::setNameFilter);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int i) {
        setShowChanges(i == 2);
        if (i != 2)
            setFlat(i == 1);
    });
    connect(refreshButton, &QPushButton::clicked, this, [this] {
        if (m_source && m_key.pid > 0)
            QMetaObject::invokeMethod(m_source, &Sampler::refreshNow, Qt::QueuedConnection);
    });
    m_view->setObjectName(QStringLiteral("memoryMapView")); // its columns are saved
    installTableHeader(m_view->header(), QStringLiteral("memoryMap"));
    if (m_source) {
        connect(this, &MemoryMapPage::targetRequested, m_source, &MemoryMapSampler::setTarget,
            Qt::QueuedConnection);
        connect(m_source, &MemoryMapSampler::mapsReady, this, &MemoryMapPage::applyMaps,
            Qt::QueuedConnection);
    }
    showNoProcess();
}

// Until a process is chosen (a restart onto this page, a click on its tab) the page is only the
// way to choose one: no empty summary, filter or table around it.
void MemoryMapPage::showNoProcess()
{
    m_summaryBox->setVisible(false);
    m_controls->setVisible(false);
    m_placeholder->setText(
        tr("<p style=\"font-size:large\"><b>No process chosen</b></p>"
           "<p>This page shows the memory map of one process. On the <b>Processes</b> page, select "
           "a process and press <b>Ctrl+M</b> or <b>Enter</b>, double-click it, or choose "
           "<b>Memory map</b> in its context menu. <tt>procglass --pid PID</tt> starts with one."
           "</p>"));
    m_placeholder->setTextFormat(Qt::RichText);
    m_chooseButton->setVisible(true);
    m_stack->setCurrentIndex(0);
}

// The sampler found the process gone: its last map and changes stay on screen, greyed, and no
// new baseline can be set (no map will come after it). nullopt: the process is there.
void MemoryMapPage::setExited(std::optional<std::int64_t> noticedAtUnixMs)
{
    m_exitedNoticedAtUnixMs = noticedAtUnixMs;
    const bool exited = noticedAtUnixMs.has_value();
    m_model->setStale(exited);
    m_changesModel->setStale(exited);
    m_summaryBox->setEnabled(!exited); // its figures are the last map's too: greyed like it
    m_baselineButton->setEnabled(!exited);
    m_baselineButton->setToolTip(exited
            ? tr("The process has exited: no map will come after its last one, so there is "
                 "nothing to measure from a new baseline")
            : tr("Measure changes from the map shown now (the baseline is otherwise the first "
                 "map read after the process was chosen)"));
}

void MemoryMapPage::showExited()
{
    if (!m_exitedNoticedAtUnixMs || !m_last)
        return;
    auto clock = [](std::int64_t ms) {
        return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
    };
    const QString who = tr("Process %1 (%2)").arg(m_key.pid).arg(fmt::displayBytes(m_last->comm));
    const QString noticed = clock(*m_exitedNoticedAtUnixMs);
    const QString read = clock(m_last->takenAtUnixMs);
    showMessage(m_changesShown
            ? tr("%1 had exited by %2: showing the changes from the baseline to its last map "
                 "(read at %3), greyed. Set baseline is off: no new map will come.")
                  .arg(who, noticed, read)
            : tr("%1 had exited by %2: showing its last map (read at %3), greyed.")
                  .arg(who, noticed, read),
        false);
}

bool MemoryMapPage::showingNoProcess() const
{
    return m_key.pid <= 0;
}

QString MemoryMapPage::placeholderText() const
{
    return m_stack->currentIndex() == 0 ? m_placeholder->text() : QString();
}

void MemoryMapPage::attachHost(PageHost& host)
{
    m_host = &host;
}

void MemoryMapPage::buildSummary(QGridLayout* grid)
{
    for (int r = 0; r < kSummaryRows; ++r) {
        auto* name
            = new QLabel(QStringLiteral("<b>%1</b>").arg(QLatin1String(kSummaryNames[r])), this);
        auto* value = new QLabel(QStringLiteral("–"), this);
        auto* derivation = new QLabel(this);
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setMinimumWidth(
            value->fontMetrics().horizontalAdvance(QStringLiteral("0000.0 MiB")));
        derivation->setWordWrap(true);
        derivation->setTextInteractionFlags(Qt::TextSelectableByMouse);
        derivation->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        grid->addWidget(name, r, 0);
        grid->addWidget(value, r, 1);
        grid->addWidget(derivation, r, 2);
        m_summaryValues.append(value);
        m_summaryDerivations.append(derivation);
        name->setObjectName(QLatin1String(kSummaryNames[r]));
    }
    grid->setColumnStretch(2, 1);
    grid->setHorizontalSpacing(12);
}

QString MemoryMapPage::summaryText(const QString& name) const
{
    for (int r = 0; r < kSummaryRows; ++r) {
        if (name == QLatin1String(kSummaryNames[r]))
            return m_summaryValues[r]->text() + QLatin1Char(' ') + m_summaryDerivations[r]->text();
    }
    return {};
}

bool MemoryMapPage::showingTable() const
{
    return m_stack->currentWidget() == m_view;
}

void MemoryMapPage::setShowChanges(bool show)
{
    if (show && m_mode->currentIndex() != 2)
        m_mode->setCurrentIndex(2); // comes back here through currentIndexChanged
    if (!show && m_mode->currentIndex() == 2)
        m_mode->setCurrentIndex(m_flat ? 1 : 0);
    if (show == m_changesShown)
        return;
    m_changesShown = show;
    m_columns->setVisible(!show);
    if (show)
        refreshChanges();
    showExited(); // its wording names what is shown
    // Only when the map is on screen: a placeholder (reading, permission denied) stays.
    QWidget* current = m_stack->currentWidget();
    if (current == m_view || current == m_changesPane)
        m_stack->setCurrentWidget(show ? m_changesPane : m_view);
}

bool MemoryMapPage::canSetBaseline() const
{
    return m_last && m_last->smaps && !targetExited();
}

void MemoryMapPage::setBaseline()
{
    if (!canSetBaseline())
        return;
    m_baseline = makeBaseline(*m_last->smaps, m_last->takenAtUnixMs);
    refreshChanges();
}

// The diff is worked out only while the change view is shown; the history is kept all along (a
// few bytes per group per sample) so the sparklines have a past when the user switches to it.
void MemoryMapPage::refreshChanges()
{
    if (!m_changesShown)
        return;
    if (!m_baseline || !m_last || !m_last->smaps || !m_last->grouping) {
        m_changesModel->clear();
        m_baselineInfo->setText(tr("No baseline yet: it is the first map read."));
        return;
    }
    std::vector<MappingChange> changes = diffMaps(*m_baseline, *m_last->smaps);
    std::int64_t rss = 0;
    int counts[4] = {};
    for (const MappingChange& c : changes) {
        rss += c.rssDeltaKib();
        ++counts[static_cast<int>(c.status)];
    }
    const QString when = QDateTime::fromMSecsSinceEpoch(m_baseline->takenAtUnixMs)
                             .toString(QStringLiteral("HH:mm:ss"));
    const QString rssText = rss == 0 ? QStringLiteral("0")
                                     : (rss > 0 ? QStringLiteral("+") : QStringLiteral("−"))
            + fmt::kib(static_cast<std::uint64_t>(rss < 0 ? -rss : rss));
    m_baselineInfo->setText(
        tr("Since the baseline of %1: %2 appeared, %3 vanished, %4 grew, %5 shrank; Rss %6. "
           "Sparklines: Rss over the last %n sample(s).",
            nullptr, static_cast<int>(m_history.samples()))
            .arg(when)
            .arg(counts[0])
            .arg(counts[1])
            .arg(counts[2])
            .arg(counts[3])
            .arg(rssText));
    m_changesModel->setChanges(std::move(changes), *m_baseline, *m_last->grouping, m_history);
}

CsvTable MemoryMapPage::changesCsv() const
{
    if (!m_baseline || !m_last || !m_last->smaps)
        return {};
    return mapChangesToCsv(diffMaps(*m_baseline, *m_last->smaps));
}

void MemoryMapPage::exportChanges()
{
    if (!m_last || !m_last->smaps || !m_baseline)
        return;
    const QString name
        = QStringLiteral("procglass-memory-changes-%1-%2.csv")
              .arg(m_last->key.pid)
              .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export changes as CSV"), name, tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    const CsvWriteStatus status = writeCsvFile(QFile::encodeName(path).toStdString(), changesCsv());
    const QString text
        = status.ok() ? tr("Wrote %1").arg(path) : QString::fromStdString(status.message);
    if (m_host)
        m_host->showStatusMessage(text, 6000);
    if (!status.ok())
        showMessage(text, true);
}

void MemoryMapPage::updateWhoButton()
{
    const SmapsMapping* m = m_model->mappingAt(m_proxy->mapToSource(m_view->currentIndex()));
    m_whoButton->setEnabled(m && m->inode != 0);
}

WhoMapsDialog* MemoryMapPage::whoMapsDialog() const
{
    return m_who;
}

WhoMapsDialog* MemoryMapPage::showWhoMaps(const QModelIndex& index)
{
    const SmapsMapping* m = m_model->mappingAt(index);
    if (!m || m->inode == 0 || !m_last)
        return nullptr;
    if (m_who)
        m_who->close(); // one search at a time: closing cancels it
    m_who = new WhoMapsDialog(m_last->procRoot.empty() ? std::string("/proc") : m_last->procRoot,
        m->device, m->inode, fmt::displayBytes(m->displayPath()), this);
    connect(m_who, &WhoMapsDialog::processActivated, this, [this](int pid) {
        openProcess(ProcessKey { pid, 0 });
    });
    m_who->start();
    m_who->show();
    return m_who;
}

void MemoryMapPage::setSummaryRow(
    int row, const QString& value, const QString& derivation, const QString& toolTip)
{
    m_summaryValues[row]->setText(value);
    m_summaryDerivations[row]->setText(derivation);
    m_summaryValues[row]->setToolTip(toolTip);
    m_summaryDerivations[row]->setToolTip(toolTip);
    if (auto* name = findChild<QLabel*>(QLatin1String(kSummaryNames[row])))
        name->setToolTip(toolTip);
}

void MemoryMapPage::setUnavailable(const QString& reason)
{
    m_unavailable = reason;
    m_summaryBox->setVisible(false);
    m_controls->setVisible(false);
    showPlaceholder(reason);
}

void MemoryMapPage::setTotalsOnly(PcpDetailsSampler* source, const QString& why)
{
    m_totalsSource = source;
    if (!m_totals) {
        m_totals = new MapTotalsView(why, this);
        m_stack->addWidget(m_totals);
    }
    m_summaryBox->setVisible(false);
    m_controls->setVisible(false);
    if (source) {
        connect(this, &MemoryMapPage::targetRequested, source, &PcpDetailsSampler::setProcess,
            Qt::QueuedConnection);
        connect(source, &PcpDetailsSampler::pcpDetailsReady, this, &MemoryMapPage::applyTotals,
            Qt::QueuedConnection);
    }
}

bool MemoryMapPage::showingTotals() const
{
    return m_totals && m_stack->currentWidget() == m_totals;
}

void MemoryMapPage::applyTotals(const PcpDetailsPtr& sample)
{
    if (!m_totals || !sample || sample->key.pid != m_key.pid)
        return; // a late answer about a process no longer chosen
    const PcpProcessDetails& d = sample->details;
    if (!d.error.empty()) {
        showPlaceholder(QString::fromStdString(d.error));
        return;
    }
    if (d.gone || d.reused) {
        showPlaceholder(tr("Process %1 has exited on %2.")
                            .arg(m_key.pid)
                            .arg(QString::fromStdString(d.source)));
        return;
    }
    if (d.startMs)
        m_key.startTimeTicks = *d.startMs; // a reused pid is another process from now on
    const QString comm = d.cmd ? fmt::displayBytes(*d.cmd) : QString();
    m_title->setText(
        comm.isEmpty() ? tr("PID %1").arg(m_key.pid) : tr("PID %1 · %2").arg(m_key.pid).arg(comm));
    const QString cmdline = d.kernelThread ? tr("[kernel thread]")
        : d.psargs                         ? fmt::displayBytes(*d.psargs)
                                           : QString();
    m_cmdline->setText(cmdline);
    m_cmdline->setToolTip(cmdline);
    m_totals->setDetails(d);
    m_stack->setCurrentWidget(m_totals);
}

void MemoryMapPage::openProcess(const ProcessKey& key)
{
    if (!m_unavailable.isEmpty()) {
        // A remote pid names another process (or none) here: nothing is read, nothing asked.
        showPlaceholder(m_unavailable);
        return;
    }
    if (m_totals) {
        // Nothing of this machine is read: the source fetches the pid's totals from PCP.
        if (key.pid != m_key.pid
            || (key.startTimeTicks != 0 && key.startTimeTicks != m_key.startTimeTicks)) {
            m_key = key;
            m_title->setText(tr("PID %1").arg(key.pid));
            m_cmdline->clear();
            showPlaceholder(tr("Fetching the smaps totals of process %1 …").arg(key.pid));
        }
        emit targetRequested(key.pid, key.startTimeTicks);
        return;
    }
    const bool same = key.pid == m_key.pid
        && (key.startTimeTicks == 0 || key.startTimeTicks == m_key.startTimeTicks);
    if (!same) {
        m_summaryBox->setVisible(true);
        m_controls->setVisible(true);
        m_key = key;
        m_last.reset();
        m_model->clear();
        m_baseline.reset(); // another process: its changes start from its first map
        m_history.clear();
        m_changesModel->clear();
        setExited(std::nullopt);
        m_baselineInfo->clear();
        m_filter->clear();
        m_title->setText(tr("PID %1").arg(key.pid));
        m_cmdline->clear();
        m_message->setVisible(false);
        for (int r = 0; r < kSummaryRows; ++r)
            setSummaryRow(r, QStringLiteral("–"), QString(), QString());
        showPlaceholder(tr("Reading /proc/%1/smaps…").arg(key.pid));
    }
    emit targetRequested(key.pid, key.startTimeTicks);
}

void MemoryMapPage::setFlat(bool flat)
{
    if (m_mode->currentIndex() != 2 && m_mode->currentIndex() != (flat ? 1 : 0))
        m_mode->setCurrentIndex(flat ? 1 : 0); // comes back here through currentIndexChanged
    if (flat == m_flat)
        return;
    // Each mode keeps its own columns, order, widths and sort: flat mode's Path, Offset, Device
    // and Inode columns are not grouped mode's.
    QHeaderView* header = m_view->header();
    m_headerStates[m_flat ? 1 : 0] = header->saveState();
    m_flat = flat;
    m_model->setMode(flat ? MemoryMapModel::Mode::Flat : MemoryMapModel::Mode::Tree);
    m_view->setRootIsDecorated(!flat);
    const QByteArray& saved = m_headerStates[flat ? 1 : 0];
    if (!saved.isEmpty() && restoreHeaderLayout(header, saved)) {
        m_view->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
        return;
    }
    applyDefaultColumns(flat);
}

bool MemoryMapPage::isFlat() const
{
    return m_flat;
}

void MemoryMapPage::applyDefaultColumns(bool flat)
{
    QHeaderView* header = m_view->header();
    header->restoreState(m_defaultHeaderState);
    if (!flat) {
        m_view->sortByColumn(MemoryMapModel::Rss, Qt::DescendingOrder);
        return;
    }
    // Flat mode reads like pmap: address and perms, the path next to them, the numbers, then
    // offset, device and inode.
    for (int c : { MemoryMapModel::Offset, MemoryMapModel::Device, MemoryMapModel::Inode,
             MemoryMapModel::Path })
        m_view->setColumnHidden(c, false);
    header->moveSection(header->visualIndex(MemoryMapModel::Path), 1);
    m_view->sortByColumn(MemoryMapModel::Mapping, Qt::AscendingOrder);
    header->resizeSection(
        MemoryMapModel::Mapping, 36 * m_view->fontMetrics().horizontalAdvance(QLatin1Char('0')));
}

// The grouped and the flat header are saved apart, with the mode: restoring one mode's columns in
// the other gave grouped mode flat mode's two path columns.
void MemoryMapPage::saveLayout(QSettings& settings, const QString& prefix) const
{
    const QByteArray current = m_view->header()->saveState();
    const QByteArray& grouped = m_flat ? m_headerStates[0] : current;
    const QByteArray& flat = m_flat ? current : m_headerStates[1];
    if (!grouped.isEmpty())
        settings.setValue(prefix + QStringLiteral("columns/grouped"), grouped);
    if (!flat.isEmpty())
        settings.setValue(prefix + QStringLiteral("columns/flat"), flat);
    settings.setValue(prefix + QStringLiteral("mode"),
        m_flat ? QStringLiteral("flat") : QStringLiteral("grouped"));
    // The changes view is shown over either: back from it, the map comes grouped or flat as left.
    settings.setValue(prefix + QStringLiteral("view"),
        m_changesShown ? QStringLiteral("changes") : QStringLiteral("map"));
    // One header state for both modes, as saved before: it is what mixed them up.
    settings.remove(prefix + QStringLiteral("columns/memoryMapView"));
}

void MemoryMapPage::restoreLayout(QSettings& settings, const QString& prefix)
{
    const QByteArray grouped
        = settings.value(prefix + QStringLiteral("columns/grouped")).toByteArray();
    const QByteArray flatState
        = settings.value(prefix + QStringLiteral("columns/flat")).toByteArray();
    const bool flat
        = settings.value(prefix + QStringLiteral("mode")).toString() == QLatin1String("flat");
    setFlat(false); // the grouped header is the one on screen while it is restored
    if (!flatState.isEmpty())
        m_headerStates[1] = flatState;
    if (!grouped.isEmpty() && restoreHeaderLayout(m_view->header(), grouped))
        m_view->sortByColumn(
            m_view->header()->sortIndicatorSection(), m_view->header()->sortIndicatorOrder());
    setFlat(flat);
    setShowChanges(
        settings.value(prefix + QStringLiteral("view")).toString() == QLatin1String("changes"));
}

void MemoryMapPage::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    styleBanner(m_message, error ? BannerTone::Error : BannerTone::Warning, 6);
    m_message->setVisible(!text.isEmpty());
}

void MemoryMapPage::showPlaceholder(const QString& text)
{
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setText(text);
    m_chooseButton->setVisible(false);
    m_stack->setCurrentIndex(0);
}

void MemoryMapPage::updateHeader(const MemoryMapSnapshot& snap)
{
    const QString comm = fmt::displayBytes(snap.comm);
    m_title->setText(comm.isEmpty() ? tr("PID %1").arg(snap.key.pid)
                                    : tr("PID %1 · %2").arg(snap.key.pid).arg(comm));
    const QString cmdline = snap.cmdline.empty()
        ? (snap.kernelThread ? tr("[kernel thread]") : QString())
        : fmt::displayBytes(snap.cmdline);
    m_cmdline->setText(cmdline);
    m_cmdline->setToolTip(cmdline);
    const QString when
        = QDateTime::fromMSecsSinceEpoch(snap.takenAtUnixMs).toString(QStringLiteral("HH:mm:ss"));
    if (snap.smaps) {
        m_status->setText(tr("read %1 · %n mapping(s): smaps read in %2 ms, parsed in %3 ms",
            nullptr, static_cast<int>(snap.smaps->mappings.size()))
                              .arg(when)
                              .arg(snap.readMs, 0, 'f', 1)
                              .arg(snap.parseMs, 0, 'f', 1));
    } else {
        m_status->setText(tr("read %1").arg(when));
    }
}

void MemoryMapPage::updateSummary(const MemoryMapSnapshot& snap)
{
    // The figures and how they reconcile come from core (MemoryAccounting.h); this only words them.
    const MemoryAccounting a = accountMemory(snap);
    const QString smapsSrc = tr("/proc/%1/smaps").arg(snap.key.pid);
    const QString statmSrc = tr("/proc/%1/statm").arg(snap.key.pid);
    const QString statusSrc = tr("/proc/%1/status").arg(snap.key.pid);
    auto kib = [](const MemoryFigure& f) { return f.kib ? kibExact(*f.kib) : tr("unknown"); };

    // VIRT
    if (a.virt.kib && a.res.kib && a.shr.kib) {
        QString d = tr("= statm size (%1 pages × %2 KiB) = VmSize %3 in status.")
                        .arg(*a.sizePages)
                        .arg(a.pageKib)
                        .arg(kib(a.vmSize));
        if (a.sizeSum.kib) {
            d += QLatin1Char(' ') + tr("Sum of smaps Size: %1").arg(kibExact(*a.sizeSum.kib));
            if (a.virtVsSize.match == MemoryMatch::Same)
                d += tr(", the same.");
            else if (a.virtVsSize.match == MemoryMatch::VsyscallPage)
                d += tr(": %1 more, the [vsyscall] page, which is not one of the process's own "
                        "mappings, so VmSize does not count it.")
                         .arg(kibExact(a.virtVsSize.differenceKib));
            else
                d += tr(": differs by %1 (the mappings changed between the two reads).")
                         .arg(kibExact(a.virtVsSize.differenceKib));
        }
        setSummaryRow(0, fmt::kib(*a.virt.kib), d,
            tr("VIRT: all the virtual memory the process has mapped, resident or not.\nSource: %1 "
               "field 1 "
               "(size) × page size, the same number as VmSize in %2.\nThe Size column sums to it.")
                .arg(statmSrc, statusSrc));

        // RES
        QString r = tr("= statm resident = RssAnon %1 + RssFile %2 + RssShmem %3 (status), the "
                       "kernel's counters.")
                        .arg(kib(a.rssAnon), kib(a.rssFile), kib(a.rssShmem));
        if (a.rssSum.kib) {
            r += QLatin1Char(' ') + tr("Sum of smaps Rss: %1").arg(kibExact(*a.rssSum.kib));
            if (a.resVsRss.match == MemoryMatch::Same)
                r += tr(", the same.");
            else
                r += tr(": they differ by %1. The counters are kept per CPU and folded in lazily, "
                        "while smaps walks "
                        "the page tables now, so they can drift by a few pages.")
                         .arg(kibExact(a.resVsRss.differenceKib));
        }
        setSummaryRow(1, fmt::kib(*a.res.kib), r,
            tr("RES: the process's pages that are in RAM now.\nSource: %1 field 2 (resident) × "
               "page size = "
               "RssAnon + RssFile + RssShmem in %2.\nThe Rss column sums to it.")
                .arg(statmSrc, statusSrc));

        // SHR
        setSummaryRow(2, fmt::kib(*a.shr.kib),
            tr("= statm shared = RssFile %1 + RssShmem %2: resident pages backed by a file or "
               "shared memory, "
               "whether or not any other process maps them. That is how top and htop get SHR.")
                .arg(kib(a.rssFile), kib(a.rssShmem)),
            tr("SHR: resident file-backed and shmem pages.\nSource: %1 field 3 (shared) × page "
               "size = RssFile + "
               "RssShmem in %2.\nA library page only this process uses still counts; an anonymous "
               "page shared "
               "with a forked child does not.")
                .arg(statmSrc, statusSrc));
    } else {
        const QString why = tr("unknown: %1: %2").arg(statmSrc, errorWords(a.statmError));
        for (int row = 0; row < 3; ++row)
            setSummaryRow(row, QStringLiteral("–"), why, why);
    }

    if (a.shared.kib && a.pss.kib && a.uss.kib) {
        setSummaryRow(3, fmt::kib(*a.shared.kib),
            tr("= Σ Shared_Clean %1 + Σ Shared_Dirty %2 (smaps): resident pages that more than one "
               "process maps "
               "right now. Not SHR: SHR counts every resident file or shmem page, even one only "
               "this process maps; "
               "Shared counts only pages with more than one mapper, including private anonymous "
               "pages still "
               "shared with a forked parent or child.")
                .arg(kib(a.sharedClean), kib(a.sharedDirty)),
            tr("Shared: smaps Shared_Clean + Shared_Dirty summed over every mapping of %1")
                .arg(smapsSrc));
        setSummaryRow(4, fmt::kib(*a.pss.kib),
            tr("= Σ Pss (smaps): each resident page divided by the number of processes that map "
               "it. The Pss of "
               "every process adds up to the RAM they use."),
            tr("Pss: proportional set size, summed over every mapping of %1").arg(smapsSrc));
        setSummaryRow(5, fmt::kib(*a.uss.kib),
            tr("= Σ Private_Clean %1 + Σ Private_Dirty %2 (smaps): pages only this process maps, "
               "what exiting "
               "would free (USS).")
                .arg(kib(a.privateClean), kib(a.privateDirty)),
            tr("USS: unique set size, smaps Private_Clean + Private_Dirty summed over every "
               "mapping of %1")
                .arg(smapsSrc));
    } else {
        const QString why = tr("unknown: %1: %2").arg(smapsSrc, errorWords(a.smapsError));
        for (int row = 3; row < kSummaryRows; ++row)
            setSummaryRow(row, QStringLiteral("–"), why, why);
    }
}

void MemoryMapPage::applyMaps(const MemoryMapSnapshotPtr& snapshot)
{
    if (!snapshot || snapshot->key.pid != m_key.pid)
        return; // a late answer for a process no longer shown
    if (m_key.startTimeTicks != 0 && snapshot->key.startTimeTicks != m_key.startTimeTicks
        && !snapshot->exited)
        return;
    const MemoryMapSnapshot& snap = *snapshot;
    const QString smapsPath = QString::fromStdString(snap.smapsPath);

    if (snap.exited) {
        if (m_last && m_last->grouping) {
            setExited(snap.takenAtUnixMs);
            showExited();
        } else {
            showMessage(QString(), false);
            showPlaceholder(tr("Process %1 does not exist (any more): %2.")
                                .arg(m_key.pid)
                                .arg(errorWords(snap.smapsError)));
        }
        return;
    }
    m_key.startTimeTicks = snap.key.startTimeTicks;
    setExited(std::nullopt);
    updateHeader(snap);

    if (!snap.smaps) {
        m_model->clear();
        m_last.reset();
        showMessage(QString(), false);
        if (snap.smapsError == Error::PermissionDenied) {
            const QString owner = snap.uid ? tr("user %1").arg(*snap.uid) : tr("another user");
            showPlaceholder(tr("Procglass may not read %1: permission denied.\n\nThe process "
                               "belongs to %2. The kernel shows "
                               "a process's memory map only to the same user (and only if the "
                               "process is not setuid or "
                               "otherwise undumpable), to root, or to a program with "
                               "CAP_SYS_PTRACE. Run Procglass as that "
                               "user or as root to see it.")
                                .arg(smapsPath, owner));
        } else {
            showPlaceholder(
                tr("Could not read %1: %2.").arg(smapsPath, errorWords(snap.smapsError)));
        }
        updateSummary(snap);
        return;
    }
    if (snap.smaps->mappings.empty()) {
        m_model->clear();
        m_last = snapshot;
        showMessage(QString(), false);
        showPlaceholder(snap.kernelThread
                ? tr("PID %1 is a kernel thread: it has no user-space memory, so %2 is empty.")
                      .arg(m_key.pid)
                      .arg(smapsPath)
                : tr("%1 is empty: the process has no mappings.").arg(smapsPath));
        updateSummary(snap);
        return;
    }
    showMessage(QString(), false);
    m_model->applySnapshot(snapshot);
    m_last = snapshot;
    if (snap.grouping)
        m_history.add(*snap.grouping);
    if (!m_baseline)
        m_baseline = makeBaseline(*snap.smaps, snap.takenAtUnixMs);
    refreshChanges();
    updateWhoButton();
    m_stack->setCurrentWidget(m_changesShown ? m_changesPane : m_view);
    updateSummary(snap);
}

Sampler* MemoryMapPage::pageSource() const
{
    if (m_totalsSource)
        return m_totalsSource;
    return m_source;
}

int MemoryMapPage::sourceIntervalMs(int windowMs) const
{
    return std::max(windowMs, MemoryMapSampler::kDefaultIntervalMs);
}

QList<ExportSource> MemoryMapPage::pageExports()
{
    return { exportSource(ExportTableId::Memory, [this] {
        const MemoryMapSnapshotPtr& snap = m_last;
        if (!snap || !snap->smaps)
            return ExportTable { {}, tr("no memory map is shown (open one with Ctrl+M)") };
        return ExportTable { memoryMapToCsv(snap->key.pid, *snap->smaps), {} };
    }) };
}

} // namespace pg
