// SPDX-License-Identifier: GPL-3.0-or-later
// The process table's I/O rate columns: hidden by default in both views; the sampler reads
// /proc/PID/io exactly while the shown view has one of them visible (and after a layout restore
// that shows one); a layout saved before the columns existed keeps them hidden; the cells say
// the rate, or "–" with the reason (not read, one reading so far, permission denied), and sort
// with the unknown below every known rate.

#include "core/sampler/ProcessSampler.h"
#include "ui/processes/ProcessFilterProxy.h"
#include "ui/processes/ProcessTableModel.h"
#include "ui/processes/ProcessTablePage.h"

#include <QAbstractItemModelTester>
#include <QDataStream>
#include <QHeaderView>
#include <QSettings>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>
#include <cmath>

using namespace pg;

namespace {

ProcessInfo proc(int pid, double readRate, double writeRate, Error ioError = Error::None)
{
    ProcessInfo p;
    p.key = { pid, 100 };
    p.ppid = 1;
    p.state = 'S';
    p.threads = 1;
    auto names = std::make_shared<ProcessNames>();
    names->comm = "p" + std::to_string(pid);
    names->cmdline = names->comm;
    p.names = names;
    p.ioReadBytesPerS = readRate;
    p.ioWriteBytesPerS = writeRate;
    p.ioError = ioError;
    return p;
}

ProcessSnapshotPtr snap(std::vector<ProcessInfo> processes, bool ioSampled)
{
    auto s = std::make_shared<ProcessSnapshot>();
    static std::uint64_t seq = 0;
    s->sequence = ++seq;
    s->processes = std::move(processes);
    s->ioSampled = ioSampled;
    return s;
}

const double kUnknown = std::nan("");

} // namespace

class TestProcessIoColumns : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cellsSayRateOrWhy();
    void sortUnknownLast();
    void hiddenByDefaultAndReadOnlyWhileShown();
    void oldLayoutKeepsThemHidden();
    void restoredLayoutSwitchesReadingOn();
};

void TestProcessIoColumns::initTestCase()
{
    // The column chooser keeps its choice in the settings: each test starts from none.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProcglassTests"));
    QCoreApplication::setApplicationName(QStringLiteral("ProcglassIoColumnsTest"));
}

void TestProcessIoColumns::init()
{
    QSettings().clear();
}

void TestProcessIoColumns::cellsSayRateOrWhy()
{
    ProcessTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applySnapshot(snap(
        { proc(10, 512, 2.0 * 1024 * 1024), proc(11, kUnknown, kUnknown, Error::PermissionDenied),
            proc(12, kUnknown, kUnknown) },
        true));
    QCOMPARE(model.columnCount(), int(ProcessTableModel::ColumnCount));
    QCOMPARE(model.headerData(ProcessTableModel::IoRead, Qt::Horizontal).toString(),
        QStringLiteral("Disk read"));
    QCOMPARE(model.headerData(ProcessTableModel::IoWrite, Qt::Horizontal).toString(),
        QStringLiteral("Disk write"));
    auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
        return model.data(model.index(row, column), role).toString();
    };
    QCOMPARE(cell(0, ProcessTableModel::IoRead), QStringLiteral("512 B/s"));
    QCOMPARE(cell(0, ProcessTableModel::IoWrite), QStringLiteral("2.00 MiB/s"));
    QVERIFY(
        cell(0, ProcessTableModel::IoWrite, Qt::ToolTipRole).contains(QStringLiteral("2097152")));
    // Denied: a dash, and the tooltip says why and what to do; never "0 B/s".
    QCOMPARE(cell(1, ProcessTableModel::IoRead), QStringLiteral("–"));
    QCOMPARE(cell(1, ProcessTableModel::IoWrite), QStringLiteral("–"));
    const QString denied = cell(1, ProcessTableModel::IoWrite, Qt::ToolTipRole);
    QVERIFY2(denied.contains(QStringLiteral("/proc/11/io: permission denied"))
            && denied.contains(QStringLiteral("root")),
        qPrintable(denied));
    QVERIFY2(cell(2, ProcessTableModel::IoRead, Qt::ToolTipRole)
                 .contains(QStringLiteral("two readings")),
        qPrintable(cell(2, ProcessTableModel::IoRead, Qt::ToolTipRole)));
    // Not read at all (the columns were hidden when the sample was taken).
    model.applySnapshot(snap({ proc(10, kUnknown, kUnknown) }, false));
    QCOMPARE(cell(0, ProcessTableModel::IoRead), QStringLiteral("–"));
    QVERIFY2(
        cell(0, ProcessTableModel::IoRead, Qt::ToolTipRole).startsWith(QStringLiteral("Not read")),
        qPrintable(cell(0, ProcessTableModel::IoRead, Qt::ToolTipRole)));
}

