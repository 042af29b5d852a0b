// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/ChartLegend.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace pg {

namespace {

constexpr int kSample = 18; // width of the line sample
constexpr int kGap = 4; // sample to text
constexpr int kSpacing = 14; // between entries
constexpr int kMargin = 4;

} // namespace

ChartLegend::ChartLegend(QWidget* parent)
    : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void ChartLegend::setEntries(const QList<Entry>& entries)
{
    bool same = entries.size() == m_entries.size();
    for (qsizetype i = 0; same && i < entries.size(); ++i)
        same = entries[i].name == m_entries[i].name && entries[i].colour == m_entries[i].colour
            && entries[i].style == m_entries[i].style;
    m_entries = entries;
    if (!same)
        updateGeometry(); // the rows may change
    update();
}

QList<ChartLegend::Placed> ChartLegend::layoutFor(int width) const
{
    QList<Placed> out;
    const QFontMetrics fm(font());
    const int lineHeight = fm.height();
    const int available = std::max(40, width - 2 * kMargin);
    int x = kMargin;
    int y = kMargin;
    for (const Entry& e : m_entries) {
        const int textRoom = available - kSample - kGap;
        const QString text = fm.horizontalAdvance(e.name) <= textRoom
            ? e.name
            : fm.elidedText(e.name, Qt::ElideRight, textRoom);
        const int w = kSample + kGap + fm.horizontalAdvance(text);
        if (x > kMargin && x + w > kMargin + available) {
            x = kMargin;
            y += lineHeight + 2;
        }
        out.append({ QRect(x, y, w, lineHeight), text });
        x += w + kSpacing;
    }
    return out;
}

QString ChartLegend::shownText(int i) const
{
    const QList<Placed> placed = layoutFor(width());
    return i >= 0 && i < placed.size() ? placed[i].text : QString();
}

QRect ChartLegend::entryRect(int i) const
{
    const QList<Placed> placed = layoutFor(width());
    return i >= 0 && i < placed.size() ? placed[i].rect : QRect();
}

QString ChartLegend::toolTipAt(const QPoint& pos) const
{
    const QList<Placed> placed = layoutFor(width());
    for (qsizetype i = 0; i < placed.size(); ++i) {
        if (placed[i].rect.contains(pos))
            return m_entries[i].toolTip.isEmpty() ? m_entries[i].name : m_entries[i].toolTip;
    }
    return {};
}

int ChartLegend::heightForWidth(int width) const
{
    if (m_entries.isEmpty())
        return 0;
    const QList<Placed> placed = layoutFor(width);
    return placed.back().rect.bottom() + 1 + kMargin;
}

QSize ChartLegend::sizeHint() const
{
    const int w = width() > 0 ? width() : 400;
    return { w, heightForWidth(w) };
}

QSize ChartLegend::minimumSizeHint() const
{
    return { 60, heightForWidth(width() > 0 ? width() : 400) };
}

void ChartLegend::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(font());
    const QList<Placed> placed = layoutFor(width());
    for (qsizetype i = 0; i < placed.size(); ++i) {
        const Entry& e = m_entries[i];
        const QRect& r = placed[i].rect;
        QPen pen(e.colour, 2.5, e.style);
        painter.setPen(pen);
        const double midY = r.center().y() + 0.5;
        painter.drawLine(QPointF(r.left() + 1, midY), QPointF(r.left() + kSample - 1, midY));
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(
            QRect(r.left() + kSample + kGap, r.top(), r.width() - kSample - kGap, r.height()),
            Qt::AlignLeft | Qt::AlignVCenter, placed[i].text);
    }
}

bool ChartLegend::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace pg
