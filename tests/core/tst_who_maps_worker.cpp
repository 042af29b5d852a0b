// SPDX-License-Identifier: GPL-3.0-or-later
// The "who else maps this file" worker (core/sampler/WhoMapsWorker) in a thread of its own, on the
// live /proc with two children that map one file the test made and a third that maps nothing of
// it: the answer comes from the worker's thread, never the GUI thread, with both children, half
// the file's Pss each and their user; progress is reported for both passes; a cancel from the GUI
// thread while it reads stops it after that process, with a partial answer that says so; and once
// the thread is stopped neither it nor the worker is left.

#include "core/process/ProcessDetails.h"
#include "core/sampler/SamplerThread.h"
#include "core/sampler/WhoMapsWorker.h"
#include "tests/support/SharedFile.h"

#include <QPointer>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <unistd.h>

using namespace pg;

namespace {

struct Progress
{
    int pass;
    qulonglong done;
    qulonglong total;
};

// One search of `file` as the dialog runs it: a worker in a SamplerThread of its own, its
// progress and answer received in this (the GUI) thread through queued connections.
class Search final : public QObject
{
public:
    explicit Search(const pgtest::SharedFile& file)
        : worker(new WhoMapsWorker("/proc", file.device(), file.inode()))
    {
        connect(
            worker, &WhoMapsWorker::progress, this,
            [this](int pass, qulonglong done, qulonglong total) {
                progress.push_back({ pass, done, total });
            },
            Qt::QueuedConnection);
        connect(
            worker, &WhoMapsWorker::finished, this,
            [this](const WhoMapsResultPtr& r) { answers.push_back(r); }, Qt::QueuedConnection);
    }
    // Connect whatever else to `worker` first.
    void start()
    {
        thread.adopt(worker);
        thread.start();
        QMetaObject::invokeMethod(worker, &WhoMapsWorker::run, Qt::QueuedConnection);
    }

    SamplerThread thread { QStringLiteral("procglass-whomaps") };
    WhoMapsWorker* worker; // deleted in its thread when the thread stops
    std::vector<Progress> progress;
    std::vector<WhoMapsResultPtr> answers;
};

} // namespace

class TestWhoMapsWorker : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void answersFromItsOwnThread();
    void cancelStopsIt();
};

void TestWhoMapsWorker::initTestCase()
{
    registerSnapshotMetaTypes(); // as main.cpp does
}

void TestWhoMapsWorker::answersFromItsOwnThread()
{
    constexpr std::size_t kBytes = 4u << 20;
    const pgtest::TwoMappers scene(kBytes);
    QVERIFY(scene.isValid());

    Search search(scene.file);
    const QPointer<WhoMapsWorker> alive(search.worker);
    // Where the answer is made: a direct connection runs in the emitting thread.
    std::atomic<QThread*> emittedIn { nullptr };
    connect(
        search.worker, &WhoMapsWorker::finished, search.worker,
        [&emittedIn](const WhoMapsResultPtr&) { emittedIn = QThread::currentThread(); },
        Qt::DirectConnection);
    search.start();
    QTRY_COMPARE_WITH_TIMEOUT(search.answers.size(), std::size_t(1), 120000);
    QVERIFY(emittedIn.load() != nullptr);
    QVERIFY(emittedIn.load() != QThread::currentThread()); // not the GUI thread
    QCOMPARE(emittedIn.load(), search.thread.thread());

    const WhoMapsResultPtr result = search.answers.front();
    QVERIFY(result);
    QCOMPARE(result->device, scene.file.device());
    QCOMPARE(result->inode, scene.file.inode());
    QCOMPARE(result->mappers.listError, Error::None);
    QVERIFY(!result->mappers.stopped);
    QCOMPARE(result->mappers.processes.size(), std::size_t(2));
    QCOMPARE(result->users.size(), std::size_t(2));
    std::vector<int> pids;
    for (std::size_t i = 0; i < result->mappers.processes.size(); ++i) {
        const FileMapper& p = result->mappers.processes[i];
        pids.push_back(p.pid);
        QCOMPARE(p.rssKib, std::uint64_t(kBytes / 1024));
        QCOMPARE(p.pssKib, std::uint64_t(kBytes / 1024 / 2));
        QCOMPARE(result->users[i], userNameOf(static_cast<std::uint32_t>(::getuid())));
    }
    std::sort(pids.begin(), pids.end());
    QCOMPARE(pids, scene.mapperPids());

    // Progress of both passes, each ending with its last process: every pid folder's maps, then
    // the smaps of the two candidates.
    QVERIFY(search.progress.size() >= 2);
    int lastPass = -1;
    qulonglong mapsTotal = 0;
    bool mapsDone = false;
    bool smapsDone = false;
    for (const Progress& p : search.progress) {
        QVERIFY(p.pass >= lastPass); // the passes come in order
        lastPass = p.pass;
        QVERIFY(p.done >= 1 && p.done <= p.total);
        if (p.pass == static_cast<int>(FileMappersPass::Maps)) {
            mapsTotal = p.total;
            mapsDone = mapsDone || p.done == p.total;
        } else {
            QCOMPARE(p.total, qulonglong(2));
            smapsDone = smapsDone || p.done == p.total;
        }
    }
    QVERIFY(mapsTotal >= 4); // at least this test and its three children
    QVERIFY(mapsDone);
    QVERIFY(smapsDone);

    // The dialog stops the thread when the answer is in: nothing of the search is left.
    search.thread.stop();
    QVERIFY(!search.thread.thread()->isRunning());
    QVERIFY(alive.isNull());
}

void TestWhoMapsWorker::cancelStopsIt()
{
    const pgtest::TwoMappers scene(1u << 20);
    QVERIFY(scene.isValid());

    // Hold the worker at its first progress report (after one process) until the GUI thread has
    // cancelled: then it must stop before the next process.
    Search search(scene.file);
    QSemaphore reached;
    QSemaphore proceed;
    std::atomic<int> reports { 0 };
    connect(
        search.worker, &WhoMapsWorker::progress, search.worker,
        [&](int, qulonglong, qulonglong) {
            if (reports++ == 0) {
                reached.release();
                proceed.acquire();
            }
        },
        Qt::DirectConnection);
    search.start();
    QVERIFY(reached.tryAcquire(1, 60000));
    search.worker->cancel(); // from the GUI thread, while run() is in the first pass
    proceed.release();
    QTRY_COMPARE_WITH_TIMEOUT(search.answers.size(), std::size_t(1), 60000);
    const WhoMapsResultPtr result = search.answers.front();
    QVERIFY(result);
    QVERIFY(result->mappers.stopped); // the answer says it is partial
    QVERIFY(result->mappers.processes.empty()); // stopped in the first pass: no smaps read
    QCOMPARE(reports.load(), 1); // not one process more
    search.thread.stop();
    QVERIFY(!search.thread.thread()->isRunning());

    // A worker cancelled before it runs reads nothing.
    Search early(scene.file);
    early.worker->cancel();
    early.start();
    QTRY_COMPARE_WITH_TIMEOUT(early.answers.size(), std::size_t(1), 60000);
    QVERIFY(early.answers.front()->mappers.stopped);
    QVERIFY(early.answers.front()->mappers.processes.empty());
    QVERIFY(early.progress.empty());
}

QTEST_GUILESS_MAIN(TestWhoMapsWorker)
#include "tst_who_maps_worker.moc"
