// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A flat QTreeView (a table: no child rows) that relays out its header and scroll bars only when
// something they depend on changed. A sorting proxy that re-sorts (the process table sorted by
// CPU %, once a second) makes the view call updateGeometries(), and Qt 6.4's
// QAbstractScrollArea::setViewportMargins then raises both scroll-bar containers, which swaps
// their stacking order and repaints both bars and the frame behind them, although nothing moved:
// about 15 % of the GUI thread's time with 2,000 processes. What those geometries depend on is
// the viewport's size, the header's height and length, the number of rows, what decides their
// uniform height (font, icon size, style) and the scroll modes; when all of them are as they were
// at the last layout, this one is skipped.
// Only for views whose model has no children under its rows: the visible rows of a tree depend
// on what is expanded, which the view does not expose.

#include <QSize>
#include <QTreeView>

#include <optional>

namespace pg {

class SteadyTreeView final : public QTreeView
{
    Q_OBJECT
public:
    explicit SteadyTreeView(QWidget* parent = nullptr);
    // Layouts skipped so far (for tests).
    int skipped() const { return m_skipped; }

protected:
    void updateGeometries() override;

private:
    struct Geometry
    {
        QSize viewport;
        bool headerHidden = false;
        int headerHeight = 0;
        int headerLength = 0;
        int rows = 0;
        int fontHeight = 0;
        QSize iconSize;
        const void* style = nullptr;
        int verticalMode = 0;
        int horizontalMode = 0;
        bool operator==(const Geometry&) const = default;
    };
    Geometry current() const;

    std::optional<Geometry> m_laidOut;
    int m_skipped = 0;
};

} // namespace pg
