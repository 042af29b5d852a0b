// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A chart legend as a plain widget under the plot: a line sample and the full name of each series,
// wrapped onto as many rows as the names need, so "LOC Local timer interrupts" is never cut to
// "LOC Local ti...". Only a name wider than the whole legend is elided, and hovering any entry
// shows its full name and what the page adds (the newest value).
//
// Why not Qt Charts' own legend: QLegend elides to a width it picks itself, and in Qt 6.4 a
// QLegendMarker has neither a tooltip nor a geometry to hit-test, so tooltips would depend on the
// private graphics items inside the scene. A widget of our own is also what the painted charts
// can share.

#include <QColor>
#include <QList>
#include <QRect>
#include <QString>
#include <QWidget>

namespace pg {

class ChartLegend final : public QWidget
{
    Q_OBJECT
public:
    struct Entry
    {
        QString name;
        QColor colour;
        Qt::PenStyle style = Qt::SolidLine;
        QString toolTip; // empty: the name
    };

    explicit ChartLegend(QWidget* parent = nullptr);

    void setEntries(const QList<Entry>& entries);
    int entryCount() const { return static_cast<int>(m_entries.size()); }
    const Entry& entry(int i) const { return m_entries[i]; }
    // What entry i reads on screen at the current width, and where.
    QString shownText(int i) const;
    QRect entryRect(int i) const;
    // The tooltip at `pos`: the full name and details, empty outside every entry.
    QString toolTipAt(const QPoint& pos) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override; // tooltips

private:
    struct Placed
    {
        QRect rect;
        QString text;
    };
    QList<Placed> layoutFor(int width) const;

    QList<Entry> m_entries;
};

} // namespace pg
