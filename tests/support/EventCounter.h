// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Counts the events of one type a widget receives (install it as the widget's event filter):
// paints for the repaint tests, layout requests for the layout tests.

#include <QEvent>
#include <QObject>

namespace pgtest {

class EventCounter final : public QObject
{
public:
    explicit EventCounter(QEvent::Type type = QEvent::Paint)
        : m_type(type)
    { }

    int count = 0;

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == m_type)
            ++count;
        return false;
    }

private:
    QEvent::Type m_type;
};

} // namespace pgtest
