// SPDX-License-Identifier: GPL-3.0-or-later
// ProcessTreeModel (which sorts and filters itself) under QAbstractItemModelTester, fed scripted
// snapshots: a child that appears before its parent, a parent that exits (children reparented to
// init or a subreaper), pid reuse, a ppid cycle, in-place updates that keep the selection, 10,000
// processes followed by small changes; the filter agrees with the flat table's; and the page's
// flat/tree switch (the tree is not fed while hidden).

#include "ui/details/ProcessDetailsPanel.h"
#include "ui/processes/ProcessFilterProxy.h"
#include "ui/processes/ProcessTableModel.h"
#include "ui/processes/ProcessTablePage.h"
#include "ui/processes/ProcessTreeModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <map>
#include <random>
#include <set>

using namespace pg;

namespace {

struct P
{
    int pid;
    int ppid;
    std::uint64_t start = 100;
    double cpu = 0;
    const char* comm = nullptr;
    bool kernelThread = false;
    const char* user = nullptr;
};

ProcessSnapshotPtr snapshot(const std::vector<P>& list)
{
    static std::uint64_t sequence = 0;
    auto s = std::make_shared<ProcessSnapshot>();
    s->sequence = ++sequence;
    for (const P& p : list) {
        ProcessInfo info;
        info.key = { p.pid, p.start };
        info.ppid = p.ppid;
        info.state = 'S';
        info.cpuPercent = p.cpu;
        info.kernelThread = p.kernelThread;
        static std::map<std::string, std::shared_ptr<const std::string>> users;
        auto& user = users[p.user ? p.user : "alice"];
        if (!user)
            user = std::make_shared<const std::string>(p.user ? p.user : "alice");
        info.user = user;
        info.uidKnown = true;
        // The collector shares one ProcessNames per process across snapshots; so does this script.
        static std::map<std::string, std::shared_ptr<const ProcessNames>> shared;
        const std::string comm = p.comm ? p.comm : "proc" + std::to_string(p.pid);
        auto& names = shared[std::to_string(p.pid) + "/" + std::to_string(p.start) + "/" + comm];
        if (!names) {
            auto made = std::make_shared<ProcessNames>();
            made->comm = comm;
            if (!p.kernelThread)
                made->cmdline = comm;
            names = made;
        }
        info.names = names;
        s->processes.push_back(info);
    }
    std::sort(s->processes.begin(), s->processes.end(),
        [](const auto& a, const auto& b) { return a.key.pid < b.key.pid; });
    return s;
}

// "1(10(50),11)": pids, children in parentheses, siblings sorted by pid.
QString shape(const QAbstractItemModel& m, const QModelIndex& parent = {})
{
    QList<QPair<int, QString>> items;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        const int pid = i.data(ProcessTableModel::PidRole).toInt();
        const QString kids = shape(m, i);
        items.append({ pid,
            kids.isEmpty() ? QString::number(pid) : QStringLiteral("%1(%2)").arg(pid).arg(kids) });
    }
    std::sort(
        items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QStringList out;
    for (const auto& it : items)
        out << it.second;
    return out.join(',');
}

} // namespace

class TestProcessTreeModel final : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void childAppearsBeforeParent();
    void parentExitsChildrenReparented();
    void parentExitsChildrenGoToSubreaper();
    void pidReuseIsRemovalPlusInsertion();
    void cellsUpdateInPlace();
    void ppidCycleDoesNotHang();
    void filterKeepsAncestors();
    void filterAgreesWithFlatTable_data();
    void filterAgreesWithFlatTable();
    void sortAgreesWithFlatTable();
    void tenThousandThenSmallChanges();
    void emptySnapshotEmptiesTree();
    void pageSwitchKeepsSelection();
    void pageDoesNotFeedHiddenTree();
    void pageFilterShowsMatchesInTree();
    void pageSaysWhenSelectedProcessExits();

