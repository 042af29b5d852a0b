#pragma once

// The "Memory map" page: which process (pid, name, command line), a summary that explains VIRT, RES
// and SHR for that very process next to smaps' Shared, Pss and USS, and the smaps tree (grouped by
// backing object, or flat by address) with a filter, a column chooser and a totals row. It reads
// nothing itself: it asks MemoryMapSampler (sampler thread) for a target and whether it is on
// screen, and shows the snapshots it gets back.

#include "core/sampler/MemoryMapSampler.h"

#include <QWidget>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace pg {

class MainWindow;
class MemoryMapModel;
class MemoryMapProxy;
struct AppOptions;

class MemoryMapPage final : public QWidget
{
    Q_OBJECT
public:
    explicit MemoryMapPage(QWidget* parent = nullptr);

    // Adds the page to `window` as the "memory" tab and wires it: to `sampler` (queued, it lives in
    // the sampler thread), to F5 and pause, to Ctrl+M, the process table's context menu and
    // double-click/Enter, to --pid, and to File > Export.
    static MemoryMapPage* install(
        MainWindow& window, MemoryMapSampler* sampler, const AppOptions& options);

    // Shows `key`'s map (startTimeTicks 0: whatever process has the pid now).
    void openProcess(const ProcessKey& key);
    void applyMaps(const MemoryMapSnapshotPtr& snapshot);

    MemoryMapModel* model() const { return m_model; }
    MemoryMapProxy* proxy() const { return m_proxy; }
    QTreeView* view() const { return m_view; }
    QLabel* messageLabel() const { return m_message; }
    QLabel* titleLabel() const { return m_title; }
    // The explanation of one of "VIRT", "RES", "SHR", "Shared", "Pss", "USS" (for tests).
    QString summaryText(const QString& name) const;
    bool showingTable() const;

public slots:
    void refresh(); // F5
    void setFlat(bool flat);

signals:
    void targetRequested(int pid, qulonglong startTimeTicks);
    void activeChanged(bool onScreen);
    void refreshRequested();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void buildSummary(QGridLayout* grid);
    void updateHeader(const MemoryMapSnapshot& snap);
    void updateSummary(const MemoryMapSnapshot& snap);
    void showMessage(const QString& text, bool error);
    void showPlaceholder(const QString& text);
    void setSummaryRow(
        int row, const QString& value, const QString& derivation, const QString& toolTip);

    MemoryMapModel* m_model;
    MemoryMapProxy* m_proxy;
    QLabel* m_title;
    QLabel* m_cmdline;
    QLabel* m_status;
    QLabel* m_message;
    QLineEdit* m_filter;
    QComboBox* m_mode;
    QToolButton* m_columns;
    QStackedWidget* m_stack;
    QLabel* m_placeholder;
    QTreeView* m_view;
    QList<QLabel*> m_summaryValues;
    QList<QLabel*> m_summaryDerivations;
    ProcessKey m_key;
    MemoryMapSnapshotPtr m_last;
    bool m_onScreen = false;
};

} // namespace pg
