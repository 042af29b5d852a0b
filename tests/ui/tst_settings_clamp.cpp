// SPDX-License-Identifier: GPL-3.0-or-later
// The settings stay sane: a command-line option applies to its run only and is never saved (what
// the user chooses in the window is), and every value read back is one the window and the
// samplers accept: anything else (edited by hand, from another version, cut short) falls back to
// the default, and what is shown is what is used.

#include "ui/processes/ProcessTableModel.h"
#include "ui/processes/ProcessTablePage.h"
#include "ui/shell/ExportDialog.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QDataStream>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace pg;

namespace {

// The interval box's text (the toolbar's "Refresh every [1 s]").
QString intervalShown(const MainWindow& window)
{
    for (const QComboBox* box : window.findChildren<QComboBox*>()) {
        if (box->toolTip().contains(QStringLiteral("sampled")))
            return box->currentText();
    }
    return QString();
}

// The status bar's "... · refresh every 1 s" once a sample is shown.
QString statusShown(MainWindow& window)
{
    auto* page = dynamic_cast<ProcessTablePage*>(window.page(QStringLiteral("processes")));
    if (!page)
        return QString();
    page->applySnapshot(std::make_shared<const ProcessSnapshot>());
    for (const QLabel* label : window.statusBar()->findChildren<QLabel*>()) {
        if (label->text().contains(QStringLiteral("refresh every")))
            return label->text().section(QStringLiteral("refresh every "), 1);
    }
    return QString();
}

// A window with the process page and two more pages, "alpha" and "beta", as app/Pages.cpp adds
// the real ones.
struct Window
{
    explicit Window(const AppOptions& options = {})
        : window(options)
        , page(new ProcessTablePage(nullptr, nullptr, options.procRoot))
    {
        window.addPage(page);
        window.addPage(QStringLiteral("alpha"), QStringLiteral("Alpha"), new QWidget);
        window.addPage(QStringLiteral("beta"), QStringLiteral("Beta"), new QWidget);
        QCoreApplication::processEvents(); // the deferred restore of the settings
    }
    MainWindow window;
    ProcessTablePage* page;
};

QVariant saved(const char* key)
{
    return QSettings().value(QLatin1String(key));
}

} // namespace

class TestSettingsClamp : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void commandLineIntervalNotSaved();
    void commandLineIntervalNotSavedOverNothing();
    void intervalChosenInWindowSaved();
    void commandLinePageNotSaved_data();
    void commandLinePageNotSaved();
    void pageChosenInWindowSaved();
    void cyclingPagesNotSaved();
    void savedIntervalOutOfRange_data();
    void savedIntervalOutOfRange();
    void savedIntervalInRangeShownExactly_data();
    void savedIntervalInRangeShownExactly();
    void intervalSetOutOfRangeIgnored();
    void unknownLastPageKeepsFirstPage();
    void garbageLayoutKeepsDefaults();
    void impossibleLayoutKeepsDefaults();
    void exportFolderMustBeAnAbsoluteFolder_data();
    void exportFolderMustBeAnAbsoluteFolder();
};

void TestSettingsClamp::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ProcglassTests"));
    QApplication::setApplicationName(QStringLiteral("ProcglassSettingsClampTest"));
}

void TestSettingsClamp::init()
{
    QSettings().clear();
}

// Before: `procglass --interval 100` once, and every later run refreshed every 0.1 s.
void TestSettingsClamp::commandLineIntervalNotSaved()
{
    QSettings().setValue(QStringLiteral("refresh/intervalMs"), 2000);
    AppOptions options;
    options.intervalMs = 100;
    options.intervalSet = true;
    {
        Window w(options);
        QCOMPARE(w.window.intervalMs(), 100);
        QCOMPARE(intervalShown(w.window), QStringLiteral("0.1 s"));
        w.window.saveSettings();
    }
    QCOMPARE(saved("refresh/intervalMs").toInt(), 2000);
    Window next;
    QCOMPARE(next.window.intervalMs(), 2000);
}

void TestSettingsClamp::commandLineIntervalNotSavedOverNothing()
{
    AppOptions options;
    options.intervalMs = 250;
    options.intervalSet = true;
    {
        Window w(options);
        w.window.saveSettings();
    }
    QVERIFY(!saved("refresh/intervalMs").isValid());
    Window next;
    QCOMPARE(next.window.intervalMs(), 1000);
}

// A choice made in the window during a run started with --interval is the user's: saved.
void TestSettingsClamp::intervalChosenInWindowSaved()
{
    AppOptions options;
    options.intervalMs = 100;
    options.intervalSet = true;
    {
        Window w(options);
        w.window.setIntervalMs(5000);
        w.window.saveSettings();
    }
    QCOMPARE(saved("refresh/intervalMs").toInt(), 5000);
}

