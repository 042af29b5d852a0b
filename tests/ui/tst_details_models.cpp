// SPDX-License-Identifier: GPL-3.0-or-later
// The details panel's models under QAbstractItemModelTester (Fatal), fed scripted sequences; the
// panel itself on fixture details (kernel thread, permission denied, vanished process, parent
// link); the actions controller's confirmation and error reporting.

#include "core/sampler/DetailsSampler.h"
#include "tests/support/ActivateLink.h"
#include "ui/details/CgroupModel.h"
#include "ui/details/CommandLineModel.h"
#include "ui/details/EnvironmentModel.h"
#include "ui/details/LimitsModel.h"
#include "ui/details/OpenFilesModel.h"
#include "ui/details/ProcessDetailsPanel.h"
#include "ui/details/ThreadsModel.h"
#include "ui/processes/ProcessActionsController.h"
#include "ui/processes/ProcessTableModel.h"
#include "ui/processes/ProcessTablePage.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <cmath>
#include <csignal>

using namespace pg;

namespace {

const std::string kTree = PROCGLASS_TEST_DATA "/details/proctree";

template <typename M> QAbstractItemModelTester* watch(M* model)
{
    return new QAbstractItemModelTester(
        model, QAbstractItemModelTester::FailureReportingMode::Fatal, model);
}

QStringList column(const QAbstractItemModel& m, int c)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, c).data().toString();
    return out;
}

EnvVar env(const char* name, const char* value, bool hasEquals = true)
{
    return EnvVar { name, value, hasEquals };
}

OpenFile file(int fd, const char* target, std::uint32_t flags = 02)
{
    OpenFile f;
    f.fd = fd;
    f.target = target;
    f.what = classifyFdTarget(target);
    FdInfo info;
    info.flags = flags;
    f.info = info;
    return f;
}

ThreadSample makeThread(int tid, const char* comm, std::uint64_t start, std::uint64_t ticks)
{
    ThreadSample t;
    t.tid = tid;
    t.comm = comm;
    t.state = 'S';
    t.startTimeTicks = start;
    t.utimeTicks = ticks;
    t.voluntaryCtxtSwitches = 10;
    t.nonvoluntaryCtxtSwitches = 1;
    return t;
}

ProcessDetailsPtr sampleOf(ProcessDetails details, ProcessKey key)
{
    auto s = std::make_shared<DetailsSample>();
    s->key = key;
    s->details = std::move(details);
    if (s->details.threads)
        s->threadCpuPercent.assign(s->details.threads->size(), 12.5);
    return s;
}

ProcessKey keyOf(const ProcessDetails& d)
{
    return ProcessKey { d.pid, d.startTimeTicks() };
}

} // namespace

class TestDetailsModels final : public QObject
{
    Q_OBJECT
private slots:
    void environmentInPlace();
    void environmentDuplicateNamesAndFilter();
    void openFilesSequence();
    void threadsSequence();
    void smallModels();
    void panelShowsFixtureProcess();
    void panelKernelThread();
    void panelPermissionDenied();
    void panelVanishedAndStale();
    void panelParentLink();
    void panelCopiesEnvironment();
    void actionsConfirmAndReport();
    void samplerThreadCpuAndReuse();
};

void TestDetailsModels::environmentInPlace()
{
    EnvironmentModel model;
    watch(&model);
    model.setEnvironment({ env("HOME", "/root"), env("EMPTY", ""), env("OPTS", "a=b") });
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(column(model, EnvironmentModel::Value), (QStringList { "/root", "(empty)", "a=b" }));
    QPersistentModelIndex home = model.index(0, 0);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setEnvironment(
        { env("HOME", "/home/x"), env("EMPTY", ""), env("OPTS", "a=b"), env("NOEQ", "", false) });
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changed.count(), 1);
    QVERIFY(home.isValid());
    QCOMPARE(model.index(home.row(), EnvironmentModel::Value).data().toString(),
        QStringLiteral("/home/x"));
    QCOMPARE(model.index(3, EnvironmentModel::Value).data().toString(), QStringLiteral("(no '=')"));
    QCOMPARE(model.index(3, 0).data(EnvironmentModel::RawRole).toString(), QStringLiteral("NOEQ"));
    QCOMPARE(
        model.index(2, 0).data(EnvironmentModel::RawRole).toString(), QStringLiteral("OPTS=a=b"));
    model.setEnvironment({});
    QCOMPARE(model.rowCount(), 0);
}

