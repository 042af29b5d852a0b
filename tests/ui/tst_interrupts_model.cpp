// SPDX-License-Identifier: GPL-3.0-or-later
// The IRQ and softirq table model under QAbstractItemModelTester (Fatal), fed a scripted sequence
// of snapshots: first sample, rates, an IRQ added, one removed, a CPU coming online (a schema
// change), an unreadable file, empty; plus the busiest-first order through the page's proxy.

#include "core/interrupts/InterruptsCollector.h"
#include "tests/support/TestUtil.h"
#include "ui/interrupts/InterruptsModel.h"
#include "ui/interrupts/InterruptsPanel.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <optional>

using namespace pg;

namespace {

// A snapshot as the sampler would publish it for `text` read at time `t`.
InterruptsSnapshotPtr snapshot(
    IrqRates& rates, const std::string& text, double t, const std::string& soft = {})
{
    auto snap = std::make_shared<InterruptsSnapshot>();
    if (Result<Interrupts> parsed = parseInterrupts(text)) {
        snap->interrupts = std::move(parsed).value();
        snap->irqRates
            = rates.update(t, snap->interrupts.cpuIds, IrqRates::views(snap->interrupts.rows));
        snap->affinity.resize(snap->interrupts.rows.size());
    } else {
        snap->interruptsError = parsed.error();
    }
    if (!soft.empty()) {
        if (Result<Softirqs> parsed = parseSoftirqs(soft))
            snap->softirqs = std::move(parsed).value();
        else
            snap->softirqsError = parsed.error();
    } else {
        snap->softirqsError = Error::FileMissing;
    }
    return snap;
}

QStringList keys(const InterruptsModel& m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, 0).data().toString();
    return out;
}

QString cell(const InterruptsModel& m, const QString& key, InterruptsModel::Column c)
{
    return m.index(m.rowOfKey(key), m.columnOf(c)).data().toString();
}

} // namespace

class TestInterruptsModel : public QObject
{
    Q_OBJECT
private slots:
    void scriptedSequence();
    void affinityAndBalance();
    void softirqs();
    void busiestOnTopAndFilter();
    void attachedToAndFilter();
    void changesLimitedToChangedColumns();
};

