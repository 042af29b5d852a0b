// SPDX-License-Identifier: GPL-3.0-or-later
// Unreadable and odd systems, on fixture /proc roots: a container's /proc with few files, a /proc
// mounted with subset=pid or hidepid=, /proc/interrupts missing or unreadable, a machine with one
// CPU. Each page says what it cannot show and why; the rest works.

#include "core/interrupts/InterruptsCollector.h"
#include "core/metatypes/SnapshotTypes.h"
#include "core/process/ProcessCollector.h"
#include "core/system/ProcMounts.h"
#include "core/system/SystemOverview.h"
#include "tests/support/FakeProc.h"
#include "ui/interrupts/InterruptsPage.h"
#include "ui/processes/ProcessTableModel.h"
#include "ui/processes/ProcessTablePage.h"
#include "ui/system/SystemOverviewPage.h"

#include <QLabel>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace pg;

namespace {

// The visible text of every label under `w`, joined.
QString labelsText(const QWidget* w)
{
    QStringList texts;
    for (const QLabel* label : w->findChildren<QLabel*>())
        if (label->isVisible())
            texts << label->text();
    return texts.join(QLatin1Char('\n'));
}

SystemOverviewCollector::Options overviewOptions(const pgtest::FakeProc& fake)
{
    SystemOverviewCollector::Options o;
    o.procRoot = fake.root().toStdString();
    o.sysRoot = "";
    o.readUname = false;
    return o;
}

} // namespace

class TestOddSystems : public QObject
{
    Q_OBJECT
private slots:
    void mountOptions_data();
    void mountOptions();
    void containerWithFewFiles();
    void subsetPidHasNoSystemFiles();
    void hidepidIsExplained();
    void unreadableInterrupts();
    void oneCpu();
};

void TestOddSystems::mountOptions_data()
{
    QTest::addColumn<QByteArray>("mounts");
    QTest::addColumn<int>("hidePid");
    QTest::addColumn<bool>("subset");
    QTest::newRow("plain") << QByteArray("proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n")
                           << 0 << false;
    QTest::newRow("hidepid=2") << QByteArray(
        "sysfs /sys sysfs rw 0 0\nproc /proc proc rw,relatime,hidepid=2 0 0\n")
                               << 2 << false;
    QTest::newRow("hidepid=invisible,subset=pid")
        << QByteArray("proc /proc proc rw,hidepid=invisible,subset=pid 0 0\n") << 2 << true;
    QTest::newRow("noaccess") << QByteArray("proc /proc proc rw,hidepid=noaccess 0 0\n") << 1
                              << false;
    QTest::newRow("other proc mount ignored")
        << QByteArray("proc /mnt/p proc rw,hidepid=2 0 0\n") << 0 << false;
    QTest::newRow("garbage") << QByteArray("\n\n:::\nproc\n") << 0 << false;
}

void TestOddSystems::mountOptions()
{
    QFETCH(QByteArray, mounts);
    const ProcMountOptions o = parseProcMountOptions(
        std::string_view(mounts.constData(), static_cast<std::size_t>(mounts.size())));
    QTEST(o.hidePid, "hidePid");
    QTEST(o.subsetPid, "subset");
    QCOMPARE(o.explain().empty(), o.hidePid == 0 && !o.subsetPid);
}

void TestOddSystems::containerWithFewFiles()
{
    // stat, meminfo, loadavg, uptime and two processes; no interrupts, softirqs, vmstat,
    // diskstats, net/dev, modules or version.
    pgtest::FakeProc fake;
    fake.addProcess(1, "init", 10, 5, std::string("/sbin/init\0", 11));
    fake.addProcess(42, "app", 3, 50, std::string("app\0", 4));

    ProcessCollector::Options processOptions;
    processOptions.procRoot = fake.root().toStdString();
    ProcessCollector processes(processOptions);
    const ProcessSnapshot snap = processes.sample();
    QCOMPARE(snap.processes.size(), std::size_t(2));
    QVERIFY(snap.system.memInfo.has_value());
    QVERIFY(snap.visibilityNote.empty());

    InterruptsCollector interrupts(fake.root().toStdString());
    const InterruptsSnapshot irq = interrupts.sample(1.0);
    QCOMPARE(int(irq.interruptsError), int(Error::FileMissing));
    QCOMPARE(int(irq.softirqsError), int(Error::FileMissing));
    InterruptsPage irqPage;
    irqPage.show();
    irqPage.applySnapshot(std::make_shared<InterruptsSnapshot>(irq));
    const QString irqText = labelsText(&irqPage);
    QVERIFY2(irqText.contains(QStringLiteral("Cannot read /proc/interrupts: file not found")),
        qPrintable(irqText));
    QVERIFY2(irqText.contains(QStringLiteral("/proc/softirqs")), qPrintable(irqText));

    SystemOverviewCollector overview(overviewOptions(fake));
    const SystemOverview o = overview.sample();
    QVERIFY(o.stat.ok());
    QVERIFY(o.memory.ok());
    for (Error e : { o.vmstat.error, o.disks.error, o.net.error, o.modules.error, o.version.error })
        QCOMPARE(int(e), int(Error::FileMissing));
    SystemOverviewPage page;
    page.show();
    page.applyOverview(std::make_shared<SystemOverview>(o));
    for (const QString& tab :
        { QStringLiteral("disks"), QStringLiteral("network"), QStringLiteral("modules") }) {
        const QString why = page.sourceError(tab);
        QVERIFY2(why.contains(QStringLiteral("not found")), qPrintable(tab + ": " + why));
    }
}

