// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/ChartHost.h"

#include <QChart>
#include <QChartView>
#include <QHideEvent>
#include <QShowEvent>
#include <QVBoxLayout>
#include <algorithm>

namespace pg {

ChartHost::ChartHost(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

ChartHost::~ChartHost() = default;

QChart* ChartHost::chart() const
{
    return m_view ? m_view->chart() : nullptr;
}

int ChartHost::maxPoints() const
{
    const QChart* c = chart();
    const int width = c ? static_cast<int>(c->plotArea().width()) : 0;
    // A point every third pixel: at 0.25 s a 10-minute window is 2,401 samples, and Qt Charts
    // keeps a path and a stroked hover shape (some 20 path elements a point) of every point
    // drawn. Each point is its bucket's peak, so spikes stay.
    return width > 0 ? std::clamp(width / 3, kMinPoints, kMaxPoints) : kMaxPoints;
}

void ChartHost::setAntialiasing(bool on)
{
    m_antialiasing = on;
    if (m_view)
        m_view->setRenderHint(QPainter::Antialiasing, on);
}

void ChartHost::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_view)
        return; // shown again after a spontaneous hide: the view was kept
    // QChartView(QChart*) takes the chart directly: no placeholder chart to delete.
    QChart* chart = createChart();
    // No card background of its own (the view's plain white shows instead): Qt Charts paints the
    // rounded, shadowed card through the raster engine's path filler, whose span buffers cost
    // ~0.5 MiB of heap at every repaint of a chart page.
    chart->setBackgroundVisible(false);
    chart->setDropShadowEnabled(false);
    m_view = new QChartView(chart, this);
    m_view->setRenderHint(QPainter::Antialiasing, m_antialiasing);
    static_cast<QVBoxLayout*>(layout())->insertWidget(0, m_view, 1); // above a legend widget
    chartCreated();
}

void ChartHost::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    if (event->spontaneous() || !m_view)
        return;
    // Qt has already hidden the view (children are hidden before, or after, this event without
    // touching it again), so deleting it here is safe and frees the memory at once.
    releaseChart();
    delete m_view;
    m_view = nullptr;
}

} // namespace pg