private:
    void apply(const ProcessSnapshotPtr& s)
    {
        m_flat->applySnapshot(s);
        m_tree->applySnapshot(s);
    }

    ProcessTableModel* m_flat = nullptr;
    ProcessTreeModel* m_tree = nullptr;
    QAbstractItemModelTester* m_treeTester = nullptr;
};

void TestProcessTreeModel::init()
{
    m_flat = new ProcessTableModel(this);
    m_tree = new ProcessTreeModel(m_flat, this);
    m_tree->sort(ProcessTableModel::Cpu, Qt::DescendingOrder);
    m_treeTester = new QAbstractItemModelTester(
        m_tree, QAbstractItemModelTester::FailureReportingMode::Fatal, this);
}

void TestProcessTreeModel::cleanup()
{
    delete m_treeTester;
    delete m_tree;
    delete m_flat;
}

void TestProcessTreeModel::childAppearsBeforeParent()
{
    apply(snapshot({ { 1, 0 }, { 50, 10 } })); // 10 not listed yet (a /proc listing race)
    QCOMPARE(shape(*m_tree), QStringLiteral("1,50"));
    QPersistentModelIndex child = m_tree->indexOfPid(50);
    apply(snapshot({ { 1, 0 }, { 10, 1 }, { 50, 10 } }));
    QCOMPARE(shape(*m_tree), QStringLiteral("1(10(50))"));
    QVERIFY(child.isValid()); // moved, not removed and re-added
    QCOMPARE(child.data(ProcessTableModel::PidRole).toInt(), 50);
    QCOMPARE(child.parent().data(ProcessTableModel::PidRole).toInt(), 10);
}

void TestProcessTreeModel::parentExitsChildrenReparented()
{
    apply(snapshot({ { 1, 0 }, { 10, 1 }, { 11, 10 }, { 12, 10 }, { 13, 11 } }));
    QCOMPARE(shape(*m_tree), QStringLiteral("1(10(11(13),12))"));
    QItemSelectionModel selection(m_tree);
    selection.select(
        m_tree->indexOfPid(11), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selection.setCurrentIndex(m_tree->indexOfPid(11), QItemSelectionModel::NoUpdate);
    QSignalSpy resets(m_tree, &QAbstractItemModel::modelReset);
    // 10 exits: the kernel reparents 11 and 12 to init (or a subreaper).
    apply(snapshot({ { 1, 0 }, { 11, 1 }, { 12, 1 }, { 13, 11 } }));
    QCOMPARE(shape(*m_tree), QStringLiteral("1(11(13),12)"));
    QCOMPARE(resets.count(), 0);
    const QModelIndexList rows = selection.selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().data(ProcessTableModel::PidRole).toInt(), 11);
    QCOMPARE(selection.currentIndex().data(ProcessTableModel::PidRole).toInt(), 11);
    // The subtree moved with 11.
    QCOMPARE(m_tree->index(0, 0, rows.first()).data(ProcessTableModel::PidRole).toInt(), 13);
}

