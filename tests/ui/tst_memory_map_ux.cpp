// SPDX-License-Identifier: GPL-3.0-or-later
// The memory map as a user meets it (issue 14): a path keeps its file name visible when the column
// is narrow (fifteen CPython modules must not all read "/root/.pyenv/versions/3....so"), every cell
// names its full path in a tooltip, grouped and flat mode keep their own columns across a restart
// (and the mode itself is remembered), and the page with no process chosen says how to choose one.

#include "core/sampler/MemoryMapSampler.h"
#include "ui/memory/MemoryMapModel.h"
#include "ui/memory/MemoryMapPage.h"
#include "ui/memory/MemoryMapProxy.h"
#include "ui/memory/PathElideDelegate.h"

#include <QGroupBox>
#include <QHeaderView>
#include <QPushButton>
#include <QSettings>
#include <QStyleOptionViewItem>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace pg;

namespace {

const char* const kModules[] = { "_asyncio", "_bz2", "_ctypes", "_decimal", "_hashlib", "_json",
    "_lzma", "_socket", "_ssl", "_struct", "array", "binascii", "math", "select", "zlib" };

QString modulePath(const char* module)
{
    return QStringLiteral("/root/.pyenv/versions/3.11.7/lib/python3.11/lib-dynload/%1"
                          ".cpython-311-x86_64-linux-gnu.so")
        .arg(QLatin1String(module));
}

// One r-xp mapping per CPython module, plus the heap.
MemoryMapSnapshotPtr pythonSnapshot()
{
    std::string text;
    std::uint64_t start = 0x7f0000000000;
    auto add = [&](const std::string& path, std::uint64_t inode) {
        char head[128];
        std::snprintf(head, sizeof head, "%llx-%llx r-xp 00000000 fe:00 %llu ",
            static_cast<unsigned long long>(start), static_cast<unsigned long long>(start + 0x4000),
            static_cast<unsigned long long>(inode));
        text += head + path
            + "\nSize: 16 kB\nRss: 8 kB\nPss: 8 kB\nShared_Clean: 0 kB\nShared_Dirty: 0 kB\n"
              "Private_Clean: 8 kB\nPrivate_Dirty: 0 kB\nReferenced: 8 kB\nAnonymous: 0 kB\n"
              "Swap: 0 kB\nSwapPss: 0 kB\nLocked: 0 kB\nVmFlags: rd ex \n";
        start += 0x10000;
    };
    add("[heap]", 0);
    std::uint64_t inode = 100;
    for (const char* m : kModules)
        add(modulePath(m).toStdString(), inode++);
    auto smaps = parseSmaps(text);
    if (!smaps)
        qFatal("bad synthetic smaps");
    auto snap = std::make_shared<MemoryMapSnapshot>();
    snap->key = ProcessKey { 4242, 77 };
    snap->comm = "python3";
    snap->cmdline = "python3 -c import ssl";
    auto shared = std::make_shared<const Smaps>(std::move(smaps).value());
    snap->grouping = std::make_shared<const MemoryMapGrouping>(groupMappings(*shared));
    snap->smaps = std::move(shared);
    snap->smapsPath = "/proc/4242/smaps";
    return snap;
}

QString fullPathOf(const QModelIndex& index)
{
    // Groups show their path; mappings (tree children, flat rows) have it in the Path column.
    const QModelIndex path = index.siblingAtColumn(MemoryMapModel::Path);
    const QString p = path.data().toString();
    return p.isEmpty() ? index.siblingAtColumn(MemoryMapModel::Mapping).data().toString() : p;
}

class FakeHost final : public PageHost
{
public:
    bool showPage(const QString& id) override
    {
        shown << id;
        return true;
    }
    void showStatusMessage(const QString&, int) override { }
    void addStatusWidget(QWidget*) override { }
    void setStatus(const QString&, const QString&) override { }
    void refreshNow() override { }
    QStringList shown;
};

} // namespace

class TestMemoryMapUx : public QObject
{
    Q_OBJECT
private slots:
    void elidingKeepsTheFileName();
    void narrowColumnShowsFileNames();
    void everyCellNamesItsPath();
    void modesKeepTheirOwnColumnsAcrossRestart();
    void noProcessChosenSaysHow();
};

