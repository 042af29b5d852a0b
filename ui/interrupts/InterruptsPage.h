#pragma once

// The Interrupts page: hardware interrupts (/proc/interrupts) and softirqs (/proc/softirqs), each
// with its table, rate charts, per-CPU distribution and heatmap. Fed by InterruptsSampler's
// snapshots; the page never reads /proc itself.

#include "core/sampler/InterruptsSampler.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;

namespace pg {

class InterruptsPanel;

class InterruptsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit InterruptsPage(QWidget* parent = nullptr);

    InterruptsPanel* hardware() const { return m_hardware; }
    InterruptsPanel* soft() const { return m_soft; }
    double historySeconds() const { return m_historySeconds; }

public slots:
    void applySnapshot(InterruptsSnapshotPtr snapshot);
    // The refresh interval and the history length decide how many samples the history keeps.
    void setIntervalMs(int ms);
    void setHistorySeconds(double seconds);

private:
    void updateCapacity();

    QLabel* m_status;
    QComboBox* m_historyBox;
    QTabWidget* m_tabs;
    InterruptsPanel* m_hardware;
    InterruptsPanel* m_soft;
    int m_intervalMs = 1000;
    double m_historySeconds = kDefaultHistorySeconds;
};

} // namespace pg