void TestProcessTreeModel::pidReuseIsRemovalPlusInsertion()
{
    apply(snapshot({ { 1, 0 }, { 10, 1, 100 }, { 20, 10 } }));
    QPersistentModelIndex old = m_tree->indexOfPid(10);
    QPersistentModelIndex child = m_tree->indexOfPid(20);
    QItemSelectionModel selection(m_tree);
    selection.select(old, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy resets(m_tree, &QAbstractItemModel::modelReset);
    // 10 exited, 20 went to init, and a new process got pid 10.
    apply(snapshot({ { 1, 0 }, { 10, 1, 900 }, { 20, 1 } }));
    QCOMPARE(shape(*m_tree), QStringLiteral("1(10,20)"));
    QVERIFY(!old.isValid()); // the old process is gone; nothing points at the newcomer by mistake
    QVERIFY(!selection.hasSelection()); // the selection does not jump to the newcomer
    QVERIFY(child.isValid());
    QCOMPARE(m_tree->keyAt(child).pid, 20);
    QCOMPARE(child.parent().data(ProcessTableModel::PidRole).toInt(), 1);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(m_tree->keyAt(m_tree->indexOfPid(10)).startTimeTicks, 900u);
}

void TestProcessTreeModel::cellsUpdateInPlace()
{
    apply(snapshot({ { 1, 0, 100, 1.0 }, { 10, 1, 100, 2.0 } }));
    QSignalSpy changed(m_tree, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(m_tree, &QAbstractItemModel::modelReset);
    QSignalSpy layout(m_tree, &QAbstractItemModel::layoutChanged);
    apply(snapshot({ { 1, 0, 100, 1.0 }, { 10, 1, 100, 55.0 } }));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(layout.count(), 0);
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.first().at(0).value<QModelIndex>();
    QCOMPARE(topLeft.data(ProcessTableModel::PidRole).toInt(), 10);
    QCOMPARE(topLeft.column(), int(ProcessTableModel::Cpu));
    QCOMPARE(
        m_tree->indexOfPid(10, ProcessTableModel::Cpu).data().toString(), QStringLiteral("55.0"));
}

void TestProcessTreeModel::ppidCycleDoesNotHang()
{
    apply(snapshot({ { 1, 0 }, { 5, 6 }, { 6, 5 }, { 7, 5 } }));
    QCOMPARE(shape(*m_tree), QStringLiteral("1,5(7),6"));
    apply(snapshot({ { 1, 0 }, { 5, 1 }, { 6, 5 }, { 7, 6 } }));
    QCOMPARE(shape(*m_tree), QStringLiteral("1(5(6(7)))"));
    // Flip: the old child becomes the parent of its old parent.
    apply(snapshot({ { 1, 0 }, { 5, 6 }, { 6, 1 }, { 7, 6 } }));
    QCOMPARE(shape(*m_tree), QStringLiteral("1(6(5,7))"));
}

void TestProcessTreeModel::filterKeepsAncestors()
{
    apply(snapshot({ { 1, 0, 100, 0, "init" }, { 10, 1, 100, 0, "sshd" },
        { 11, 10, 100, 0, "bash" }, { 12, 11, 100, 0, "needle" }, { 20, 1, 100, 0, "cron" } }));
    m_tree->setFilterText(QStringLiteral("needle"));
    QCOMPARE(shape(*m_tree), QStringLiteral("1(10(11(12)))"));
    // A new match elsewhere brings its own ancestors; one that stops matching takes them away.
    apply(snapshot({ { 1, 0, 100, 0, "init" }, { 10, 1, 100, 0, "sshd" },
        { 11, 10, 100, 0, "bash" }, { 12, 11, 100, 0, "needle" }, { 20, 1, 100, 0, "cron" },
        { 21, 20, 100, 0, "needle2" } }));
    QCOMPARE(shape(*m_tree), QStringLiteral("1(10(11(12)),20(21))"));
    apply(snapshot({ { 1, 0, 100, 0, "init" }, { 10, 1, 100, 0, "sshd" },
        { 11, 10, 100, 0, "bash" }, { 12, 11, 100, 0, "thread" }, { 20, 1, 100, 0, "cron" },
        { 21, 20, 100, 0, "needle2" } }));
    QCOMPARE(shape(*m_tree), QStringLiteral("1(20(21))"));
    m_tree->setFilterText(QString());
    QCOMPARE(shape(*m_tree), QStringLiteral("1(10(11(12)),20(21))"));
}

void TestProcessTreeModel::parentExitsChildrenGoToSubreaper()
{
    // 5 is a subreaper (systemd --user, a container's init): orphans below it go to 5, not to 1.
    apply(snapshot({ { 1, 0 }, { 5, 1 }, { 10, 5 }, { 11, 10 }, { 12, 11 }, { 13, 10 } }));
    QCOMPARE(shape(*m_tree), QStringLiteral("1(5(10(11(12),13)))"));
    QPersistentModelIndex grandchild = m_tree->indexOfPid(12, ProcessTableModel::Cpu);
    QPersistentModelIndex orphan = m_tree->indexOfPid(11);
    apply(snapshot({ { 1, 0 }, { 5, 1 }, { 11, 5 }, { 12, 11 }, { 13, 5 } }));
    QCOMPARE(shape(*m_tree), QStringLiteral("1(5(11(12),13))"));
    QVERIFY(orphan.isValid());
    QCOMPARE(orphan.parent().data(ProcessTableModel::PidRole).toInt(), 5);
    QVERIFY(grandchild.isValid()); // a cell index keeps its column too
    QCOMPARE(grandchild.column(), int(ProcessTableModel::Cpu));
    QCOMPARE(grandchild.parent().data(ProcessTableModel::PidRole).toInt(), 11);
    // The subreaper exits as well: everything left goes to init.
    apply(snapshot({ { 1, 0 }, { 11, 1 }, { 12, 11 }, { 13, 1 } }));
    QCOMPARE(shape(*m_tree), QStringLiteral("1(11(12),13)"));
    QCOMPARE(orphan.parent().data(ProcessTableModel::PidRole).toInt(), 1);
}

namespace {

const std::vector<P>& filterFixture()
{
    static const std::vector<P> list {
        { 1, 0, 100, 0, "/sbin/init", false, "root" },
        { 2, 0, 100, 0, "kthreadd", true, "root" },
        { 3, 2, 100, 0, "kworker/0:1-events", true, "root" },
        { 4, 2, 100, 0, "ksoftirqd/0", true, "root" },
        { 100, 1, 100, 0, "sshd", false, "root" },
        { 101, 100, 100, 0, "bash", false, "alice" },
        { 300, 101, 100, 0, "python3 server.py --port 8080", false, "www-data" },
        { 301, 101, 100, 0, "vim notes.md", false, "alice" },
        { 302, 1, 100, 0, "BashBot --daemon", false, "bob" },
        { 303, 302, 100, 0, "sleep 30", false, "bob" },
    };
    return list;
}

QList<int> shownPids(const QAbstractItemModel& m, const QModelIndex& parent = {})
{
    QList<int> pids;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        pids << i.data(ProcessTableModel::PidRole).toInt() << shownPids(m, i);
    }
    return pids;
}

} // namespace

void TestProcessTreeModel::filterAgreesWithFlatTable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("hideKernelThreads");
    QTest::addColumn<int>("matches"); // rows in the flat table
    QTest::newRow("everything") << QString() << false << 10;
    QTest::newRow("name, any case") << QStringLiteral("BASH") << false << 2;
    QTest::newRow("command line") << QStringLiteral("--port") << false << 1;
    QTest::newRow("user") << QStringLiteral("www") << false << 1;
    QTest::newRow("pid") << QStringLiteral("303") << false << 1;
    QTest::newRow("digits also match text") << QStringLiteral("30") << false << 1;
    QTest::newRow("no match") << QStringLiteral("zzz") << false << 0;
    QTest::newRow("kernel threads hidden") << QString() << true << 7;
    QTest::newRow("kernel threads hidden, filtered") << QStringLiteral("bo") << true << 2;
    QTest::newRow("kernel threads shown, filtered") << QStringLiteral("k") << false << 3;
}

