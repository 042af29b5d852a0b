// SPDX-License-Identifier: GPL-3.0-or-later
// The System page's Summary tab as a user copies it: the context menu's "Copy the whole summary"
// text has every section, its headings and figures in table order, and the figures are plain
// text (a hostile /proc/version with markup shows as typed, not as rich text).

#include "ui/system/OverviewSummaryWidget.h"

#include <QLabel>
#include <QTest>

using namespace pg;

class TestOverviewSummaryCopy : public QObject
{
    Q_OBJECT
private slots:
    void summaryTextFollowsTheTables();
    void figuresArePlainText();
};

namespace {

std::shared_ptr<SystemOverview> sample()
{
    auto o = std::make_shared<SystemOverview>();
    o->stat.value = parseSystemStat("cpu 100 0 50 800 10 0 0 0 0 0\ncpu0 100 0 50 800 10 0 0 0 0 "
                                    "0\nctxt 101698\nbtime 1551376475\nprocesses 2345\n"
                                    "procs_running 1\nprocs_blocked 0\n")
                        .value();
    o->stat.path = "/proc/stat";
    o->memory.value = parseMemInfo("MemTotal: 16384 kB\nMemFree: 4096 kB\nMemAvailable: 8192 "
                                   "kB\nBuffers: 1024 kB\nCached: 2048 kB\nSwapTotal: 0 kB\n"
                                   "SwapFree: 0 kB\n")
                          .value();
    o->memory.path = "/proc/meminfo";
    o->version.value
        = parseKernelVersion("Linux version 6.1.0-<b>bold</b> (builder@host) (gcc 12.2.0) #1 SMP\n")
              .value();
    o->version.path = "/proc/version";
    o->ticksPerSecond = 100;
    return o;
}

} // namespace

void TestOverviewSummaryCopy::summaryTextFollowsTheTables()
{
    OverviewSummaryWidget w;
    w.apply(sample());
    const QString text = w.summaryText();
    const QStringList lines = text.split(QLatin1Char('\n'));
    QVERIFY(lines.contains(QStringLiteral("Memory")));
    // The RAM row: its heading, then Total, Used, Free, ... as the table shows them.
    QString ram;
    for (const QString& line : lines)
        if (line.startsWith(QStringLiteral("RAM\t")))
            ram = line;
    const QStringList cells = ram.split(QLatin1Char('\t'));
    QVERIFY2(cells.size() >= 4, qPrintable(ram));
    QCOMPARE(cells.at(1), w.figureText(QStringLiteral("memory.total")));
    QCOMPARE(cells.at(3), w.figureText(QStringLiteral("memory.free")));
    QVERIFY(text.contains(w.figureText(QStringLiteral("ctxt"))));
    QVERIFY(text.contains(QStringLiteral("Linux version 6.1.0-<b>bold</b>")));
}

void TestOverviewSummaryCopy::figuresArePlainText()
{
    OverviewSummaryWidget w;
    w.apply(sample());
    auto* version = w.findChild<QLabel*>(QStringLiteral("kernel.proc_version"));
    QVERIFY(version);
    QCOMPARE(version->textFormat(), Qt::PlainText);
    QVERIFY(version->text().contains(QStringLiteral("<b>bold</b>")));
    // No label of the summary is rich text or mouse-selectable (each would carry a text document).
    for (const QLabel* l : w.findChildren<QLabel*>()) {
        if (l->text().contains(QStringLiteral("href")))
            continue; // the link to the Interrupts page
        QVERIFY2(l->textFormat() == Qt::PlainText, qPrintable(l->objectName() + l->text()));
        QCOMPARE(l->textInteractionFlags() & Qt::TextSelectableByMouse, Qt::TextInteractionFlags());
    }
}

QTEST_MAIN(TestOverviewSummaryCopy)
#include "tst_overview_summary_copy.moc"