void TestProcessIoColumns::sortUnknownLast()
{
    ProcessTableModel model;
    ProcessFilterProxy proxy;
    proxy.setSourceModel(&model);
    model.applySnapshot(
        snap({ proc(10, 0, 100), proc(11, kUnknown, kUnknown, Error::PermissionDenied),
                 proc(12, 0, 5000), proc(13, 0, 0) },
            true));
    proxy.sort(ProcessTableModel::IoWrite, Qt::DescendingOrder);
    QList<int> pids;
    for (int r = 0; r < proxy.rowCount(); ++r)
        pids << proxy.data(proxy.index(r, ProcessTableModel::Pid)).toInt();
    QCOMPARE(pids, (QList<int> { 12, 10, 13, 11 }));
}

void TestProcessIoColumns::hiddenByDefaultAndReadOnlyWhileShown()
{
    ProcessSampler sampler(ProcessCollector::Options {});
    QVERIFY(!sampler.readsIo());
    ProcessTablePage page(&sampler);
    page.resize(1200, 700);
    page.show();
    for (QTreeView* view : { page.view(), page.treeView() }) {
        QVERIFY(view->header()->isSectionHidden(ProcessTableModel::IoRead));
        QVERIFY(view->header()->isSectionHidden(ProcessTableModel::IoWrite));
    }
    QVERIFY(!page.ioColumnsShown());
    QTest::qWait(50);
    QVERIFY(!sampler.readsIo());

    page.view()->header()->showSection(ProcessTableModel::IoWrite);
    QVERIFY(page.ioColumnsShown());
    QTRY_VERIFY(sampler.readsIo());
    // The table and the tree share one column choice: the tree shows the column too, and the
    // reads go on in either view.
    QTRY_VERIFY(!page.treeView()->header()->isSectionHidden(ProcessTableModel::IoWrite));
    page.setTreeMode(true);
    QTest::qWait(50);
    QVERIFY(sampler.readsIo());
    page.setTreeMode(false);
    page.view()->header()->hideSection(ProcessTableModel::IoWrite);
    QTRY_VERIFY(!sampler.readsIo());
}

void TestProcessIoColumns::oldLayoutKeepsThemHidden()
{
    // A layout saved before the I/O columns: 13 sections, the Command column moved first.
    QStandardItemModel oldModel(0, 13);
    QTreeView oldView;
    oldView.setModel(&oldModel);
    oldView.header()->moveSection(12, 0);
    const QByteArray oldHeader = oldView.header()->saveState();
    QByteArray layout;
    {
        QDataStream out(&layout, QIODevice::WriteOnly);
        out << quint32(1) << oldHeader << oldHeader << QByteArray();
    }
    ProcessSampler sampler(ProcessCollector::Options {});
    ProcessTablePage page(&sampler);
    page.restoreLayoutState(layout);
    QHeaderView* header = page.view()->header();
    QCOMPARE(header->visualIndex(ProcessTableModel::Command), 0); // the old layout did apply
    QVERIFY(header->isSectionHidden(ProcessTableModel::IoRead));
    QVERIFY(header->isSectionHidden(ProcessTableModel::IoWrite));
    QVERIFY(page.treeView()->header()->isSectionHidden(ProcessTableModel::IoRead));
    QTest::qWait(50);
    QVERIFY(!sampler.readsIo());
}

void TestProcessIoColumns::restoredLayoutSwitchesReadingOn()
{
    QByteArray layout;
    {
        ProcessTablePage page;
        page.view()->header()->showSection(ProcessTableModel::IoRead);
        QCoreApplication::processEvents(); // the column chooser notes (and saves) the change
        layout = page.saveLayoutState();
    }
    ProcessSampler sampler(ProcessCollector::Options {});
    ProcessTablePage page(&sampler);
    page.restoreLayoutState(layout);
    QVERIFY(!page.view()->header()->isSectionHidden(ProcessTableModel::IoRead));
    QVERIFY(page.view()->header()->isSectionHidden(ProcessTableModel::IoWrite));
    QTRY_VERIFY(sampler.readsIo());
}

QTEST_MAIN(TestProcessIoColumns)
#include "tst_process_io_columns.moc"
