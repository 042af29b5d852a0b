// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One half of the Interrupts page: the table of hardware IRQs or of softirqs, with the charts fed
// from its history (rates of the selected rows over time, interrupts/s per CPU), the per-CPU
// distribution of the selected rows and the row x CPU heatmap. Snapshots always extend the
// history; the table and charts update only while the panel is visible. The charts are fed
// through TimeChart like every other: the samples they have not had yet, or the whole history
// when the charted rows change. Each charted row keeps its colour while it stays charted.

#include "core/interrupts/IrqRates.h"
#include "core/metatypes/SnapshotTypes.h"
#include "ui/charts/SeriesPalette.h"
#include "ui/interrupts/InterruptsModel.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace pg {

class DistributionBars;
class IrqHeatmap;
class RateChart;
class TimeChart;
class TimeSeriesChart;

class InterruptsPanel final : public QWidget
{
    Q_OBJECT
public:
    InterruptsPanel(InterruptsModel::Kind kind, QWidget* parent = nullptr);

    void applySnapshot(const InterruptsSnapshotPtr& snapshot);
    // Samples the history and the charts keep: the longest range the page offers.
    void setHistoryCapacity(std::size_t samples);
    // Seconds the charts show of what is kept.
    void setChartRange(double seconds);

    InterruptsModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }
    TimeSeriesChart* rateChart() const { return m_rateChart; }
    RateChart* cpuChart() const { return m_cpuChart; }
    DistributionBars* distribution() const { return m_bars; }
    IrqHeatmap* heatmap() const { return m_heatmap; }
    const RateHistory& history() const { return m_history; }
    // Keys of the rows the charts follow: the selection, or the 5 busiest when nothing is selected.
    QStringList chartedKeys() const;
    int redrawCount() const { return m_redraws; }

    static constexpr int kDefaultCharted = 5;
    static constexpr int kCpuSeries = 8;

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void redraw();
    void updateCharts();
    void updateHeatmap();
    // Pushes the history of `series` (one per name, nullopt: none yet) into `chart`: all of it
    // when the names change, else only the samples after `fedUntil`.
    struct Fed
    {
        double until = 0; // the newest sample time the chart has
        std::uint64_t generation = 0; // of m_history
    };
    void feed(TimeChart& chart, Fed& fed, const QStringList& names, const QList<QColor>& colours,
        const std::vector<std::optional<RateSeries>>& series);

    InterruptsModel::Kind m_kind;
    InterruptsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTableView* m_view;
    QLabel* m_flags;
    TimeSeriesChart* m_rateChart;
    RateChart* m_cpuChart;
    DistributionBars* m_bars;
    IrqHeatmap* m_heatmap;
    QComboBox* m_heatBasis;
    QComboBox* m_heatGroup;
    QLabel* m_heatNote;
    RateHistory m_history;
    SeriesPalette m_rateColours; // a colour per charted row, kept while it stays charted
    SeriesPalette m_cpuColours;
    Fed m_rateFed;
    Fed m_cpuFed;
    InterruptsSnapshotPtr m_latest;
    bool m_dirty = false;
    int m_redraws = 0;
};

} // namespace pg
