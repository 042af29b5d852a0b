// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/DistributionBars.h"

#include <QPainter>
#include <algorithm>

namespace pg {

DistributionBars::DistributionBars(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
}

QColor DistributionBars::groupColor(int group)
{
    static const QColor kColors[] = { QColor(0x20, 0x9f, 0xdf), QColor(0x99, 0xca, 0x53),
        QColor(0xf6, 0xa6, 0x25), QColor(0x6d, 0x5f, 0xd5), QColor(0xbf, 0x59, 0x3e),
        QColor(0x8c, 0x8c, 0x8c) }; // grey: reads on light and dark
    return kColors[static_cast<std::size_t>(group) % std::size(kColors)];
}

void DistributionBars::setData(
    const std::vector<int>& cpuIds, std::vector<Group> groups, const QString& basis)
{
    m_cpuIds = cpuIds;
    m_groups = std::move(groups);
    m_basis = basis;
    m_listed.clear();
    std::vector<double> totals(m_groups.size(), 0.0);
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        m_groups[g].perCpu.resize(cpuIds.size(), 0.0);
        for (double v : m_groups[g].perCpu)
            totals[g] += v;
    }
    for (std::size_t c = 0; c < cpuIds.size(); ++c) {
        bool any = false;
        for (const Group& g : m_groups)
            any = any || g.perCpu[c] > 0;
        if (any)
            m_listed.push_back(static_cast<int>(c));
    }
    m_shares.assign(m_groups.size(), std::vector<double>(m_listed.size(), 0.0));
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        for (std::size_t i = 0; i < m_listed.size(); ++i) {
            const double v = m_groups[g].perCpu[static_cast<std::size_t>(m_listed[i])];
            m_shares[g][i] = totals[g] > 0 ? v / totals[g] : 0.0;
        }
    }
    // Keep the CPU ids rather than column indexes for callers.
    for (int& idx : m_listed)
        idx = m_cpuIds[static_cast<std::size_t>(idx)];
    updateGeometry();
    update();
}

double DistributionBars::share(int group, int listedIndex) const
{
    if (group < 0 || group >= groupCount() || listedIndex < 0
        || listedIndex >= static_cast<int>(m_listed.size()))
        return 0;
    return m_shares[static_cast<std::size_t>(group)][static_cast<std::size_t>(listedIndex)];
}

int DistributionBars::rowHeight() const
{
    const int bars = std::max(1, groupCount());
    return bars * 12 + 6;
}

QSize DistributionBars::sizeHint() const
{
    const int header = fontMetrics().height() * (groupCount() + 1) + 8;
    return QSize(360, header + static_cast<int>(m_listed.size()) * rowHeight() + 8);
}

void DistributionBars::paintEvent(QPaintEvent* /*event*/)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QFontMetrics fm = fontMetrics();
    int y = 4;
    p.setPen(palette().color(QPalette::Text));
    if (m_groups.empty() || m_listed.empty()) {
        p.drawText(rect(), Qt::AlignCenter,
            m_groups.empty() ? tr("Select interrupts in the table")
                             : tr("No interrupts counted yet"));
        return;
    }
    p.drawText(QRect(4, y, width() - 8, fm.height()), Qt::AlignLeft,
        tr("Share of each CPU (%1)").arg(m_basis));
    y += fm.height();
    for (int g = 0; g < groupCount(); ++g) {
        p.fillRect(QRect(8, y + 3, 10, fm.height() - 6), groupColor(g));
        p.drawText(QRect(24, y, width() - 28, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
            fm.elidedText(
                m_groups[static_cast<std::size_t>(g)].name, Qt::ElideRight, width() - 28));
        y += fm.height();
    }
    y += 4;
    const int label = fm.horizontalAdvance(QStringLiteral("CPU 0000")) + 8;
    const int pct = fm.horizontalAdvance(QStringLiteral("100.0 %")) + 8;
    const int barWidth = std::max(40, width() - label - pct - 8);
    for (std::size_t i = 0; i < m_listed.size(); ++i) {
        const int rowTop = y + static_cast<int>(i) * rowHeight();
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(4, rowTop, label - 8, rowHeight()), Qt::AlignVCenter | Qt::AlignRight,
            tr("CPU %1").arg(m_listed[i]));
        for (int g = 0; g < groupCount(); ++g) {
            const double s = m_shares[static_cast<std::size_t>(g)][i];
            const int top = rowTop + 3 + g * 12;
            p.fillRect(QRect(label, top, barWidth, 10), palette().color(QPalette::AlternateBase));
            p.fillRect(QRect(label, top, static_cast<int>(s * barWidth + 0.5), 10), groupColor(g));
            QFont f = font();
            f.setPointSizeF(std::max(6.0, f.pointSizeF() * 0.8));
            p.setFont(f);
            p.drawText(QRect(label + barWidth + 4, top - 2, pct, 14),
                Qt::AlignVCenter | Qt::AlignLeft, QStringLiteral("%1 %").arg(s * 100, 0, 'f', 1));
            p.setFont(font());
        }
    }
}

} // namespace pg
