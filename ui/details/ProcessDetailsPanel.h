// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Details of the selected process, under the process table: Overview, Command line, Environment
// (filterable, copyable), Open files, Threads, Limits & cgroup. It follows the table's selection
// (showProcess), asks the details sampler for that process (processChanged) and shows what comes
// back (applyDetails). Where a file cannot be read, the tab shows which file and why instead of an
// empty list. The parent's name is a link that selects the parent in the table.

#include "core/metatypes/SnapshotTypes.h"
#include "ui/details/DetailFieldForm.h"

#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace pg {

class CgroupModel;
class CommandLineModel;
class EnvironmentModel;
class LimitsModel;
class OpenFilesModel;
class PcpDetailsView;
class ThreadsModel;

class ProcessDetailsPanel final : public QWidget
{
    Q_OBJECT
public:
    enum Tab { Overview, CommandLine, Environment, OpenFiles, Threads, Limits, TabCount };

    explicit ProcessDetailsPanel(QWidget* parent = nullptr);
    // No details at all (a remote host's process: its /proc/PID is not here): every tab says
    // `reason`, and a selection asks for nothing.
    void setUnavailable(const QString& reason);
    QString unavailableReason() const { return m_unavailable; }
    // A process of a Performance Co-Pilot host or recording (`source` names it): the Overview
    // shows what pmdaproc gives for the selected pid (applyPcpDetails), every other tab says why
    // PCP cannot give its content. A selection asks through processChanged as for a local one.
    void setRemote(const QString& source);
    bool isRemote() const { return m_pcpView != nullptr; }
    PcpDetailsView* pcpView() const { return m_pcpView; }
    ~ProcessDetailsPanel() override;

    std::optional<ProcessKey> process() const { return m_key; }
    QTabWidget* tabs() const { return m_tabs; }
    EnvironmentModel* environmentModel() const { return m_envModel; }
    QSortFilterProxyModel* environmentProxy() const { return m_envProxy; }
    QLineEdit* environmentFilter() const { return m_envFilter; }
    OpenFilesModel* openFilesModel() const { return m_filesModel; }
    ThreadsModel* threadsModel() const { return m_threadsModel; }
    CommandLineModel* commandLineModel() const { return m_argvModel; }
    LimitsModel* limitsModel() const { return m_limitsModel; }
    CgroupModel* cgroupModel() const { return m_cgroupModel; }
    // The message a tab shows instead of its content; empty while the content is shown.
    QString tabMessage(Tab tab) const;
    // The text of an Overview field ("pid", "parent", "exe", "io", ...), for tests and copying.
    QString overviewField(const QString& id) const;
    QString title() const;
    // Copies the selected environment rows as NAME=VALUE lines (all visible rows if none selected).
    void copyEnvironment();

public slots:
    void showProcess(const std::optional<pg::ProcessKey>& key);
    void applyDetails(ProcessDetailsPtr details);
    void applyPcpDetails(PcpDetailsPtr details);
    // The selected process left the table: say so instead of "select a process".
    void showExited(const pg::ProcessKey& key);

signals:
    void processChanged(int pid, quint64 startTimeTicks);
    void parentRequested(int pid);
    void activeChanged(bool active);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    struct Pane;
    QWidget* buildOverview();
    QWidget* addPane(Tab tab, QWidget* content, const QString& title);
    void setPaneMessage(Tab tab, const QString& message);
    void setField(const QString& id, const QString& text, const QString& toolTip = {});
    void clearAll(const QString& message);
    void fillOverview(const DetailsSample& sample);
    void setRemoteTabMessages();

    std::optional<ProcessKey> m_key;
    ProcessDetailsPtr m_last;
    PcpDetailsPtr m_lastPcp;
    PcpDetailsView* m_pcpView = nullptr;
    QString m_remoteSource;
    QLabel* m_title;
    QString m_unavailable;
    QTabWidget* m_tabs;
    std::vector<std::unique_ptr<Pane>> m_panes;
    DetailFieldForm m_fields;
    EnvironmentModel* m_envModel;
    QSortFilterProxyModel* m_envProxy;
    QLineEdit* m_envFilter;
    QTreeView* m_envView = nullptr;
    CommandLineModel* m_argvModel;
    OpenFilesModel* m_filesModel;
    QLabel* m_filesNote = nullptr;
    ThreadsModel* m_threadsModel;
    LimitsModel* m_limitsModel;
    CgroupModel* m_cgroupModel;
    QLabel* m_limitsMessage = nullptr;
    QLabel* m_cgroupMessage = nullptr;
};

} // namespace pg
