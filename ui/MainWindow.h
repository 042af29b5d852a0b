#pragma once

// The main window: pages in tabs (Processes first), the refresh controls, the status bar. It owns
// no sampling: it receives snapshots from the sampler thread and asks it for refreshes through
// queued calls.

#include "SamplerTypes.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QTabWidget;

namespace pg {

class ProcessSampler;
class ProcessTablePage;

struct AppOptions {
    QString procRoot = QStringLiteral("/proc");
    int intervalMs = 1000;
    int initialPid = 0; // --pid
    QString initialPage; // --page
};

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(const AppOptions& options, ProcessSampler* sampler, QWidget* parent = nullptr);
    ~MainWindow() override;

    ProcessTablePage* processPage() const { return m_processPage; }
    // Adds a page as a tab; `id` is the name used by --page and the settings.
    void addPage(const QString& id, const QString& title, QWidget* page);
    bool showPage(const QString& id);
    int intervalMs() const { return m_intervalMs; }

public slots:
    void applySnapshot(ProcessSnapshotPtr snapshot);
    void setIntervalMs(int ms);
    void setPaused(bool paused);
    void refreshNow();

signals:
    void intervalChanged(int ms);
    void pausedChanged(bool paused);
    void refreshRequested();

private:
    void buildActions();
    void updateStatus();

    AppOptions m_options;
    ProcessSampler* m_sampler;
    QTabWidget* m_tabs;
    ProcessTablePage* m_processPage;
    QComboBox* m_intervalBox = nullptr;
    QAction* m_pauseAction = nullptr;
    QLabel* m_statusCounts;
    QLabel* m_statusSampler;
    ProcessSnapshotPtr m_last;
    int m_intervalMs;
    bool m_paused = false;
    bool m_pendingInitialPid = false;
};

} // namespace pg