void TestDetailsModels::environmentDuplicateNamesAndFilter()
{
    EnvironmentModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterKeyColumn(-1);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    watch(&model);
    watch(&proxy);
    // execve lets a name repeat; both strings are shown.
    model.setEnvironment({ env("PATH", "/bin"), env("PATH", "/usr/bin"), env("EDITOR", "vim") });
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(column(model, EnvironmentModel::Name), (QStringList { "PATH", "PATH", "EDITOR" }));
    proxy.setFilterFixedString(QStringLiteral("usr")); // matches a value, not a name
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 1).data().toString(), QStringLiteral("/usr/bin"));
    model.setEnvironment({ env("PATH", "/bin"), env("EDITOR", "vim") });
    QCOMPARE(proxy.rowCount(), 0);
}

void TestDetailsModels::openFilesSequence()
{
    OpenFilesModel model;
    watch(&model);
    model.setRows(
        { file(0, "/dev/null", 0), file(3, "socket:[77]"), file(5, "/tmp/x (deleted)", 02002) });
    QCOMPARE(
        column(model, OpenFilesModel::Kind), (QStringList { "device", "socket", "deleted file" }));
    QCOMPARE(model.index(2, OpenFilesModel::Target).data().toString(),
        QStringLiteral("/tmp/x (deleted)"));
    QCOMPARE(
        model.index(2, OpenFilesModel::Flags).data().toString(), QStringLiteral("O_RDWR|O_APPEND"));
    QVERIFY(model.index(2, OpenFilesModel::Kind).data(Qt::ForegroundRole).isValid()); // marked
    OpenFile unreadable = file(7, "pipe:[9]");
    unreadable.info.reset();
    unreadable.infoError = Error::PermissionDenied;
    model.setRows({ file(0, "/dev/null", 0), unreadable });
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex pos = model.index(1, OpenFilesModel::Position);
    QCOMPARE(pos.data().toString(), QStringLiteral("–"));
    QVERIFY(pos.data(Qt::ToolTipRole).toString().contains(QStringLiteral("permission denied")));
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
}

void TestDetailsModels::threadsSequence()
{
    ThreadsModel model;
    watch(&model);
    model.setThreads({ makeThread(10, "main", 100, 5), makeThread(11, "worker", 150, 7) },
        { std::nan(""), std::nan("") }, 100);
    QCOMPARE(model.index(0, ThreadsModel::Cpu).data().toString(), QStringLiteral("–"));
    QPersistentModelIndex worker = model.index(1, 0);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // tid 11 exited and the tid was reused by a new thread: a removal and an insertion.
    model.setThreads(
        { makeThread(10, "main", 100, 9), makeThread(11, "other", 900, 0) }, { 40.0, 0.0 }, 100);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QVERIFY(!worker.isValid());
    QCOMPARE(model.index(0, ThreadsModel::Cpu).data().toString(), QStringLiteral("40.0"));
    QCOMPARE(model.index(1, ThreadsModel::Name).data().toString(), QStringLiteral("other"));
    QCOMPARE(model.index(0, ThreadsModel::Voluntary).data().toULongLong(), 10ull);
}

void TestDetailsModels::smallModels()
{
    CommandLineModel argv;
    LimitsModel limits;
    CgroupModel cgroup;
    watch(&argv);
    watch(&limits);
    watch(&cgroup);
    argv.setArguments({ "/bin/prog", "", "a b" });
    QCOMPARE(column(argv, CommandLineModel::Argument),
        (QStringList { "/bin/prog", "(empty argument)", "a b" }));
    argv.setArguments({ "/bin/prog" });
    QCOMPARE(argv.rowCount(), 1);
    limits.setRows({ PidLimit { "Max open files", { false, 1024 }, { false, 4096 }, "files" },
        PidLimit { "Max cpu time", { true, 0 }, { true, 0 }, "seconds" } });
    QCOMPARE(column(limits, LimitsModel::Soft), (QStringList { "1024", "unlimited" }));
    cgroup.setRows({ CgroupEntry { 0, {}, "/user.slice" } });
    QCOMPARE(cgroup.index(0, CgroupModel::Hierarchy).data().toString(),
        QStringLiteral("0 (v2 unified)"));
}

