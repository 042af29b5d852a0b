// SPDX-License-Identifier: GPL-3.0-or-later
// The header helpers every table gets (issue 14): the column chooser (header context menu, the
// same list as View > Columns, hidden columns remembered per table, a signal when one is hidden
// or shown) and the sort convention (the arrow follows the rows even when code sorts the proxy;
// a first click sorts numbers biggest first and text A to Z).

#include "ui/common/HeaderColumnChooser.h"
#include "ui/common/HeaderSortOrder.h"
#include "ui/common/KeyedSortProxy.h"
#include "ui/common/LayoutRestore.h"
#include "ui/common/TableHeader.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace pg;

namespace {

// Name (text) and Size (number) columns, sort values in KeyedRowsModel's SortRole.
QStandardItemModel* makeModel(QObject* parent)
{
    auto* model = new QStandardItemModel(0, 3, parent);
    model->setHorizontalHeaderLabels(
        { QStringLiteral("Name"), QStringLiteral("Size"), QStringLiteral("Note") });
    const QList<std::pair<QString, int>> rows = { { QStringLiteral("beta"), 5 },
        { QStringLiteral("alpha"), 30 }, { QStringLiteral("gamma"), 7 } };
    for (const auto& [name, size] : rows) {
        auto* n = new QStandardItem(name);
        n->setData(name, Qt::UserRole + 1);
        auto* s = new QStandardItem(QString::number(size));
        s->setData(size, Qt::UserRole + 1);
        auto* note = new QStandardItem(QStringLiteral("x"));
        note->setData(QStringLiteral("x"), Qt::UserRole + 1);
        model->appendRow({ n, s, note });
    }
    return model;
}

struct Table
{
    explicit Table(const QString& key = QStringLiteral("test"))
    {
        proxy.setSourceModel(makeModel(&proxy));
        view.setModel(&proxy);
        view.setSortingEnabled(true);
        view.resize(500, 300);
        chooser = installTableHeader(view.horizontalHeader(), key);
    }
    QString firstName() const { return proxy.index(0, 0).data().toString(); }
    void clickSection(int logical)
    {
        QHeaderView* h = view.horizontalHeader();
        const QPoint at(
            h->sectionViewportPosition(logical) + h->sectionSize(logical) / 2, h->height() / 2);
        QTest::mouseClick(h->viewport(), Qt::LeftButton, {}, at);
    }
    KeyedSortProxy proxy;
    QTableView view;
    HeaderColumnChooser* chooser = nullptr;
};

} // namespace

class TestTableHeader final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void contextMenuListsColumns();
    void hiddenColumnsRemembered();
    void layoutRestoreKeepsChooserChoice();
    void lastColumnCannotBeHidden();
    void firstClickBiggestFirst();
    void arrowFollowsProxySort();
};

void TestTableHeader::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ProcglassTests"));
    QApplication::setApplicationName(QStringLiteral("ProcglassTableHeaderTest"));
}

void TestTableHeader::init()
{
    QSettings().clear();
}

void TestTableHeader::contextMenuListsColumns()
{
    Table t;
    t.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&t.view));
    QHeaderView* header = t.view.horizontalHeader();
    QCOMPARE(header->contextMenuPolicy(), Qt::CustomContextMenu);
    QCOMPARE(HeaderColumnChooser::of(header), t.chooser);
    emit header->customContextMenuRequested(QPoint(10, 5));
    auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
    QVERIFY(menu);
    QStringList titles;
    for (QAction* a : menu->actions()) {
        QVERIFY(a->isCheckable());
        QVERIFY(a->isChecked());
        titles << a->text();
    }
    QCOMPARE(titles, QStringList({ "Name", "Size", "Note" }));
    QSignalSpy changed(t.chooser, &HeaderColumnChooser::columnVisibilityChanged);
    menu->actions().at(1)->trigger(); // uncheck Size
    QVERIFY(header->isSectionHidden(1));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toInt(), 1);
    QCOMPARE(changed.first().at(1).toBool(), false);
    menu->close();
    // The forWidget() lookup (View > Columns) finds the table of the page in front.
    QWidget page;
    QTableView* inPage = new QTableView(&page);
    inPage->setModel(&t.proxy);
    HeaderColumnChooser* pageChooser = installTableHeader(inPage->horizontalHeader());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(HeaderColumnChooser::forWidget(&page), pageChooser);
    QMenu viewColumns;
    pageChooser->fillMenu(&viewColumns);
    QCOMPARE(viewColumns.actions().size(), 3);
    // Without a key, the table kind names it: the model behind the proxy.
    QCOMPARE(pageChooser->settingsKey(), QStringLiteral("QStandardItemModel"));
}

