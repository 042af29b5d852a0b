// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Counts the paint events a widget receives (install it as the widget's event filter): what the
// repaint tests assert on.

#include <QEvent>
#include <QObject>

namespace pgtest {

class PaintCounter final : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

} // namespace pgtest
