#pragma once

// A reusable line chart of values over time, fed from a RateHistory: setSeries() once per tick
// does one QXYSeries::replace() per series, with at most ChartHost::maxPoints() points each (each
// bucket of samples draws its largest value, so spikes stay visible; unknown values draw none).
// The x axis is seconds relative to the newest sample ("-60 s" ... "0 s"), the y axis carries the
// unit given to the constructor. Hovering a line shows its name and value; series that are zero
// over the whole window are hidden (and say so in the title) so a chart of 300 idle interrupts
// does not become a flat rainbow. The history stays with the caller: while the chart is hidden it
// holds no Qt Charts objects and setSeries() does nothing, so the caller feeds it again on show.

#include "core/interrupts/IrqRates.h"
#include "ui/charts/ChartHost.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <optional>

class QLineSeries;
class QValueAxis;

namespace pg {

class TimeSeriesChart final : public ChartHost
{
    Q_OBJECT
public:
    struct Input
    {
        QString name;
        std::optional<RateSeries> points; // nullopt: no history yet
    };

    TimeSeriesChart(const QString& title, const QString& yUnit, QWidget* parent = nullptr);

    // Replaces the chart's series: series named in `inputs` are created or updated (one replace
    // each); the others are removed. `nowSec` is the time of the newest sample (the x origin).
    void setSeries(const std::vector<Input>& inputs, double nowSec);
    void setTitleText(const QString& title);

    // For tests and the page: what the user sees (nothing while hidden).
    QStringList seriesNames() const; // in input order
    QStringList visibleSeriesNames() const;
    QList<QPointF> points(const QString& name) const;
    int replaceCount() const { return m_replaceCount; }
    QString yAxisTitle() const { return m_unit; }
    // The tooltip text hovering `name` at x (seconds before now) shows.
    QString hoverText(const QString& name, double x) const;

protected:
    QChart* createChart() override;
    void releaseChart() override;

private:
    void onHovered(QLineSeries* series, const QPointF& point, bool state);
    void updateTitle();

    QString m_title;
    QString m_unit;
    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    QList<QLineSeries*> m_series; // in input order
    QHash<QString, QLineSeries*> m_byName;
    int m_hidden = 0;
    int m_replaceCount = 0;
};

} // namespace pg
