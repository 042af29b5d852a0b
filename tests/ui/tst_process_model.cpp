// SPDX-License-Identifier: GPL-3.0-or-later
// The process table model and its proxy under QAbstractItemModelTester, fed scripted snapshots:
// processes appear, vanish, change and re-use pids, and persistent indexes (the user's selection)
// stay on the same process throughout.

#include "core/process/PidCmdline.h"
#include "ui/common/Format.h"
#include "ui/processes/ProcessFilterProxy.h"
#include "ui/processes/ProcessTableModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace pg;

namespace {

ProcessInfo proc(int pid, std::uint64_t start, const std::string& cmd, double cpu,
    std::uint64_t res = 100, bool kthread = false, const std::string& user = "alice")
{
    ProcessInfo p;
    p.key = { pid, start };
    p.ppid = 1;
    p.state = 'S';
    p.kernelThread = kthread;
    p.uidKnown = true;
    p.uid = 1000;
    static std::map<std::string, std::shared_ptr<const std::string>> users;
    auto& u = users[user];
    if (!u)
        u = std::make_shared<const std::string>(user);
    p.user = u;
    auto names = std::make_shared<ProcessNames>();
    names->comm = cmd.substr(0, cmd.find(' '));
    if (!kthread) {
        names->cmdline = cmd;
    }
    p.names = names;
    p.cpuPercent = cpu;
    p.resKib = res;
    p.virtKib = res * 4;
    p.shrKib = res / 2;
    p.threads = 1;
    return p;
}

ProcessSnapshotPtr snap(std::vector<ProcessInfo> processes)
{
    auto s = std::make_shared<ProcessSnapshot>();
    static std::uint64_t seq = 0;
    s->sequence = ++seq;
    s->processes = std::move(processes);
    return s;
}

// Carries the names over from an earlier snapshot, as the collector does for unchanged processes.
ProcessInfo same(const ProcessInfo& before, double cpu)
{
    ProcessInfo p = before;
    p.cpuPercent = cpu;
    return p;
}

} // namespace

class TestProcessModel : public QObject
{
    Q_OBJECT
private slots:
    void scriptedSnapshotsUnderTester();
    void selectionFollowsProcessWhileSorted();
    void pidReuseIsRemovalPlusInsertion();
    void scatteredExitsAreOneLayoutChange();
    void changedCellsOnly();
    void filterAndKernelThreads();
    void unknownValuesShowDash();
    void hostileNamesOneLine();
    void oneProgramsRowsShareStrings();
    void startedTextFollowsTheDate();
};

void TestProcessModel::scriptedSnapshotsUnderTester()
{
    ProcessTableModel model;
    ProcessFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(ProcessTableModel::Cpu, Qt::DescendingOrder);
    QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

    auto a = proc(1, 1, "init", 0.0);
    auto b = proc(2, 1, "[kthreadd]", 0.0, 0, true);
    auto c = proc(100, 50, "bash", 1.0);
    auto d = proc(101, 60, "vim notes.md", 5.0);
    auto e = proc(102, 70, "make -j2", 90.0);
    model.applySnapshot(snap({ a, b, c, d, e }));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(proxy.index(0, ProcessTableModel::Pid).data().toInt(), 102); // busiest first
    // Remove from the middle and the end, add two, change one.
    model.applySnapshot(
        snap({ a, b, same(d, 50.0), proc(200, 90, "cc1plus", 99.0), proc(201, 91, "ld", 10.0) }));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(proxy.index(0, ProcessTableModel::Pid).data().toInt(), 200);
    QCOMPARE(proxy.index(1, ProcessTableModel::Pid).data().toInt(), 101);
    // Everything goes, then comes back.
    model.applySnapshot(snap({}));
    QCOMPARE(model.rowCount(), 0);
    model.applySnapshot(snap({ a, c }));
    QCOMPARE(model.rowCount(), 2);
}

