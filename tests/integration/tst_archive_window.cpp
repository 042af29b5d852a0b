// SPDX-License-Identifier: GPL-3.0-or-later
// The window replaying a recording (--archive), built as procglass-gui builds it, offscreen:
// `procglass record` takes five samples while two children this test names run; one of them is
// gone before the window opens, and the replay still lists both (the recording, not this machine
// now). The title and status bar say it is a recording; the time slider starts paused at the first
// sample (or at --at's moment), a seek shows the moment asked for on the next sample, playing at
// the highest speed runs to the last sample and stops there by itself; every signal is disabled
// and memory usage says it is not available; the details panel and the Memory map page show what
// the recording holds of the selected process and say what it did not record. Skipped with the
// reason without the module.

#include "Pages.h"
#include "core/metatypes/SnapshotTypes.h"
#include "core/pcp/PcpArchiveSession.h"
#include "core/pcp/PcpSession.h"
#include "core/sampler/Sampler.h"
#include "core/sampler/SamplerThread.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/CliRun.h"
#include "tests/support/PcpModule.h"
#include "ui/details/PcpDetailsView.h"
#include "ui/details/ProcessDetailsPanel.h"
#include "ui/memory/MapTotalsView.h"
#include "ui/memory/MemoryMapPage.h"
#include "ui/processes/ProcessActionsController.h"
#include "ui/processes/ProcessTableModel.h"
#include "ui/processes/ProcessTablePage.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/ReplayBar.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <cmath>
#include <csignal>
#include <dlfcn.h>
#include <sys/prctl.h>
#include <sys/wait.h>

using namespace pg;

namespace {

const QString kProcglass = QStringLiteral(PROCGLASS_BINARY_DIR "/app/procglass");

// The build's module by its path (the program looks beside itself; this test is elsewhere).
std::unique_ptr<PcpArchiveSession> openArchive(const std::string& path, std::string* error)
{
    void* handle = ::dlopen(pgtest::kPcpModule, RTLD_NOW | RTLD_LOCAL);
    auto open = handle
        ? reinterpret_cast<PcpOpenArchiveFunction>(::dlsym(handle, kPcpModuleArchiveEntry))
        : nullptr;
    if (!open) {
        *error = std::string("cannot open ") + pgtest::kPcpModule;
        return nullptr;
    }
    return std::unique_ptr<PcpArchiveSession>(open(kPcpModuleAbi, path.c_str(), error));
}

// The same moment: a snapshot's time is whole milliseconds, the archive's microseconds.
bool near(double a, double b)
{
    return std::abs(a - b) < 0.002;
}

pid_t namedChild(const char* name)
{
    return pgtest::forkReadyChild([name] { return ::prctl(PR_SET_NAME, name, 0, 0, 0) == 0; });
}

struct Replay
{
    AppOptions options;
    SamplerThread thread;
    std::unique_ptr<MainWindow> window;
    AppPages pages;
    std::shared_ptr<ReplayClock> clock;
    ReplayBar* bar = nullptr;

    bool open(const QString& archive, std::string* error)
    {
        options.archive = archive;
        options.intervalMs = 200;
        options.intervalSet = true;
        ArchiveReplay replay;
        replay.archive = openArchive(archive.toStdString(), error);
        if (!replay.archive)
            return false;
        replay.clock
            = std::make_shared<ReplayClock>(replay.archive->startSec(), replay.archive->endSec());
        clock = replay.clock;
        window = std::make_unique<MainWindow>(options);
        pages = assemblePages(*window, options, &thread, {}, std::move(replay));
        bar = window->findChild<ReplayBar*>(QStringLiteral("replayBar"));
        window->show();
        thread.start();
        for (Sampler* s : pages.samplers)
            QMetaObject::invokeMethod(s, &Sampler::start, Qt::QueuedConnection);
        return true;
    }

    ~Replay()
    {
        if (window)
            window->close();
        thread.stop();
    }
};

} // namespace

class TestArchiveWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_archive;
    pid_t m_alpha = -1;
    pgtest::Child m_beta;