void TestMemoryMapUx::elidingKeepsTheFileName()
{
    const QFontMetrics fm(QApplication::font());
    const QString folder
        = QStringLiteral("/root/.pyenv/versions/3.11.7/lib/python3.11/lib-dynload/");
    for (int width : { 200, 300, 420 }) {
        QSet<QString> shown;
        for (const char* m : kModules) {
            const QString path = modulePath(m);
            const QString file = path.mid(folder.size());
            const QString e = PathElideDelegate::elidePath(path, fm, width);
            QVERIFY2(fm.horizontalAdvance(e) <= width, qPrintable(e));
            if (fm.horizontalAdvance(QStringLiteral("…/") + file) <= width)
                QVERIFY2(e.endsWith(file), qPrintable(e)); // the whole file name
            QVERIFY2(e.contains(QLatin1String(m)), qPrintable(e)); // at least its start
            shown.insert(e);
        }
        QCOMPARE(shown.size(), int(std::size(kModules))); // fifteen modules, fifteen texts
    }
    // What fits is left alone; text without a folder is cut at its end.
    QCOMPARE(PathElideDelegate::elidePath(QStringLiteral("/usr/lib/libc.so.6"), fm, 400),
        QStringLiteral("/usr/lib/libc.so.6"));
    QVERIFY(PathElideDelegate::elidePath(QStringLiteral("memfd:a-very-long-name-indeed"), fm, 60)
                .startsWith(QStringLiteral("memfd")));
}

void TestMemoryMapUx::narrowColumnShowsFileNames()
{
    MemoryMapPage page;
    page.resize(900, 600);
    page.openProcess(ProcessKey { 4242, 77 });
    page.applyMaps(pythonSnapshot());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTreeView* view = page.view();
    // Room for the longest file name and some of its folder, not for the whole path.
    const QFontMetrics fm = view->fontMetrics();
    const int narrow = fm.horizontalAdvance(
                           QStringLiteral("/root/…/unicodedata.cpython-311-x86_64-linux-gnu.so"))
        + view->indentation() + 16;
    QVERIFY(narrow < fm.horizontalAdvance(modulePath("_asyncio")));
    for (bool flat : { false, true }) {
        page.setFlat(flat);
        const int column = flat ? MemoryMapModel::Path : MemoryMapModel::Mapping;
        view->setColumnHidden(column, false);
        view->header()->resizeSection(column, narrow);
        auto* delegate = qobject_cast<PathElideDelegate*>(view->itemDelegateForColumn(column));
        QVERIFY2(delegate, "the path column keeps file names visible");
        QSet<QString> shown;
        int modules = 0;
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            const QModelIndex index = view->model()->index(r, column);
            const QString full = fullPathOf(index);
            if (!full.contains(QStringLiteral("lib-dynload")))
                continue;
            ++modules;
            QStyleOptionViewItem option;
            option.initFrom(view);
            option.rect = view->visualRect(index);
            option.widget = view;
            QVERIFY(option.rect.width() > 0);
            const QString text = delegate->displayedText(option, index);
            QVERIFY2(
                text.endsWith(full.mid(full.lastIndexOf(QLatin1Char('/')) + 1)), qPrintable(text));
            shown.insert(text);
        }
        QCOMPARE(modules, int(std::size(kModules)));
        QCOMPARE(shown.size(), modules);
    }
}

void TestMemoryMapUx::everyCellNamesItsPath()
{
    MemoryMapPage page;
    page.openProcess(ProcessKey { 4242, 77 });
    page.applyMaps(pythonSnapshot());
    const QAbstractItemModel* model = page.view()->model();
    for (bool flat : { false, true }) {
        page.setFlat(flat);
        int cells = 0;
        std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
            for (int r = 0; r < model->rowCount(parent); ++r) {
                const QModelIndex first = model->index(r, 0, parent);
                if (first.data(MemoryMapModel::RowKindRole).toInt()
                    == int(MemoryMapModel::RowKind::Totals))
                    continue;
                const QString full = fullPathOf(first);
                QVERIFY(!full.isEmpty());
                for (int c = 0; c < MemoryMapModel::ColumnCount; ++c) {
                    const QString tip = model->index(r, c, parent).data(Qt::ToolTipRole).toString();
                    QVERIFY2(tip.startsWith(full),
                        qPrintable(QStringLiteral("column %1: %2").arg(c).arg(tip)));
                    ++cells;
                }
                walk(first);
            }
        };
        walk({});
        QVERIFY(cells >= int(std::size(kModules)) * MemoryMapModel::ColumnCount);
    }
}