void TestProcessModel::selectionFollowsProcessWhileSorted()
{
    ProcessTableModel model;
    ProcessFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(ProcessTableModel::Cpu, Qt::DescendingOrder);
    QItemSelectionModel selection(&proxy);

    std::vector<ProcessInfo> procs;
    for (int pid = 10; pid < 60; ++pid)
        procs.push_back(proc(pid, 1, "worker " + std::to_string(pid), pid * 0.5));
    model.applySnapshot(snap(procs));
    // Select pid 30.
    QModelIndex target;
    for (int r = 0; r < proxy.rowCount(); ++r)
        if (proxy.index(r, 0).data().toInt() == 30)
            target = proxy.index(r, 0);
    QVERIFY(target.isValid());
    selection.setCurrentIndex(
        target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QPersistentModelIndex held(target);

    // Ten refreshes in which CPU % reshuffles the order and other processes come and go.
    for (int tick = 0; tick < 10; ++tick) {
        std::vector<ProcessInfo> next;
        for (const auto& p : procs) {
            if ((p.key.pid + tick) % 7 == 0 && p.key.pid != 30)
                continue; // some vanish this tick
            next.push_back(same(p, std::fmod(p.cpuPercent * 7.3 + tick * 13.0, 100.0)));
        }
        next.push_back(proc(1000 + tick, 5, "transient", 50.0));
        model.applySnapshot(snap(next));
        QVERIFY(held.isValid());
        QCOMPARE(held.data().toInt(), 30);
        QCOMPARE(selection.currentIndex().data().toInt(), 30);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data().toInt(), 30);
    }
}

void TestProcessModel::pidReuseIsRemovalPlusInsertion()
{
    ProcessTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applySnapshot(snap({ proc(42, 100, "old", 1.0) }));
    const QPersistentModelIndex old(model.index(0, 0));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.applySnapshot(snap({ proc(42, 900, "new", 2.0) }));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QVERIFY(!old.isValid()); // a selection on the old process does not jump to the new one
    QCOMPARE(model.index(0, ProcessTableModel::Command).data().toString(), QStringLiteral("new"));
}

// 100 exits and 40 new processes scattered through 2,000 (a build tree finishing): one layout
// change rather than 140 row signals, with the selection on its processes and the rows in pid
// order matching the snapshot.
void TestProcessModel::scatteredExitsAreOneLayoutChange()
{
    ProcessTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ProcessFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(ProcessTableModel::Cpu, Qt::DescendingOrder);
    QItemSelectionModel selection(&proxy);
    std::vector<ProcessInfo> procs;
    for (int pid = 100; pid < 2100; ++pid)
        procs.push_back(proc(pid * 2, 1, "job " + std::to_string(pid), (pid % 97) * 1.0));
    model.applySnapshot(snap(procs));
    auto proxyIndexOfPid = [&](int pid) {
        for (int r = 0; r < proxy.rowCount(); ++r)
            if (proxy.index(r, ProcessTableModel::Pid).data().toInt() == pid)
                return proxy.index(r, 0);
        return QModelIndex();
    };
    const QPersistentModelIndex kept(proxyIndexOfPid(1000)); // survives
    const QPersistentModelIndex gone(proxyIndexOfPid(1020)); // exits
    selection.select(kept, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection.select(gone, QItemSelectionModel::Select | QItemSelectionModel::Rows);

    std::vector<ProcessInfo> next;
    for (const ProcessInfo& p : procs) {
        const int pid = p.key.pid;
        if (pid == 1020 || (pid % 40 == 2 && pid != 1000))
            continue; // 100 exits, every 20th process
        next.push_back(same(p, p.cpuPercent));
        if (pid % 100 == 0)
            next.push_back(proc(pid + 1, 7, "new " + std::to_string(pid + 1), 3.0)); // odd pids
    }
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    model.applySnapshot(snap(next));
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(layout.count(), 1);
    QCOMPARE(model.rowCount(), static_cast<int>(next.size()));
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY(model.row(r).info->key == next[static_cast<std::size_t>(r)].key);
    QCOMPARE(proxy.rowCount(), model.rowCount());
    QVERIFY(kept.isValid());
    QCOMPARE(kept.sibling(kept.row(), ProcessTableModel::Pid).data().toInt(), 1000);
    QVERIFY(!gone.isValid());
    const QModelIndexList rows = selection.selectedRows(ProcessTableModel::Pid);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().data().toInt(), 1000);
    QVERIFY(proxyIndexOfPid(1001).isValid()); // a new process shows up

    // A small change afterwards is still row signals.
    next.erase(next.begin() + 5);
    model.applySnapshot(snap(next));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(layout.count(), 1);
}

void TestProcessModel::changedCellsOnly()
{
    ProcessTableModel model;
    auto a = proc(1, 1, "a", 1.0);
    auto b = proc(2, 1, "b", 1.0);
    auto c = proc(3, 1, "c", 1.0);
    model.applySnapshot(snap({ a, b, c }));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.applySnapshot(snap({ a, b, c })); // nothing changed: no signal at all
    QCOMPARE(changed.count(), 0);
    model.applySnapshot(snap({ same(a, 2.0), b, same(c, 3.0) }));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 2); // rows 0 and 2 are not contiguous: two ranges
    for (const auto& args : changed) {
        const QModelIndex tl = args.at(0).value<QModelIndex>();
        const QModelIndex br = args.at(1).value<QModelIndex>();
        QCOMPARE(tl.column(), int(ProcessTableModel::Cpu));
        QCOMPARE(br.column(), int(ProcessTableModel::Cpu));
    }
    changed.clear();
    model.applySnapshot(snap({ same(a, 4.0), same(b, 4.0), same(c, 3.0) }));
    QCOMPARE(changed.count(), 1); // rows 0 and 1: one contiguous range
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 1);
}

