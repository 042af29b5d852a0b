// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// "Who else maps this file?": the processes that map one file (same device and inode), with the
// file's Rss, Pss, USS and Swap in each, their total, and what could not be read. Finding them
// reads every process's /proc/PID/maps and then the candidates' smaps, which can take seconds, so
// the dialog reads nothing itself: a WhoMapsWorker (core/sampler) does, in a thread the dialog
// starts with the search and stops when the answer comes or the dialog closes (no thread is left
// while no dialog is open). The dialog shows the worker's progress and its answer; Cancel (or
// closing the dialog) asks the worker to stop. Enter or a double-click on a row asks the
// memory-map page to show that process.

#include "core/metatypes/SnapshotTypes.h"

#include <QDialog>
#include <cstdint>
#include <string>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace pg {

class SamplerThread;
class WhoMapsModel;
class WhoMapsWorker;

class WhoMapsDialog final : public QDialog
{
    Q_OBJECT
public:
    // `name` is the file's path as the map shows it; `device` is as smaps prints it ("fe:00").
    WhoMapsDialog(std::string procRoot, std::string device, std::uint64_t inode,
        const QString& name, QWidget* parent = nullptr);
    ~WhoMapsDialog() override;

    void start(); // a search in a thread of its own; nothing while one runs
    void cancel(); // the search stops after the process it reads; its partial answer is shown
    bool isRunning() const;

    WhoMapsModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLabel* totalLabel() const { return m_total; }
    QLabel* skippedLabel() const { return m_skipped; }
    QLabel* stateLabel() const { return m_state; }

signals:
    void processActivated(int pid);
    void finished(); // the search ended (found, cancelled or failed)

private:
    void showProgress(int pass, qulonglong done, qulonglong total);
    void showAnswer(const WhoMapsResultPtr& answer);
    void endSearch(); // stops and deletes the thread (and with it the worker)

    std::string m_procRoot;
    std::string m_device;
    std::uint64_t m_inode;
    WhoMapsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLabel* m_state;
    QLabel* m_total;
    QLabel* m_skipped;
    QPushButton* m_cancel;
    // Both exist only while a search runs; the worker lives in the thread and is deleted there.
    SamplerThread* m_thread = nullptr;
    WhoMapsWorker* m_worker = nullptr;
};

} // namespace pg
