#pragma once

// The main window: pages in tabs (Processes first), the refresh controls, the status bar. It owns
// no sampling: it receives snapshots from the sampler thread and asks it for refreshes through
// queued calls.

#include "core/sampler/SnapshotTypes.h"
#include "ui/shell/ExportDialog.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QMenu;
class QTabWidget;

namespace pg {

class DetailsSampler;
class ProcessActionsController;
class ProcessSampler;
class ProcessTablePage;

struct AppOptions
{
    QString procRoot = QStringLiteral("/proc");
    int intervalMs = 1000;
    int initialPid = 0; // --pid
    QString initialPage; // --page
    bool intervalSet = false; // --interval given: it wins over the saved interval
    // Every option applies to this run only: none is written to the settings. What the user
    // chooses in the window during the run (an interval, a page) is.
    int cyclePagesMs = 0; // --cycle-pages: the next tab or page every MS (the soak test uses it)
};

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(const AppOptions& options, ProcessSampler* sampler, QWidget* parent = nullptr);
    ~MainWindow() override;

    ProcessTablePage* processPage() const { return m_processPage; }
    // Adds a page as a tab; `id` is the name used by --page and the settings.
    void addPage(const QString& id, const QString& title, QWidget* page);
    bool showPage(const QString& id);
    int intervalMs() const { return m_intervalMs; }
    // A table for File > Export snapshot...; `source.id` is the page id it belongs to.
    void addExportSource(const ExportSource& source);
    const QList<ExportSource>& exportSources() const { return m_exportSources; }
    // The process table's context menu: pages add their actions ("Memory map", ...) to it.
    QMenu* processContextMenu() const { return m_processMenu; }
    QString currentPageId() const;
    void saveSettings() const;
    void restoreLayoutSettings(); // splitters, columns, last page: after every page is added
    // Issue 5: connects the process details panel and the Process menu (signals, renice) to the
    // details worker in the sampler thread.
    void attachDetailsSampler(DetailsSampler* details);
    ProcessActionsController* processActions() const { return m_processActions; }

public slots:
    void applySnapshot(ProcessSnapshotPtr snapshot);
    // The user's choice (the interval box, View > Refresh interval): used and saved. Ignored
    // outside kMinRefreshIntervalMs..kMaxRefreshIntervalMs.
    void setIntervalMs(int ms);
    void setPaused(bool paused);
    void refreshNow();
    void exportSnapshot();
    // --cycle-pages: the current page's next tab, or after its last tab the next page.
    void showNextView();

signals:
    void intervalChanged(int ms);
    void pausedChanged(bool paused);
    void refreshRequested();
    void pageChanged(const QString& id); // another page was brought to the front

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void updateStatus();
    void applyIntervalMs(int ms); // used, not saved (--interval, the saved value)
    void showStartPage(const QString& lastPage);

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
    int m_chosenIntervalMs = 0; // set in the window this run: the one interval saved
    bool m_startPageShown = false; // later page changes are the user's (saved)
    bool m_pageChosen = false;
    bool m_cycling = false; // showNextView() is changing the page, not the user
    bool m_paused = false;
    bool m_pendingInitialPid = false;
    QList<ExportSource> m_exportSources;
    QMenu* m_processMenu = nullptr;
    ProcessActionsController* m_processActions = nullptr;
};

} // namespace pg