void TestProcessModel::filterAndKernelThreads()
{
    ProcessTableModel model;
    ProcessFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applySnapshot(
        snap({ proc(1, 1, "/sbin/init", 0), proc(2, 1, "kthreadd", 0, 0, true, "root"),
            proc(300, 1, "python3 server.py --port 8080", 0, 100, false, "www-data"),
            proc(301, 1, "bash", 0) }));
    QCOMPARE(proxy.rowCount(), 4);
    proxy.setFilterText(QStringLiteral("SERVER")); // case-insensitive, matches the command line
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("www")); // the user
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("301")); // the pid
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toInt(), 301);
    proxy.setFilterText(QString());
    proxy.setHideKernelThreads(true);
    QCOMPARE(proxy.rowCount(), 3);
    // New rows respect the filter too.
    model.applySnapshot(snap({ proc(1, 1, "/sbin/init", 0),
        proc(2, 1, "kthreadd", 0, 0, true, "root"), proc(3, 1, "kworker", 0, 0, true, "root") }));
    QCOMPARE(proxy.rowCount(), 1);
}

void TestProcessModel::unknownValuesShowDash()
{
    ProcessTableModel model;
    auto p = proc(5, 1, "x", std::nan(""));
    p.memError = Error::PermissionDenied;
    model.applySnapshot(snap({ p }));
    QCOMPARE(model.index(0, ProcessTableModel::Res).data().toString(), QStringLiteral("–"));
    QVERIFY(model.index(0, ProcessTableModel::Res)
                .data(Qt::ToolTipRole)
                .toString()
                .contains("permission denied"));
    QCOMPARE(model.index(0, ProcessTableModel::Cpu).data().toString(), QStringLiteral("–"));
    QVERIFY(model.index(0, ProcessTableModel::Cpu)
                .data(Qt::ToolTipRole)
                .toString()
                .contains("two samples"));
    // A real zero (kernel threads have no memory) is a number, not a dash.
    model.applySnapshot(snap({ proc(2, 1, "kthreadd", 0.0, 0, true) }));
    QCOMPARE(model.index(0, ProcessTableModel::Res).data().toString(), QStringLiteral("0 KiB"));
    QCOMPARE(
        model.index(0, ProcessTableModel::Command).data().toString(), QStringLiteral("[kthreadd]"));
}

void TestProcessModel::hostileNamesOneLine()
{
    ProcessTableModel model;
    auto p = proc(7, 1, "x", 0);
    auto names = std::make_shared<ProcessNames>();
    names->comm = "evil\nname";
    names->cmdline = std::string("run \x1b[31mred\x1b[0m \t tab \xe2\x80\xae"
                                 "txt.exe bad\xff byte");
    p.names = names;
    model.applySnapshot(snap({ p }));
    const QString shown = model.index(0, ProcessTableModel::Command).data().toString();
    QVERIFY(!shown.contains(QLatin1Char('\n')));
    QVERIFY(!shown.contains(QChar(0x1b)));
    QVERIFY(!shown.contains(QChar(0x202e)));
    QVERIFY(shown.contains(QStringLiteral("\\x1b[31m")));
    QVERIFY(shown.contains(QStringLiteral("\\t")));
    QVERIFY(shown.contains(QStringLiteral("\\u{202e}")));
    QVERIFY(shown.contains(QStringLiteral("bad\\xff byte")));

    // 100 KB of arguments, with newlines among them: still one line, every byte accounted for.
    auto big = std::make_shared<ProcessNames>();
    big->comm = "big";
    std::vector<std::string> argv;
    for (int i = 0; i < 11000; ++i)
        argv.push_back("arg\n" + std::to_string(i % 10) + "xxxx");
    big->cmdline = joinCmdline(argv);
    QVERIFY(big->cmdline.size() > 100000);
    p.names = big;
    model.applySnapshot(snap({ p }));
    const QString longShown = model.index(0, ProcessTableModel::Command).data().toString();
    QVERIFY(!longShown.contains(QLatin1Char('\n')));
    QCOMPARE(longShown.count(QStringLiteral("\\n")), 11000);
    QVERIFY(!model.index(0, ProcessTableModel::Command)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .contains(QLatin1Char('\n') + QStringLiteral("arg")));
}

