// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/interrupts/InterruptsPanel.h"

#include "ui/charts/DistributionBars.h"
#include "ui/charts/IrqHeatmap.h"
#include "ui/charts/RateChart.h"
#include "ui/charts/TimeSeriesChart.h"
#include "ui/common/Banner.h"
#include "ui/common/TableHeader.h"
#include "ui/interrupts/RateFeed.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

namespace pg {

namespace {

// Busiest first: by rate, then by count since boot (so a fixture or the first sample still puts
// the busy rows on top), then by name, which makes the order strict.
class IrqSortProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override
    {
        const auto* m = static_cast<const InterruptsModel*>(sourceModel());
        const QVariant a = left.data(InterruptsModel::SortRole);
        const QVariant b = right.data(InterruptsModel::SortRole);
        if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double) {
            if (a.toDouble() != b.toDouble())
                return a.toDouble() < b.toDouble();
        } else if (const int c = QString::compare(a.toString(), b.toString(), Qt::CaseInsensitive);
                   c != 0) {
            return c < 0;
        }
        const InterruptsModel::Item& x = m->item(left.row());
        const InterruptsModel::Item& y = m->item(right.row());
        if (x.total != y.total)
            return x.total < y.total;
        return x.key > y.key; // descending sorts then list "0" before "1"
    }
};

// Softirqs are not interrupts: their charts count softirqs/s.
QString unitFor(InterruptsModel::Kind kind)
{
    return kind == InterruptsModel::Kind::Hardware ? InterruptsPanel::tr("interrupts/s")
                                                   : InterruptsPanel::tr("softirqs/s");
}

} // namespace

