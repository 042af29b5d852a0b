#pragma once

// A reusable line chart of values over time, fed from ring buffers: setSeries() once per tick does
// one QXYSeries::replace() per series. The x axis is seconds relative to the newest sample
// ("-60 s" ... "0 s"), the y axis carries the unit given to the constructor. Hovering a line shows
// its name and value; series that are zero over the whole window are hidden (and say so in the
// title) so a chart of 300 idle interrupts does not become a flat rainbow.

#include "IrqRates.h"
#include "RingBuffer.h"

#include <QChartView>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

class QLineSeries;
class QValueAxis;
class QLabel;

namespace pg {

class TimeSeriesChart final : public QChartView
{
    Q_OBJECT
public:
    struct Input
    {
        QString name;
        const RingBuffer<RatePoint>* points = nullptr; // may be null: no history yet
    };

    TimeSeriesChart(const QString& title, const QString& yUnit, QWidget* parent = nullptr);

    // Replaces the chart's series: series named in `inputs` are created or updated (one replace
    // each); the others are removed. `nowSec` is the time of the newest sample (the x origin).
    void setSeries(const std::vector<Input>& inputs, double nowSec);
    void setTitleText(const QString& title);

    // For tests and the page: what the user sees.
    QStringList seriesNames() const; // in input order
    QStringList visibleSeriesNames() const;
    QList<QPointF> points(const QString& name) const;
    int replaceCount() const { return m_replaceCount; }
    QString yAxisTitle() const;
    // The tooltip text hovering `name` at x (seconds before now) shows.
    QString hoverText(const QString& name, double x) const;

private:
    void onHovered(QLineSeries* series, const QPointF& point, bool state);
    void updateTitle();

    QString m_title;
    QValueAxis* m_x;
    QValueAxis* m_y;
    QList<QLineSeries*> m_series; // in input order
    QHash<QString, QLineSeries*> m_byName;
    int m_hidden = 0;
    int m_replaceCount = 0;
};

} // namespace pg