void TestTableHeader::hiddenColumnsRemembered()
{
    {
        Table t(QStringLiteral("disks"));
        t.chooser->setColumnVisible(2, false);
        Table other(QStringLiteral("network")); // another table, its own choice
        QVERIFY(!other.view.horizontalHeader()->isSectionHidden(2));
    }
    Table again(QStringLiteral("disks"));
    QVERIFY(again.view.horizontalHeader()->isSectionHidden(2));
    QVERIFY(!again.view.horizontalHeader()->isSectionHidden(1));
    QVERIFY(!again.chooser->isColumnVisible(2));
    again.chooser->setColumnVisible(2, true);
    Table third(QStringLiteral("disks"));
    QVERIFY(!third.view.horizontalHeader()->isSectionHidden(2));
    QVERIFY(third.view.horizontalHeader()->sectionSize(2) > 0);
}

void TestTableHeader::layoutRestoreKeepsChooserChoice()
{
    Table t(QStringLiteral("layout"));
    const QByteArray allShown = t.view.horizontalHeader()->saveState();
    t.chooser->setColumnVisible(1, false);
    // An older saved layout with every column shown does not bring the column back.
    QVERIFY(restoreHeaderLayout(t.view.horizontalHeader(), allShown));
    QVERIFY(t.view.horizontalHeader()->isSectionHidden(1));
}

void TestTableHeader::lastColumnCannotBeHidden()
{
    Table t(QStringLiteral("last"));
    t.chooser->setColumnVisible(0, false);
    t.chooser->setColumnVisible(1, false);
    t.chooser->setColumnVisible(2, false);
    QVERIFY(!t.view.horizontalHeader()->isSectionHidden(2));
    QMenu menu;
    t.chooser->fillMenu(&menu);
    QVERIFY(!menu.actions().at(2)->isEnabled());
}

void TestTableHeader::firstClickBiggestFirst()
{
    Table t(QStringLiteral("sort"));
    t.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&t.view));
    QHeaderView* header = t.view.horizontalHeader();
    QVERIFY(HeaderSortOrder::isNumericColumn(header, 1));
    QVERIFY(!HeaderSortOrder::isNumericColumn(header, 0));
    t.clickSection(1);
    QCOMPARE(header->sortIndicatorSection(), 1);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(t.firstName(), QStringLiteral("alpha")); // 30, the biggest
    t.clickSection(1); // a second click reverses
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(t.firstName(), QStringLiteral("beta")); // 5
    t.clickSection(0); // text: A to Z first
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(t.firstName(), QStringLiteral("alpha"));
    t.clickSection(1);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    // Code choosing an order is obeyed as it is.
    t.view.sortByColumn(0, Qt::DescendingOrder);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(t.firstName(), QStringLiteral("gamma"));
}

void TestTableHeader::arrowFollowsProxySort()
{
    // The Disks and Network tables sort their proxy by name in code: the arrow said Z to A.
    Table t(QStringLiteral("proxy"));
    t.proxy.sort(0, Qt::AscendingOrder);
    QCOMPARE(t.firstName(), QStringLiteral("alpha"));
    QCOMPARE(t.view.horizontalHeader()->sortIndicatorSection(), 0);
    QCOMPARE(t.view.horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
    t.proxy.sort(1, Qt::DescendingOrder);
    QCOMPARE(t.view.horizontalHeader()->sortIndicatorSection(), 1);
    QCOMPARE(t.view.horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(t.firstName(), QStringLiteral("alpha"));
}

QTEST_MAIN(TestTableHeader)
#include "tst_table_header.moc"
