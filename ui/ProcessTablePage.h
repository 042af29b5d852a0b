#pragma once

// The first page of the main window: summary strip, filter box, kernel-thread switch and the
// sortable process table.

#include "SamplerTypes.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QLineEdit;
class QTreeView;
class QLabel;

namespace pg {

class ProcessTableModel;
class ProcessFilterProxy;
class SystemSummaryBar;

class ProcessTablePage final : public QWidget {
    Q_OBJECT
public:
    explicit ProcessTablePage(QWidget* parent = nullptr);

    void applySnapshot(const ProcessSnapshotPtr& snapshot);
    ProcessTableModel* model() const { return m_model; }
    ProcessFilterProxy* proxy() const { return m_proxy; }
    QTreeView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }
    // The process of the current row, if any.
    std::optional<ProcessKey> currentProcess() const;
    QList<ProcessKey> selectedProcesses() const;
    bool selectPid(int pid);
    void focusFilter();

signals:
    void currentProcessChanged(const std::optional<pg::ProcessKey>& key);
    // Double-click or Enter on a row.
    void processActivated(const pg::ProcessKey& key);
    void contextMenuRequested(const QPoint& globalPos);

private:
    ProcessTableModel* m_model;
    ProcessFilterProxy* m_proxy;
    SystemSummaryBar* m_summary;
    QLineEdit* m_filter;
    QCheckBox* m_showKernelThreads;
    QLabel* m_message;
    QTreeView* m_view;
};

} // namespace pg
