// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One bar per CPU for the last refresh interval, as htop's and btop's first screen: the bar fills
// to the CPU's busy share (cpuBusyPercent(): all but idle and iowait), split into user, nice,
// system, interrupts (irq + softirq) and steal, with the busy % written at its right end.
//
// Painted, a row of text height per bar: 256 CPUs are 256 rectangles, not 256 widgets. The bars
// flow top to bottom in as many columns as the width allows (at least 170 px each), the first
// column holding CPU 0 onwards, like htop's two-column meters; the height follows the width.

#include "core/system/SystemOverview.h"

#include <QColor>
#include <QWidget>
#include <vector>

namespace pg {

class CpuCoreBars final : public QWidget
{
    Q_OBJECT
public:
    explicit CpuCoreBars(QWidget* parent = nullptr);

    // The parts of a bar, bottom of the stack first.
    enum Part { User, Nice, System, Interrupts, Steal, PartCount };
    static QColor partColor(int part);

    void apply(const std::vector<CpuShare>& shares);

    int barCount() const { return static_cast<int>(m_bars.size()); }
    int columnCount(int width) const;
    // Where bar i (the i-th CPU of /proc/stat) is drawn, and its filled part, at the current size.
    QRect barRect(int i) const;
    QRect filledRect(int i) const;
    // "CPU 3" and "42.0 %" or "–" (no rate yet); the tooltip's text.
    QString label(int i) const;
    QString valueText(int i) const;
    QString toolTipText(int i) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override; // tooltips

private:
    struct Bar
    {
        int cpu = 0;
        bool valid = false;
        float part[PartCount] = {}; // % of the interval
        float iowait = 0;
        std::optional<double> busy;
    };

    int rowHeight() const;
    int labelWidth() const;
    int rowsFor(int width) const;
    QRect cellRect(int i, int width) const;
    int barAt(const QPoint& pos) const;

    std::vector<Bar> m_bars;
};

} // namespace pg
