// SPDX-License-Identifier: GPL-3.0-or-later
// The window watching a host (--host) against a private pmcd (tests/support/PrivatePmcd.h), built
// as procglass-gui builds it (assemblePages with a sampler thread), offscreen: the process table
// shows two children this test names itself (pmdaproc reads them through the pmcd, not this
// window through /proc), the title and the status bar name the host, the details panel and the
// Memory map page show what the host's pmdaproc gives for the selected pid (the other details
// tabs and the per-mapping list say why PCP cannot give them), memory usage says it is not
// available, every signal action is disabled with "signals are not sent to a remote host", and
// the System page gets the host's memory. Skipped
// with the reason when pcp is not installed.

#include "Pages.h"
#include "PcpModuleLoader.h"
#include "core/metatypes/SnapshotTypes.h"
#include "core/pcp/PcpSession.h"
#include "core/sampler/Sampler.h"
#include "core/sampler/SamplerThread.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/PcpModule.h"
#include "tests/support/PrivatePmcd.h"
#include "ui/details/PcpDetailsView.h"
#include "ui/details/ProcessDetailsPanel.h"
#include "ui/interrupts/InterruptsPage.h"
#include "ui/memory/MapTotalsView.h"
#include "ui/memory/MemoryMapPage.h"
#include "ui/memusage/MemoryUsagePage.h"
#include "ui/processes/ProcessActionsController.h"
#include "ui/processes/ProcessTableModel.h"
#include "ui/processes/ProcessTablePage.h"
#include "ui/processes/SystemSummaryBar.h"
#include "ui/shell/MainWindow.h"
#include "ui/system/SystemOverviewPage.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <csignal>
#include <sys/prctl.h>

using namespace pg;

namespace {

// The module the program opens beside itself (app/PcpModuleLoader.cpp); this test's binary is
// elsewhere, so it opens the build's copy by its path, through the program's loader, which loads
// and prepares it here, before the sampler thread starts (see kPcpModulePrepareEntry).
PcpSessionOpener moduleOpener(const std::string& spec)
{
    return pcpSessionOpenerFrom(pgtest::kPcpModule, spec);
}

pid_t namedChild(const char* name)
{
    return pgtest::forkReadyChild([name] { return ::prctl(PR_SET_NAME, name, 0, 0, 0) == 0; });
}

} // namespace

class TestHostWindow : public QObject
{
    Q_OBJECT

private:
    pgtest::PrivatePmcd m_pmcd;

private slots:
    void initTestCase()
    {
        PCP_MODULE_OR_SKIP();
        QStandardPaths::setTestModeEnabled(true);
        registerSnapshotMetaTypes();
        PRIVATE_PMCD_START_OR_SKIP(m_pmcd);
    }

