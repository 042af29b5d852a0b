// SPDX-License-Identifier: GPL-3.0-or-later
// File > Connect to host... and the host spec's secrets: a password typed into a spec is stripped
// before the spec is saved (recent hosts: the settings file never holds it), shown (the window
// title) or put on a command line (the new window gets it through the environment, only for the
// spec it was meant for); the recent hosts are newest first, without duplicates, at most ten; the
// dialog fills its field from a recent host and connects only with a spec; --host is refused with
// --proc-root.

#include "GuiCommandLine.h"
#include "HostWindowLauncher.h"
#include "Pages.h"
#include "core/pcp/PcpHostSpec.h"
#include "ui/details/ProcessDetailsPanel.h"
#include "ui/memory/MemoryMapPage.h"
#include "ui/memusage/MemoryUsagePage.h"
#include "ui/processes/ProcessActionsController.h"
#include "ui/processes/ProcessTablePage.h"
#include "ui/shell/ConnectHostDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/RecentHosts.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace pg;

class TestConnectHost : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void secretsAreStripped_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("clean");
        QTest::addColumn<bool>("hadSecret");
        QTest::newRow("host") << "db1"
                              << "db1" << false;
        QTest::newRow("host:port") << "db1:44322"
                                   << "db1:44322" << false;
        QTest::newRow("unix") << "unix:/run/pcp/pmcd.socket"
                              << "unix:/run/pcp/pmcd.socket" << false;
        QTest::newRow("local") << "local:"
                               << "local:" << false;
        QTest::newRow("user only") << "pcps://db1?username=alice"
                                   << "pcps://db1?username=alice" << false;
        QTest::newRow("password last") << "pcps://db1?username=alice&password=sekret"
                                       << "pcps://db1?username=alice" << true;
        QTest::newRow("password first")
            << "pcps://db1:44321?password=sekret&username=alice&method=plain"
            << "pcps://db1:44321?username=alice&method=plain" << true;
        QTest::newRow("pass, any case") << "db1?PASS=sekret"
                                        << "db1" << true;
        QTest::newRow("only a password") << "pcp://db1?password="
                                         << "pcp://db1" << true;
    }

    void secretsAreStripped()
    {
        QFETCH(QString, spec);
        QFETCH(QString, clean);
        QFETCH(bool, hadSecret);
        QCOMPARE(QString::fromStdString(pcpSpecWithoutSecrets(spec.toStdString())), clean);
        QCOMPARE(pcpSpecHasSecret(spec.toStdString()), hadSecret);
    }

    void recentHostsNeverHoldAPassword()
    {
        const QString path = m_dir.filePath(QStringLiteral("recent.ini"));
        {
            QSettings settings(path, QSettings::IniFormat);
            RecentHosts::remember(
                settings, QStringLiteral("pcps://db1?username=alice&password=sekret"));
            RecentHosts::remember(settings, QStringLiteral("db2"));
            RecentHosts::remember(settings, QStringLiteral("  pcps://db1?username=alice  "));
            QCOMPARE(RecentHosts::load(settings),
                QStringList(
                    { QStringLiteral("pcps://db1?username=alice"), QStringLiteral("db2") }));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("db2"));
        QVERIFY2(!text.contains("sekret"), text.constData());
    }

    void recentHostsKeepTheNewestTen()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("ten.ini")), QSettings::IniFormat);
        for (int i = 0; i < 14; ++i)
            RecentHosts::remember(settings, QStringLiteral("host%1").arg(i));
        const QStringList list = RecentHosts::load(settings);
        QCOMPARE(list.size(), RecentHosts::kMax);
        QCOMPARE(list.front(), QStringLiteral("host13"));
        QCOMPARE(list.back(), QStringLiteral("host4"));
    }

    void theDialogFillsItsFieldFromARecentHost()
    {
        ConnectHostDialog dialog({ QStringLiteral("db1"), QStringLiteral("unix:/tmp/x.socket") });
        QVERIFY(!dialog.connectButton()->isEnabled());
        dialog.recentList()->setCurrentRow(1);
        QCOMPARE(dialog.spec(), QStringLiteral("unix:/tmp/x.socket"));
        QVERIFY(dialog.connectButton()->isEnabled());
        dialog.specEdit()->setText(QStringLiteral("   "));
        QVERIFY(!dialog.connectButton()->isEnabled());
        for (const char* form : { "HOST:PORT", "pcps://", "username=", "unix:", "local:" })
            QVERIFY2(ConnectHostDialog::helpText().contains(QLatin1String(form)), form);
    }

    void theTitleNamesTheHostWithoutItsPassword()
    {
        AppOptions options;
        options.host = QStringLiteral("pcps://db1?username=alice&password=sekret");
        MainWindow window(options);
        QVERIFY(window.windowTitle().contains(QStringLiteral("pcps://db1?username=alice")));
        QVERIFY(!window.windowTitle().contains(QStringLiteral("sekret")));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("connectHostAction")));
    }

    void fileConnectAsksAndRemembersWithoutThePassword()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ProcglassTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_connect_host"));
        QSettings().remove(QStringLiteral("hosts"));
        MainWindow window { AppOptions {} };
        QSignalSpy requested(&window, &MainWindow::hostRequested);
        QTimer::singleShot(0, this, [] {
            auto* dialog = qobject_cast<ConnectHostDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->specEdit()->setText(
                QStringLiteral("pcps://db1?username=alice&password=sekret"));
            dialog->connectButton()->click();
        });
        window.findChild<QAction*>(QStringLiteral("connectHostAction"))->trigger();
        QCOMPARE(requested.count(), 1);
        // The window to open gets the spec as typed; the settings keep it without the password.
        QCOMPARE(requested.front().front().toString(),
            QStringLiteral("pcps://db1?username=alice&password=sekret"));
        QSettings settings;
        QCOMPARE(RecentHosts::load(settings),
            QStringList { QStringLiteral("pcps://db1?username=alice") });
        QVERIFY(!settings.value(QStringLiteral("hosts/recent"))
                     .toStringList()
                     .join(u' ')
                     .contains(QStringLiteral("sekret")));
        QSettings().remove(QStringLiteral("hosts"));
    }

    // File > Open recording...: the file chosen is asked for in a window of its own, by an
    // argument that cannot be taken for an option.
    void fileOpenRecordingAsksForAnArchive()
    {
        QStandardPaths::setTestModeEnabled(true);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString meta = dir.filePath(QStringLiteral("-lunch.meta"));
        QFile f(meta);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        MainWindow window { AppOptions {} };
        QSignalSpy requested(&window, &MainWindow::recordingRequested);
        QTimer::singleShot(0, this, [meta] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->objectName(), QStringLiteral("openRecordingDialog"));
            dialog->selectFile(meta);
            QMetaObject::invokeMethod(dialog, "accept");
        });
        window.findChild<QAction*>(QStringLiteral("openRecordingAction"))->trigger();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.front().front().toString(), meta);
        QCOMPARE(archiveWindowArguments(meta), QStringList { QStringLiteral("--archive=") + meta });
        // The window's command line takes it as the archive, not as an option.
        const GuiCommandLine parsed = parseGuiCommandLine(
            QStringList { QStringLiteral("procglass-gui") } << archiveWindowArguments(meta));
        QVERIFY(!parsed.exitCode);
        QCOMPARE(parsed.options.archive, meta);
    }

    void noPageShowsThePassword()
    {
        AppOptions options;
        options.host = QStringLiteral("pcps://db1?username=alice&password=sekret");
        MainWindow window(options);
        const AppPages pages = assemblePages(window, options, nullptr);
        const QString secret = QStringLiteral("sekret");
        QStringList shown { window.windowTitle(),
            pages.processes->detailsPanel()->unavailableReason(),
            pages.processes->processActions()->disabledReason(), pages.memory->placeholderText(),
            pages.memoryUsage->statusText() };
        for (QLabel* label : window.findChildren<QLabel*>())
            shown << label->text() << label->toolTip();
        for (QAction* action : window.findChildren<QAction*>())
            shown << action->text() << action->toolTip();
        QVERIFY(pages.processes->processActions()->disabledReason().contains(
            QStringLiteral("pcps://db1?username=alice")));
        for (const QString& text : shown)
            QVERIFY2(!text.contains(secret), qPrintable(text));
    }

    void thePasswordComesThroughTheEnvironmentForItsSpecOnly()
    {
        const QString prog = QStringLiteral("procglass-gui");
        qputenv(kHostSpecEnv, "pcps://db1?username=alice&password=sekret");
        GuiCommandLine line = parseGuiCommandLine(
            { prog, QStringLiteral("--host"), QStringLiteral("pcps://db1?username=alice") });
        QVERIFY(!line.exitCode);
        QCOMPARE(line.options.host, QStringLiteral("pcps://db1?username=alice&password=sekret"));
        QVERIFY(qgetenv(kHostSpecEnv).isEmpty()); // not passed on to anything this starts
        // Meant for another spec: ignored.
        qputenv(kHostSpecEnv, "pcps://db9?username=alice&password=sekret");
        line = parseGuiCommandLine({ prog, QStringLiteral("--host"), QStringLiteral("db1") });
        QCOMPARE(line.options.host, QStringLiteral("db1"));
        QVERIFY(qgetenv(kHostSpecEnv).isEmpty());
    }

    void hostIsNotMixedWithAProcRoot()
    {
        const GuiCommandLine line
            = parseGuiCommandLine({ QStringLiteral("procglass-gui"), QStringLiteral("--host"),
                QStringLiteral("db1"), QStringLiteral("--proc-root"), QStringLiteral("/proc") });
        QCOMPARE(line.exitCode, std::optional<int>(2));
        const GuiCommandLine empty = parseGuiCommandLine(
            { QStringLiteral("procglass-gui"), QStringLiteral("--host"), QStringLiteral(" ") });
        QCOMPARE(empty.exitCode, std::optional<int>(2));
    }
};

QTEST_MAIN(TestConnectHost)
#include "tst_connect_host.moc"
