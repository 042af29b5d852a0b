#include "ChartHost.h"

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
    return width > 0 ? std::clamp(width, kMinPoints, kMaxPoints) : kMaxPoints;
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
    m_view = new QChartView(createChart(), this);
    m_view->setRenderHint(QPainter::Antialiasing, m_antialiasing);
    layout()->addWidget(m_view);
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
