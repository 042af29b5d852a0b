// SPDX-License-Identifier: GPL-3.0-or-later
// KeyedRowDiff, the one row diff of every live model, on a tiny two-level model under
// QAbstractItemModelTester (Fatal): the exact signals for insertions and removals at both ends and
// in the middle, scattered runs, reorders (a layout change whose persistent indexes follow their
// rows), changed rows (dataChanged coalesced and limited to the changed columns), empty <-> full,
// and a parent's children in a tree. Then the process table and tree, which share one column
// comparison: both signal a change of only uidKnown or kernelThread.

#include "ui/common/KeyedRowDiff.h"
#include "ui/processes/ProcessTableModel.h"
#include "ui/processes/ProcessTreeModel.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace pg;

namespace {

// Columns: 0 key, 1 a, 2 b, 3 c.
struct Item
{
    QString key;
    int a = 0, b = 0, c = 0;
};

struct Top
{
    Item item;
    std::vector<Item> children;
    int row = 0; // kept current for parent()
};

ColumnSpan changedColumns(const Item& x, const Item& y)
{
    ColumnSpan span;
    if (x.key != y.key)
        span.add(0);
    if (x.a != y.a)
        span.add(1);
    if (x.b != y.b)
        span.add(2);
    if (x.c != y.c)
        span.add(3);
    return span;
}

struct ItemTraits
{
    using Row = Item;
    using Incoming = Item;
    using Key = QString;
    static const QString& keyOf(const Item& item) { return item.key; }
    static Item make(Item&& item) { return std::move(item); }
    static ColumnSpan update(Item& row, Item&& in)
    {
        const ColumnSpan span = changedColumns(row, in);
        row = std::move(in);
        return span;
    }
};

struct TopTraits
{
    using Row = std::unique_ptr<Top>;
    using Incoming = Item;
    using Key = QString;
    static const QString& keyOf(const Row& top) { return top->item.key; }
    static const QString& keyOf(const Item& item) { return item.key; }
    static Row make(Item&& item)
    {
        auto top = std::make_unique<Top>();
        top->item = std::move(item);
        return top;
    }
    static ColumnSpan update(Row& top, Item&& in)
    {
        return ItemTraits::update(top->item, std::move(in));
    }
    static void renumber(std::vector<Row>& rows)
    {
        for (std::size_t i = 0; i < rows.size(); ++i)
            rows[i]->row = static_cast<int>(i);
    }
};

// Top rows, each with children; a child's index names its parent by pointer.
class TinyModel final : public QAbstractItemModel
{
public:
    void setTop(std::vector<Item> items, const KeyedRowDiff::Options& options = {})
    {
        TopTraits traits;
        KeyedRowDiff::apply(*this, {}, m_top, std::move(items), traits, options);
    }
    void setChildren(int top, std::vector<Item> items, const KeyedRowDiff::Options& options = {})
    {
        ItemTraits traits;
        KeyedRowDiff::apply(*this, index(top, 0), m_top[static_cast<std::size_t>(top)]->children,
            std::move(items), traits, options);
    }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override
    {
        if (row < 0 || column < 0 || column >= 4)
            return {};
        if (!parent.isValid())
            return row < static_cast<int>(m_top.size()) ? createIndex(row, column, nullptr)
                                                        : QModelIndex();
        if (parent.internalPointer() || parent.column() != 0)
            return {};
        Top* top = m_top[static_cast<std::size_t>(parent.row())].get();
        return row < static_cast<int>(top->children.size()) ? createIndex(row, column, top)
                                                            : QModelIndex();
    }
    QModelIndex parent(const QModelIndex& child) const override
    {
        if (!child.isValid() || !child.internalPointer())
            return {};
        return createIndex(static_cast<const Top*>(child.internalPointer())->row, 0, nullptr);
    }
    int rowCount(const QModelIndex& parent = {}) const override
    {
        if (!parent.isValid())
            return static_cast<int>(m_top.size());
        if (parent.internalPointer() || parent.column() != 0)
            return 0;
        return static_cast<int>(m_top[static_cast<std::size_t>(parent.row())]->children.size());
    }
    int columnCount(const QModelIndex& = {}) const override { return 4; }
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!index.isValid() || role != Qt::DisplayRole)
            return {};
        const Item& item = index.internalPointer()
            ? static_cast<const Top*>(index.internalPointer())
                  ->children[static_cast<std::size_t>(index.row())]
            : m_top[static_cast<std::size_t>(index.row())]->item;
        switch (index.column()) {
        case 0:
            return item.key;
        case 1:
            return item.a;
        case 2:
            return item.b;
        default:
            return item.c;
        }
    }

private:
    friend class pg::KeyedRowDiff; // qualified: unqualified would name a new class here
    std::vector<std::unique_ptr<Top>> m_top;
};