void TestOddSystems::subsetPidHasNoSystemFiles()
{
    pgtest::FakeProc fake;
    for (const char* file : { "stat", "meminfo", "loadavg", "uptime" })
        QVERIFY(QFile::remove(fake.root() + "/" + file));
    fake.writeFile("mounts", "proc /proc proc rw,nosuid,nodev,noexec,relatime,subset=pid 0 0\n");
    fake.addProcess(7, "shell", 1, 5, std::string("sh\0", 3));

    ProcessCollector::Options options;
    options.procRoot = fake.root().toStdString();
    ProcessCollector collector(options);
    const ProcessSnapshotPtr snap = std::make_shared<ProcessSnapshot>(collector.sample());
    QCOMPARE(snap->processes.size(), std::size_t(1)); // the processes are still there
    QVERIFY(!snap->system.memInfo.has_value());
    QVERIFY(QString::fromStdString(snap->visibilityNote).contains(QStringLiteral("subset=pid")));

    ProcessTablePage page;
    page.show();
    page.applySnapshot(snap);
    const QString text = labelsText(&page);
    QVERIFY2(text.contains(QStringLiteral("subset=pid")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("/proc/meminfo unreadable")), qPrintable(text));
    QCOMPARE(page.model()->rowCount(), 1);
}

void TestOddSystems::hidepidIsExplained()
{
    pgtest::FakeProc fake;
    fake.writeFile("mounts", "proc /proc proc rw,relatime,hidepid=invisible 0 0\n");
    fake.addProcess(
        100, "mine", 1, 5, std::string("mine\0", 5)); // only our own processes are listed
    ProcessCollector::Options options;
    options.procRoot = fake.root().toStdString();
    options.seesAllProcesses = false; // an ordinary user
    ProcessCollector user(options);
    const QString note = QString::fromStdString(user.sample().visibilityNote);
    QVERIFY2(note.contains(QStringLiteral("hidepid=invisible"))
            && note.contains(QStringLiteral("other users")),
        qPrintable(note));
    options.seesAllProcesses = true; // root: nothing is hidden, nothing to say
    ProcessCollector root(options);
    QVERIFY(root.sample().visibilityNote.empty());
}

void TestOddSystems::unreadableInterrupts()
{
    pgtest::FakeProc fake;
    fake.writeFile(
        "interrupts", "           CPU0\n  0:         38   IO-APIC   2-edge      timer\n");
    QVERIFY(::chmod(QFile::encodeName(fake.root()).constData(), 0755) == 0);
    QVERIFY(::chmod(QFile::encodeName(fake.root() + "/interrupts").constData(), 0) == 0);
    const bool root = ::geteuid() == 0;
    if (root)
        QVERIFY(::seteuid(65534) == 0); // root reads any file: read as an ordinary user
    InterruptsCollector collector(fake.root().toStdString());
    const InterruptsSnapshot snap = collector.sample(1.0);
    if (root)
        QVERIFY(::seteuid(0) == 0);
    QCOMPARE(int(snap.interruptsError), int(Error::PermissionDenied));
    InterruptsPage page;
    page.show();
    page.applySnapshot(std::make_shared<InterruptsSnapshot>(snap));
    QVERIFY(labelsText(&page).contains(
        QStringLiteral("Cannot read /proc/interrupts: permission denied")));
}

void TestOddSystems::oneCpu()
{
    pgtest::FakeProc fake;
    fake.writeFile("stat",
        "cpu  100 0 50 1000 0 0 0 0 0 0\ncpu0 100 0 50 1000 0 0 0 0 0 0\nctxt 10\n"
        "btime 1700000000\nprocesses 50\nprocs_running 1\nprocs_blocked 0\n");
    fake.writeFile("interrupts",
        "           CPU0\n  0:         38   IO-APIC   2-edge      timer\n"
        "LOC:        100   Local timer interrupts\nERR:          0\n");
    fake.writeFile("softirqs",
        "                    CPU0\n          HI:          0\n       TIMER:        10\n");
    fake.addProcess(10, "busy", 100, 5, std::string("busy\0", 5));
    std::int64_t clock = 1000000000;
    ProcessCollector::Options options;
    options.procRoot = fake.root().toStdString();
    options.monotonicNs = [&clock] { return clock; };
    ProcessCollector collector(options);
    (void)collector.sample();
    clock += 1000000000;
    fake.writeFile("10/stat", pgtest::FakeProc::statLine(10, "busy", 'R', 1, 400, 0, 5));
    const ProcessSnapshot s = collector.sample();
    QCOMPARE(s.system.cpuCount, 1);
    QCOMPARE(s.processes[0].cpuPercent, 100.0); // 300 ticks in 1 s, but one CPU: at most 100 %

    InterruptsCollector irq(fake.root().toStdString());
    (void)irq.sample(1.0);
    fake.writeFile("interrupts",
        "           CPU0\n  0:         48   IO-APIC   2-edge      timer\n"
        "LOC:        300   Local timer interrupts\nERR:          0\n");
    const InterruptsSnapshot snap = irq.sample(2.0);
    QCOMPARE(int(snap.interruptsError), int(Error::None));
    QCOMPARE(snap.interrupts.cpuIds.size(), std::size_t(1));
    QVERIFY(snap.irqRates.hasRates);
    QCOMPARE(snap.irqRates.total, 210.0);

    SystemOverviewCollector overview(overviewOptions(fake));
    QCOMPARE(overview.sample().cpuShares.size(), std::size_t(1));
}

QTEST_MAIN(TestOddSystems)
#include "tst_odd_systems.moc"
