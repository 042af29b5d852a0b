// ProcessTreeModel (and its proxy) under QAbstractItemModelTester, fed scripted snapshots: a child
// that appears before its parent, a parent that exits (children reparented), pid reuse, a ppid
// cycle, in-place updates that keep the selection; and the page's flat/tree switch.

#include "ProcessDetailsPanel.h"
#include "ProcessTableModel.h"
#include "ProcessTablePage.h"
#include "ProcessTreeModel.h"
#include "ProcessTreeProxy.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <map>

using namespace pg;

namespace {

struct P
{
    int pid;
    int ppid;
    std::uint64_t start = 100;
    double cpu = 0;
    const char* comm = nullptr;
};

ProcessSnapshotPtr snapshot(std::initializer_list<P> list)
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
        // The collector shares one ProcessNames per process across snapshots; so does this script.
        static std::map<std::string, std::shared_ptr<const ProcessNames>> shared;
        const std::string comm = p.comm ? p.comm : "proc" + std::to_string(p.pid);
        auto& names = shared[std::to_string(p.pid) + "/" + std::to_string(p.start) + "/" + comm];
        if (!names) {
            auto made = std::make_shared<ProcessNames>();
            made->comm = comm;
            made->argv = { comm };
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
    void pidReuseIsRemovalPlusInsertion();
    void cellsUpdateInPlace();
    void ppidCycleDoesNotHang();
    void filterKeepsAncestors();
    void emptySnapshotEmptiesTree();
    void pageSwitchKeepsSelection();
    void pageSaysWhenSelectedProcessExits();

private:
    void apply(const ProcessSnapshotPtr& s)
    {
        m_flat->applySnapshot(s);
        m_tree->applySnapshot(s);
    }

    ProcessTableModel* m_flat = nullptr;
    ProcessTreeModel* m_tree = nullptr;
    ProcessTreeProxy* m_proxy = nullptr;
    QAbstractItemModelTester* m_treeTester = nullptr;
    QAbstractItemModelTester* m_proxyTester = nullptr;
};

void TestProcessTreeModel::init()
{
    m_flat = new ProcessTableModel(this);
    m_tree = new ProcessTreeModel(m_flat, this);
    m_proxy = new ProcessTreeProxy(this);
    m_proxy->setSourceModel(m_tree);
    m_proxy->sort(ProcessTableModel::Cpu, Qt::DescendingOrder);
    m_treeTester = new QAbstractItemModelTester(
        m_tree, QAbstractItemModelTester::FailureReportingMode::Fatal, this);
    m_proxyTester = new QAbstractItemModelTester(
        m_proxy, QAbstractItemModelTester::FailureReportingMode::Fatal, this);
}

void TestProcessTreeModel::cleanup()
{
    delete m_proxyTester;
    delete m_treeTester;
    delete m_proxy;
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
    QCOMPARE(shape(*m_proxy), QStringLiteral("1(10(50))"));
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
    QSignalSpy removed(m_tree, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_tree, &QAbstractItemModel::rowsInserted);
    // 10 exited, 20 went to init, and a new process got pid 10.
    apply(snapshot({ { 1, 0 }, { 10, 1, 900 }, { 20, 1 } }));
    QCOMPARE(shape(*m_tree), QStringLiteral("1(10,20)"));
    QVERIFY(!old.isValid()); // the old process is gone; nothing points at the newcomer by mistake
    QVERIFY(child.isValid());
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
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
    m_proxy->setFilterText(QStringLiteral("needle"));
    QCOMPARE(shape(*m_proxy), QStringLiteral("1(10(11(12)))"));
    m_proxy->setFilterText(QString());
    QCOMPARE(shape(*m_proxy), QStringLiteral("1(10(11(12)),20)"));
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