InterruptsPanel::InterruptsPanel(InterruptsModel::Kind kind, QWidget* parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_model(new InterruptsModel(kind, this))
    , m_proxy(new IrqSortProxy(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_flags(new QLabel(this))
    , m_rateChart(
          new TimeSeriesChart(kind == InterruptsModel::Kind::Hardware ? tr("Selected interrupts")
                                                                      : tr("Selected softirqs"),
              unitFor(kind), this))
    // Per CPU, painted: a second QChart on the tab cost ~0.8 MiB (its scene, a QTextDocument per
    // axis label, a legend marker per series) that the memory budget does not have. The IRQ rates
    // beside it stay on Qt Charts.
    , m_cpuChart(new RateChart(tr("All interrupts per CPU"), unitFor(kind), {}, this))
    , m_bars(new DistributionBars(this))
    , m_heatmap(new IrqHeatmap(this))
    , m_heatBasis(new QComboBox(this))
    , m_heatGroup(new QComboBox(this))
    , m_heatNote(new QLabel(this))
    , m_history(historyCapacityFor(kDefaultHistorySeconds, 1000))
{
    const bool hard = kind == InterruptsModel::Kind::Hardware;
    setHistoryCapacity(m_history.capacity()); // the charts keep what the history keeps
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(InterruptsModel::SortRole);
    m_proxy->setFilterRole(InterruptsModel::FilterRole);
    m_proxy->setFilterKeyColumn(0);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setDynamicSortFilter(true);

    m_filter->setPlaceholderText(hard ? tr("Filter by IRQ, device or chip (e.g. nvme, virtio, LOC)")
                                      : tr("Filter softirqs"));
    m_filter->setClearButtonEnabled(true);
    connect(
        m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(m_model->columnOf(InterruptsModel::Rate), Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setHighlightSections(false);
    installTableHeader(m_view->horizontalHeader(),
        hard ? QStringLiteral("interrupts") : QStringLiteral("softirqs"));
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (isVisible())
            updateCharts();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // Fixed columns sized to their content once; CPU columns narrow, so many fit.
        const int first = m_model->firstCpuColumn();
        for (int c = 0; c < first; ++c)
            m_view->setColumnWidth(c, 80);
        if (m_model->columnOf(InterruptsModel::Devices) >= 0)
            m_view->setColumnWidth(m_model->columnOf(InterruptsModel::Devices), 230);
        if (m_model->columnOf(InterruptsModel::Description) >= 0)
            m_view->setColumnWidth(m_model->columnOf(InterruptsModel::Description), 380);
        if (m_model->columnOf(InterruptsModel::AttachedTo) >= 0)
            m_view->setColumnWidth(m_model->columnOf(InterruptsModel::AttachedTo), 150);
        if (m_model->columnOf(InterruptsModel::Chip) >= 0)
            m_view->setColumnWidth(m_model->columnOf(InterruptsModel::Chip), 150);
        if (m_model->columnOf(InterruptsModel::Balance) >= 0)
            m_view->setColumnWidth(m_model->columnOf(InterruptsModel::Balance), 150);
        for (int c = first; c < m_model->columnCount(); ++c)
            m_view->setColumnWidth(c, 78);
    });

    m_flags->setWordWrap(true);
    m_flags->setTextFormat(Qt::PlainText);
    setTextTone(m_flags, TextTone::Warning);

    for (const auto& [text, basis] :
        { std::pair { tr("interrupts/s"), 0 }, std::pair { tr("count since boot"), 1 } })
        m_heatBasis->addItem(text, basis);
    for (int g : { 1, 2, 4, 8, 16, 32 })
        m_heatGroup->addItem(g == 1 ? tr("every CPU") : tr("%1 CPUs per column").arg(g), g);
    m_heatBasis->setToolTip(tr("What the cell colours show"));
    m_heatGroup->setToolTip(tr("Sum adjacent CPUs into one column on machines with many CPUs"));
    connect(m_heatBasis, &QComboBox::activated, this, [this] { updateHeatmap(); });
    connect(m_heatGroup, &QComboBox::activated, this,
        [this] { m_heatmap->setGroupSize(m_heatGroup->currentData().toInt()); });
    setTextTone(m_heatNote, TextTone::Dim);

    // Layout: filter + table on top; below, tabs with the charts and the distribution.
    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_filter);
    topLayout->addWidget(m_view, 1);
    topLayout->addWidget(m_flags);

    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_rateChart);
    charts->addWidget(m_cpuChart);
    charts->setSizes({ 1000, 1000 }); // halves, whatever each chart's size hint

    auto* barsScroll = new QScrollArea(this);
    barsScroll->setWidget(m_bars);
    barsScroll->setWidgetResizable(true);
    barsScroll->setMinimumWidth(280);
    auto* heat = new QWidget(this);
    auto* heatLayout = new QVBoxLayout(heat);
    heatLayout->setContentsMargins(0, 0, 0, 0);
    auto* heatBar = new QHBoxLayout();
    heatBar->addWidget(new QLabel(hard ? tr("IRQ × CPU:") : tr("Softirq × CPU:"), this));
    heatBar->addWidget(m_heatBasis);
    heatBar->addWidget(m_heatGroup);
    heatBar->addWidget(m_heatNote, 1);
    heatLayout->addLayout(heatBar);
    heatLayout->addWidget(m_heatmap, 1);
    auto* distribution = new QSplitter(Qt::Horizontal, this);
    distribution->addWidget(barsScroll);
    distribution->addWidget(heat);
    distribution->setStretchFactor(0, 1);
    distribution->setStretchFactor(1, 2);

    auto* lower = new QTabWidget(this);
    lower->setDocumentMode(true);
    lower->addTab(charts, tr("Rates over time"));
    lower->addTab(distribution, tr("Per-CPU distribution"));
    connect(lower, &QTabWidget::currentChanged, this, [this] {
        if (isVisible())
            updateCharts();
    });

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(lower);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

void InterruptsPanel::setHistoryCapacity(std::size_t samples)
{
    m_history.setCapacity(samples);
    m_rateChart->setCapacity(samples);
    m_cpuChart->setCapacity(samples);
}

void InterruptsPanel::setChartRange(double seconds)
{
    m_rateChart->setRange(seconds);
    m_cpuChart->setRange(seconds);
}

void InterruptsPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    // Series colours are picked for the palette's lightness: a dark palette needs lighter ones.
    if (event->type() == QEvent::PaletteChange && isVisible())
        updateCharts();
}

void InterruptsPanel::feed(TimeChart& chart, Fed& fed, const QStringList& names,
    const QList<QColor>& colours, const std::vector<std::optional<RateSeries>>& series)
{
    const bool restarted = fed.generation != m_history.generation();
    const bool replay = restarted || names != chart.seriesNames();
    if (restarted)
        chart.clear(); // the history started again (a replay's jump): so does the chart
    fed.generation = m_history.generation();
    chart.setSeries(names, colours); // new names drop the chart's samples: all are pushed again
    double& fedUntil = fed.until;
    fedUntil = feedRates(
        chart, m_history, series, replay ? -std::numeric_limits<double>::infinity() : fedUntil);
}

void InterruptsPanel::applySnapshot(const InterruptsSnapshotPtr& snapshot)
{
    if (!snapshot)
        return;
    const bool hard = m_kind == InterruptsModel::Kind::Hardware;
    const Error error = hard ? snapshot->interruptsError : snapshot->softirqsError;
    if (snapshot->timelineRestarted)
        m_history.clear(); // the rates so far are not this moment's past
    if (error == Error::None)
        m_history.append(hard ? snapshot->irqRates : snapshot->softirqRates);
    m_latest = snapshot;
    if (isVisible())
        redraw();
    else
        m_dirty = true; // hidden: keep the history, skip the repaint
}

void InterruptsPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        redraw();
    else if (!event->spontaneous())
        updateCharts(); // the charts dropped their Qt Charts objects when hidden: feed them again
}