void TestDetailsModels::panelShowsFixtureProcess()
{
    ProcessDetailsPanel panel;
    QSignalSpy asked(&panel, &ProcessDetailsPanel::processChanged);
    ProcessDetails d = readProcessDetails(kTree, 4242);
    const ProcessKey key = keyOf(d);
    panel.showProcess(key);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.first().at(0).toInt(), 4242);
    panel.applyDetails(sampleOf(std::move(d), key));
    QVERIFY(panel.title().contains(QStringLiteral("my server")));
    QCOMPARE(panel.tabMessage(ProcessDetailsPanel::Environment), QString());
    QCOMPARE(panel.environmentModel()->rowCount(), 3);
    QCOMPARE(panel.commandLineModel()->rowCount(), 4);
    QCOMPARE(panel.openFilesModel()->rowCount(), 5);
    QCOMPARE(panel.threadsModel()->rowCount(), 2);
    QCOMPARE(panel.limitsModel()->rowCount(), 16);
    QCOMPARE(panel.cgroupModel()->rowCount(), 1);
    QCOMPARE(panel.overviewField(QStringLiteral("parent")), QStringLiteral("systemd (1)"));
    QCOMPARE(panel.overviewField(QStringLiteral("exe")), QStringLiteral("/usr/bin/my-server"));
    QCOMPARE(panel.overviewField(QStringLiteral("wchan")), QStringLiteral("do_epoll_wait"));
    QCOMPARE(panel.overviewField(QStringLiteral("ctxsw")),
        QStringLiteral("150 voluntary, 7 involuntary"));
    QCOMPARE(panel.overviewField(QStringLiteral("syscalls")), QStringLiteral("10 reads, 0 writes"));
    QCOMPARE(panel.overviewField(QStringLiteral("elapsed")), QStringLiteral("00:50:00"));
}

void TestDetailsModels::panelKernelThread()
{
    ProcessDetailsPanel panel;
    ProcessDetails d = readProcessDetails(kTree, 2);
    const ProcessKey key = keyOf(d);
    panel.showProcess(key);
    panel.applyDetails(sampleOf(std::move(d), key));
    QVERIFY(panel.title().contains(QStringLiteral("kernel thread")));
    QVERIFY(panel.tabMessage(ProcessDetailsPanel::Environment)
                .contains(QStringLiteral("Kernel thread")));
    QVERIFY(panel.tabMessage(ProcessDetailsPanel::CommandLine)
                .contains(QStringLiteral("Kernel thread")));
    QVERIFY(panel.overviewField(QStringLiteral("exe"))
                .contains(QStringLiteral("kernel thread has no executable")));
    QVERIFY(panel.overviewField(QStringLiteral("cwd")).contains(QStringLiteral("kernel thread")));
    QCOMPARE(panel.overviewField(QStringLiteral("parent")),
        QStringLiteral("none (started by the kernel)"));
}

void TestDetailsModels::panelPermissionDenied()
{
    ProcessDetailsPanel panel;
    ProcessDetails d = readProcessDetails(kTree, 4242);
    d.readerUid = 1000; // the fixture's process is root's: we are someone else
    d.environ = Error::PermissionDenied;
    d.files = Error::PermissionDenied;
    d.io = Error::PermissionDenied;
    const ProcessKey key = keyOf(d);
    panel.showProcess(key);
    panel.applyDetails(sampleOf(std::move(d), key));
    const QString env = panel.tabMessage(ProcessDetailsPanel::Environment);
    QVERIFY2(env.contains(QStringLiteral("/4242/environ: permission denied"))
            && env.contains(QStringLiteral("same user or root")),
        qPrintable(env));
    QVERIFY(panel.tabMessage(ProcessDetailsPanel::OpenFiles)
                .contains(QStringLiteral("/4242/fd: permission denied")));
    QCOMPARE(panel.environmentModel()->rowCount(), 0);
    QVERIFY(panel.overviewField(QStringLiteral("io"))
                .contains(QStringLiteral("/4242/io: permission denied")));
    QCOMPARE(panel.tabMessage(ProcessDetailsPanel::Threads), QString()); // the rest still shows
}