void TestProcessTreeModel::filterAgreesWithFlatTable()
{
    QFETCH(QString, text);
    QFETCH(bool, hideKernelThreads);
    QFETCH(int, matches);
    apply(snapshot(filterFixture()));
    ProcessFilterProxy flatProxy;
    flatProxy.setSourceModel(m_flat);
    flatProxy.setFilterText(text);
    flatProxy.setHideKernelThreads(hideKernelThreads);
    m_tree->setFilterText(text);
    m_tree->setHideKernelThreads(hideKernelThreads);
    QCOMPARE(flatProxy.rowCount(), matches);
    // The tree shows exactly the flat table's matches and their ancestors.
    std::map<int, int> ppid;
    for (const P& p : filterFixture())
        ppid[p.pid] = p.ppid;
    std::set<int> expected;
    for (int r = 0; r < flatProxy.rowCount(); ++r) {
        for (int pid = flatProxy.index(r, 0).data(ProcessTableModel::PidRole).toInt();
             ppid.count(pid); pid = ppid[pid])
            expected.insert(pid);
    }
    QList<int> shown = shownPids(*m_tree);
    std::sort(shown.begin(), shown.end());
    QCOMPARE(shown, QList<int>(expected.begin(), expected.end()));
    // And the filter survives a refresh.
    apply(snapshot(filterFixture()));
    QCOMPARE(shownPids(*m_tree).size(), shown.size());
}