void TestMemoryMapUx::modesKeepTheirOwnColumnsAcrossRestart()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    const QString prefix = QStringLiteral("pages/memory/");
    {
        MemoryMapPage page;
        QTreeView* view = page.view();
        view->setColumnHidden(MemoryMapModel::Swap, true); // grouped: no Swap
        view->sortByColumn(MemoryMapModel::Pss, Qt::DescendingOrder);
        page.setFlat(true); // flat: Path, Offset, Device, Inode; then Kind, without Inode
        QVERIFY(!view->isColumnHidden(MemoryMapModel::Path));
        view->setColumnHidden(MemoryMapModel::Kind, false);
        view->setColumnHidden(MemoryMapModel::Inode, true);
        QSettings settings(file, QSettings::IniFormat);
        page.saveLayout(settings, prefix); // saved in flat mode
    }
    MemoryMapPage page;
    QTreeView* view = page.view();
    QSettings settings(file, QSettings::IniFormat);
    page.restoreLayout(settings, prefix);
    // The mode comes back, with flat mode's columns.
    QVERIFY(page.isFlat());
    QVERIFY(!view->isColumnHidden(MemoryMapModel::Path));
    QVERIFY(!view->isColumnHidden(MemoryMapModel::Kind));
    QVERIFY(view->isColumnHidden(MemoryMapModel::Inode));
    // Grouped mode has its own: one path column (Mapping), no Swap, sorted by Pss.
    page.setFlat(false);
    for (int c : { MemoryMapModel::Path, MemoryMapModel::Offset, MemoryMapModel::Device,
             MemoryMapModel::Inode, MemoryMapModel::Kind, MemoryMapModel::Swap })
        QVERIFY2(view->isColumnHidden(c), qPrintable(QString::number(c)));
    QVERIFY(!view->isColumnHidden(MemoryMapModel::Mapping));
    QVERIFY(!view->isColumnHidden(MemoryMapModel::Rss));
    QCOMPARE(view->header()->sortIndicatorSection(), int(MemoryMapModel::Pss));
    // Saved in grouped mode, it starts grouped.
    QSettings again(file, QSettings::IniFormat);
    page.saveLayout(again, prefix);
    MemoryMapPage third;
    third.restoreLayout(again, prefix);
    QVERIFY(!third.isFlat());
    QVERIFY(third.view()->isColumnHidden(MemoryMapModel::Path));
    QVERIFY(third.view()->isColumnHidden(MemoryMapModel::Swap));
    third.setFlat(true);
    QVERIFY(!third.view()->isColumnHidden(MemoryMapModel::Kind));
}

void TestMemoryMapUx::noProcessChosenSaysHow()
{
    MemoryMapPage page;
    FakeHost host;
    page.attachHost(host);
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.showingNoProcess());
    const QString message = page.placeholderText();
    QVERIFY2(message.contains(QStringLiteral("No process chosen")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Ctrl+M")), qPrintable(message));
    // Nothing around it that belongs to a process: no summary of dashes, no filter or table.
    auto* summary = page.findChild<QGroupBox*>();
    QVERIFY(summary);
    QVERIFY(!summary->isVisible());
    QVERIFY(!page.view()->isVisible());
    auto* choose = page.findChild<QPushButton*>(QStringLiteral("chooseProcessButton"));
    QVERIFY(choose && choose->isVisible());
    QTest::mouseClick(choose, Qt::LeftButton);
    QCOMPARE(host.shown, QStringList { QStringLiteral("processes") });

    page.openProcess(ProcessKey { 4242, 77 });
    QVERIFY(!page.showingNoProcess());
    QVERIFY(summary->isVisible());
    QVERIFY(!choose->isVisible());
    page.applyMaps(pythonSnapshot());
    QVERIFY(page.showingTable());
}

QTEST_MAIN(TestMemoryMapUx)
#include "tst_memory_map_ux.moc"