void TestDetailsModels::panelVanishedAndStale()
{
    ProcessDetailsPanel panel;
    ProcessDetails live = readProcessDetails(kTree, 4242);
    const ProcessKey key = keyOf(live);
    panel.showProcess(key);
    // An answer for a process that is no longer selected is ignored.
    ProcessDetails other = readProcessDetails(kTree, 2);
    panel.applyDetails(sampleOf(other, key.pid == 2 ? ProcessKey { 3, 0 } : keyOf(other)));
    QVERIFY(panel.title().contains(QStringLiteral("Reading")));
    panel.applyDetails(sampleOf(live, key));
    QCOMPARE(panel.environmentModel()->rowCount(), 3);
    // Then the process exits.
    ProcessDetails gone = readProcessDetails(kTree, 9999);
    auto sample = std::make_shared<DetailsSample>();
    sample->key = key;
    sample->details = gone;
    panel.applyDetails(sample);
    QVERIFY(panel.title().contains(QStringLiteral("has exited")));
    QVERIFY(
        panel.tabMessage(ProcessDetailsPanel::Environment).contains(QStringLiteral("has exited")));
    QCOMPARE(panel.environmentModel()->rowCount(), 0);
    // Deselecting clears the panel and tells the sampler.
    QSignalSpy asked(&panel, &ProcessDetailsPanel::processChanged);
    panel.showProcess(std::nullopt);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.first().at(0).toInt(), 0);
}

void TestDetailsModels::panelParentLink()
{
    ProcessDetailsPanel panel;
    ProcessDetails d = readProcessDetails(kTree, 4242);
    const ProcessKey key = keyOf(d);
    panel.showProcess(key);
    panel.applyDetails(sampleOf(std::move(d), key));
    QSignalSpy parent(&panel, &ProcessDetailsPanel::parentRequested);
    QVERIFY(pgtest::activateLink(&panel, QStringLiteral("pid:1")));
    QCOMPARE(parent.count(), 1);
    QCOMPARE(parent.first().at(0).toInt(), 1);
}

void TestDetailsModels::panelCopiesEnvironment()
{
    ProcessDetailsPanel panel;
    ProcessDetails d = readProcessDetails(kTree, 4242);
    const ProcessKey key = keyOf(d);
    panel.showProcess(key);
    panel.applyDetails(sampleOf(std::move(d), key));
    panel.environmentFilter()->setText(QStringLiteral("a=b"));
    QCOMPARE(panel.environmentProxy()->rowCount(), 1);
    panel.copyEnvironment();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("OPTS=a=b"));
}