// "a" or "a=1.2.3" per row.
std::vector<Item> items(const QString& text)
{
    std::vector<Item> out;
    for (const QString& part : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        Item item;
        const QStringList kv = part.split(QLatin1Char('='));
        item.key = kv[0];
        if (kv.size() > 1) {
            const QStringList v = kv[1].split(QLatin1Char('.'));
            item.a = v.value(0).toInt();
            item.b = v.value(1).toInt();
            item.c = v.value(2).toInt();
        }
        out.push_back(item);
    }
    return out;
}

QString rowsOf(const QAbstractItemModel& model, const QModelIndex& parent = {})
{
    QStringList out;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        QString s = model.index(r, 0, parent).data().toString();
        const int a = model.index(r, 1, parent).data().toInt();
        const int b = model.index(r, 2, parent).data().toInt();
        const int c = model.index(r, 3, parent).data().toInt();
        if (a || b || c)
            s += QStringLiteral("=%1.%2.%3").arg(a).arg(b).arg(c);
        out << s;
    }
    return out.join(QLatin1Char(' '));
}

// The structural and data signals, in order, as text: "remove 1-2", "insert 0-0", "layout",
// "data 0-1 c1-2"; children's signals name their parent: "A: insert 0-0".
class Recorder
{
public:
    explicit Recorder(QAbstractItemModel* model)
    {
        auto where = [](const QModelIndex& parent) {
            return parent.isValid() ? parent.data().toString() + QStringLiteral(": ") : QString();
        };
        QObject::connect(model, &QAbstractItemModel::rowsRemoved,
            [this, where](const QModelIndex& p, int first, int last) {
                log << where(p) + QStringLiteral("remove %1-%2").arg(first).arg(last);
            });
        QObject::connect(model, &QAbstractItemModel::rowsInserted,
            [this, where](const QModelIndex& p, int first, int last) {
                log << where(p) + QStringLiteral("insert %1-%2").arg(first).arg(last);
            });
        QObject::connect(model, &QAbstractItemModel::layoutChanged,
            [this, where](const QList<QPersistentModelIndex>& parents) {
                log << (parents.isEmpty() ? QString() : where(parents.front()))
                        + QStringLiteral("layout");
            });
        QObject::connect(model, &QAbstractItemModel::dataChanged,
            [this, where](const QModelIndex& tl, const QModelIndex& br) {
                log << where(tl.parent())
                        + QStringLiteral("data %1-%2 c%3-%4")
                              .arg(tl.row())
                              .arg(br.row())
                              .arg(tl.column())
                              .arg(br.column());
            });
    }
    QStringList log;
};

} // namespace

class TestKeyedRowDiff : public QObject
{
    Q_OBJECT
private slots:
    void flat_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<bool>("append"); // Placement::Append, else Incoming
        QTest::addColumn<int>("maxStructuralRuns"); // 0: no limit
        QTest::addColumn<int>("maxChangedRanges"); // 0: no limit
        QTest::addColumn<QString>("expectedRows");
        QTest::addColumn<QStringList>("expectedSignals");

