// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The main window: the pages in tabs, the refresh controls, the page menus, the status bar. It
// knows pages only through the Page contract (ui/shell/Page.h) and owns no sampling: it drives
// each page's source (interval, pause, F5, on screen or not) through queued calls.

#include "ui/shell/ExportDialog.h"
#include "ui/shell/Page.h"

#include <QMainWindow>
#include <memory>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QTabWidget;
class QTimer;

namespace pg {

struct AppOptions
{
    QString procRoot = QStringLiteral("/proc");
    // --host: a Performance Co-Pilot host spec (core/pcp/PcpHostSpec.h); the processes, system
    // figures and interrupts come from its pmcd, the pages PCP cannot feed say so. Empty: procRoot.
    QString host;
    // --archive: a PCP archive replayed with a time slider (--at: the moment to start at); the
    // pages are fed as from a host. Empty: live.
    QString archive;
    QString archiveAt;
    // --sys-root; empty: /sys with the live /proc, none with another /proc tree (irqSysRoot()).
    QString sysRoot;
    int intervalMs = 1000;
    int initialPid = 0; // --pid
    QString initialPage; // --page
    bool intervalSet = false; // --interval given: it wins over the saved interval
    // Every option applies to this run only: none is written to the settings. What the user
    // chooses in the window during the run (an interval, a page) is.
    int cyclePagesMs = 0; // --cycle-pages: the next tab or page every MS (the soak test uses it)
    bool cycleOnce = false; // --cycle-once: one round of --cycle-pages, then the first page
};

class MainWindow final : public QMainWindow, public PageHost
{
    Q_OBJECT
public:
    explicit MainWindow(const AppOptions& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Adds a page as a tab (in the order added) and wires it to the window. The window does not
    // own `page`'s widget until then; afterwards the tab does.
    void addPage(Page* page);
    // A page that is only a widget (tests, static pages).
    void addPage(const QString& id, const QString& title, QWidget* widget);
    Page* page(const QString& id) const;
    bool showPage(const QString& id) override;
    int intervalMs() const { return m_intervalMs; }
    // Every page's tables for File > Export snapshot..., in page order.
    QList<ExportSource> exportSources() const;
    QString currentPageId() const;
    void saveSettings() const;
    // Splitters, columns, the saved interval and the start page: once every page is added (the
    // constructor queues it, so adding pages right after constructing is enough).
    void restoreLayoutSettings();

    // PageHost
    void showStatusMessage(const QString& text, int timeoutMs) override;
    void addStatusWidget(QWidget* widget) override;
    void setStatus(const QString& counts, const QString& cost) override;

public slots:
    // The user's choice (the interval box, View > Refresh interval): used and saved. Ignored
    // outside kMinRefreshIntervalMs..kMaxRefreshIntervalMs.
    void setIntervalMs(int ms);
    void setPaused(bool paused);
    void refreshNow() override;
    void exportSnapshot();
    // File > Connect to host...: asks for a PCP host spec (ConnectHostDialog), keeps it in the
    // recent hosts without its secrets and emits hostRequested.
    void connectToHost();
    // File > Open recording...: asks for a PCP archive (any of its files) and emits
    // recordingRequested.
    void openRecording();
    // --cycle-pages: the current page's next tab, or after its last tab the next page.
    void showNextView();

signals:
    void intervalChanged(int ms);
    void pausedChanged(bool paused);
    void refreshRequested();
    void pageChanged(const QString& id); // another page was brought to the front
    void viewChanged(); // another tab inside a page was brought to the front
    // The user asked to watch this host (a PCP host spec as typed, with any password): the
    // application opens a window for it (GuiMain: HostWindowLauncher).
    void hostRequested(const QString& spec);
    // The user chose a recording to replay: the application opens a window for it.
    void recordingRequested(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildActions();
    void updateStatus();
    void applyIntervalMs(int ms); // used, not saved (--interval, the saved value)
    void showStartPage(const QString& lastPage);
    void connectSource(Page* page);

    AppOptions m_options;
    QTabWidget* m_tabs;
    QComboBox* m_intervalBox = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_helpMenu = nullptr;
    QTimer* m_cycleTimer = nullptr;
    QLabel* m_statusCounts;
    QLabel* m_statusSampler;
    QLabel* m_statusHost = nullptr; // --host: which host the window shows
    QString m_counts;
    std::vector<Page*> m_pages;
    std::vector<std::unique_ptr<PlainPage>> m_plainPages;
    int m_intervalMs;
    int m_chosenIntervalMs = 0; // set in the window this run: the one interval saved
    bool m_startPageShown = false; // later page changes are the user's (saved)
    bool m_pageChosen = false;
    bool m_cycling = false; // showNextView() is changing the page, not the user
    bool m_paused = false;
};

} // namespace pg