void TestDetailsModels::actionsConfirmAndReport()
{
    ProcessTablePage page;
    auto snapshot = std::make_shared<ProcessSnapshot>();
    for (int pid : { 100, 200 }) {
        ProcessInfo info;
        info.key = { pid, 5 };
        auto names = std::make_shared<ProcessNames>();
        names->comm = pid == 100 ? "alpha" : "beta";
        names->cmdline = names->comm + " --flag";
        info.names = names;
        snapshot->processes.push_back(info);
    }
    page.applySnapshot(snapshot);
    ProcessActionsController actions(&page, QStringLiteral("/proc"), &page);
    QString asked;
    bool answer = false;
    actions.setConfirmer([&](const QString& q) {
        asked = q;
        return answer;
    });
    QString reported;
    actions.setReporter([&](const QString& text) { reported = text; });
    QSignalSpy requests(&actions, &ProcessActionsController::actionRequested);

    actions.requestSignal(SIGTERM); // nothing selected: nothing asked
    QVERIFY(asked.isEmpty());
    page.view()->selectAll();
    actions.requestSignal(SIGTERM);
    QVERIFY2(asked.contains(QStringLiteral("SIGTERM"))
            && asked.contains(QStringLiteral("100 alpha"))
            && asked.contains(QStringLiteral("200 beta"))
            && asked.contains(QStringLiteral("2 processes")),
        qPrintable(asked));
    QCOMPARE(requests.count(), 0); // cancelled
    answer = true;
    actions.requestSignal(SIGSTOP);
    QCOMPARE(requests.count(), 1);
    const auto request = requests.first().at(0).value<ActionRequest>();
    QCOMPARE(request.value, SIGSTOP);
    QCOMPARE(request.keys.size(), 2);

    auto report = std::make_shared<ActionReport>();
    report->request = request;
    report->outcomes.push_back({ request.keys[0], 0, {} });
    report->outcomes.push_back({ request.keys[1], EPERM, explainActionErrno(EPERM, false) });
    actions.showResult(report);
    const QString failed
        = request.keys[1].pid == 100 ? QStringLiteral("100 alpha") : QStringLiteral("200 beta");
    const QString succeeded
        = request.keys[1].pid == 100 ? QStringLiteral("200 beta") : QStringLiteral("100 alpha");
    QVERIFY2(reported.contains(failed)
            && reported.contains(QStringLiteral("EPERM (Operation not permitted)"))
            && reported.contains(QStringLiteral("another user")),
        qPrintable(reported));
    QVERIFY(!reported.contains(succeeded));

    // Renice: the chooser gets the current nice value, the confirmation names the processes.
    int offered = 99;
    actions.setNiceChooser([&](int current) -> std::optional<int> {
        offered = current;
        return 5;
    });
    actions.requestNice();
    QCOMPARE(offered, 0);
    QVERIFY2(asked.contains(QStringLiteral("nice value of 2 processes to 5")), qPrintable(asked));
    QCOMPARE(requests.count(), 2);
    QCOMPARE(requests.last().at(0).value<ActionRequest>().kind, ActionRequest::Nice);
    QCOMPARE(requests.last().at(0).value<ActionRequest>().value, 5);

    // A copied /proc tree: every action is refused before it is asked.
    ProcessActionsController fixture(&page, QString::fromStdString(kTree), &page);
    fixture.setConfirmer([&](const QString&) { return true; });
    QSignalSpy fixtureRequests(&fixture, &ProcessActionsController::actionRequested);
    fixture.requestSignal(SIGKILL);
    QCOMPARE(fixtureRequests.count(), 0);
}

namespace {

// A leader whose samples the test publishes by hand (emit sampled()).
class ProcessTick final : public Sampler
{
protected:
    void sample() override { }
};

} // namespace

void TestDetailsModels::samplerThreadCpuAndReuse()
{
    registerSnapshotMetaTypes();
    ProcessTick tick; // stands for the process sampler it follows in main.cpp
    DetailsSampler sampler(kTree);
    sampler.follow(&tick);
    sampler.start();
    QSignalSpy ready(&sampler, &DetailsSampler::detailsReady);
    sampler.setProcess(4242, 200000);
    QCOMPARE(ready.count(), 1);
    auto first = ready.takeFirst().at(0).value<ProcessDetailsPtr>();
    QVERIFY(!first->reused);
    QCOMPARE(int(first->threadCpuPercent.size()), 2);
    QVERIFY(std::isnan(first->threadCpuPercent[0])); // one read: not measured yet
    QTest::qWait(20);
    emit tick.sampled();
    auto second = ready.takeFirst().at(0).value<ProcessDetailsPtr>();
    QCOMPARE(second->threadCpuPercent[0], 0.0); // the fixture's ticks do not move
    // Hidden panel: no reads.
    sampler.setActive(false);
    emit tick.sampled();
    QCOMPARE(ready.count(), 0);
    sampler.setActive(true);
    QCOMPARE(ready.count(), 1);
    ready.clear();
    // The pid with another start time is someone else: reported as reused (shown as exited).
    sampler.setProcess(4242, 1);
    QCOMPARE(ready.count(), 1);
    QVERIFY(ready.first().at(0).value<ProcessDetailsPtr>()->reused);
    ready.clear();
    sampler.setProcess(4242, 1); // the same selection again: nothing to re-read
    QCOMPARE(ready.count(), 0);
    sampler.setProcess(0, 0);
    emit tick.sampled();
    QCOMPARE(ready.count(), 0);
}

QTEST_MAIN(TestDetailsModels)
#include "tst_details_models.moc"
