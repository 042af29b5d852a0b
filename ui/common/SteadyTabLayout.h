// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// QTabWidget answers every QEvent::LayoutRequest by placing its tab bar and pages again and
// repainting itself whole. Qt's layouts pass a size-hint change up to the window unconditionally
// (QLayout::activate ends in updateGeometry() of its widget), so a label whose text changes every
// refresh (the summary strip above the process table, a count) reached the window's page tabs
// once a second: the whole page was painted again on top of the table's own repaint (with 2,000
// processes about half of the GUI thread's paint time). Where QTabWidget puts its bar and its
// page area depends only on its rectangle, the style, and the size hints of its tab bar and corner
// widgets; a resize, a style change, a show and an added or removed tab lay it out directly, not
// through this event. So this filter lets a LayoutRequest through only when one of those hints
// changed since the last one it let through. The tab widget's own size hints (which follow its
// pages) still reach its parent's layout: when they changed, the filter calls updateGeometry().

#include <QObject>
#include <QSize>

class QTabWidget;

namespace pg {

class SteadyTabLayout final : public QObject
{
    Q_OBJECT
public:
    // Installs the filter on `tabs` (owned by it; once per tab widget, later calls do nothing).
    static void install(QTabWidget* tabs);
    // LayoutRequests kept from the tab widget so far (for tests).
    int skipped() const { return m_skipped; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit SteadyTabLayout(QTabWidget* tabs);

    // What QTabWidget places its bar and page area from, besides its rectangle and style.
    struct Placement
    {
        QSize bar;
        QSize barMinimum;
        QSize leftCorner;
        QSize rightCorner;
        bool operator==(const Placement&) const = default;
    };
    Placement placementNow() const;

    QTabWidget* m_tabs;
    Placement m_laidOut;
    QSize m_hint;
    QSize m_minimumHint;
    bool m_known = false;
    int m_skipped = 0;
};

} // namespace pg