void InterruptsPanel::redraw()
{
    m_dirty = false;
    if (!m_latest)
        return;
    ++m_redraws;
    m_model->applySnapshot(*m_latest);
    updateCharts();
}

QStringList InterruptsPanel::chartedKeys() const
{
    QStringList keys;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex& r : rows)
        keys << r.data(InterruptsModel::KeyRole).toString();
    if (!keys.isEmpty())
        return keys;
    // Nothing selected: the busiest rows by rate (then total), whatever the table's sort.
    std::vector<int> order(static_cast<std::size_t>(m_model->rowCount()));
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i);
    auto busier = [this](int a, int b) {
        const auto& x = m_model->item(a);
        const auto& y = m_model->item(b);
        const double rx = x.hasRate ? x.rate : 0;
        const double ry = y.hasRate ? y.rate : 0;
        if (rx != ry)
            return rx > ry;
        if (x.total != y.total)
            return x.total > y.total;
        return x.key < y.key;
    };
    const std::size_t n = std::min<std::size_t>(kDefaultCharted, order.size());
    std::partial_sort(
        order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(), busier);
    for (std::size_t i = 0; i < n; ++i) {
        // A single-count row (ERR, MIS) has no per-CPU view; skip it for the distribution's sake.
        if (!m_model->item(order[i]).singleCount)
            keys << m_model->item(order[i]).key;
    }
    return keys;
}

