// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Interrupts page: hardware interrupts (/proc/interrupts) and softirqs (/proc/softirqs), each
// with its table, rate charts, per-CPU distribution and heatmap. Fed by InterruptsSampler's
// snapshots; the page never reads /proc itself.

#include "core/metatypes/SnapshotTypes.h"
#include "ui/shell/Page.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;

namespace pg {

class DevicePanel;
class InterruptsPanel;
class InterruptsSampler;

class InterruptsPage final : public QWidget, public Page
{
    Q_OBJECT
public:
    // `source` lives in the sampler thread (nullptr in tests that feed snapshots).
    explicit InterruptsPage(InterruptsSampler* source = nullptr, QWidget* parent = nullptr);

    // Page
    QString pageId() const override { return QStringLiteral("interrupts"); }
    QString pageTitle() const override { return tr("&Interrupts"); }
    QWidget* pageWidget() override { return this; }
    Sampler* pageSource() const override;
    QList<ExportSource> pageExports() override;

    InterruptsPanel* hardware() const { return m_hardware; }
    InterruptsPanel* soft() const { return m_soft; }
    DevicePanel* devices() const { return m_devices; }
    double historySeconds() const { return m_historySeconds; }
    // Seconds the history keeps: the longest range chosen so far, at least the default.
    double keptSeconds() const { return m_keptSeconds; }
    QComboBox* historyBox() const { return m_historyBox; }

    // The ranges the History box offers.
    static constexpr int kHistoryMinutes[] = { 1, 5, 10, 30, 60 };

public slots:
    void applySnapshot(InterruptsSnapshotPtr snapshot);
    const InterruptsSnapshotPtr& lastSnapshot() const { return m_last; }
    // The refresh interval and the longest range chosen decide how many samples are kept; the
    // History choice how many seconds the charts show.
    void setIntervalMs(int ms) override;
    void setHistorySeconds(double seconds);

private:
    void updateCapacity();

    QLabel* m_status;
    QComboBox* m_historyBox;
    QTabWidget* m_tabs;
    InterruptsPanel* m_hardware;
    InterruptsPanel* m_soft;
    DevicePanel* m_devices;
    int m_intervalMs = 1000;
    double m_historySeconds = kDefaultHistorySeconds;
    double m_keptSeconds = kDefaultHistorySeconds;
    InterruptsSampler* m_source;
    InterruptsSnapshotPtr m_last;
};

} // namespace pg