void TestSettingsClamp::commandLinePageNotSaved_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<int>("pid");
    QTest::newRow("--page") << QStringLiteral("alpha") << 0;
    QTest::newRow("--page processes") << QStringLiteral("processes") << 0;
    QTest::newRow("--pid") << QString() << 1;
}

// Before: `procglass --page alpha` once, and every later run opened on alpha.
void TestSettingsClamp::commandLinePageNotSaved()
{
    QFETCH(QString, page);
    QFETCH(int, pid);
    QSettings().setValue(QStringLiteral("window/lastPage"), QStringLiteral("beta"));
    AppOptions options;
    options.initialPage = page;
    options.initialPid = pid;
    {
        Window w(options);
        if (!page.isEmpty())
            QCOMPARE(w.window.currentPageId(), page);
        w.window.saveSettings();
    }
    QCOMPARE(saved("window/lastPage").toString(), QStringLiteral("beta"));
    Window next;
    QCOMPARE(next.window.currentPageId(), QStringLiteral("beta"));
}

void TestSettingsClamp::pageChosenInWindowSaved()
{
    QSettings().setValue(QStringLiteral("window/lastPage"), QStringLiteral("beta"));
    AppOptions options;
    options.initialPage = QStringLiteral("alpha");
    {
        Window w(options);
        QVERIFY(w.window.showPage(QStringLiteral("processes")));
        w.window.saveSettings();
    }
    QCOMPARE(saved("window/lastPage").toString(), QStringLiteral("processes"));

    // Without a page on the command line, the page shown at the end is saved as before.
    {
        Window w;
        QCOMPARE(w.window.currentPageId(), QStringLiteral("processes"));
        QVERIFY(w.window.showPage(QStringLiteral("alpha")));
        w.window.saveSettings();
    }
    QCOMPARE(saved("window/lastPage").toString(), QStringLiteral("alpha"));
}

// --cycle-pages (the soak test) moves through the pages by itself: not a choice to remember.
void TestSettingsClamp::cyclingPagesNotSaved()
{
    QSettings().setValue(QStringLiteral("window/lastPage"), QStringLiteral("beta"));
    AppOptions options;
    options.cyclePagesMs = 3600 * 1000; // the timer never fires in this test; showNextView does
    {
        Window w(options);
        w.window.showNextView();
        w.window.showNextView();
        QCOMPARE(w.window.currentPageId(), QStringLiteral("alpha"));
        w.window.saveSettings();
    }
    QCOMPARE(saved("window/lastPage").toString(), QStringLiteral("beta"));
}

void TestSettingsClamp::savedIntervalOutOfRange_data()
{
    QTest::addColumn<QString>("value");
    for (const char* v : { "2147483647", "3600001", "99", "50", "0", "-1000", "abc", "1e3", "1.5",
             "99999999999", "" })
        QTest::newRow(*v ? v : "empty") << QString::fromLatin1(v);
}

// Before: intervalMs=2147483647 was taken: "refresh every 2147483.647 s" in the status bar while
// the samplers clamped to an hour.
void TestSettingsClamp::savedIntervalOutOfRange()
{
    QFETCH(QString, value);
    QSettings().setValue(QStringLiteral("refresh/intervalMs"), value);
    Window w;
    QCOMPARE(w.window.intervalMs(), 1000);
    QCOMPARE(intervalShown(w.window), QStringLiteral("1 s"));
    QCOMPARE(statusShown(w.window), QStringLiteral("1 s"));
}

void TestSettingsClamp::savedIntervalInRangeShownExactly_data()
{
    QTest::addColumn<int>("ms");
    QTest::addColumn<QString>("shown");
    QTest::newRow("shortest") << 100 << QStringLiteral("0.1 s");
    QTest::newRow("not listed") << 250 << QStringLiteral("0.25 s");
    QTest::newRow("listed") << 5000 << QStringLiteral("5 s");
    QTest::newRow("longest") << 3600000 << QStringLiteral("3600 s");
}

void TestSettingsClamp::savedIntervalInRangeShownExactly()
{
    QFETCH(int, ms);
    QFETCH(QString, shown);
    QSettings().setValue(QStringLiteral("refresh/intervalMs"), ms);
    Window w;
    QCOMPARE(w.window.intervalMs(), ms);
    QCOMPARE(intervalShown(w.window), shown);
    QCOMPARE(statusShown(w.window), shown);
}

// The box shows the interval in use, also one it did not list; nothing outside the bounds.
void TestSettingsClamp::intervalSetOutOfRangeIgnored()
{
    Window w;
    w.window.setIntervalMs(250);
    QCOMPARE(intervalShown(w.window), QStringLiteral("0.25 s"));
    for (int ms : { 0, 50, 99, -1, 3600001 }) {
        w.window.setIntervalMs(ms);
        QCOMPARE(w.window.intervalMs(), 250);
        QCOMPARE(intervalShown(w.window), QStringLiteral("0.25 s"));
    }
}

