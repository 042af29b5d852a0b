// SPDX-License-Identifier: GPL-3.0-or-later
// The details panel and the Memory map page of a PCP host or recording, fed scripted samples (no
// pmcd): the panel asks for the selected process (processChanged) and its Overview shows what PCP
// gave, each missing value as "– (why)" and never a 0; the other tabs say why PCP has no such list;
// a fetch error, an exited pid and a late answer for another pid; the map page in "totals only"
// mode asks its source for the chosen pid, shows the smaps totals (USS derived) and the line why
// the per-mapping list is not there, and reads nothing of this machine.

#include "core/metatypes/SnapshotTypes.h"
#include "core/pcp/PcpProcessDetails.h"
#include "tests/support/ActivateLink.h"
#include "ui/details/PcpDetailsView.h"
#include "ui/details/ProcessDetailsPanel.h"
#include "ui/memory/MapTotalsView.h"
#include "ui/memory/MemoryMapPage.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace pg;

namespace {

PcpDetailsPtr sample(int pid, std::uint64_t startMs)
{
    auto s = std::make_shared<PcpDetailsSample>();
    s->key = ProcessKey { pid, startMs };
    PcpProcessDetails& d = s->details;
    d.pid = pid;
    d.source = "hostA";
    d.timestampSec = 1700000100;
    d.cmd.value = "worker";
    d.psargs.value = "worker --jobs 4";
    d.state.value = "S";
    d.ppid.value = 1;
    d.parentCmd.value = "init";
    d.uid.value = 1000;
    d.euid.value = 1000;
    d.user.value = "alice";
    d.effectiveUser.value = "alice";
    d.threads.value = 3;
    d.nice.value = 5;
    d.priority.value = 25;
    d.startMs.value = startMs;
    d.bootTimeSec.value = 1700000000;
    d.sizeKib.value = 102400;
    d.rssKib.value = 20480;
    d.shareKib.value = 4096;
    d.smaps.pssKib.value = 15000;
    d.smaps.privateCleanKib.value = 1000;
    d.smaps.privateDirtyKib.value = 11000;
    d.smaps.swapKib.value = 0;
    d.rcharBytes.why = "proc.io.rchar refused: pmcd at hostA refuses per-process metrics";
    d.wcharBytes.why = d.rcharBytes.why;
    d.fdCount.why = "pmdaproc on hostA gave no proc.fd.count for process 4242";
    d.smaps.pssFileKib.why = "hostA has no proc.smaps.pss_file";
    return s;
}

} // namespace

class TestPcpDetailsPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { registerSnapshotMetaTypes(); }

    void theOverviewShowsWhatPcpGave()
    {
        ProcessDetailsPanel panel;
        panel.setRemote(QStringLiteral("hostA"));
        QVERIFY(panel.isRemote());
        QSignalSpy asked(&panel, &ProcessDetailsPanel::processChanged);
        panel.showProcess(ProcessKey { 4242, 60000 });
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.at(0).at(0).toInt(), 4242);
        QCOMPARE(asked.at(0).at(1).toULongLong(), 60000ull);
        QVERIFY(panel.tabMessage(ProcessDetailsPanel::Overview).contains(QStringLiteral("hostA")));

        panel.applyPcpDetails(sample(4242, 60000));
        QCOMPARE(panel.tabMessage(ProcessDetailsPanel::Overview), QString());
        QCOMPARE(panel.title(), QStringLiteral("worker · PID 4242 · hostA"));
        PcpDetailsView* v = panel.pcpView();
        QCOMPARE(v->field(QStringLiteral("pid")), QStringLiteral("4242"));
        QCOMPARE(v->field(QStringLiteral("parent")), QStringLiteral("init (1)"));
        // The parent is a link that asks the table to select it.
        QSignalSpy parent(&panel, &ProcessDetailsPanel::parentRequested);
        QVERIFY(pgtest::activateLink(v, QStringLiteral("pid:1")));
        QCOMPARE(parent.count(), 1);
        QCOMPARE(parent.first().at(0).toInt(), 1);
        QCOMPARE(v->field(QStringLiteral("user")),
            QStringLiteral("alice (uid 1000), effective the same"));
        QCOMPARE(v->field(QStringLiteral("state")), QStringLiteral("S (sleeping, interruptible)"));
        QCOMPARE(v->field(QStringLiteral("command")), QStringLiteral("worker --jobs 4"));
        QCOMPARE(v->field(QStringLiteral("nice")), QStringLiteral("5 / 25"));
        QCOMPARE(v->field(QStringLiteral("elapsed")), QStringLiteral("00:00:40"));
        QCOMPARE(
            v->field(QStringLiteral("memory")), QStringLiteral("100 MiB / 20.0 MiB / 4.00 MiB"));
        // Pss without its split (pss_file missing): the total and the USS.
        QCOMPARE(v->field(QStringLiteral("smaps")), QStringLiteral("Pss 14.6 MiB, USS 11.7 MiB"));
        // Refused and missing: the reason, not a 0.
        QCOMPARE(v->field(QStringLiteral("io")),
            QStringLiteral("– (proc.io.rchar refused: pmcd at hostA refuses per-process metrics)"));
        QCOMPARE(v->field(QStringLiteral("fds")),
            QStringLiteral("– (pmdaproc on hostA gave no proc.fd.count for process 4242)"));
        QVERIFY(v->field(QStringLiteral("cwd")).startsWith(QStringLiteral("– (")));
        // The other tabs: why PCP has no such list.
        for (auto tab : { ProcessDetailsPanel::CommandLine, ProcessDetailsPanel::Environment,
                 ProcessDetailsPanel::OpenFiles, ProcessDetailsPanel::Threads,
                 ProcessDetailsPanel::Limits })
            QVERIFY2(panel.tabMessage(tab).startsWith(
                         QStringLiteral("Not available from Performance Co-Pilot (hostA): ")),
                qPrintable(panel.tabMessage(tab)));
        QVERIFY(panel.tabMessage(ProcessDetailsPanel::CommandLine)
                    .contains(QStringLiteral("boundaries are lost")));
        QVERIFY(panel.tabMessage(ProcessDetailsPanel::OpenFiles)
                    .contains(QStringLiteral("proc.fd.count")));

        // A late answer about another pid changes nothing.
        panel.applyPcpDetails(sample(77, 1));
        QCOMPARE(panel.pcpView()->field(QStringLiteral("pid")), QStringLiteral("4242"));
    }

    void errorsAndExitsSayWhy()
    {
        ProcessDetailsPanel panel;
        panel.setRemote(QStringLiteral("hostA"));
        panel.showProcess(ProcessKey { 4242, 60000 });
        auto failed = std::make_shared<PcpDetailsSample>();
        failed->key = ProcessKey { 4242, 60000 };
        failed->details.error = "pmcd at hostA refuses per-process metrics (PM_ERR_PERMISSION)";
        panel.applyPcpDetails(failed);
        QCOMPARE(panel.tabMessage(ProcessDetailsPanel::Overview),
            QStringLiteral("pmcd at hostA refuses per-process metrics (PM_ERR_PERMISSION)"));
        auto gone = std::make_shared<PcpDetailsSample>();
        gone->key = failed->key;
        gone->details.gone = true;
        panel.applyPcpDetails(gone);
        QCOMPARE(panel.tabMessage(ProcessDetailsPanel::Overview),
            QStringLiteral("Process 4242 has exited on hostA."));
        // The table lost the process: its name from the last details.
        panel.applyPcpDetails(sample(4242, 60000));
        panel.showExited(ProcessKey { 4242, 60000 });
        QCOMPARE(panel.title(), QStringLiteral("Process 4242 (worker) has exited."));
    }

    void theMapPageShowsTotalsOnly()
    {
        MemoryMapPage page(nullptr);
        page.setTotalsOnly(nullptr, QStringLiteral("Totals only: not available for a remote host"));
        QVERIFY(page.isTotalsOnly());
        QVERIFY(!page.isUnavailable());
        QCOMPARE(page.pageSource(), nullptr);
        QSignalSpy asked(&page, &MemoryMapPage::targetRequested);
        page.openProcess(ProcessKey { 4242, 0 });
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.at(0).at(0).toInt(), 4242);
        QVERIFY(!page.showingTotals());
        QVERIFY(page.placeholderText().contains(QStringLiteral("4242")));
        page.applyTotals(sample(4242, 60000));
        QVERIFY(page.showingTotals());
        QCOMPARE(page.titleLabel()->text(), QStringLiteral("PID 4242 · worker"));
        MapTotalsView* t = page.totalsView();
        QCOMPARE(t->whyText(), QStringLiteral("Totals only: not available for a remote host"));
        QCOMPARE(t->value(QStringLiteral("Pss")), QStringLiteral("14.6 MiB"));
        QCOMPARE(t->value(QStringLiteral("USS")), QStringLiteral("11.7 MiB"));
        QCOMPARE(t->value(QStringLiteral("Swap")), QStringLiteral("0 KiB")); // a real 0
        QCOMPARE(t->value(QStringLiteral("VIRT")), QStringLiteral("100 MiB"));
        // Never a silent 0: a dash, and the reason where the row's meaning was.
        QCOMPARE(t->value(QStringLiteral("Pss_File")), QStringLiteral("–"));
        QCOMPARE(t->note(QStringLiteral("Pss_File")),
            QStringLiteral("hostA has no proc.smaps.pss_file"));
        QCOMPARE(t->note(QStringLiteral("Pss")),
            QStringLiteral("resident, each shared page divided among the processes mapping it"));
        QCOMPARE(t->value(QStringLiteral("Locked")), QStringLiteral("–"));
        QCOMPARE(t->smapsMessage(), QString());
        QVERIFY(t->rowShown(QStringLiteral("Pss")));
        // No smaps totals at all (a recording without them): one line, VIRT/RES/SHR still there.
        auto none = std::make_shared<PcpDetailsSample>(*sample(4242, 60000));
        none->details.smaps = {};
        none->details.smaps.pssKib.why
            = "archive lunch has no proc.smaps.pss (it was not recorded)";
        page.applyTotals(none);
        QCOMPARE(t->smapsMessage(),
            QStringLiteral("No smaps totals: archive lunch has no proc.smaps.pss (it was not "
                           "recorded)"));
        QVERIFY(!t->rowShown(QStringLiteral("Pss")));
        QVERIFY(!t->rowShown(QStringLiteral("USS")));
        QVERIFY(t->rowShown(QStringLiteral("RES")));
        QCOMPARE(t->value(QStringLiteral("RES")), QStringLiteral("20.0 MiB"));
        // Another process: asked for, its old totals not shown as its own.
        page.openProcess(ProcessKey { 77, 0 });
        QVERIFY(!page.showingTotals());
        page.applyTotals(sample(4242, 60000)); // late
        QVERIFY(!page.showingTotals());
        auto gone = std::make_shared<PcpDetailsSample>();
        gone->key = ProcessKey { 77, 0 };
        gone->details.gone = true;
        gone->details.source = "hostA";
        page.applyTotals(gone);
        QCOMPARE(page.placeholderText(), QStringLiteral("Process 77 has exited on hostA."));
    }
};

QTEST_MAIN(TestPcpDetailsPanel)
#include "tst_pcp_details_panel.moc"
