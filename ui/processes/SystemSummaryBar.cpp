// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/processes/SystemSummaryBar.h"

#include "ui/common/Format.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <cmath>

namespace pg {

namespace {

QLabel* makeLabel(QWidget* parent, const QString& tip)
{
    auto* label = new QLabel(parent);
    label->setToolTip(tip);
    label->setTextFormat(Qt::RichText);
    return label;
}

// The strip's figures change every refresh. A label's new text calls updateGeometry(), which
// lays out the strip, the whole page and every layout above it again, unless the label has a
// fixed size (Qt stops there). So each label holds a fixed size that grows at once when its text
// needs more room and shrinks only when it has a quarter to spare: most refreshes then repaint
// the label alone.
void holdSize(QLabel* label)
{
    const QSize hint = label->sizeHint();
    const QSize held = label->maximumSize();
    const bool fits = hint.height() == held.height() && hint.width() <= held.width()
        && hint.width() * 4 >= held.width() * 3;
    if (!fits || label->minimumSize() != held)
        label->setFixedSize(hint);
}

QString item(const QString& name, const QString& value)
{
    return QStringLiteral("<b>%1</b> %2").arg(name, value.toHtmlEscaped());
}

// A label whose text is unchanged is left alone: a rich-text label lays out its document again
// for every new text and every size hint, once a second for each of the six.
void showText(QLabel* label, const QString& text)
{
    if (label->text() == text)
        return;
    label->setText(text);
    holdSize(label);
}

} // namespace

SystemSummaryBar::SystemSummaryBar(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(18);
    m_cpu = makeLabel(this,
        tr("Share of all CPU time spent outside idle and iowait since the last refresh "
           "(/proc/stat, \"cpu\" line)"));
    m_mem = makeLabel(this,
        tr("Used = MemTotal − MemFree − Buffers − (Cached + SReclaimable), as free(1) computes it "
           "(/proc/meminfo)"));
    m_swap = makeLabel(this, tr("SwapTotal − SwapFree (/proc/meminfo)"));
    m_load = makeLabel(this, tr("Load averages over 1, 5 and 15 minutes (/proc/loadavg)"));
    m_tasks = makeLabel(
        this, tr("Processes listed in /proc, and the threads they have (stat field 20)"));
    m_uptime = makeLabel(this, tr("Time since boot (/proc/uptime)"));
    for (QLabel* label : { m_cpu, m_mem, m_swap, m_load, m_tasks, m_uptime })
        layout->addWidget(label);
    layout->addStretch(1);
}

void SystemSummaryBar::setPcpSource(const QString& source)
{
    m_pcpSource = source;
    if (source.isEmpty())
        return;
    m_cpu->setToolTip(tr("Share of all CPU time spent outside idle and iowait between the last two "
                         "samples (kernel.all.cpu.* of %1)")
                          .arg(source));
    m_mem->setToolTip(
        tr("Used = MemTotal − MemFree − Buffers − (Cached + SReclaimable), as free(1) "
           "computes it (mem.physmem and mem.util.* of %1)")
            .arg(source));
    m_swap->setToolTip(tr("mem.util.swapTotal − mem.util.swapFree of %1").arg(source));
    m_load->setToolTip(
        tr("Load averages over 1, 5 and 15 minutes (kernel.all.load of %1)").arg(source));
    m_tasks->setToolTip(
        tr("Processes of %1 (the instances of proc.psinfo.*), and the threads they have "
           "(proc.psinfo.threads)")
            .arg(source));
    m_uptime->setToolTip(tr("Time since boot (kernel.all.uptime of %1)").arg(source));
}

void SystemSummaryBar::applySnapshot(const ProcessSnapshot& s)
{
    const SystemSummary& sys = s.system;
    showText(m_cpu,
        item(tr("CPU"),
            std::isnan(sys.cpuBusyPercent)
                ? tr("measuring…")
                : tr("%1 % of %2 CPUs").arg(fmt::percent(sys.cpuBusyPercent)).arg(sys.cpuCount)));
    if (sys.memInfo) {
        const auto total = sys.memInfo->get("MemTotal").value_or(0);
        const auto used = sys.memInfo->usedKib();
        showText(m_mem,
            item(tr("Mem"),
                used ? tr("%1 used of %2").arg(fmt::kib(*used), fmt::kib(total))
                     : fmt::kib(total)));
        const auto swapTotal = sys.memInfo->get("SwapTotal");
        const auto swapFree = sys.memInfo->get("SwapFree");
        if (swapTotal && swapFree)
            showText(m_swap,
                item(tr("Swap"),
                    *swapTotal == 0
                        ? tr("none")
                        : tr("%1 used of %2")
                              .arg(fmt::kib(*swapTotal - std::min(*swapFree, *swapTotal)),
                                  fmt::kib(*swapTotal))));
        else
            showText(m_swap, item(tr("Swap"), tr("unknown")));
    } else {
        showText(m_mem,
            item(tr("Mem"),
                m_pcpSource.isEmpty() ? tr("unknown: /proc/meminfo unreadable")
                                      : tr("unknown: no mem.util.* from %1").arg(m_pcpSource)));
        showText(m_swap, QString());
    }
    if (sys.loadAvg)
        showText(m_load,
            item(tr("Load"),
                QStringLiteral("%1 %2 %3")
                    .arg(sys.loadAvg->load1, 0, 'f', 2)
                    .arg(sys.loadAvg->load5, 0, 'f', 2)
                    .arg(sys.loadAvg->load15, 0, 'f', 2)));
    else
        showText(m_load, item(tr("Load"), tr("unknown")));
    showText(m_tasks,
        item(tr("Tasks"),
            tr("%1 processes, %2 threads").arg(s.processes.size()).arg(s.threadCount)));
    showText(m_uptime,
        item(tr("Up"), sys.uptime ? fmt::duration(sys.uptime->upSeconds) : tr("unknown")));
}

void SystemSummaryBar::holdSizes()
{
    for (QLabel* label : { m_cpu, m_mem, m_swap, m_load, m_tasks, m_uptime })
        holdSize(label);
}

void SystemSummaryBar::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        holdSizes();
}

} // namespace pg
