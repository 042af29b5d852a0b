// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// "Who else maps this file?": the processes that map one file (same device and inode), with the
// file's Rss, Pss, USS and Swap in each, their total, and what could not be read. Finding them
// reads every process's /proc/PID/maps and then the candidates' smaps, which can take seconds: it
// runs in a thread of its own, and Cancel (or closing the dialog) stops it through core's stop
// flag. Enter or a double-click on a row asks the memory-map page to show that process.

#include <QDialog>
#include <QPointer>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QThread;
class QTableView;

namespace pg {

class WhoMapsModel;
struct FileMappers;

class WhoMapsDialog final : public QDialog
{
    Q_OBJECT
public:
    // `name` is the file's path as the map shows it; `device` is as smaps prints it ("fe:00").
    WhoMapsDialog(std::string procRoot, std::string device, std::uint64_t inode,
        const QString& name, QWidget* parent = nullptr);
    ~WhoMapsDialog() override;

    void start();
    void cancel();
    bool isRunning() const;

    WhoMapsModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLabel* totalLabel() const { return m_total; }
    QLabel* skippedLabel() const { return m_skipped; }

signals:
    void processActivated(int pid);
    void finished(); // the search ended (found, cancelled or failed)

private:
    struct Answer;
    void showAnswer(const Answer& answer);

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
    QPointer<QThread> m_thread;
    std::shared_ptr<std::atomic<bool>> m_stop;
};

} // namespace pg
