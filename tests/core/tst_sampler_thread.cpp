// SPDX-License-Identifier: GPL-3.0-or-later
// The sampler thread's bounded stop: a worker stuck in a read the kernel does not finish must not
// keep Procglass alive after its window closed. stopWithin() gives up after its bound and says so;
// app/main.cpp then leaves without joining the thread.

#include "core/sampler/SamplerThread.h"

#include <QElapsedTimer>
#include <QTest>
#include <atomic>
#include <unistd.h>

using namespace pg;

namespace {

// Blocks in read(2) on a pipe until the test writes to it: a stand-in for a hung file.
class StuckWorker final : public QObject
{
    Q_OBJECT
public:
    explicit StuckWorker(int fd)
        : m_fd(fd)
    { }
    std::atomic<bool> entered { false };

public slots:
    void block()
    {
        entered = true;
        char c = 0;
        while (::read(m_fd, &c, 1) < 0 && errno == EINTR) { }
    }

private:
    int m_fd;
};

} // namespace

class TestSamplerThread : public QObject
{
    Q_OBJECT
private slots:
    void stopsAnIdleThreadAtOnce();
    void givesUpOnAStuckWorker();
};

void TestSamplerThread::stopsAnIdleThreadAtOnce()
{
    SamplerThread thread;
    thread.start();
    QVERIFY(thread.stopWithin(std::chrono::seconds(30)));
    QVERIFY(!thread.thread()->isRunning());
}

void TestSamplerThread::givesUpOnAStuckWorker()
{
    int fds[2];
    QVERIFY(::pipe(fds) == 0);
    SamplerThread thread;
    auto* worker = new StuckWorker(fds[0]);
    thread.adopt(worker);
    thread.start();
    QMetaObject::invokeMethod(worker, &StuckWorker::block, Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(worker->entered, 30000);

    QElapsedTimer timer;
    timer.start();
    QVERIFY(!thread.stopWithin(std::chrono::milliseconds(300)));
    QVERIFY(timer.elapsed() >= 250); // it did wait, for the bound and no longer than needed
    QVERIFY(thread.thread()->isRunning());

    // Release the worker: the thread then finishes, and the test can clean up.
    QCOMPARE(::write(fds[1], "x", 1), ssize_t(1));
    QVERIFY(thread.stopWithin(std::chrono::seconds(30)));
    ::close(fds[0]);
    ::close(fds[1]);
}

QTEST_GUILESS_MAIN(TestSamplerThread)
#include "tst_sampler_thread.moc"