private slots:
    void initTestCase()
    {
        PCP_MODULE_OR_SKIP();
        QStandardPaths::setTestModeEnabled(true);
        registerSnapshotMetaTypes();
        QVERIFY(m_dir.isValid());
        m_alpha = namedChild("pgreplay-alpha");
        m_beta.pid = namedChild("pgreplay-beta");
        QVERIFY(m_alpha > 0 && m_beta.pid > 0);
        m_archive = m_dir.filePath(QStringLiteral("lunch"));
        const pgtest::RunResult r = pgtest::run(kProcglass,
            { QStringLiteral("record"), QStringLiteral("-o"), m_archive,
                QStringLiteral("--interval"), QStringLiteral("300"), QStringLiteral("--duration"),
                QStringLiteral("1.2") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // alpha is gone before anyone replays the recording
        QCOMPARE(::kill(m_alpha, SIGKILL), 0);
        QCOMPARE(::waitpid(m_alpha, nullptr, 0), m_alpha);
    }

    void theReplayListsWhatWasRecorded()
    {
        Replay r;
        std::string error;
        QVERIFY2(r.open(m_archive, &error), error.c_str());
        QVERIFY2(r.window->windowTitle().contains(QStringLiteral("lunch (recording)")),
            qPrintable(r.window->windowTitle()));
        auto* label = r.window->findChild<QLabel*>(QStringLiteral("hostLabel"));
        QVERIFY(label && label->text().contains(QStringLiteral("Recording: lunch")));
        QVERIFY(r.bar);

        ProcessTableModel* model = r.pages.processes->model();
        auto commOf = [model](pid_t pid) {
            const int row = model->rowOfPid(pid);
            return row < 0 ? QString() : model->row(row).comm();
        };
        QTRY_COMPARE_WITH_TIMEOUT(commOf(m_alpha), QStringLiteral("pgreplay-alpha"), 20000);
        QCOMPARE(commOf(m_beta.pid), QStringLiteral("pgreplay-beta"));
        // Paused at the first sample.
        QVERIFY(!r.bar->isPlaying());
        QVERIFY(near(r.bar->shownPosition(), r.clock->startSec()));
        QVERIFY(near(
            static_cast<double>(model->snapshot()->takenAtUnixMs) / 1000.0, r.clock->startSec()));

        // A recording's processes are nobody's here: nothing is sent, nothing local is read.
        ProcessActionsController* actions = r.pages.processes->processActions();
        QVERIFY(!actions->actionsAllowed());
        for (QAction* a : actions->menu()->actions()) {
            if (a->isSeparator())
                continue;
            QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
            QVERIFY2(a->toolTip().contains(QStringLiteral("not sent to a recording")),
                qPrintable(a->toolTip()));
        }

        // The details of a recorded process: what the recording holds, and for the rest that it
        // was not recorded (procglass record stores the table's metrics, no proc.io or fd).
        r.window->showPage(QStringLiteral("processes"));
        QVERIFY(r.pages.processes->selectPid(m_beta.pid));
        ProcessDetailsPanel* panel = r.pages.processes->detailsPanel();
        QVERIFY(panel->isRemote());
        QTRY_COMPARE_WITH_TIMEOUT(
            panel->pcpView()->field(QStringLiteral("pid")), QString::number(m_beta.pid), 20000);
        QVERIFY2(
            panel->title().contains(QStringLiteral("pgreplay-beta")), qPrintable(panel->title()));
        QVERIFY2(panel->pcpView()
                     ->field(QStringLiteral("fds"))
                     .contains(QStringLiteral("has no proc.fd.count (it was not recorded)")),
            qPrintable(panel->pcpView()->field(QStringLiteral("fds"))));
        QVERIFY2(panel->pcpView()->field(QStringLiteral("memory")).contains(QStringLiteral("/")),
            qPrintable(panel->pcpView()->field(QStringLiteral("memory"))));
        // Its Memory map page: the totals the recording has, none here, each saying so.
        QVERIFY(r.pages.memory->isTotalsOnly());
        r.window->showPage(QStringLiteral("memory"));
        r.pages.memory->openProcess(ProcessKey { m_beta.pid, 0 });
        QTRY_VERIFY_WITH_TIMEOUT(r.pages.memory->showingTotals(), 20000);
        QVERIFY(r.pages.memory->totalsView()->whyText().contains(QStringLiteral("a recording")));
        const QString none = r.pages.memory->totalsView()->smapsMessage();
        QVERIFY2(none.contains(QStringLiteral("has no proc.smaps.pss (it was not recorded)")),
            qPrintable(none));
        QVERIFY(r.pages.memory->totalsView()
                    ->value(QStringLiteral("RES"))
                    .endsWith(QStringLiteral("iB")));
    }

    void seekingShowsThatMoment()
    {
        Replay r;
        std::string error;
        QVERIFY2(r.open(m_archive, &error), error.c_str());
        ProcessTableModel* model = r.pages.processes->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->snapshot(), 20000);
        const double end = r.clock->endSec();
        QVERIFY(end > r.clock->startSec());
        emit r.bar->seekRequested(end);
        QTRY_VERIFY_WITH_TIMEOUT(near(r.bar->shownPosition(), end), 20000);
        QVERIFY(near(static_cast<double>(model->snapshot()->takenAtUnixMs) / 1000.0, end));
        // A rate at that moment (the sample before it is in the archive): CPU % is a number.
        const int row = model->rowOfPid(m_beta.pid);
        QVERIFY(row >= 0);
        QVERIFY(!std::isnan(model->row(row).info->cpuPercent));
    }

    // A bad archive or moment: one line and an exit status before any window.
    void badArchiveOrMomentIsOneLine()
    {
        const pgtest::RunResult missing = pgtest::run(
            kProcglass, { QStringLiteral("--archive"), m_dir.filePath(QStringLiteral("no-such")) });
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.startsWith("procglass: cannot read the PCP archive "),
            missing.err.constData());
        QCOMPARE(missing.err.count('\n'), 1);
        const pgtest::RunResult late = pgtest::run(kProcglass,
            { QStringLiteral("--archive"), m_archive, QStringLiteral("--at"),
                QStringLiteral("2001-01-01 00:00:00") });
        QCOMPARE(late.exitCode, 2);
        QVERIFY2(late.err.startsWith("procglass: --at: "), late.err.constData());
        QCOMPARE(late.err.count('\n'), 1);
    }

    void playingRunsToTheEndAndStops()
    {
        Replay r;
        std::string error;
        QVERIFY2(r.open(m_archive, &error), error.c_str());
        QTRY_VERIFY_WITH_TIMEOUT(r.pages.processes->model()->snapshot(), 20000);
        auto* speed = r.bar->findChild<QComboBox*>(QStringLiteral("replaySpeed"));
        speed->setCurrentIndex(speed->count() - 1); // an hour per second
        QCOMPARE(r.clock->state().speed, ReplayBar::speeds().back());
        r.bar->findChild<QToolButton*>(QStringLiteral("replayPlay"))->click();
        QVERIFY(r.clock->state().playing || r.clock->position() == r.clock->endSec());
        QTRY_VERIFY_WITH_TIMEOUT(near(r.bar->shownPosition(), r.clock->endSec()), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!r.bar->isPlaying(), 5000);
        QVERIFY(!r.clock->state().playing);
    }

    // The window's Pause (Space) pauses the replay: nothing is played through while paused.
    void pausingTheWindowPausesTheReplay()
    {
        Replay r;
        std::string error;
        QVERIFY2(r.open(m_archive, &error), error.c_str());
        QTRY_VERIFY_WITH_TIMEOUT(r.pages.processes->model()->snapshot(), 20000);
        r.bar->findChild<QToolButton*>(QStringLiteral("replayPlay"))->click();
        QVERIFY(r.clock->state().playing);
        r.window->setPaused(true);
        QVERIFY(!r.clock->state().playing);
        QVERIFY(!r.bar->isPlaying());
        const double at = r.clock->position();
        QTest::qWait(400);
        r.window->setPaused(false);
        QTest::qWait(400);
        QCOMPARE(r.clock->position(), at);
    }
};

QTEST_MAIN(TestArchiveWindow)
#include "tst_archive_window.moc"