void TestProcessModel::oneProgramsRowsShareStrings()
{
    // Processes with the same names (the collector's ProcessNamesPool) share one copy of the
    // display strings; each row still shows what it should, and strings no row uses are freed.
    ProcessTableModel model;
    auto a = proc(10, 1, "worker --pool www", 0);
    auto b = proc(11, 1, "other", 0);
    b.names = a.names;
    auto c = proc(12, 1, "worker --pool api", 0);
    model.applySnapshot(snap({ a, b, c }));
    const QString shown = QStringLiteral("worker --pool www");
    QCOMPARE(model.index(0, ProcessTableModel::Command).data().toString(), shown);
    QCOMPARE(model.index(1, ProcessTableModel::Command).data().toString(), shown);
    QCOMPARE(model.row(0).command().constData(), model.row(1).command().constData());
    QCOMPARE(model.row(0).user().constData(), model.row(2).user().constData()); // one "alice"
    QCOMPARE(model.index(2, ProcessTableModel::Command).data().toString(),
        QStringLiteral("worker --pool api"));
    QCOMPARE(model.stringEntries(), std::size_t(2 + 1)); // two names, one user

    // One of them becomes a zombie: it alone shows "[comm]", from the same shared names.
    auto bz = same(b, 0);
    bz.state = 'Z';
    model.applySnapshot(snap({ same(a, 0), bz, same(c, 0) }));
    QCOMPARE(
        model.index(1, ProcessTableModel::Command).data().toString(), QStringLiteral("[worker]"));
    QCOMPARE(model.index(0, ProcessTableModel::Command).data().toString(), shown);
    // A kernel thread with the same names is bracketed too.
    auto ak = same(a, 0);
    ak.kernelThread = true;
    model.applySnapshot(snap({ ak, bz, same(c, 0) }));
    QCOMPARE(
        model.index(0, ProcessTableModel::Command).data().toString(), QStringLiteral("[worker]"));
    QCOMPARE(model.index(2, ProcessTableModel::Command).data().toString(),
        QStringLiteral("worker --pool api"));

    // Both exit: their strings go; the remaining row's stay, and new names get new strings.
    model.applySnapshot(snap({ same(c, 0) }));
    QCOMPARE(model.stringEntries(), std::size_t(1 + 1));
    auto d = proc(13, 1, "fresh --start", 0);
    model.applySnapshot(snap({ same(c, 0), d }));
    QCOMPARE(model.index(1, ProcessTableModel::Command).data().toString(),
        QStringLiteral("fresh --start"));
    QCOMPARE(model.stringEntries(), std::size_t(2 + 1));
    // Names replaced in place (an exec): the old strings are freed with the change.
    auto dExec = same(d, 0);
    dExec.names = proc(13, 1, "exec --ed", 0).names;
    model.applySnapshot(snap({ same(c, 0), dExec }));
    QCOMPARE(
        model.index(1, ProcessTableModel::Command).data().toString(), QStringLiteral("exec --ed"));
    QCOMPARE(model.stringEntries(), std::size_t(2 + 1));
}

void TestProcessModel::startedTextFollowsTheDate()
{
    // The Started text is kept per start minute for one local date of the snapshots: the same
    // text as fmt::startTime, and a new one once the snapshots' date moves on ("10:00" today,
    // "Jun 10" from the next day on).
    const qint64 started = QDateTime(QDate(2026, 6, 10), QTime(10, 0, 30)).toMSecsSinceEpoch();
    const qint64 noon = QDateTime(QDate(2026, 6, 10), QTime(12, 0)).toMSecsSinceEpoch();
    const qint64 nextDay = QDateTime(QDate(2026, 6, 11), QTime(9, 0)).toMSecsSinceEpoch();
    ProcessTableModel model;
    auto p = proc(7, 1, "job", 0);
    p.startTimeUnixMs = started;
    auto at = [&](qint64 now) {
        auto s = std::const_pointer_cast<ProcessSnapshot>(snap({ p }));
        s->takenAtUnixMs = now;
        model.applySnapshot(s);
        return model.index(0, ProcessTableModel::Started).data().toString();
    };
    QCOMPARE(at(noon), fmt::startTime(started, noon));
    QCOMPARE(at(noon + 60000), fmt::startTime(started, noon)); // same date: the kept text
    QCOMPARE(at(nextDay), fmt::startTime(started, nextDay));
    QVERIFY(fmt::startTime(started, noon) != fmt::startTime(started, nextDay));
}

QTEST_MAIN(TestProcessModel)
#include "tst_process_model.moc"