void TestProcessTreeModel::sortAgreesWithFlatTable()
{
    std::vector<P> list { { 1, 0, 100, 0, "init" } };
    const char* names[] = { "beta", "Alpha", "alpha", "gamma", "Beta" };
    for (int pid = 10; pid < 30; ++pid)
        list.push_back({ pid, 1, 100, (pid % 4) * 1.5, names[pid % 5] });
    apply(snapshot(list));
    ProcessFilterProxy flatProxy;
    flatProxy.setSourceModel(m_flat);
    const QModelIndex init = m_tree->indexOfPid(1);
    for (int column : { int(ProcessTableModel::Cpu), int(ProcessTableModel::Command),
             int(ProcessTableModel::Pid), int(ProcessTableModel::State) }) {
        for (Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
            flatProxy.sort(column, order);
            m_tree->sort(column, order);
            QList<int> flatOrder;
            for (int r = 0; r < flatProxy.rowCount(); ++r) {
                const int pid = flatProxy.index(r, 0).data(ProcessTableModel::PidRole).toInt();
                if (pid != 1)
                    flatOrder << pid;
            }
            QList<int> treeOrder;
            for (int r = 0; r < m_tree->rowCount(init); ++r)
                treeOrder << m_tree->index(r, 0, init).data(ProcessTableModel::PidRole).toInt();
            QCOMPARE(treeOrder, flatOrder);
        }
    }
}

void TestProcessTreeModel::tenThousandThenSmallChanges()
{
    std::mt19937 rng(7);
    std::vector<P> procs { { 1, 0 } };
    for (int pid = 2; pid <= 10000; ++pid)
        procs.push_back(
            { pid, procs[rng() % procs.size()].pid, 100, static_cast<double>(rng() % 50) / 10.0 });
    apply(snapshot(procs));
    QSignalSpy resets(m_tree, &QAbstractItemModel::modelReset);
    // The user's selection and some expanded rows: persistent indexes that must follow.
    QList<QPair<QPersistentModelIndex, int>> kept;
    for (int pid : { 2, 77, 500, 4242, 9999 })
        kept.append({ QPersistentModelIndex(m_tree->indexOfPid(pid)), pid });
    int nextPid = 10001;
    for (int step = 0; step < 4; ++step) {
        for (int k = 0; k < 50; ++k)
            procs[1 + rng() % (procs.size() - 1)].cpu = static_cast<double>(rng() % 50) / 10.0;
        for (int k = 0; k < 20; ++k) { // exits: the children go to init
            const std::size_t victim = 1 + rng() % (procs.size() - 1);
            const int pid = procs[victim].pid;
            procs.erase(procs.begin() + static_cast<long>(victim));
            for (P& p : procs)
                p.ppid = p.ppid == pid ? 1 : p.ppid;
        }
        for (int k = 0; k < 20; ++k)
            procs.push_back({ nextPid++, procs[rng() % procs.size()].pid, 100, 1.0 });
        apply(snapshot(procs));

        std::map<int, const P*> byPid;
        for (const P& p : procs)
            byPid[p.pid] = &p;
        int wrongParent = 0;
        int misordered = 0;
        for (const P& p : procs) {
            const QModelIndex i = m_tree->indexOfPid(p.pid);
            QVERIFY2(i.isValid(), qPrintable(QString::number(p.pid)));
            const int parent = i.parent().data(ProcessTableModel::PidRole).toInt();
            wrongParent += parent != (byPid.count(p.ppid) ? p.ppid : 0);
            // Siblings by CPU % descending; equal CPU %: the higher pid first.
            const QModelIndex next = i.sibling(i.row() + 1, 0);
            if (next.isValid()) {
                const P& q = *byPid.at(next.data(ProcessTableModel::PidRole).toInt());
                misordered += p.cpu < q.cpu || (p.cpu == q.cpu && p.pid < q.pid);
            }
        }
        QCOMPARE(wrongParent, 0);
        QCOMPARE(misordered, 0);
        for (const auto& [index, pid] : kept) {
            if (byPid.count(pid))
                QCOMPARE(m_tree->keyAt(index).pid, pid);
            else
                QVERIFY(!index.isValid());
        }
    }
    QCOMPARE(resets.count(), 0);
}

