#include "CpuStackChart.h"

#include <QAreaSeries>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

namespace pg {

namespace {

struct StateInfo
{
    const char* name;
    const char* context;
    QRgb color;
};

// Order: bottom of the stack first. Colours follow htop's CPU bar (user green, system red, ...).
const StateInfo kStateInfo[CpuStackChart::kStates] = {
    { "user", "user space", 0x2e9d4a },
    { "nice", "user space, low priority", 0x5a8fd8 },
    { "system", "process context: the kernel on behalf of a process", 0xd64541 },
    { "irq", "interrupt context: hardware interrupt handlers", 0xe8a33b },
    { "softirq", "interrupt context: deferred interrupt work", 0xb8862e },
    { "iowait", "idle, waiting for I/O", 0x8f8f8f },
    { "steal", "taken by the hypervisor", 0x8e44ad },
};

} // namespace

CpuStackChart::CpuStackChart(const QString& title, bool compact, QWidget* parent)
    : QChartView(parent)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    if (compact) {
        chart->legend()->hide();
        chart->setMargins(QMargins(2, 2, 2, 2));
    } else {
        chart->legend()->setAlignment(Qt::AlignRight);
    }
    m_x = new QValueAxis(chart);
    m_x->setRange(-m_windowSeconds, 0);
    m_x->setTitleText(tr("seconds ago"));
    m_x->setLabelFormat(QStringLiteral("%d"));
    m_y = new QValueAxis(chart);
    m_y->setRange(0, 100);
    m_y->setTitleText(tr("CPU time %"));
    m_y->setLabelFormat(QStringLiteral("%d"));
    m_y->setTickCount(compact ? 3 : 6);
    m_x->setTickCount(compact ? 3 : 7);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    QLineSeries* lower = nullptr;
    for (int i = 0; i < kStates; ++i) {
        m_upper[static_cast<std::size_t>(i)] = new QLineSeries(chart);
        auto* area = new QAreaSeries(m_upper[static_cast<std::size_t>(i)], lower);
        const StateInfo& info = kStateInfo[i];
        area->setName(compact ? QString::fromLatin1(info.name)
                              : tr("%1 (%2)").arg(QLatin1String(info.name), tr(info.context)));
        area->setColor(QColor(info.color));
        area->setBorderColor(QColor(info.color).darker(115));
        chart->addSeries(area);
        area->attachAxis(m_x);
        area->attachAxis(m_y);
        lower = m_upper[static_cast<std::size_t>(i)];
    }
    // QChartView's constructor made a chart of its own; setChart() hands it back to us (Qt docs:
    // "make sure the previous chart is deleted").
    QChart* placeholder = QChartView::chart();
    setChart(chart);
    delete placeholder;
    setRenderHint(QPainter::Antialiasing, !compact);
    setToolTip(tr("/proc/stat cpu line fields, as % of each refresh interval:\n"
                  "user, nice: user space\nsystem: process context (system calls, page faults)\n"
                  "irq, softirq: interrupt context\niowait: idle with I/O pending\n"
                  "steal: time a hypervisor gave to another guest\nThe space above is idle."));
}

void CpuStackChart::setWindowSeconds(double seconds)
{
    m_windowSeconds = seconds > 0 ? seconds : 600;
    m_x->setRange(-m_windowSeconds, 0);
}

void CpuStackChart::push(double timeSeconds, const CpuShare& share)
{
    Sample s;
    s.time = timeSeconds;
    s.valid = share.valid;
    if (share.valid) {
        const double values[kStates] = { share.user, share.nice, share.system, share.irq,
            share.softirq, share.iowait, share.steal };
        for (int i = 0; i < kStates; ++i)
            s.percent[static_cast<std::size_t>(i)] = static_cast<float>(values[i]);
    }
    m_history.push(s);
    if (isVisible())
        redraw();
}

void CpuStackChart::redraw()
{
    if (m_history.empty())
        return;
    const double now = m_history.newest().time;
    std::array<QList<QPointF>, kStates> points;
    for (auto& list : points)
        list.reserve(static_cast<qsizetype>(m_history.size()));
    for (std::size_t i = 0; i < m_history.size(); ++i) {
        const Sample& s = m_history[i];
        const double x = s.time - now;
        if (!s.valid || x < -m_windowSeconds)
            continue;
        double stacked = 0;
        for (std::size_t k = 0; k < kStates; ++k) {
            stacked += static_cast<double>(s.percent[k]);
            points[k].append(QPointF(x, stacked));
        }
    }
    for (std::size_t k = 0; k < kStates; ++k)
        m_upper[k]->replace(points[k]);
}

void CpuStackChart::showEvent(QShowEvent* event)
{
    QChartView::showEvent(event);
    redraw();
}

} // namespace pg