void TestInterruptsModel::scriptedSequence()
{
    InterruptsModel model(InterruptsModel::Kind::Hardware);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    IrqRates rates;
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // 1. First sample: the table fills, rates are not known yet ("–", not 0).
    model.applySnapshot(*snapshot(rates,
        "  CPU0 CPU1\n 0: 38 0 IO-APIC 2-edge timer\n 24: 100 200 PCI-MSI 524288-edge "
        "nvme0q0\nLOC: 10 20 Local timer interrupts\nERR: 0\n",
        0));
    QCOMPARE(resets.size(), 1);
    QCOMPARE(keys(model), (QStringList { "0", "24", "LOC", "ERR" }));
    QCOMPARE(model.columnCount(), model.firstCpuColumn() + 2);
    QCOMPARE(
        model.headerData(model.firstCpuColumn() + 1, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("CPU1"));
    QCOMPARE(cell(model, "24", InterruptsModel::Rate), QStringLiteral("–"));
    QCOMPARE(cell(model, "24", InterruptsModel::Devices), QStringLiteral("nvme0q0"));
    QCOMPARE(
        cell(model, "LOC", InterruptsModel::Devices), QStringLiteral("Local timer interrupts"));
    QCOMPARE(cell(model, "24", InterruptsModel::Total), QStringLiteral("300"));
    QCOMPARE(model.index(model.rowOfKey("ERR"), model.firstCpuColumn()).data().toString(),
        QString()); // machine-wide

    // 2. One second later: rates appear, rows updated in place (no reset, no insert/remove).
    model.applySnapshot(*snapshot(rates,
        "  CPU0 CPU1\n 0: 38 0 IO-APIC 2-edge timer\n 24: 100 700 PCI-MSI 524288-edge "
        "nvme0q0\nLOC: 1010 2020 Local timer interrupts\nERR: 0\n",
        1));
    QCOMPARE(resets.size(), 1);
    QCOMPARE(inserted.size(), 0);
    QVERIFY(changed.size() >= 1);
    QCOMPARE(cell(model, "24", InterruptsModel::Rate), QStringLiteral("500"));
    QCOMPARE(cell(model, "LOC", InterruptsModel::Rate), QStringLiteral("3000"));
    QCOMPARE(model.index(model.rowOfKey("24"), model.firstCpuColumn() + 1).data().toString(),
        QStringLiteral("700"));
    QCOMPARE(model.index(model.rowOfKey("24"), model.columnOf(InterruptsModel::Rate))
                 .data(InterruptsModel::SortRole)
                 .toDouble(),
        500.0);

    // 3. IRQ 0 freed, IRQ 40 allocated: one removal, one insertion; the new row has no rate yet.
    changed.clear();
    model.applySnapshot(*snapshot(rates,
        "  CPU0 CPU1\n 24: 100 900 PCI-MSI 524288-edge nvme0q0\n 40: 5 0 PCI-MSI 1-edge eth0\nLOC: "
        "2010 3020 Local timer interrupts\nERR: 0\n",
        2));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(keys(model), (QStringList { "24", "LOC", "ERR", "40" }));
    QCOMPARE(cell(model, "40", InterruptsModel::Rate), QStringLiteral("–"));
    QCOMPARE(cell(model, "24", InterruptsModel::Rate), QStringLiteral("200"));
    // ERR did not change: the changed ranges do not cover it.
    for (const QList<QVariant>& args : std::as_const(changed)) {
        const QModelIndex tl = args[0].value<QModelIndex>();
        const QModelIndex br = args[1].value<QModelIndex>();
        QVERIFY(!(tl.row() <= model.rowOfKey("ERR") && model.rowOfKey("ERR") <= br.row()));
    }

    // 4. The rates drop to 0 (a change); then an identical read changes nothing: no dataChanged.
    changed.clear();
    model.applySnapshot(*snapshot(rates,
        "  CPU0 CPU1\n 24: 100 900 PCI-MSI 524288-edge nvme0q0\n 40: 5 0 PCI-MSI 1-edge eth0\nLOC: "
        "2010 3020 Local timer interrupts\nERR: 0\n",
        3));
    const int before = int(changed.size());
    model.applySnapshot(*snapshot(rates,
        "  CPU0 CPU1\n 24: 100 900 PCI-MSI 524288-edge nvme0q0\n 40: 5 0 PCI-MSI 1-edge eth0\nLOC: "
        "2010 3020 Local timer interrupts\nERR: 0\n",
        4));
    QCOMPARE(int(changed.size()), before);

    // 5. CPU 2 comes online: the columns change, so the model resets once.
    model.applySnapshot(*snapshot(rates,
        "  CPU0 CPU1 CPU2\n 24: 100 900 3 PCI-MSI 524288-edge nvme0q0\nLOC: 2010 3020 7 Local "
        "timer interrupts\nERR: 0\n",
        5));
    QCOMPARE(resets.size(), 2);
    QCOMPARE(model.columnCount(), model.firstCpuColumn() + 3);
    QCOMPARE(keys(model), (QStringList { "24", "LOC", "ERR" }));

    // 6. An unreadable or cut file keeps the last good table (the page shows the error).
    model.applySnapshot(*snapshot(rates, "  CPU0 CPU1 CPU2\n 24: 1", 6));
    QCOMPARE(model.rowCount(), 3);

    // 7. A hostile file naming IRQ 24 twice: one row, the first one.
    model.applySnapshot(*snapshot(rates,
        "  CPU0 CPU1 CPU2\n 24: 1 1 1 PCI-MSI 1-edge first\n 24: 2 2 2 PCI-MSI 1-edge second\n",
        7));
    QCOMPARE(keys(model), (QStringList { "24" }));
    QCOMPARE(cell(model, "24", InterruptsModel::Devices), QStringLiteral("first"));

    // 8. Empty (every IRQ gone): all rows removed, not a reset.
    model.applySnapshot(*snapshot(rates, "  CPU0 CPU1 CPU2\n", 8));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(resets.size(), 2);
}

void TestInterruptsModel::affinityAndBalance()
{
    InterruptsModel model(InterruptsModel::Kind::Hardware);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    IrqRates rates;
    auto snap = std::const_pointer_cast<InterruptsSnapshot>(snapshot(rates,
        "  CPU0 CPU1 CPU2 CPU3\n 24: 97000 1000 1000 1000 PCI-MSI 1-edge eth0\n 25: 1000 1000 0 0 "
        "PCI-MSI 2-edge eth1\n 26: 0 0 0 0 PCI-MSI 3-edge idle\n 27: 9700 100 100 100 PCI-MSI "
        "4-edge eth2\n 28: 10 10 0 0 PCI-MSI 5-edge eth3\n",
        0));
    // Issue 13: balance is judged against the effective affinity, and only with >= 1000 events
    // since boot (kBalanceMinTotalEvents); the counts were raised and 24's effective list
    // dropped so that 24 and 25 still show the two findings; 27 and 28 are the old inputs.
    auto allowedAll = [](std::optional<std::vector<int>> effective) {
        IrqAffinity a;
        a.allowedKnown = true;
        a.allowed = { 0, 1, 2, 3 };
        a.effectiveKnown = effective.has_value();
        a.effective = effective.value_or(std::vector<int> {});
        return a;
    };
    snap->affinity[0] = allowedAll(std::nullopt);
    snap->affinity[3] = allowedAll(std::vector<int> { 0 });
    snap->affinity[4] = allowedAll(std::nullopt);
    snap->affinity[1] = allowedAll(std::nullopt);
    model.applySnapshot(*snap);
    QCOMPARE(cell(model, "24", InterruptsModel::Affinity), QStringLiteral("0-3"));
    QCOMPARE(cell(model, "24", InterruptsModel::Balance), QStringLiteral("CPU 0 takes 97 %"));
    QVERIFY(model.index(model.rowOfKey("24"), 0).data(InterruptsModel::FlaggedRole).toBool());
    QCOMPARE(cell(model, "25", InterruptsModel::Balance), QStringLiteral("2 of 4 allowed CPUs"));
    QCOMPARE(cell(model, "26", InterruptsModel::Balance), QString());
    // One effective CPU: what the kernel was told, never flagged; 20 events: too few to judge.
    QCOMPARE(cell(model, "27", InterruptsModel::Balance), QString());
    QVERIFY(!model.index(model.rowOfKey("27"), 0).data(InterruptsModel::FlaggedRole).toBool());
    QVERIFY(model.index(model.rowOfKey("27"), model.columnOf(InterruptsModel::Balance))
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("effective_affinity_list = 0")));
    QCOMPARE(cell(model, "28", InterruptsModel::Balance), QString());
    QVERIFY(model.index(model.rowOfKey("28"), model.columnOf(InterruptsModel::Balance))
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("20 events since boot")));
    QVERIFY(model.index(model.rowOfKey("24"), model.columnOf(InterruptsModel::Balance))
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("/proc/irq/24/smp_affinity_list")));
    QCOMPARE(
        cell(model, "26", InterruptsModel::Affinity), QStringLiteral("–")); // unreadable, not empty
    QVERIFY(model.index(model.rowOfKey("26"), model.columnOf(InterruptsModel::Affinity))
                .data(Qt::ToolTipRole)
                .toString()
                .contains("not readable"));
}

