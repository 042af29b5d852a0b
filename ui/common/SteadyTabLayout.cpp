// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/SteadyTabLayout.h"

#include <QEvent>
#include <QTabBar>
#include <QTabWidget>

namespace pg {

void SteadyTabLayout::install(QTabWidget* tabs)
{
    if (!tabs || tabs->findChild<SteadyTabLayout*>(QString(), Qt::FindDirectChildrenOnly))
        return;
    tabs->installEventFilter(new SteadyTabLayout(tabs));
}

SteadyTabLayout::SteadyTabLayout(QTabWidget* tabs)
    : QObject(tabs)
    , m_tabs(tabs)
{ }

SteadyTabLayout::Placement SteadyTabLayout::placementNow() const
{
    const auto hintOf
        = [](const QWidget* w) { return w && !w->isHidden() ? w->sizeHint() : QSize(); };
    const QTabBar* bar = m_tabs->tabBar();
    return { hintOf(bar), bar->isHidden() ? QSize() : bar->minimumSizeHint(),
        hintOf(m_tabs->cornerWidget(Qt::TopLeftCorner)),
        hintOf(m_tabs->cornerWidget(Qt::TopRightCorner)) };
}

bool SteadyTabLayout::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_tabs || event->type() != QEvent::LayoutRequest)
        return false;
    // A hidden tab widget only marks itself for a layout at its next show: let that through.
    if (!m_tabs->isVisible()) {
        m_known = false;
        return false;
    }
    const Placement now = placementNow();
    const QSize hint = m_tabs->sizeHint();
    const QSize minimumHint = m_tabs->minimumSizeHint();
    if (m_known && now == m_laidOut) {
        ++m_skipped;
        if (hint != m_hint || minimumHint != m_minimumHint) {
            m_hint = hint;
            m_minimumHint = minimumHint;
            m_tabs->updateGeometry(); // what QTabWidget would have told its parent's layout
        }
        return true;
    }
    m_laidOut = now;
    m_hint = hint;
    m_minimumHint = minimumHint;
    m_known = true;
    return false;
}

} // namespace pg