void TestSettingsClamp::unknownLastPageKeepsFirstPage()
{
    for (const QVariant& v : { QVariant(QStringLiteral("nope")), QVariant(42), QVariant(),
             QVariant(QStringList { QStringLiteral("alpha"), QStringLiteral("beta") }) }) {
        QSettings().setValue(QStringLiteral("window/lastPage"), v);
        Window w;
        QCOMPARE(w.window.currentPageId(), QStringLiteral("processes"));
    }
}

// Layout blobs that are not what the widgets saved leave the default layout.
void TestSettingsClamp::garbageLayoutKeepsDefaults()
{
    QByteArray defaultLayout;
    QSize defaultSize;
    {
        Window w;
        defaultLayout = w.page->saveLayoutState();
        defaultSize = w.window.size();
    }
    for (const QByteArray& garbage : { QByteArray("x"), QByteArray(64, '\xff'),
             QByteArray::fromHex("000000010000000400000000"), defaultLayout.left(20) }) {
        QSettings().clear();
        QSettings().setValue(QStringLiteral("pages/processes/layout"), garbage);
        QSettings().setValue(QStringLiteral("window/geometry"), garbage);
        QSettings().setValue(QStringLiteral("window/state"), garbage);
        Window w;
        QCOMPARE(w.page->saveLayoutState(), defaultLayout);
        QCOMPARE(w.window.size(), defaultSize);
    }
}

// A layout that decodes but that the window cannot produce: every column hidden, the splitter on
// its side with a 300-pixel handle (QSplitter::restoreState() takes all of it).
void TestSettingsClamp::impossibleLayoutKeepsDefaults()
{
    QByteArray flat;
    QByteArray tree;
    Qt::Orientation orientation {};
    int handleWidth = 0;
    {
        Window w;
        QTreeView* view = w.page->view();
        tree = view->header()->saveState();
        for (int i = 0; i < view->header()->count(); ++i)
            view->header()->hideSection(i);
        QCOMPARE(view->header()->hiddenSectionCount(), view->header()->count());
        flat = view->header()->saveState();
        auto* splitter = w.page->findChild<QSplitter*>();
        QVERIFY(splitter);
        orientation = splitter->orientation();
        handleWidth = splitter->handleWidth();
    }
    QSplitter sideways(orientation == Qt::Horizontal ? Qt::Vertical : Qt::Horizontal);
    sideways.addWidget(new QWidget);
    sideways.addWidget(new QWidget);
    sideways.setHandleWidth(300);
    QByteArray layout;
    {
        QDataStream out(&layout, QIODevice::WriteOnly);
        out << quint32(1) << flat << tree << sideways.saveState();
    }
    QSettings().setValue(QStringLiteral("pages/processes/layout"), layout);
    Window w;
    QHeaderView* header = w.page->view()->header();
    // The defaults: every column shown but the two I/O rates (hidden until asked for).
    QCOMPARE(header->hiddenSectionCount(), 2);
    QVERIFY(header->isSectionHidden(ProcessTableModel::IoRead));
    QVERIFY(header->isSectionHidden(ProcessTableModel::IoWrite));
    auto* splitter = w.page->findChild<QSplitter*>();
    QCOMPARE(splitter->orientation(), orientation);
    QCOMPARE(splitter->handleWidth(), handleWidth);
}

void TestSettingsClamp::exportFolderMustBeAnAbsoluteFolder_data()
{
    QTest::addColumn<QString>("folder");
    QTest::newRow("missing") << QStringLiteral("/nonexistent/folder");
    QTest::newRow("relative") << QStringLiteral(".");
    QTest::newRow("a file") << QStringLiteral("/etc/hostname");
    QTest::newRow("empty") << QString();
}

void TestSettingsClamp::exportFolderMustBeAnAbsoluteFolder()
{
    QFETCH(QString, folder);
    QSettings().setValue(QStringLiteral("export/folder"), folder);
    ExportDialog dialog({}, QString());
    const QString shown = dialog.folder();
    QVERIFY2(QDir::isAbsolutePath(shown), qPrintable(shown));
    QVERIFY2(QFileInfo(shown).isDir(), qPrintable(shown));
    QVERIFY2(shown != folder, qPrintable(shown));

    QTemporaryDir good;
    QSettings().setValue(QStringLiteral("export/folder"), good.path());
    ExportDialog again({}, QString());
    QCOMPARE(again.folder(), good.path());
}

QTEST_MAIN(TestSettingsClamp)
#include "tst_settings_clamp.moc"