void TestInterruptsModel::softirqs()
{
    InterruptsModel model(InterruptsModel::Kind::Soft);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    IrqRates rates;
    model.applySnapshot(
        *snapshot(rates, "  CPU0\n", 0, pgtest::fixture("interrupts/softirqs-2cpu.txt")));
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.columnOf(InterruptsModel::Chip), -1);
    QCOMPARE(cell(model, "NET_RX", InterruptsModel::Description),
        QStringLiteral("Network receive processing (NAPI polling)"));
    QCOMPARE(
        model.headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Softirq"));
}

void TestInterruptsModel::busiestOnTopAndFilter()
{
    // The page's panel: fed the 256-CPU fixture, the busiest IRQ by count is the first row, and
    // the filter narrows the table.
    InterruptsPanel panel(InterruptsModel::Kind::Hardware);
    panel.resize(1200, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    IrqRates rates;
    panel.applySnapshot(snapshot(rates, pgtest::fixture("interrupts/interrupts-256cpu.txt"), 0));
    QAbstractItemModelTester tester(
        panel.proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    const InterruptsModel* model = panel.model();
    QCOMPARE(model->rowCount(), 316);
    QCOMPARE(model->columnCount(), model->firstCpuColumn() + 256);
    std::uint64_t busiest = 0;
    for (int r = 0; r < model->rowCount(); ++r)
        busiest = std::max(busiest, model->item(r).total);
    const QModelIndex top = panel.proxy()->index(0, model->columnOf(InterruptsModel::Total));
    QCOMPARE(top.data().toString(), QString::number(busiest));
    panel.filterEdit()->setText(QStringLiteral("nvme"));
    QVERIFY(panel.proxy()->rowCount() > 0);
    for (int r = 0; r < panel.proxy()->rowCount(); ++r)
        QVERIFY(panel.proxy()
                    ->index(r, model->columnOf(InterruptsModel::Devices))
                    .data()
                    .toString()
                    .contains("nvme"));
}

// One CPU's count moves on one IRQ: one dataChanged, for that row, from Total to that CPU's column,
// not over the untouched text columns or the other CPUs.
void TestInterruptsModel::changesLimitedToChangedColumns()
{
    InterruptsModel model(InterruptsModel::Kind::Hardware);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    IrqRates rates;
    const std::string quiet = "  CPU0 CPU1 CPU2\n 24: 100 0 0 PCI-MSI 1-edge nvme0q0\n 25: 5 5 5 "
                              "PCI-MSI 2-edge eth0\n";
    model.applySnapshot(*snapshot(rates, quiet, 0));
    model.applySnapshot(*snapshot(rates, quiet, 1));
    model.applySnapshot(*snapshot(rates, quiet, 2));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applySnapshot(*snapshot(rates,
        "  CPU0 CPU1 CPU2\n 24: 110 0 0 PCI-MSI 1-edge nvme0q0\n 25: 5 5 5 PCI-MSI 2-edge eth0\n",
        3));
    QCOMPARE(changed.size(), 1);
    const QModelIndex tl = changed[0][0].value<QModelIndex>();
    const QModelIndex br = changed[0][1].value<QModelIndex>();
    QCOMPARE(tl.row(), model.rowOfKey("24"));
    QCOMPARE(br.row(), model.rowOfKey("24"));
    QCOMPARE(tl.column(), model.columnOf(InterruptsModel::Total));
    QCOMPARE(br.column(), model.firstCpuColumn());
    QCOMPARE(cell(model, "24", InterruptsModel::Total), QStringLiteral("110"));
}

// The "Attached to" column on fixture trees (tests/data/irqtopo): the filter box (the panel's
// proxy matches FilterRole) finds a NIC's and a disk's IRQs by the names the user knows.
void TestInterruptsModel::attachedToAndFilter()
{
    const QString vm = pgtest::fixturePath(QStringLiteral("irqtopo/vm-virtio"));
    InterruptsCollector collector((vm + "/proc").toStdString(), (vm + "/sys").toStdString());
    InterruptsModel model(InterruptsModel::Kind::Hardware);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applySnapshot(collector.sample(1));
    QCOMPARE(model.headerData(
                 model.columnOf(InterruptsModel::AttachedTo), Qt::Horizontal, Qt::DisplayRole),
        QVariant(QStringLiteral("Attached to")));
    QCOMPARE(cell(model, "38", InterruptsModel::AttachedTo), QStringLiteral("eth0 input.0"));
    QCOMPARE(cell(model, "36", InterruptsModel::AttachedTo), QStringLiteral("vda req.0"));
    QVERIFY(model.index(model.rowOfKey("38"), model.columnOf(InterruptsModel::AttachedTo))
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("0000:00:03.0")));
    // Unknown says why instead of an empty cell without a reason.
    QCOMPARE(cell(model, "24", InterruptsModel::AttachedTo), QString());
    QVERIFY(!model.index(model.rowOfKey("24"), model.columnOf(InterruptsModel::AttachedTo))
                 .data(Qt::ToolTipRole)
                 .toString()
                 .isEmpty());
    // No IRQ with one effective CPU is flagged on this VM (13 of 35 were before).
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY2(!model.index(r, 0).data(InterruptsModel::FlaggedRole).toBool(),
            qPrintable(model.item(r).key));

    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterRole(InterruptsModel::FilterRole);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    auto matches = [&proxy](const QString& text) {
        proxy.setFilterFixedString(text);
        QStringList out;
        for (int r = 0; r < proxy.rowCount(); ++r)
            out << proxy.index(r, 0).data().toString();
        out.sort();
        return out;
    };
    QCOMPARE(matches(QStringLiteral("eth0")),
        (QStringList { QStringLiteral("37"), QStringLiteral("38"), QStringLiteral("39") }));
    // The disk's request queue and its virtio config interrupt (same PCI function).
    QCOMPARE(matches(QStringLiteral("vda")),
        (QStringList { QStringLiteral("35"), QStringLiteral("36") }));
    QCOMPARE(matches(QStringLiteral("vsock")).size(), 4); // virtio3: vsock, not a network card

    const QString nic = pgtest::fixturePath(QStringLiteral("irqtopo/nic16"));
    InterruptsCollector nicCollector((nic + "/proc").toStdString(), (nic + "/sys").toStdString());
    InterruptsModel nicModel(InterruptsModel::Kind::Hardware);
    nicModel.applySnapshot(nicCollector.sample(1));
    proxy.setSourceModel(&nicModel);
    QCOMPARE(matches(QStringLiteral("enp59s0f0")).size(), 17);
    QVERIFY(nicModel.index(nicModel.rowOfKey("68"), 0).data(InterruptsModel::FlaggedRole).toBool());
    QVERIFY(nicModel.index(nicModel.rowOfKey("68"), nicModel.columnOf(InterruptsModel::Balance))
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("irqbalance is running")));
    QVERIFY(
        !nicModel.index(nicModel.rowOfKey("60"), 0).data(InterruptsModel::FlaggedRole).toBool());
}

QTEST_MAIN(TestInterruptsModel)
#include "tst_interrupts_model.moc"
