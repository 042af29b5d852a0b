// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The strip above the process table: CPU, memory, swap, load, tasks and uptime, like the header of
// top and htop, each with a tooltip naming its source.

#include "core/metatypes/SnapshotTypes.h"

#include <QWidget>

class QLabel;

namespace pg {

class SystemSummaryBar final : public QWidget
{
    Q_OBJECT
public:
    explicit SystemSummaryBar(QWidget* parent = nullptr);
    void applySnapshot(const ProcessSnapshot& snapshot);
    // The figures come from a Performance Co-Pilot host or recording (`source`, as the window
    // names it): the tooltips name its metrics instead of /proc files. Empty: /proc.
    void setPcpSource(const QString& source);

protected:
    void changeEvent(QEvent* event) override; // a new font or style: the labels' sizes follow

private:
    void holdSizes();

    QLabel* m_cpu;
    QLabel* m_mem;
    QLabel* m_swap;
    QLabel* m_load;
    QLabel* m_tasks;
    QLabel* m_uptime;
    QString m_pcpSource;
};

} // namespace pg
