// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The "Memory map" page: which process (pid, name, command line), a summary that explains VIRT, RES
// and SHR for that very process next to smaps' Shared, Pss and USS, and the smaps tree (grouped by
// backing object, or flat by address) with a filter, a column chooser and a totals row. It reads
// nothing itself: it asks MemoryMapSampler (sampler thread) for a target and whether it is on
// screen, and shows the snapshots it gets back. As a Page its source reads only while it is shown.

#include "core/memory/MapChanges.h"
#include "core/metatypes/SnapshotTypes.h"
#include "ui/shell/Page.h"

#include <QByteArray>
#include <QPointer>
#include <QWidget>
#include <optional>

class QComboBox;
class QGridLayout;
class QGroupBox;
class QPushButton;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace pg {

class MapChangesModel;
class MemoryMapModel;
class MemoryMapProxy;
class MemoryMapSampler;
class MapTotalsView;
class PcpDetailsSampler;
class WhoMapsDialog;

class MemoryMapPage final : public QWidget, public Page
{
    Q_OBJECT
public:
    // `source` lives in the sampler thread (nullptr in tests that feed snapshots).
    explicit MemoryMapPage(MemoryMapSampler* source = nullptr, QWidget* parent = nullptr);

    // Page
    QString pageId() const override { return QStringLiteral("memory"); }
    QString pageTitle() const override { return tr("&Memory map"); }
    QWidget* pageWidget() override { return this; }
    Sampler* pageSource() const override;
    bool samplesOnlyWhileShown() const override { return true; }
    // smaps is costly to generate and takes the target's mmap lock: never more often than 2 s.
    int sourceIntervalMs(int windowMs) const override;
    QList<ExportSource> pageExports() override;
    // Grouped and flat mode each keep their own header (columns, order, widths, sort), and the
    // mode (grouped, flat, or the changes since the baseline) is remembered.
    void saveLayout(QSettings& settings, const QString& prefix) const override;
    void restoreLayout(QSettings& settings, const QString& prefix) override;

    // Shows `key`'s map (startTimeTicks 0: whatever process has the pid now).
    void openProcess(const ProcessKey& key);
    // No map can be shown (a remote host's processes: --host): the page says `reason` and
    // openProcess() reads and asks for nothing.
    void setUnavailable(const QString& reason);
    bool isUnavailable() const { return !m_unavailable.isEmpty(); }
    // A process of a Performance Co-Pilot host or recording: no map mapping by mapping (`why`
    // says so on the page), but the chosen process's smaps totals that `source` fetches for that
    // pid (proc.smaps.*). The source is the page's (it fetches only while the page is shown).
    void setTotalsOnly(PcpDetailsSampler* source, const QString& why);
    bool isTotalsOnly() const { return m_totals != nullptr; }
    MapTotalsView* totalsView() const { return m_totals; }
    bool showingTotals() const;
    void applyTotals(const PcpDetailsPtr& details);
    void applyMaps(const MemoryMapSnapshotPtr& snapshot);

    MemoryMapModel* model() const { return m_model; }
    MemoryMapProxy* proxy() const { return m_proxy; }
    QTreeView* view() const { return m_view; }
    QLabel* messageLabel() const { return m_message; }
    QLabel* titleLabel() const { return m_title; }
    // The explanation of one of "VIRT", "RES", "SHR", "Shared", "Pss", "USS" (for tests).
    QString summaryText(const QString& name) const;
    bool showingTable() const;
    bool showingNoProcess() const;
    QString placeholderText() const; // the message shown instead of the table, if any
    void attachHost(PageHost& host) override;
    bool isFlat() const;

    // Changes since the baseline (the mode list's third entry): the baseline is the first map read
    // after a process is chosen, or the one shown when the user sets it. Once the process has
    // exited its last map stays, greyed, and a new baseline cannot be set.
    void setBaseline();
    bool canSetBaseline() const;
    bool targetExited() const { return m_exitedNoticedAtUnixMs.has_value(); }
    bool showingChanges() const { return m_changesShown; }
    const std::optional<MapBaseline>& baseline() const { return m_baseline; }
    const GroupHistory& history() const { return m_history; }
    MapChangesModel* changesModel() const { return m_changesModel; }
    QTreeView* changesView() const { return m_changesView; }
    // The change table as CSV (empty table when nothing is shown).
    CsvTable changesCsv() const;

    // Who else maps the file behind `index` (of view()): opens the dialog and starts the search;
    // null when the row is not a file.
    WhoMapsDialog* showWhoMaps(const QModelIndex& index);
    WhoMapsDialog* whoMapsDialog() const;

public slots:
    void setFlat(bool flat);
    void setShowChanges(bool show);

signals:
    void targetRequested(int pid, qulonglong startTimeTicks);

private:
    void buildSummary(QGridLayout* grid);
    void applyDefaultColumns(bool flat);
    void updateHeader(const MemoryMapSnapshot& snap);
    void updateSummary(const MemoryMapSnapshot& snap);
    void showMessage(const QString& text, bool error);
    void showPlaceholder(const QString& text);
    void showNoProcess();
    void showExited();
    void setExited(std::optional<std::int64_t> noticedAtUnixMs);
    void refreshChanges();
    void updateWhoButton();
    void exportChanges();
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
    QString m_unavailable;
    QPushButton* m_chooseButton;
    QWidget* m_controls; // filter, mode, columns, refresh
    QGroupBox* m_summaryBox = nullptr;
    PageHost* m_host = nullptr;
    QTreeView* m_view;
    QList<QLabel*> m_summaryValues;
    QList<QLabel*> m_summaryDerivations;
    QByteArray m_defaultHeaderState;
    QByteArray m_headerStates[2]; // the mode not shown: [0] grouped, [1] flat
    bool m_flat = false;
    ProcessKey m_key;
    MemoryMapSnapshotPtr m_last;
    MemoryMapSampler* m_source;
    PcpDetailsSampler* m_totalsSource = nullptr;
    MapTotalsView* m_totals = nullptr;

    MapChangesModel* m_changesModel;
    QSortFilterProxyModel* m_changesProxy;
    QTreeView* m_changesView;
    QWidget* m_changesPane; // the info line, the export button and m_changesView
    QLabel* m_baselineInfo;
    QPushButton* m_baselineButton;
    QPushButton* m_whoButton;
    std::optional<MapBaseline> m_baseline;
    GroupHistory m_history;
    bool m_changesShown = false;
    // When the sampler found the process gone (its last map stays on screen, greyed).
    std::optional<std::int64_t> m_exitedNoticedAtUnixMs;
    QPointer<WhoMapsDialog> m_who;
};

} // namespace pg