void TestProcessTreeModel::pageDoesNotFeedHiddenTree()
{
    ProcessTablePage page;
    ProcessTreeModel* tree = page.treeModel();
    QSignalSpy layouts(tree, &QAbstractItemModel::layoutChanged);
    QSignalSpy changes(tree, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(tree, &QAbstractItemModel::modelReset);
    page.applySnapshot(snapshot({ { 1, 0 }, { 10, 1 }, { 11, 10 } }));
    page.applySnapshot(snapshot({ { 1, 0 }, { 10, 1, 100, 5.0 }, { 12, 10 } }));
    QVERIFY(!page.treeMode());
    QCOMPARE(tree->processCount(), std::size_t(0));
    QCOMPARE(tree->rowCount(), 0);
    QCOMPARE(layouts.count() + changes.count() + resets.count(), 0);
    // Switching builds it from the latest snapshot at once, expanded.
    page.setTreeMode(true);
    QCOMPARE(shape(*tree), QStringLiteral("1(10(12))"));
    QVERIFY(page.treeView()->isExpanded(tree->indexOfPid(10)));
    QCOMPARE(tree->indexOfPid(10, ProcessTableModel::Cpu).data().toString(), QStringLiteral("5.0"));
    // Fed while shown; a new child's parent is expanded so that the child shows.
    page.treeView()->collapse(tree->indexOfPid(12));
    page.applySnapshot(snapshot({ { 1, 0 }, { 10, 1 }, { 12, 10 }, { 13, 12 } }));
    QCOMPARE(shape(*tree), QStringLiteral("1(10(12(13)))"));
    QVERIFY(page.treeView()->isExpanded(tree->indexOfPid(12)));
    // Switching back empties it.
    page.setTreeMode(false);
    QCOMPARE(tree->processCount(), std::size_t(0));
    QCOMPARE(tree->rowCount(), 0);
}

void TestProcessTreeModel::emptySnapshotEmptiesTree()
{
    apply(snapshot({ { 1, 0 }, { 10, 1 }, { 11, 10 } }));
    apply(snapshot({}));
    QCOMPARE(m_tree->rowCount(), 0);
    apply(snapshot({ { 1, 0 }, { 10, 1 } }));
    QCOMPARE(shape(*m_tree), QStringLiteral("1(10)"));
}

void TestProcessTreeModel::pageSwitchKeepsSelection()
{
    ProcessTablePage page;
    page.applySnapshot(snapshot({ { 1, 0 }, { 10, 1 }, { 11, 10 }, { 12, 10 }, { 30, 1 } }));
    QVERIFY(page.selectPid(11));
    QCOMPARE(page.currentProcess()->pid, 11);
    page.setTreeMode(true);
    QVERIFY(page.treeMode());
    QCOMPARE(page.currentProcess()->pid, 11);
    QCOMPARE(page.selectedProcesses().size(), 1);
    // Processes come and go while the tree is shown: 10 exits, 11 is reparented, 40 appears.
    page.applySnapshot(snapshot({ { 1, 0 }, { 11, 1 }, { 12, 1 }, { 30, 1 }, { 40, 30 } }));
    QCOMPARE(page.currentProcess()->pid, 11);
    QVERIFY(page.selectPid(40));
    page.setTreeMode(false);
    QVERIFY(!page.treeMode());
    QCOMPARE(page.currentProcess()->pid, 40);
    QCOMPARE(page.selectedProcesses().size(), 1);
    QCOMPARE(page.selectedProcesses().first().pid, 40);
}

void TestProcessTreeModel::pageFilterShowsMatchesInTree()
{
    ProcessTablePage page;
    page.setTreeMode(true);
    page.applySnapshot(snapshot({ { 1, 0, 100, 0, "init" }, { 10, 1, 100, 0, "sshd" },
        { 11, 10, 100, 0, "bash" }, { 12, 11, 100, 0, "needle" }, { 20, 1, 100, 0, "cron" },
        { 21, 20, 100, 0, "cronjob" }, { 30, 1, 100, 0, "agent" }, { 31, 30, 100, 0, "worker" } }));
    ProcessTreeModel* tree = page.treeModel();
    QTreeView* view = page.treeView();
    page.filterEdit()->setText(QStringLiteral("needle"));
    QCOMPARE(shape(*tree), QStringLiteral("1(10(11(12)))"));
    // The match is reachable: its ancestors are expanded.
    for (int pid : { 1, 10, 11 })
        QVERIFY2(view->isExpanded(tree->indexOfPid(pid)), qPrintable(QString::number(pid)));
    page.filterEdit()->setText(QStringLiteral("r"));
    QCOMPARE(shape(*tree), QStringLiteral("1(20(21),30(31))"));
    QVERIFY(view->isExpanded(tree->indexOfPid(20))); // came back with its child: expanded
    view->collapse(tree->indexOfPid(30)); // the user's choice, on a row the next filters keep
    page.filterEdit()->setText(QStringLiteral("er"));
    QCOMPARE(shape(*tree), QStringLiteral("1(30(31))"));
    QVERIFY(!view->isExpanded(tree->indexOfPid(30)));
    page.filterEdit()->clear();
    QCOMPARE(shape(*tree), QStringLiteral("1(10(11(12)),20(21),30(31))"));
    QVERIFY(view->isExpanded(tree->indexOfPid(11)));
    QVERIFY(!view->isExpanded(tree->indexOfPid(30)));
}

void TestProcessTreeModel::pageSaysWhenSelectedProcessExits()
{
    ProcessTablePage page;
    page.applySnapshot(snapshot({ { 1, 0 }, { 10, 1 } }));
    QVERIFY(page.selectPid(10));
    QCOMPARE(page.detailsPanel()->process()->pid, 10);
    page.applySnapshot(snapshot({ { 1, 0 } }));
    QVERIFY(!page.currentProcess());
    QVERIFY2(page.detailsPanel()->title().contains(QStringLiteral("Process 10 has exited")),
        qPrintable(page.detailsPanel()->title()));
    // The parent link finds a parent the filter hides, by clearing the filter.
    page.applySnapshot(snapshot({ { 1, 0, 100, 0, "init" }, { 20, 1, 100, 0, "child" } }));
    page.filterEdit()->setText(QStringLiteral("child"));
    QVERIFY(page.selectPid(20));
    emit page.detailsPanel()->parentRequested(1);
    QCOMPARE(page.currentProcess()->pid, 1);
    QVERIFY(page.filterEdit()->text().isEmpty());
}

QTEST_MAIN(TestProcessTreeModel)
#include "tst_process_tree_model.moc"