    void theWindowShowsTheHost()
    {
        pgtest::Child alpha, beta;
        alpha.pid = namedChild("pghost-alpha");
        beta.pid = namedChild("pghost-beta");
        QVERIFY(alpha.pid > 0 && beta.pid > 0);

        AppOptions options;
        options.host = m_pmcd.hostSpec();
        options.intervalMs = 250;
        options.intervalSet = true;
        SamplerThread thread;
        MainWindow window(options);
        const AppPages pages
            = assemblePages(window, options, &thread, moduleOpener(options.host.toStdString()));
        window.show();
        thread.start();
        for (Sampler* s : pages.samplers)
            QMetaObject::invokeMethod(s, &Sampler::start, Qt::QueuedConnection);

        // The host and only the host is named.
        QVERIFY2(
            window.windowTitle().contains(m_pmcd.hostSpec()), qPrintable(window.windowTitle()));
        auto* hostLabel = window.findChild<QLabel*>(QStringLiteral("hostLabel"));
        QVERIFY(hostLabel);
        QVERIFY(hostLabel->text().contains(m_pmcd.hostSpec()));

        // The children, by pid and name, as the host's pmdaproc reports them.
        ProcessTableModel* model = pages.processes->model();
        auto commOf = [model](pid_t pid) {
            const int row = model->rowOfPid(pid);
            return row < 0 ? QString() : model->row(row).comm();
        };
        QTRY_COMPARE_WITH_TIMEOUT(commOf(alpha.pid), QStringLiteral("pghost-alpha"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(commOf(beta.pid), QStringLiteral("pghost-beta"), 20000);
        QVERIFY(model->rowOfPid(static_cast<int>(m_pmcd.pid())) >= 0);
        QCOMPARE(QString::fromStdString(model->snapshot()->procRoot), m_pmcd.hostSpec());
        QVERIFY(model->snapshot()->listError.empty());

        // Tooltips name the PCP metrics and the host, not this machine's /proc files.
        for (int c = 0; c < ProcessTableModel::ColumnCount; ++c) {
            const QString tip = model->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString();
            QVERIFY2(!tip.contains(QStringLiteral("/proc/")), qPrintable(tip));
        }
        QVERIFY(model->headerData(ProcessTableModel::Res, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("proc.memory.rss")));
        const QString resCell = model->index(model->rowOfPid(alpha.pid), ProcessTableModel::Res)
                                    .data(Qt::ToolTipRole)
                                    .toString();
        QVERIFY2(resCell.contains(QStringLiteral("proc.memory.rss"))
                && !resCell.contains(QStringLiteral("/proc/")),
            qPrintable(resCell));
        auto* strip = pages.processes->findChild<SystemSummaryBar*>();
        QVERIFY(strip);
        bool namesCpuMetric = false;
        for (const QLabel* l : strip->findChildren<QLabel*>()) {
            QVERIFY2(!l->toolTip().contains(QStringLiteral("/proc/")), qPrintable(l->toolTip()));
            namesCpuMetric |= l->toolTip().contains(QStringLiteral("kernel.all.cpu"))
                && l->toolTip().contains(m_pmcd.hostSpec());
        }
        QVERIFY(namesCpuMetric);

        // Every signal and renice disabled, with the reason.
        ProcessActionsController* actions = pages.processes->processActions();
        QVERIFY(!actions->actionsAllowed());
        int signalActions = 0;
        for (QAction* a : actions->menu()->actions()) {
            if (a->isSeparator())
                continue;
            QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
            QVERIFY2(a->toolTip().contains(QStringLiteral("signals are not sent to a remote host"),
                         Qt::CaseInsensitive),
                qPrintable(a->toolTip()));
            signalActions += a->text().startsWith(QStringLiteral("Send")) ? 1 : 0;
        }
        QVERIFY(signalActions >= 8);

        // A remote pid never reaches kill(2) here: the request is refused before it is made.
        QSignalSpy requests(actions, &ProcessActionsController::actionRequested);
        QVERIFY(pages.processes->selectPid(beta.pid));
        actions->requestSignal(SIGKILL);
        QCOMPARE(requests.count(), 0);
        QCOMPARE(::kill(beta.pid, 0), 0);
        QCOMPARE(pgtest::stateOf(beta.pid), 'S');

        // Selecting a process fetches its details from the host (that pid only), never from
        // this machine's /proc: the Overview is PCP's, the other tabs say why PCP has no list.
        // (Fetched while the panel is on screen: the window may have opened on another page.)
        window.showPage(QStringLiteral("processes"));
        QVERIFY(pages.processes->selectPid(alpha.pid));
        ProcessDetailsPanel* panel = pages.processes->detailsPanel();
        QVERIFY(panel->isRemote());
        QVERIFY(panel->unavailableReason().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(
            panel->pcpView()->field(QStringLiteral("pid")), QString::number(alpha.pid), 20000);
        QVERIFY2(
            panel->title().contains(QStringLiteral("pghost-alpha")), qPrintable(panel->title()));
        QCOMPARE(panel->tabMessage(ProcessDetailsPanel::Overview), QString());
        QVERIFY2(
            panel->pcpView()->field(QStringLiteral("parent")).contains(QString::number(::getpid())),
            qPrintable(panel->pcpView()->field(QStringLiteral("parent"))));
        QVERIFY(!panel->pcpView()->field(QStringLiteral("fds")).startsWith(QLatin1Char('-')));
        for (auto tab : { ProcessDetailsPanel::CommandLine, ProcessDetailsPanel::Environment,
                 ProcessDetailsPanel::OpenFiles, ProcessDetailsPanel::Threads,
                 ProcessDetailsPanel::Limits })
            QVERIFY2(panel->tabMessage(tab).startsWith(
                         QStringLiteral("Not available from Performance Co-Pilot")),
                qPrintable(panel->tabMessage(tab)));

        // The Memory map page: the totals of the chosen process from the host, with the reason
        // the map mapping by mapping is not there.
        QVERIFY(!pages.memory->isUnavailable());
        QVERIFY(pages.memory->isTotalsOnly());
        window.showPage(QStringLiteral("memory"));
        pages.memory->openProcess(ProcessKey { beta.pid, 0 });
        QTRY_VERIFY_WITH_TIMEOUT(pages.memory->showingTotals(), 20000);
        QVERIFY2(pages.memory->titleLabel()->text().contains(QStringLiteral("pghost-beta")),
            qPrintable(pages.memory->titleLabel()->text()));
        QVERIFY(pages.memory->totalsView()->whyText().contains(QStringLiteral("not available")));
        const QString pss = pages.memory->totalsView()->value(QStringLiteral("Pss"));
        QVERIFY2(pss.endsWith(QStringLiteral("KiB")) || pss.endsWith(QStringLiteral("MiB")),
            qPrintable(pss));
        QVERIFY(pages.memoryUsage->isUnavailable());
        QVERIFY(pages.memoryUsage->statusText().contains(QStringLiteral("not available")));
        // processes, details, map totals, interrupts, system: all from the host, nothing local
        QCOMPARE(pages.samplers.size(), 5);

        // The System page: the host's memory, from the process sampler's fetch.
        window.showPage(QStringLiteral("system"));
        QTRY_VERIFY_WITH_TIMEOUT(
            pages.system->lastOverview() && pages.system->lastOverview()->memory.ok(), 20000);
        QVERIFY(pages.system->lastOverview()->sourceError.empty());
        // vmstat and network from the host too (lo is everywhere); no modules in PCP: said so.
        QTRY_VERIFY_WITH_TIMEOUT(pages.system->lastOverview()->net.ok(), 20000);
        const SystemOverviewPtr overview = pages.system->lastOverview();
        QVERIFY(overview->vmstat.ok());
        QVERIFY(overview->vmstat.value->pageFaults().has_value());
        QVERIFY(overview->net.value->find("lo"));
        QVERIFY(!overview->modules.ok());
        QVERIFY(!overview->modules.notAvailable.empty());

        // The Interrupts page: the host's IRQ rows, and rates from its second fetch on.
        window.showPage(QStringLiteral("interrupts"));
        QTRY_VERIFY_WITH_TIMEOUT(
            pages.interrupts->lastSnapshot() && pages.interrupts->lastSnapshot()->irqRates.hasRates,
            20000);
        const InterruptsSnapshotPtr irq = pages.interrupts->lastSnapshot();
        QVERIFY(irq->sourceError.empty());
        QVERIFY(!irq->interrupts.rows.empty());
        QCOMPARE(irq->remoteHost, m_pmcd.hostSpec().toStdString());
        QVERIFY(!irq->interrupts.cpuIds.empty());
        // The chip and devices of the numeric IRQs from their irqtext labels, and the softirqs.
        bool described = false;
        for (const InterruptRow& row : irq->interrupts.rows)
            described |= row.irq >= 0 && !row.chip.empty();
        QVERIFY(described);
        QCOMPARE(irq->softirqsError, Error::None);
        bool timer = false;
        for (const SoftirqRow& row : irq->softirqs.rows)
            timer |= row.name == "TIMER";
        QVERIFY(timer);

        window.close();
        thread.stop();
    }

    void anUnreachableHostSaysSo()
    {
        AppOptions options;
        options.host = QStringLiteral("unix:/nonexistent/procglass-test.socket");
        options.intervalMs = 250;
        SamplerThread thread;
        MainWindow window(options);
        const AppPages pages
            = assemblePages(window, options, &thread, moduleOpener(options.host.toStdString()));
        window.show();
        thread.start();
        for (Sampler* s : pages.samplers)
            QMetaObject::invokeMethod(s, &Sampler::start, Qt::QueuedConnection);
        ProcessTableModel* model = pages.processes->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->snapshot(), 20000);
        QVERIFY(model->snapshot()->processes.empty());
        QVERIFY2(!model->snapshot()->listError.empty(), "an empty table without a reason");
        auto* message = pages.processes->findChild<QLabel*>(QStringLiteral("processMessage"));
        QVERIFY(message);
        QTRY_VERIFY(!message->isHidden());
        QCOMPARE(message->text().toStdString(), model->snapshot()->listError);
        qInfo("the message: %s", qPrintable(message->text()));
        // The other pages say it too.
        window.showPage(QStringLiteral("system"));
        QTRY_VERIFY_WITH_TIMEOUT(!pages.system->sourceErrorText().isEmpty(), 20000);
        window.close();
        thread.stop();
    }
};

QTEST_MAIN(TestHostWindow)
#include "tst_host_window.moc"