void InterruptsPanel::updateCharts()
{
    const QStringList keys = chartedKeys();
    const QColor background = SeriesPalette::background(palette());

    QStringList rateKeys;
    QStringList rateNames;
    std::vector<std::optional<RateSeries>> rateSeries;
    std::vector<DistributionBars::Group> groups;
    bool anyRate = false;
    for (const QString& key : keys) {
        const int row = m_model->rowOfKey(key);
        if (row < 0)
            continue;
        const QString name = m_model->displayName(row);
        rateKeys << key;
        rateNames << name;
        rateSeries.push_back(m_history.row(key.toStdString()));
        const InterruptsModel::Item& it = m_model->item(row);
        for (double r : it.cpuRates)
            anyRate = anyRate || r > 0;
        groups.push_back({ name, {} });
    }
    // One basis for all bars: rates over the last interval, or counts since boot when idle.
    std::size_t g = 0;
    for (const QString& key : keys) {
        const int row = m_model->rowOfKey(key);
        if (row < 0)
            continue;
        const InterruptsModel::Item& it = m_model->item(row);
        if (anyRate)
            groups[g].perCpu = it.cpuRates;
        else if (!it.singleCount)
            groups[g].perCpu.assign(it.counts.begin(), it.counts.end());
        ++g;
    }
    feed(*m_rateChart, m_rateFed, rateNames, m_rateColours.colours(rateKeys, background),
        rateSeries);
    m_rateChart->setTitleText(m_view->selectionModel()->hasSelection()
            ? tr("Selected: %1").arg(unitFor(m_kind))
            : tr("%n busiest: %1 (select rows to choose)", nullptr,
                static_cast<int>(rateNames.size()))
                  .arg(unitFor(m_kind)));

    // Per CPU: with many CPUs a line each is unreadable, so the busiest few.
    std::vector<std::pair<double, int>> cpus;
    for (int id : m_history.cpuIds()) {
        const std::optional<RateSeries> h = m_history.cpu(id);
        const double rate = h && !h->empty() ? h->newest().rate : 0.0;
        cpus.push_back({ std::isnan(rate) ? 0.0 : rate, id }); // NaN: the CPU went offline
    }
    std::stable_sort(
        cpus.begin(), cpus.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    const std::size_t shown = std::min<std::size_t>(kCpuSeries, cpus.size());
    QStringList cpuKeys;
    QStringList cpuNames;
    std::vector<std::optional<RateSeries>> cpuSeries;
    const QString allWhat
        = m_kind == InterruptsModel::Kind::Hardware ? tr("All interrupts") : tr("All softirqs");
    std::vector<std::pair<double, int>> picked(
        cpus.begin(), cpus.begin() + static_cast<std::ptrdiff_t>(shown));
    std::sort(picked.begin(), picked.end(),
        [](const auto& a, const auto& b) { return a.second < b.second; });
    for (const auto& [rate, id] : picked) {
        cpuKeys << QString::number(id);
        cpuNames << tr("CPU %1").arg(id);
        cpuSeries.push_back(m_history.cpu(id));
    }
    feed(*m_cpuChart, m_cpuFed, cpuNames, m_cpuColours.colours(cpuKeys, background), cpuSeries);
    m_cpuChart->setTitle(cpus.size() > shown
            ? tr("%1 per CPU (%2 busiest of %3 CPUs)").arg(allWhat).arg(shown).arg(cpus.size())
            : tr("%1 per CPU").arg(allWhat));

    m_bars->setData(m_model->cpuIds(), std::move(groups),
        anyRate ? tr("interrupts/s, last interval") : tr("counts since boot"));

    QStringList flags;
    for (const QString& key : keys) {
        const int row = m_model->rowOfKey(key);
        if (row >= 0 && m_model->item(row).balance.kind != BalanceFinding::Kind::None)
            flags << tr("%1: %2").arg(m_model->displayName(row),
                m_model->index(row, m_model->columnOf(InterruptsModel::Balance))
                    .data(Qt::ToolTipRole)
                    .toString());
    }
    int flagged = 0;
    for (int r = 0; r < m_model->rowCount(); ++r)
        flagged += m_model->item(r).balance.kind != BalanceFinding::Kind::None ? 1 : 0;
    if (flagged > 0)
        flags.prepend(tr("%n row(s) flagged in the Balance column.", nullptr, flagged));
    m_flags->setText(flags.join(QLatin1Char('\n')));
    m_flags->setVisible(!flags.isEmpty());
    updateHeatmap();
}

void InterruptsPanel::updateHeatmap()
{
    // Rows: everything that took interrupts, busiest first.
    const bool wantRates = m_heatBasis->currentData().toInt() == 0;
    bool anyRate = false;
    for (int r = 0; r < m_model->rowCount() && !anyRate; ++r) {
        for (double v : m_model->item(r).cpuRates)
            anyRate = anyRate || v > 0;
    }
    const bool rates = wantRates && anyRate;
    std::vector<std::pair<double, int>> rows;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const InterruptsModel::Item& it = m_model->item(r);
        if (it.singleCount)
            continue;
        const double weight = rates ? it.rate : static_cast<double>(it.total);
        if (weight > 0)
            rows.push_back({ weight, r });
    }
    std::stable_sort(
        rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    const std::size_t ncpu = m_model->cpuIds().size();
    QStringList labels;
    std::vector<double> values;
    values.reserve(rows.size() * ncpu);
    for (const auto& [weight, r] : rows) {
        const InterruptsModel::Item& it = m_model->item(r);
        labels << m_model->displayName(r);
        for (std::size_t c = 0; c < ncpu; ++c) {
            if (rates)
                values.push_back(c < it.cpuRates.size() ? it.cpuRates[c] : 0.0);
            else
                values.push_back(c < it.counts.size() ? static_cast<double>(it.counts[c]) : 0.0);
        }
    }
    m_heatmap->setData(
        labels, m_model->cpuIds(), values, rates ? unitFor(m_kind) : tr("since boot"));
    if (wantRates && !anyRate)
        m_heatNote->setText(tr("No interrupts in the last interval: showing counts since boot"));
    else
        m_heatNote->setText(tr("%n row(s) with interrupts; hover a cell for its value", nullptr,
            static_cast<int>(rows.size())));
}

} // namespace pg