        QTest::newRow("insert at the front")
            << "a b c"
            << "x a b c" << false << 0 << 0 << "x a b c" << QStringList { "insert 0-0" };
        QTest::newRow("insert at the back")
            << "a b c"
            << "a b c x" << false << 0 << 0 << "a b c x" << QStringList { "insert 3-3" };
        QTest::newRow("insert in the middle, one run")
            << "a b c"
            << "a x y b c" << false << 0 << 0 << "a x y b c" << QStringList { "insert 1-2" };
        QTest::newRow("insert in two places") << "a b c"
                                              << "x a b y c" << false << 0 << 0 << "x a b y c"
                                              << QStringList { "insert 0-0", "insert 3-3" };
        QTest::newRow("remove at the front")
            << "a b c"
            << "b c" << false << 0 << 0 << "b c" << QStringList { "remove 0-0" };
        QTest::newRow("remove at the back")
            << "a b c"
            << "a b" << false << 0 << 0 << "a b" << QStringList { "remove 2-2" };
        QTest::newRow("remove in the middle, one run")
            << "a b c d"
            << "a d" << false << 0 << 0 << "a d" << QStringList { "remove 1-2" };
        QTest::newRow("scattered removals, coalesced into runs, from the back")
            << "a b c d e f g"
            << "a d g" << false << 0 << 0 << "a d g" << QStringList { "remove 4-5", "remove 1-2" };
        QTest::newRow("removals, then insertions, then data")
            << "a b c"
            << "b=1 c d" << false << 0 << 0 << "b=1.0.0 c d"
            << QStringList { "remove 0-0", "insert 2-2", "data 0-0 c1-1" };
        QTest::newRow("reorder: one layout change")
            << "a b c"
            << "c a b" << false << 0 << 0 << "c a b" << QStringList { "layout" };
        QTest::newRow("reorder with a removal, an insertion and a change")
            << "a b c d"
            << "d x b=0.5 a" << false << 0 << 0 << "d x b=0.5.0 a"
            << QStringList { "layout", "data 2-2 c2-2" };
        QTest::newRow("too many runs: one layout change")
            << "a b c d e f"
            << "b d f g" << false << 2 << 0 << "b d f g" << QStringList { "layout" };
        QTest::newRow("changed rows coalesced, limited to changed columns")
            << "a b c d e"
            << "a=1 b=0.2 c d=0.0.3 e=0.5" << false << 0 << 0 << "a=1.0.0 b=0.2.0 c d=0.0.3 e=0.5.0"
            << QStringList { "data 0-1 c1-2", "data 3-4 c2-3" };
        QTest::newRow("past the range limit, one signal over the union")
            << "a b c d e"
            << "a=1 b c=0.0.1 d e=0.1" << false << 0 << 1 << "a=1.0.0 b c=0.0.1 d e=0.1.0"
            << QStringList { "data 0-4 c1-3" };
        QTest::newRow("nothing changed: no signal")
            << "a=1 b c"
            << "a=1 b c" << false << 0 << 0 << "a=1.0.0 b c" << QStringList {};
        QTest::newRow("empty to full")
            << ""
            << "a b c" << false << 0 << 0 << "a b c" << QStringList { "insert 0-2" };
        QTest::newRow("full to empty")
            << "a b c"
            << "" << false << 0 << 0 << "" << QStringList { "remove 0-2" };
        QTest::newRow("append: survivors keep their order, new rows go last")
            << "a b c"
            << "x c a" << true << 0 << 0 << "a c x" << QStringList { "remove 1-1", "insert 2-2" };
    }

    void flat()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(bool, append);
        QFETCH(int, maxStructuralRuns);
        QFETCH(int, maxChangedRanges);
        QFETCH(QString, expectedRows);
        QFETCH(QStringList, expectedSignals);

        TinyModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setTop(items(before));
        KeyedRowDiff::Options options;
        if (append)
            options.placement = KeyedRowDiff::Placement::Append;
        if (maxStructuralRuns)
            options.maxStructuralRuns = static_cast<std::size_t>(maxStructuralRuns);
        if (maxChangedRanges)
            options.maxChangedRanges = static_cast<std::size_t>(maxChangedRanges);

        // Persistent indexes on every row and column 2: they follow their row or become invalid.
        std::vector<std::pair<QString, QPersistentModelIndex>> kept;
        for (int r = 0; r < model.rowCount(); ++r)
            kept.emplace_back(model.index(r, 0).data().toString(), model.index(r, 2));

        QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
        Recorder recorder(&model);
        model.setTop(items(after), options);

        QCOMPARE(rowsOf(model), expectedRows);
        QCOMPARE(recorder.log, expectedSignals);
        QCOMPARE(resets.count(), 0);
        const QStringList afterKeys = expectedRows.split(QLatin1Char(' '), Qt::SkipEmptyParts)
                                          .replaceInStrings(QRegularExpression("=.*"), QString());
        for (const auto& [key, index] : kept) {
            if (afterKeys.contains(key)) {
                QVERIFY2(index.isValid(), qPrintable(key));
                QCOMPARE(index.column(), 2);
                QCOMPARE(index.sibling(index.row(), 0).data().toString(), key);
            } else {
                QVERIFY2(!index.isValid(), qPrintable(key));
            }
        }
    }

    void treeChildren()
    {
        TinyModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setTop(items("A B C"));
        model.setChildren(0, items("a b c"));
        model.setChildren(1, items("p q"));
        model.setChildren(2, items("z"));
        const QPersistentModelIndex a = model.index(0, 1, model.index(0, 0));
        const QPersistentModelIndex b = model.index(1, 0, model.index(0, 0));
        const QPersistentModelIndex q = model.index(1, 0, model.index(1, 0));
        const QPersistentModelIndex z = model.index(0, 0, model.index(2, 0));
        QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
        Recorder recorder(&model);

        // Insert and remove under B: signals name B; A's rows do not move.
        model.setChildren(1, items("x q=0.0.7"));
        QCOMPARE(rowsOf(model, model.index(1, 0)), QStringLiteral("x q=0.0.7"));
        QCOMPARE(
            recorder.log, (QStringList { "B: remove 0-0", "B: insert 0-0", "B: data 1-1 c3-3" }));
        QCOMPARE(q.row(), 1);
        QCOMPARE(a.row(), 0);

        // Reorder A's children with one gone: a layout change for A alone.
        recorder.log.clear();
        model.setChildren(0, items("c a=4"));
        QCOMPARE(rowsOf(model, model.index(0, 0)), QStringLiteral("c a=4.0.0"));
        QCOMPARE(recorder.log, (QStringList { "A: layout", "A: data 1-1 c1-1" }));
        QCOMPARE(layouts.count(), 1);
        QCOMPARE(layouts.at(0).at(0).value<QList<QPersistentModelIndex>>(),
            (QList<QPersistentModelIndex> { model.index(0, 0) }));
        QVERIFY(a.isValid());
        QCOMPARE(a.row(), 1);
        QCOMPARE(a.column(), 1);
        QCOMPARE(a.data().toInt(), 4);
        QVERIFY(!b.isValid());
        QCOMPARE(q.row(), 1); // under another parent: untouched
        QCOMPARE(q.data().toString(), QStringLiteral("q"));

        // The top rows reorder and one goes, children and all: its children's persistent indexes
        // become invalid, the others keep their parent.
        recorder.log.clear();
        model.setTop(items("B A"));
        QCOMPARE(rowsOf(model), QStringLiteral("B A"));
        QCOMPARE(recorder.log, (QStringList { "layout" }));
        QVERIFY(!z.isValid());
        QVERIFY(a.isValid());
        QCOMPARE(a.parent(), model.index(1, 0));
        QCOMPARE(a.data().toInt(), 4);
        QCOMPARE(q.parent(), model.index(0, 0));
        QCOMPARE(rowsOf(model, model.index(0, 0)), QStringLiteral("x q=0.0.7"));

        // Children to empty and back.
        recorder.log.clear();
        model.setChildren(1, {});
        model.setChildren(1, items("m n"));
        QCOMPARE(recorder.log, (QStringList { "A: remove 0-1", "A: insert 0-1" }));
        QVERIFY(!a.isValid());
    }

    // The table and the tree use one column comparison: a change of only uidKnown (the User cell
    // shows a dash) or only kernelThread (the command shows "[comm]", the row is greyed) reaches
    // the view from both.
    void processTableAndTreeSeeTheSameChanges_data()
    {
        QTest::addColumn<bool>("flipUidKnown");
        QTest::newRow("uidKnown") << true;
        QTest::newRow("kernelThread") << false;
    }

    void processTableAndTreeSeeTheSameChanges()
    {
        QFETCH(bool, flipUidKnown);
        auto names = std::make_shared<ProcessNames>();
        names->comm = "worker";
        names->cmdline = "worker --run";
        auto user = std::make_shared<const std::string>("alice");
        auto snapshotOf = [&](bool flipped) {
            auto s = std::make_shared<ProcessSnapshot>();
            for (int pid : { 1, 2 }) {
                ProcessInfo info;
                info.key = { pid, 100 };
                info.ppid = pid == 1 ? 0 : 1;
                info.state = 'S';
                info.uidKnown = true;
                info.user = user;
                info.names = names;
                if (pid == 2 && flipped) {
                    if (flipUidKnown)
                        info.uidKnown = false;
                    else
                        info.kernelThread = true;
                }
                s->processes.push_back(info);
            }
            return s;
        };
        ProcessTableModel table;
        ProcessTreeModel tree(&table);
        QAbstractItemModelTester tableTester(
            &table, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester treeTester(
            &tree, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const auto first = snapshotOf(false);
        table.applySnapshot(first);
        tree.applySnapshot(first);
        const int column = flipUidKnown ? ProcessTableModel::User : ProcessTableModel::Command;
        const QString tableBefore = table.index(1, column).data().toString();
        const QModelIndex inTree = tree.indexOf({ 2, 100 }, column);
        QVERIFY(inTree.isValid());
        const QString treeBefore = inTree.data().toString();

        QSignalSpy tableChanges(&table, &QAbstractItemModel::dataChanged);
        QSignalSpy treeChanges(&tree, &QAbstractItemModel::dataChanged);
        const auto second = snapshotOf(true);
        table.applySnapshot(second);
        tree.applySnapshot(second);

        auto covers = [column](const QSignalSpy& spy, const QModelIndex& cell) {
            for (const QList<QVariant>& args : spy) {
                const QModelIndex tl = args[0].value<QModelIndex>();
                const QModelIndex br = args[1].value<QModelIndex>();
                if (tl.parent() == cell.parent() && tl.row() <= cell.row() && cell.row() <= br.row()
                    && tl.column() <= column && column <= br.column())
                    return true;
            }
            return false;
        };
        QVERIFY(covers(tableChanges, table.index(1, column)));
        QVERIFY(covers(treeChanges, tree.indexOf({ 2, 100 }, column)));
        // And the cell shows it.
        QVERIFY(table.index(1, column).data().toString() != tableBefore);
        QVERIFY(tree.indexOf({ 2, 100 }, column).data().toString() != treeBefore);
    }
};

QTEST_MAIN(TestKeyedRowDiff)
#include "tst_keyed_row_diff.moc"
