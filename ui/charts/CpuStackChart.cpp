#include "CpuStackChart.h"

#include "Decimation.h"

#include <QAreaSeries>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <cmath>
#include <limits>

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

constexpr std::size_t kStride = CpuStackChart::kStates;
constexpr std::size_t kDefaultCapacity = 601;

} // namespace

CpuStackChart::CpuStackChart(const QString& title, bool compact, QWidget* parent)
    : ChartHost(parent)
    , m_title(title)
    , m_compact(compact)
    , m_times(kDefaultCapacity)
    , m_percent(kDefaultCapacity * kStride)
{
    setAntialiasing(!compact);
    setToolTip(tr("/proc/stat cpu line fields, as % of each refresh interval:\n"
                  "user, nice: user space\nsystem: process context (system calls, page faults)\n"
                  "irq, softirq: interrupt context\niowait: idle with I/O pending\n"
                  "steal: time a hypervisor gave to another guest\nThe space above is idle."));
}

QChart* CpuStackChart::createChart()
{
    auto* chart = new QChart;
    chart->setTitle(m_title);
    chart->setAnimationOptions(QChart::NoAnimation);
    if (m_compact) {
        chart->legend()->hide();
        chart->setMargins(QMargins(2, 2, 2, 2));
    } else {
        chart->legend()->setAlignment(Qt::AlignRight);
    }
    m_x = new QValueAxis(chart);
    m_x->setRange(-m_windowSeconds, 0);
    m_x->setTitleText(tr("seconds ago"));
    m_x->setLabelFormat(QStringLiteral("%d"));
    auto* y = new QValueAxis(chart);
    y->setRange(0, 100);
    y->setTitleText(tr("CPU time %"));
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTickCount(m_compact ? 3 : 6);
    m_x->setTickCount(m_compact ? 3 : 7);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    QLineSeries* lower = nullptr;
    for (std::size_t i = 0; i < kStride; ++i) {
        m_upper[i] = new QLineSeries(chart);
        auto* area = new QAreaSeries(m_upper[i], lower);
        const StateInfo& info = kStateInfo[i];
        area->setName(m_compact ? QString::fromLatin1(info.name)
                                : tr("%1 (%2)").arg(QLatin1String(info.name), tr(info.context)));
        area->setColor(QColor(info.color));
        area->setBorderColor(QColor(info.color).darker(115));
        chart->addSeries(area);
        area->attachAxis(m_x);
        area->attachAxis(y);
        lower = m_upper[i];
    }
    return chart;
}

void CpuStackChart::releaseChart()
{
    m_upper.fill(nullptr);
    m_x = nullptr;
}

void CpuStackChart::setCapacity(std::size_t samples)
{
    samples = samples ? samples : 1;
    m_times.setCapacity(samples);
    m_percent.setCapacity(samples * kStride);
}

void CpuStackChart::setWindowSeconds(double seconds)
{
    m_windowSeconds = seconds > 0 ? seconds : 600;
    if (m_x)
        m_x->setRange(-m_windowSeconds, 0);
}

void CpuStackChart::push(double timeSeconds, const CpuShare& share)
{
    m_times.push(timeSeconds);
    const double values[kStates] = { share.user, share.nice, share.system, share.irq, share.softirq,
        share.iowait, share.steal };
    for (double v : values)
        m_percent.push(
            share.valid ? static_cast<float>(v) : std::numeric_limits<float>::quiet_NaN());
    if (isVisible())
        redraw();
}

QList<QPointF> CpuStackChart::points(int state) const
{
    if (state < 0 || state >= kStates || !m_upper[static_cast<std::size_t>(state)])
        return {};
    return m_upper[static_cast<std::size_t>(state)]->points();
}

void CpuStackChart::redraw()
{
    if (!m_upper[0] || m_times.empty())
        return;
    const double now = m_times.newest();
    std::size_t begin = 0;
    while (begin < m_times.size() && m_times[begin] - now < -m_windowSeconds)
        ++begin;
    const std::size_t end = m_times.size();
    const std::size_t perPoint
        = samplesPerPoint(end - begin, static_cast<std::size_t>(maxPoints()));
    const std::uint64_t firstAbsolute = m_times.pushedCount() - m_times.size();
    std::array<QList<QPointF>, kStates> points;
    for (auto& list : points)
        list.reserve(static_cast<qsizetype>((end - begin) / perPoint + 2));
    // The busiest sample of each bucket (the stack's height), drawn whole.
    auto busy = [this](std::size_t i) {
        double sum = 0;
        for (std::size_t k = 0; k < kStride; ++k)
            sum += static_cast<double>(m_percent[i * kStride + k]);
        return sum; // NaN for an invalid sample
    };
    forEachBucketPeak(
        begin, end, perPoint, [firstAbsolute](std::size_t i) { return firstAbsolute + i; }, busy,
        [&](std::size_t i) {
            const double x = m_times[i] - now;
            double stacked = 0;
            for (std::size_t k = 0; k < kStride; ++k) {
                stacked += static_cast<double>(m_percent[i * kStride + k]);
                points[k].append(QPointF(x, stacked));
            }
        });
    for (std::size_t k = 0; k < kStride; ++k) {
        m_upper[k]->replace(points[k]);
        ++m_replaceCount;
    }
}

} // namespace pg
